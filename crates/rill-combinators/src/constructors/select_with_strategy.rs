use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Which of two streams to poll first: returned by the strategy closure of
/// [`select_with_strategy`].
///
/// The default is [`PollNext::Left`].
///
/// ```
/// use rill_combinators::stream::PollNext;
///
/// let mut next = PollNext::default();
/// assert_eq!(next, PollNext::Left);
/// assert_eq!(next.toggle(), PollNext::Left); // returns the old value...
/// assert_eq!(next, PollNext::Right); // ...and flips it
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PollNext {
    /// Poll the first (left) stream first.
    #[default]
    Left,
    /// Poll the second (right) stream first.
    Right,
}

impl PollNext {
    /// Flips `self` to the other side and returns the side it was on.
    ///
    /// `|side: &mut PollNext| side.toggle()` is the round-robin strategy
    /// that [`select`](super::select()) uses.
    ///
    /// ```
    /// use rill_combinators::stream::PollNext;
    ///
    /// let mut side = PollNext::Right;
    /// assert_eq!(side.toggle(), PollNext::Right);
    /// assert_eq!(side.toggle(), PollNext::Left);
    /// assert_eq!(side, PollNext::Right);
    /// ```
    pub fn toggle(&mut self) -> Self {
        let old = *self;
        *self = old.other();
        old
    }

    fn other(self) -> Self {
        match self {
            PollNext::Left => PollNext::Right,
            PollNext::Right => PollNext::Left,
        }
    }
}

/// Merges two streams with the same item type, asking `which` for every
/// poll which one to try first.
///
/// While both streams are live, each poll calls `which(&mut state)`
/// (`state` starts as `State::default()`), polls the chosen stream, and, if
/// that one has no item ready, polls the other. An item from either is
/// returned; when a stream ends, only the other one is polled from then on
/// (and `which` is no longer called). The merged stream ends when both have
/// ended, and is fused: an ended input is never polled again, and polling
/// after the end keeps returning `Ready(None)`.
///
/// A strategy that always answers the same side starves the other side
/// while that side has items ready: that is the caller's choice.
/// `size_hint` adds the hints of the live inputs.
///
/// # Example
///
/// Prefer the left stream whenever it has an item:
///
/// ```
/// use rill_combinators::stream::{self, PollNext};
/// use rill_combinators::StreamExt;
///
/// let s = stream::select_with_strategy(
///     stream::iter([1, 2]),
///     stream::iter([10, 20]),
///     |_: &mut ()| PollNext::Left,
/// );
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 10, 20]);
/// ```
pub fn select_with_strategy<St1, St2, Clos, State>(
    stream1: St1,
    stream2: St2,
    which: Clos,
) -> SelectWithStrategy<St1, St2, Clos, State>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
    Clos: FnMut(&mut State) -> PollNext,
    State: Default,
{
    SelectWithStrategy {
        stream1,
        stream2,
        done1: false,
        done2: false,
        state: State::default(),
        which,
    }
}

pin_project_lite::pin_project! {
    /// Two streams merged by a strategy: see [`select_with_strategy`].
    ///
    /// ```
    /// use rill_combinators::stream::{self, PollNext};
    /// use rill_combinators::StreamExt;
    ///
    /// let s = stream::select_with_strategy(
    ///     stream::iter([1, 2]),
    ///     stream::iter([3]),
    ///     |_: &mut ()| PollNext::Right,
    /// );
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [3, 1, 2]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct SelectWithStrategy<St1, St2, Clos, State> {
        #[pin]
        stream1: St1,
        #[pin]
        stream2: St2,
        // Set when the stream returned `Ready(None)`; it is not polled again.
        done1: bool,
        done2: bool,
        state: State,
        which: Clos,
    }
}

impl<St1, St2, Clos, State> fmt::Debug for SelectWithStrategy<St1, St2, Clos, State>
where
    St1: fmt::Debug,
    St2: fmt::Debug,
    State: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SelectWithStrategy")
            .field("stream1", &self.stream1)
            .field("stream2", &self.stream2)
            .field("done1", &self.done1)
            .field("done2", &self.done2)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

delegate_pair_access!(
    SelectWithStrategy<St1, St2, Clos, State>,
    (stream1: St1, stream2: St2),
    example: "stream::select_with_strategy(stream::iter(0..2), stream::iter(5..9), |_: &mut ()| stream::PollNext::Left)"
);

/// The hint of one input: nothing more once it has ended.
fn live_hint<S: Stream>(stream: &S, done: bool) -> (usize, Option<usize>) {
    if done {
        (0, Some(0))
    } else {
        stream.size_hint()
    }
}

impl<St1, St2, Clos, State> Stream for SelectWithStrategy<St1, St2, Clos, State>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
    Clos: FnMut(&mut State) -> PollNext,
{
    type Item = St1::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St1::Item>> {
        let mut this = self.project();
        let first = match (*this.done1, *this.done2) {
            (false, false) => (this.which)(this.state),
            (true, false) => PollNext::Right,
            (false, true) => PollNext::Left,
            (true, true) => return Poll::Ready(None),
        };
        for side in [first, first.other()] {
            let (poll, done) = match side {
                PollNext::Left if !*this.done1 => {
                    (this.stream1.as_mut().poll_next(cx), &mut *this.done1)
                }
                PollNext::Right if !*this.done2 => {
                    (this.stream2.as_mut().poll_next(cx), &mut *this.done2)
                }
                _ => continue,
            };
            match poll {
                Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
                Poll::Ready(None) => *done = true,
                Poll::Pending => {}
            }
        }
        if *this.done1 && *this.done2 {
            Poll::Ready(None)
        } else {
            Poll::Pending
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lo1, hi1) = live_hint(&self.stream1, self.done1);
        let (lo2, hi2) = live_hint(&self.stream2, self.done2);
        let upper = match (hi1, hi2) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
        (lo1.saturating_add(lo2), upper)
    }
}

impl<St1, St2, Clos, State> FusedStream for SelectWithStrategy<St1, St2, Clos, State>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
    Clos: FnMut(&mut State) -> PollNext,
{
    fn is_terminated(&self) -> bool {
        self.done1 && self.done2
    }
}
