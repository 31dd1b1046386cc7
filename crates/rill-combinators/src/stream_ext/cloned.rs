use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::cloned`](crate::StreamExt::cloned): clones every item out of its reference
    /// (a stream of `&T` becomes a stream of `T`).
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let names = [String::from("a"), String::from("b")];
    /// let s: stream::Cloned<_> = stream::iter(&names).cloned();
    /// let v: Vec<String> = rill_test::block_on(s.collect());
    /// assert_eq!(v, names);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Cloned<St> {
        #[pin]
        stream: St,
    }
}

impl<St: fmt::Debug> fmt::Debug for Cloned<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cloned")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St> Cloned<St> {
    pub(crate) fn new(stream: St) -> Self {
        Cloned { stream }
    }
}

delegate_access!(
    Cloned<St>,
    stream: St,
    example: "stream::iter(vec![&1u8, &2, &3]).cloned()"
);

impl<'a, St, T> Stream for Cloned<St>
where
    St: Stream<Item = &'a T>,
    T: Clone + 'a,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.project()
            .stream
            .poll_next(cx)
            .map(|item| item.cloned())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<'a, St, T> FusedStream for Cloned<St>
where
    St: FusedStream<Item = &'a T>,
    T: Clone + 'a,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
