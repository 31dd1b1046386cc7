use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::inspect`](crate::StreamExt::inspect): calls
    /// a closure with a reference to every item, then passes the item on.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).inspect(|_| {});
    /// assert_eq!(s.into_inner().into_inner().collect::<Vec<_>>(), [1, 2]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Inspect<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St: fmt::Debug, F> fmt::Debug for Inspect<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inspect")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Inspect<St, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        Inspect { stream, f }
    }
}

delegate_access!(
    Inspect<St, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).inspect(|_| {})"
);

impl<St, F> Stream for Inspect<St, F>
where
    St: Stream,
    F: FnMut(&St::Item),
{
    type Item = St::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = self.project();
        this.stream
            .poll_next(cx)
            .map(|item| item.inspect(|item| (this.f)(item)))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F> FusedStream for Inspect<St, F>
where
    St: FusedStream,
    F: FnMut(&St::Item),
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
