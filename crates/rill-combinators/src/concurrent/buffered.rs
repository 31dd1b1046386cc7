//! [`Buffered`]: `StreamExt::buffered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::FuturesOrdered;
use super::fill::{self, Buffer};

pin_project_lite::pin_project! {
    /// A stream that runs the futures of its input concurrently, at most
    /// `limit` at a time, and yields their outputs in input order: see
    /// [`StreamExt::buffered`](crate::StreamExt::buffered).
    #[must_use = "streams do nothing unless polled"]
    pub struct Buffered<St>
    where
        St: Stream,
        St::Item: Future,
    {
        #[pin]
        inner: Buffer<St, FuturesOrdered<St::Item>>,
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

impl<St: Stream> Buffered<St>
where
    St::Item: Future,
{
    /// Returns a shared reference to the underlying stream.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([core::future::ready(1)]).buffered(2);
    /// assert_eq!(s.get_ref().size_hint(), (1, Some(1)));
    /// ```
    pub fn get_ref(&self) -> &St {
        &self.inner.stream
    }

    /// Returns a mutable reference to the underlying stream. Pulling items
    /// from it directly may confuse this adapter.
    pub fn get_mut(&mut self) -> &mut St {
        &mut self.inner.stream
    }

    /// Returns a pinned mutable reference to the underlying stream.
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut St> {
        self.project().inner.project().stream
    }

    /// Returns the underlying stream; the futures in flight are dropped.
    pub fn into_inner(self) -> St {
        self.inner.stream
    }
}

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
            .field("in_progress", &self.inner.pool)
            .field("limit", &self.inner.limit)
            .finish()
    }
}
