use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::rng::Rng;

/// Merges two streams with the same item type, picking at random, on every
/// poll, which one is polled first.
///
/// This is futures-lite's `race` (also
/// [`StreamExt::race`](crate::StreamExt::race)). When both are ready, each
/// is equally likely to give the next item, so neither can starve the other;
/// if the one picked has no item ready, the other is polled in the same
/// call. Each stream's own order is kept. The merged stream ends when both
/// have ended, and is fused: an ended input is never polled again (and no
/// more random numbers are drawn). `size_hint` adds the hints of the live
/// inputs.
///
/// The random choice comes from a small generator seeded anew for every
/// `race`: from the standard library's random keys with the `std` feature;
/// without it, from a counter and an address, so the choices may repeat
/// from run to run. Use [`race_with_seed`] for choices that are the same in
/// every run (tests).
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::race(stream::iter([1, 2, 3]), stream::iter([10, 20]));
/// let mut v: Vec<i32> = rill_test::block_on(s.collect());
/// v.sort();
/// assert_eq!(v, [1, 2, 3, 10, 20]);
/// ```
pub fn race<St1, St2>(stream1: St1, stream2: St2) -> Race<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    Race::new(stream1, stream2, Rng::fresh())
}

/// [`race`] with a seed for the random choices: the same seed and the same
/// readiness of the inputs give the same interleaving in every run.
///
/// futures-lite's `race_with_seed`, for reproducible tests.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let run = |seed| {
///     let s = stream::race_with_seed(stream::iter(0..5), stream::iter(10..15), seed);
///     rill_test::block_on(s.collect::<Vec<_>>())
/// };
/// assert_eq!(run(7), run(7));
/// assert_eq!(run(7).len(), 10);
/// ```
pub fn race_with_seed<St1, St2>(stream1: St1, stream2: St2, seed: u64) -> Race<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    Race::new(stream1, stream2, Rng::with_seed(seed))
}

pin_project_lite::pin_project! {
    /// Two streams merged in a random order: see [`race`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s: stream::Race<_, _> = stream::iter([1]).race(stream::iter([2]));
    /// assert_eq!(rill_test::block_on(s.count()), 2);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Race<St1, St2> {
        #[pin]
        stream1: St1,
        #[pin]
        stream2: St2,
        // Set when the stream returned `Ready(None)`; it is not polled again.
        done1: bool,
        done2: bool,
        rng: Rng,
    }
}

impl<St1: fmt::Debug, St2: fmt::Debug> fmt::Debug for Race<St1, St2> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Race")
            .field("stream1", &self.stream1)
            .field("stream2", &self.stream2)
            .field("done1", &self.done1)
            .field("done2", &self.done2)
            .finish_non_exhaustive()
    }
}

impl<St1, St2> Race<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2, rng: Rng) -> Self {
        Race {
            stream1,
            stream2,
            done1: false,
            done2: false,
            rng,
        }
    }
}

delegate_pair_access!(
    Race<St1, St2>,
    (stream1: St1, stream2: St2),
    example: "stream::race(stream::iter(0..2), stream::iter(5..9))"
);

impl<St1, St2> Stream for Race<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    type Item = St1::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St1::Item>> {
        let mut this = self.project();
        let first_is_1 = match (*this.done1, *this.done2) {
            (false, false) => this.rng.next_bool(),
            (true, true) => return Poll::Ready(None),
            (done1, _) => !done1,
        };
        for is_1 in [first_is_1, !first_is_1] {
            let (poll, done) = if is_1 && !*this.done1 {
                (this.stream1.as_mut().poll_next(cx), &mut *this.done1)
            } else if !is_1 && !*this.done2 {
                (this.stream2.as_mut().poll_next(cx), &mut *this.done2)
            } else {
                continue;
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
        let live =
            |done: bool, hint: (usize, Option<usize>)| if done { (0, Some(0)) } else { hint };
        let (lo1, hi1) = live(self.done1, self.stream1.size_hint());
        let (lo2, hi2) = live(self.done2, self.stream2.size_hint());
        let upper = match (hi1, hi2) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
        (lo1.saturating_add(lo2), upper)
    }
}

impl<St1, St2> FusedStream for Race<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    fn is_terminated(&self) -> bool {
        self.done1 && self.done2
    }
}
