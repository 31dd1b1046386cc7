use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::select_with_strategy::{PollNext, SelectWithStrategy, select_with_strategy};

/// The strategy of `or`: always try the first stream first.
type LeftFirst = fn(&mut ()) -> PollNext;

fn left_first(_: &mut ()) -> PollNext {
    PollNext::Left
}

/// Merges two streams with the same item type, preferring `stream1`: on
/// every poll it is polled first, and `stream2` only when `stream1` has no
/// item ready.
///
/// This is futures-lite's `or` (also [`StreamExt::or`](crate::StreamExt::or)).
/// Each stream's own order is kept. While `stream1` is always ready,
/// `stream2` is not polled at all: use [`select`](super::select()) or
/// [`race`](super::race()) to share turns. The merged stream ends when
/// both have ended, and is fused: an ended input is never polled again.
/// `size_hint` adds the hints of the live inputs. It is
/// [`select_with_strategy`](super::select_with_strategy()) with a strategy
/// that always answers [`PollNext::Left`].
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::or(stream::iter([1, 2]), stream::iter([10, 20]));
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 10, 20]);
///
/// // A pending first stream lets the second through.
/// let mut s = stream::or(stream::pending(), stream::iter([10]));
/// rill_test::assert_stream_next!(s, 10);
/// rill_test::assert_stream_pending!(s);
/// ```
pub fn or<St1, St2>(stream1: St1, stream2: St2) -> Or<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    Or {
        inner: select_with_strategy(stream1, stream2, left_first as LeftFirst),
    }
}

pin_project_lite::pin_project! {
    /// Two streams merged with a preference for the first: see [`or`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s: stream::Or<_, _> = stream::iter([1]).or(stream::iter([2, 3]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Or<St1, St2> {
        #[pin]
        inner: SelectWithStrategy<St1, St2, LeftFirst, ()>,
    }
}

delegate_pair_access!(
    Or<St1, St2>,
    inner => (St1, St2),
    example: "stream::or(stream::iter(0..2), stream::iter(5..9))"
);

impl<St1: fmt::Debug, St2: fmt::Debug> fmt::Debug for Or<St1, St2> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (stream1, stream2) = self.get_ref();
        f.debug_struct("Or")
            .field("stream1", stream1)
            .field("stream2", stream2)
            .finish()
    }
}

impl<St1, St2> Stream for Or<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    type Item = St1::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St1::Item>> {
        self.project().inner.poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St1, St2> FusedStream for Or<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}
