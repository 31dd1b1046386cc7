//! [`BufferUnordered`]: `StreamExt::buffer_unordered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::FuturesUnordered;
use super::fill::{self, Buffer};

pin_project_lite::pin_project! {
    /// A stream that runs the futures of its input concurrently, at most
    /// `limit` at a time, and yields their outputs as they complete: see
    /// [`StreamExt::buffer_unordered`](crate::StreamExt::buffer_unordered).
    #[must_use = "streams do nothing unless polled"]
    pub struct BufferUnordered<St>
    where
        St: Stream,
    {
        #[pin]
        inner: Buffer<St, FuturesUnordered<St::Item>>,
    }
}

impl<St: Stream> BufferUnordered<St>
where
    St::Item: Future,
{
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        Self {
            inner: Buffer::new(stream, fill::limit(limit)),
        }
    }
}

impl<St: Stream> BufferUnordered<St> {
    /// Returns a shared reference to the underlying stream.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([core::future::ready(1)]).buffer_unordered(2);
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

impl<St> Stream for BufferUnordered<St>
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

impl<St> FusedStream for BufferUnordered<St>
where
    St: Stream,
    St::Item: Future,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl<St> fmt::Debug for BufferUnordered<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BufferUnordered")
            .field("stream", &self.inner.stream)
            .field("in_progress", &self.inner.pool)
            .field("limit", &self.inner.limit)
            .finish()
    }
}
