//! [`Buffered`]: `StreamExt::buffered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::buffer::Buffer;
use super::fill;
use super::futures_ordered::Ordered;

pin_project_lite::pin_project! {
    /// A stream that runs the futures of its input concurrently, at most
    /// `limit` at a time, and yields their outputs in input order: see
    /// [`StreamExt::buffered`](crate::StreamExt::buffered).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([core::future::ready(1)]).buffered(2);
    /// assert_eq!(s.get_ref().get_ref().len(), 1);
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Buffered<St>
    where
        St: Stream,
        St::Item: Future,
    {
        #[pin]
        inner: Buffer<St, Ordered<St::Item, <St::Item as Future>::Output>>,
    }
}

impl<St: Stream> Buffered<St>
where
    St::Item: Future,
{
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        Self {
            inner: Buffer::new(stream, fill::limit(limit)),
        }
    }
}

delegate_access!(
    Buffered<St>,
    inner.stream: St,
    example: "stream::iter(vec![core::future::ready(1u8), core::future::ready(2), core::future::ready(3)]).buffered(2)",
    where St: Stream, St::Item: Future
);

impl<St> Stream for Buffered<St>
where
    St: Stream,
    St::Item: Future,
{
    type Item = <St::Item as Future>::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St> FusedStream for Buffered<St>
where
    St: Stream,
    St::Item: Future,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl<St> fmt::Debug for Buffered<St>
where
    St: Stream + fmt::Debug,
    St::Item: Future,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buffered")
            .field("stream", &self.inner.stream)
            .field("in_progress", &self.inner.pool.len())
            .field("limit", &self.inner.limit)
            .finish()
    }
}
