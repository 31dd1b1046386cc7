use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::map`](crate::StreamExt::map): applies a
    /// closure to every item.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(1..=3).map(|x| x + 1);
    /// assert_eq!(s.size_hint(), (3, Some(3)));
    /// assert_eq!(s.get_ref().size_hint(), (3, Some(3)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Map<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St: fmt::Debug, F> fmt::Debug for Map<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Map").field("stream", &self.stream).finish()
    }
}

impl<St, F> Map<St, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        Map { stream, f }
    }
}

delegate_access!(
    Map<St, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).map(|x| x + 1)"
);

impl<St, F, T> Stream for Map<St, F>
where
    St: Stream,
    F: FnMut(St::Item) -> T,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = self.project();
        this.stream.poll_next(cx).map(|item| item.map(this.f))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F, T> FusedStream for Map<St, F>
where
    St: FusedStream,
    F: FnMut(St::Item) -> T,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
