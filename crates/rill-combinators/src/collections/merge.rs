use alloc::boxed::Box;
use alloc::vec;
use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::set::{SameItems, StreamSet};
use crate::concurrent::{BUDGET, ReadyQueue, Turn};

/// Merges a collection of streams with one item type into one stream of
/// their items, in the order they become ready, as `.merge()` does in
/// futures-concurrency.
///
/// Implemented for tuples of 1 to 12 streams, arrays `[S; N]` and `Vec<S>`
/// (all with `alloc`: the wake tracking is allocated once, when the merge
/// is created). For two streams, [`StreamExt::merge`] is the same idea
/// with strict alternation and no wake tracking.
///
/// ```
/// use rill_combinators::collections::Merge;
/// use rill_combinators::{StreamExt, stream};
///
/// let s = (stream::iter([1, 2]), stream::once(async { 3 }), stream::iter(vec![4])).merge();
/// let mut v: Vec<i32> = rill_test::block_on(s.collect());
/// v.sort();
/// assert_eq!(v, [1, 2, 3, 4]);
/// ```
///
/// [`StreamExt::merge`]: crate::StreamExt::merge
pub trait Merge {
    /// The item of every stream.
    type Item;
    /// The merged stream.
    type Stream: Stream<Item = Self::Item>;

    /// Merges the streams.
    ///
    /// ```
    /// use rill_combinators::collections::Merge;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// // Every ready stream gets a turn before any gets a second one.
    /// let s = [stream::iter([1, 2]), stream::iter([10, 20])].merge();
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 10, 2, 20]);
    /// ```
    fn merge(self) -> Self::Stream;
}

impl<C: SameItems> Merge for C {
    type Item = C::Item;
    type Stream = MergeStreams<C>;

    fn merge(self) -> MergeStreams<C> {
        MergeStreams::new(self)
    }
}

pin_project_lite::pin_project! {
    /// Stream for [`Merge::merge`]: the items of every stream of a
    /// collection, as they become ready.
    ///
    /// The streams are polled on the crate's ready queue, with the rules of
    /// the task set (docs/semantics.md, "Concurrency"):
    ///
    /// - **Only woken streams are polled.** Each stream gets its own waker;
    ///   a poll of the merge polls the streams woken since the last one
    ///   (and a stream right after it yielded), never the others, so the
    ///   work per poll is proportional to the number of woken streams, not
    ///   to the size of the collection. A stream woken several times is
    ///   polled once.
    /// - **Fairness.** Woken streams and streams that just yielded share one
    ///   first-in, first-out order: a stream that yields goes to the back,
    ///   behind every stream whose wake was observed before, so an
    ///   always-ready stream cannot starve the others. With every stream
    ///   ready, they take turns in order (stream 0, 1, 2, 0, 1, 2, ...).
    /// - **Budget.** One poll polls at most 32 streams; if they all were
    ///   pending and more are queued, the merge wakes its task and returns
    ///   `Pending`.
    /// - **No allocation per item.** The wake tracking (one reference
    ///   counted block per 64 streams and a queue of stream numbers) is
    ///   allocated when the merge is created.
    ///
    /// Each stream's own order is kept. A stream that returned
    /// `Ready(None)` is never polled again; the merge ends when every
    /// stream has ended (at once for a collection of no streams), and is
    /// fused. A panic in a stream propagates out of `poll_next`, and that
    /// stream then counts as ended: it is never polled again (it stays in
    /// the collection, dropped with the merge), and the merge ends when the
    /// others have. `size_hint` adds the hints of the live streams.
    ///
    /// ```
    /// use rill_combinators::collections::{Merge, MergeStreams};
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s: MergeStreams<Vec<_>> = vec![stream::iter(0..2), stream::iter(0..3)].merge();
    /// assert_eq!(s.size_hint(), (5, Some(5)));
    /// assert_eq!(rill_test::block_on(s.count()), 5);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct MergeStreams<C>
    where
        C: StreamSet,
    {
        #[pin]
        streams: C,
        // `Unpin` exactly when every stream is (see `set.rs`).
        #[pin]
        pins: PhantomData<C::Pins>,
        queue: ReadyQueue,
        // `ended[i]`: stream `i` returned `Ready(None)`.
        ended: Box<[bool]>,
        live: usize,
        terminated: bool,
    }
}

impl<C: StreamSet> MergeStreams<C> {
    fn new(streams: C) -> Self {
        let count = streams.count();
        let mut queue = ReadyQueue::new();
        while queue.capacity() < count {
            queue.grow();
        }
        // Every stream gets a first turn, in order.
        for index in 0..count {
            queue.push(index);
        }
        MergeStreams {
            streams,
            pins: PhantomData,
            queue,
            ended: vec![false; count].into_boxed_slice(),
            live: count,
            terminated: false,
        }
    }

    /// Returns a shared reference to the collection of streams.
    ///
    /// ```
    /// use rill_combinators::collections::Merge;
    /// use rill_combinators::stream;
    ///
    /// let s = (stream::iter(0..2), stream::iter(5..9)).merge();
    /// assert_eq!(s.get_ref().1.get_ref().len(), 4);
    /// ```
    pub fn get_ref(&self) -> &C {
        &self.streams
    }

    /// Consumes the merge and returns the collection of streams (those
    /// that ended included).
    ///
    /// There is no `get_mut`: changing the collection (a `Vec`'s length, a
    /// stream's pinned place) under the merge would break it.
    ///
    /// ```
    /// use rill_combinators::collections::Merge;
    /// use rill_combinators::stream;
    ///
    /// let v = vec![stream::iter(0..2), stream::iter(5..9)].merge().into_inner();
    /// assert_eq!(v.len(), 2);
    /// ```
    pub fn into_inner(self) -> C {
        self.streams
    }
}

impl<C: StreamSet + fmt::Debug> fmt::Debug for MergeStreams<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MergeStreams")
            .field("streams", &self.streams)
            .field("live", &self.live)
            .finish_non_exhaustive()
    }
}

impl<C: SameItems> Stream for MergeStreams<C> {
    type Item = C::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<C::Item>> {
        let this = self.project();
        if *this.live > 0 {
            let mut streams = this.streams;
            let (ended, live) = (this.ended, this.live);
            let item = this.queue.poll(cx, &mut BUDGET.clone(), |index, cx| {
                // An ended stream may still be woken by a waker it kept.
                if ended[index] {
                    return Turn::Vacant;
                }
                // Bookkeeping first: if the poll unwinds, the stream counts
                // as ended (it is never polled again, and the merge ends
                // when the others have), as the task set drops a child
                // that panics.
                ended[index] = true;
                *live -= 1;
                let poll = streams.as_mut().poll_at(index, cx);
                if let Poll::Ready(None) = poll {
                    return Turn::Pending;
                }
                ended[index] = false;
                *live += 1;
                match poll {
                    Poll::Ready(Some(item)) => Turn::Yield(item),
                    _ => Turn::Pending,
                }
            });
            if let Some(item) = item {
                return Poll::Ready(Some(item));
            }
            if *live > 0 {
                return Poll::Pending;
            }
        }
        *this.terminated = true;
        Poll::Ready(None)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0..self.streams.count())
            .filter(|&index| !self.ended[index])
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

impl<C: SameItems> FusedStream for MergeStreams<C> {
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}
