use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::copied`](crate::StreamExt::copied): copies every item out of its reference
    /// (a stream of `&T` becomes a stream of `T`).
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let nums = [1, 2, 3];
    /// let s: stream::Copied<_> = stream::iter(&nums).copied();
    /// let v: Vec<i32> = rill_test::block_on(s.collect());
    /// assert_eq!(v, nums);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Copied<St> {
        #[pin]
        stream: St,
    }
}

impl<St: fmt::Debug> fmt::Debug for Copied<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Copied")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St> Copied<St> {
    pub(crate) fn new(stream: St) -> Self {
        Copied { stream }
    }
}

delegate_access!(
    Copied<St>,
    stream: St,
    example: "stream::iter(vec![&1u8, &2, &3]).copied()"
);

impl<'a, St, T> Stream for Copied<St>
where
    St: Stream<Item = &'a T>,
    T: Copy + 'a,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.project()
            .stream
            .poll_next(cx)
            .map(|item| item.copied())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<'a, St, T> FusedStream for Copied<St>
where
    St: FusedStream<Item = &'a T>,
    T: Copy + 'a,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
