use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::select_with_strategy::{PollNext, SelectWithStrategy, select_with_strategy};

/// The round-robin strategy: alternate the side polled first.
type RoundRobin = fn(&mut PollNext) -> PollNext;

fn round_robin(last: &mut PollNext) -> PollNext {
    last.toggle()
}

/// Merges two streams with the same item type fairly: the side polled
/// first alternates on every poll, starting with `stream1`.
///
/// Items come out as they become ready; each stream's own order is kept.
/// When both streams are always ready the output strictly alternates
/// (`stream1`, `stream2`, `stream1`, ...) until one ends; the rest of the
/// other follows. The merged stream ends when both have ended, and is
/// fused: an ended input is never polled again. `size_hint` adds the hints
/// of the live inputs.
///
/// This is [`select_with_strategy`] with [`PollNext::toggle`] as the
/// strategy; [`StreamExt::merge`](crate::StreamExt::merge) is the same
/// stream as a method.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::select(stream::iter([1, 2, 3]), stream::iter([10, 20]));
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 10, 2, 20, 3]);
/// ```
pub fn select<St1, St2>(stream1: St1, stream2: St2) -> Select<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    Select {
        inner: select_with_strategy(stream1, stream2, round_robin as RoundRobin),
    }
}

pin_project_lite::pin_project! {
    /// Two streams merged round-robin: see [`select`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::select(stream::iter([1]), stream::iter([2, 3]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Select<St1, St2> {
        #[pin]
        inner: SelectWithStrategy<St1, St2, RoundRobin, PollNext>,
    }
}

delegate_pair_access!(
    Select<St1, St2>,
    inner => (St1, St2),
    example: "stream::select(stream::iter(0..2), stream::iter(5..9))"
);

impl<St1: fmt::Debug, St2: fmt::Debug> fmt::Debug for Select<St1, St2> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (stream1, stream2) = self.get_ref();
        f.debug_struct("Select")
            .field("stream1", stream1)
            .field("stream2", stream2)
            .finish()
    }
}

impl<St1, St2> Stream for Select<St1, St2>
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

impl<St1, St2> FusedStream for Select<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}
