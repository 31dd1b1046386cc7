use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::set::{SameItems, StreamSet};

/// Chains a collection of streams with one item type: the items of the
/// first stream, then those of the second, and so on, as `.chain()` does
/// in futures-concurrency.
///
/// Implemented for tuples of 1 to 12 streams, arrays `[S; N]` and (with
/// `alloc`) `Vec<S>`. For two streams, [`StreamExt::chain`] does the same.
///
/// ```
/// use rill_combinators::collections::Chain;
/// use rill_combinators::{StreamExt, stream};
///
/// let s = (stream::iter([1, 2]), stream::once(async { 3 }), stream::iter(vec![4])).chain();
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3, 4]);
/// ```
///
/// [`StreamExt::chain`]: crate::StreamExt::chain
pub trait Chain {
    /// The item of every stream.
    type Item;
    /// The chained stream.
    type Stream: Stream<Item = Self::Item>;

    /// Chains the streams, in order.
    ///
    /// ```
    /// use rill_combinators::collections::Chain;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = [stream::iter(0..2), stream::iter(5..7)].chain();
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [0, 1, 5, 6]);
    /// ```
    fn chain(self) -> Self::Stream;
}

impl<C: SameItems> Chain for C {
    type Item = C::Item;
    type Stream = ChainStreams<C>;

    fn chain(self) -> ChainStreams<C> {
        ChainStreams {
            streams: self,
            pins: PhantomData,
            current: 0,
            terminated: false,
        }
    }
}

pin_project_lite::pin_project! {
    /// Stream for [`Chain::chain`]: the streams of a collection one after
    /// the other.
    ///
    /// Only the current stream is polled; the next one starts in the same
    /// poll in which the current one returns `Ready(None)`, and a stream
    /// that ended is never polled again. Ended streams are kept (a tuple's
    /// fields cannot be dropped one by one) and dropped with the chain. A
    /// collection of no streams gives an empty stream. `size_hint` adds
    /// the hints of the current and later streams. Fused: after
    /// `Ready(None)` it keeps returning `Ready(None)` without polling
    /// anything.
    ///
    /// ```
    /// use rill_combinators::collections::{Chain, ChainStreams};
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s: ChainStreams<Vec<_>> = vec![stream::iter(0..2), stream::iter(0..3)].chain();
    /// assert_eq!(s.size_hint(), (5, Some(5)));
    /// assert_eq!(rill_test::block_on(s.count()), 5);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ChainStreams<C>
    where
        C: StreamSet,
    {
        #[pin]
        streams: C,
        // `Unpin` exactly when every stream is (see `set.rs`).
        #[pin]
        pins: PhantomData<C::Pins>,
        current: usize,
        terminated: bool,
    }
}

impl<C: StreamSet> ChainStreams<C> {
    /// Returns a shared reference to the collection of streams.
    ///
    /// ```
    /// use rill_combinators::collections::Chain;
    /// use rill_combinators::stream;
    ///
    /// let s = [stream::iter(0..2), stream::iter(5..9)].chain();
    /// assert_eq!(s.get_ref()[1].get_ref().len(), 4);
    /// ```
    pub fn get_ref(&self) -> &C {
        &self.streams
    }

    /// Consumes the chain and returns the collection of streams (those
    /// that ended included).
    ///
    /// There is no `get_mut`: changing the collection (a `Vec`'s length, a
    /// stream's pinned place) under the chain would break it.
    ///
    /// ```
    /// use rill_combinators::collections::Chain;
    /// use rill_combinators::stream;
    ///
    /// let [a, b] = [stream::iter(0..2), stream::iter(5..9)].chain().into_inner();
    /// assert_eq!(a.into_inner().chain(b.into_inner()).count(), 6);
    /// ```
    pub fn into_inner(self) -> C {
        self.streams
    }
}

impl<C: StreamSet + fmt::Debug> fmt::Debug for ChainStreams<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChainStreams")
            .field("streams", &self.streams)
            .field("current", &self.current)
            .finish()
    }
}

impl<C: SameItems> Stream for ChainStreams<C> {
    type Item = C::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<C::Item>> {
        let this = self.project();
        let mut streams = this.streams;
        while *this.current < streams.count() {
            match streams.as_mut().poll_at(*this.current, cx) {
                Poll::Ready(None) => *this.current += 1,
                other => return other,
            }
        }
        *this.terminated = true;
        Poll::Ready(None)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.current..self.streams.count())
            .map(|index| self.streams.size_hint_at(index))
            .fold((0, Some(0)), |(lower, upper), (lo, up)| {
                let upper = match (upper, up) {
                    (Some(a), Some(b)) => a.checked_add(b),
                    _ => None,
                };
                (lower.saturating_add(lo), upper)
            })
    }
}

impl<C: SameItems> FusedStream for ChainStreams<C> {
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}
