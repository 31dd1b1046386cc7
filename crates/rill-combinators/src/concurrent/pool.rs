//! [`Pool`]: the futures a [`Buffer`](super::buffer::Buffer) feeds, in
//! flight: a `FuturesUnordered` (`buffer_unordered`) or the queue behind
//! `FuturesOrdered` (`buffered`).

use rill_core::Stream;

/// A pool of futures a [`Buffer`](super::buffer::Buffer) feeds:
/// `FuturesUnordered` or `FuturesOrdered`'s queue.
pub(crate) trait Pool<F>: Stream + Unpin {
    fn with_capacity(capacity: usize) -> Self;
    fn len(&self) -> usize;
    fn push(&mut self, future: F);
}

impl<F: Future> Pool<F> for super::FuturesUnordered<F> {
    fn with_capacity(capacity: usize) -> Self {
        Self::with_capacity(capacity)
    }
    #[inline]
    fn len(&self) -> usize {
        self.len()
    }
    #[inline]
    fn push(&mut self, future: F) {
        self.push(future);
    }
}

impl<F: Future<Output = Out>, Out> Pool<F> for super::futures_ordered::Ordered<F, Out> {
    fn with_capacity(capacity: usize) -> Self {
        Self::with_capacity(capacity)
    }
    #[inline]
    fn len(&self) -> usize {
        self.len()
    }
    #[inline]
    fn push(&mut self, future: F) {
        self.push_back(future);
    }
}
