use alloc::vec::Vec;
use core::fmt;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

/// The largest capacity reserved up front for a batch; bigger batches grow.
const MAX_RESERVE: usize = 1024;

pin_project! {
    /// Stream for `chunks_timeout`: the method of each backend's
    /// `StreamTimeExt` ([`tokio`](crate::tokio::StreamTimeExt::chunks_timeout),
    /// [`async_io`](crate::async_io::StreamTimeExt::chunks_timeout)), or
    /// [`new`](Self::new) on any [`Timer`].
    ///
    /// Batches items: a batch goes out when it holds `max` items, or when
    /// its first item is `period` old, whichever comes first. A batch is
    /// never empty; the items left when the stream ends come out as a last,
    /// shorter batch. A `max` of 0 panics at the caller's line. The
    /// [timing rules](crate#timing-rules) of every adapter apply.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let s: rill_time::ChunksTimeout<_, TokioTimer> =
    ///     stream::iter([1, 2, 3]).chunks_timeout(2, Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [vec![1, 2], vec![3]]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ChunksTimeout<S: Stream, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        items: Vec<S::Item>,
        max: usize,
        period: Duration,
        // The input ended (it is not polled again); the last batch may
        // still have gone out in the same poll.
        input_done: bool,
        // `Ready(None)` was returned.
        done: bool,
    }
}

delegate_access!(ChunksTimeout<T> where S: Stream, "stream::iter([1, 2]).chunks_timeout(2, d)");

impl<S: Stream, T: Timer> ChunksTimeout<S, T> {
    /// The adapter of
    /// [`StreamTimeExt::chunks_timeout`](crate::tokio::StreamTimeExt::chunks_timeout)
    /// on any [`Timer`]: batches of up to `max` items, cut when the first
    /// item of a batch is `period` old.
    ///
    /// # Panics
    ///
    /// If `max` is 0 (at the caller's line).
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer};
    /// use rill_time::ChunksTimeout;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let s = ChunksTimeout::<_, TestTimer>::new(rill_test::TestSource::new(1..=5), 2, Duration::from_secs(1));
    /// let batches: Vec<Vec<u32>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(batches, [vec![1, 2], vec![3, 4], vec![5]]);
    /// ```
    #[track_caller]
    pub fn new(stream: S, max: usize, period: Duration) -> Self {
        assert!(
            max != 0,
            "`ChunksTimeout`: `chunks_timeout` called with a batch size of 0"
        );
        Self {
            stream,
            deadline: Deadline::new(),
            items: Vec::new(),
            max,
            period,
            input_done: false,
            done: false,
        }
    }

    /// Takes the items gathered for the batch being filled, without waiting
    /// for it to fill up or time out (tokio-stream's method of this name;
    /// despite the name, the adapter stays usable).
    ///
    /// The batch's timer is stopped: the next item starts a new batch and
    /// a new `period`. Empty when no batch is being filled (before the
    /// first item, right after a batch went out, after the end). Useful
    /// on shutdown, to keep what has arrived, or to read a partial batch
    /// when a `select!` picks another branch.
    ///
    /// ```
    /// use core::pin::pin;
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream;
    /// use rill_test::{ManualClock, TestTimer};
    /// use rill_time::ChunksTimeout;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// // Two items, then a source that waits for ever.
    /// let src = stream::iter([1, 2]).chain(stream::pending());
    /// let mut s = pin!(ChunksTimeout::<_, TestTimer>::new(src, 10, Duration::from_secs(1)));
    /// assert!(s.as_mut().poll_next(&mut rill_test::noop_context()).is_pending());
    /// assert_eq!(clock.waiting_sleeps(), 1); // the batch's timer
    /// assert_eq!(s.as_mut().into_remainder(), [1, 2]);
    /// assert_eq!(s.as_mut().into_remainder(), Vec::<i32>::new());
    /// // The timer is gone: no empty batch when it would have fired.
    /// assert_eq!(clock.waiting_sleeps(), 0);
    /// ```
    pub fn into_remainder(self: Pin<&mut Self>) -> Vec<S::Item> {
        let this = self.project();
        // Dropped, not just cleared: no wake-up for a batch that is gone.
        this.deadline.release();
        mem::take(this.items)
    }
}

impl<S: Stream, T: Timer> Stream for ChunksTimeout<S, T> {
    type Item = Vec<S::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Vec<S::Item>>> {
        let mut this = self.project();
        if *this.input_done {
            *this.done = true;
            return Poll::Ready(None);
        }
        // Bounded: at most `max` items are taken before a batch goes out.
        loop {
            match this.stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => {
                    if this.items.is_empty() {
                        this.items.reserve((*this.max).min(MAX_RESERVE));
                        this.deadline.as_mut().set(T::now() + *this.period);
                    }
                    this.items.push(item);
                    if this.items.len() >= *this.max {
                        this.deadline.clear();
                        return Poll::Ready(Some(mem::take(this.items)));
                    }
                }
                Poll::Ready(None) => {
                    *this.input_done = true;
                    this.deadline.release();
                    if this.items.is_empty() {
                        *this.done = true;
                        return Poll::Ready(None);
                    }
                    // The end comes in the next poll: `is_terminated` turns
                    // true only with `Ready(None)`.
                    return Poll::Ready(Some(mem::take(this.items)));
                }
                Poll::Pending => {
                    // No target while the batch is empty: never an empty batch.
                    return match this.deadline.as_mut().poll_reached(cx) {
                        Poll::Ready(_) => Poll::Ready(Some(mem::take(this.items))),
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.input_done {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        let held = self.items.len();
        let lower = lower.saturating_add(held).div_ceil(self.max);
        // Every batch holds at least one item; the held ones share one batch.
        let upper = upper.and_then(|n| n.checked_add(usize::from(held > 0)));
        (lower, upper)
    }
}

impl<S: Stream, T: Timer> FusedStream for ChunksTimeout<S, T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<S: Stream + fmt::Debug, T: Timer> fmt::Debug for ChunksTimeout<S, T>
where
    S::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunksTimeout")
            .field("stream", &self.stream)
            .field("items", &self.items)
            .field("max", &self.max)
            .field("period", &self.period)
            .field("deadline", &self.deadline)
            .field("input_done", &self.input_done)
            .field("done", &self.done)
            .finish()
    }
}
