use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

pin_project! {
    /// Stream of ticks made by each backend's `interval`
    /// ([`tokio`](crate::tokio::interval), [`async_io`](crate::async_io::interval)),
    /// or by [`new`](Self::new) on any [`Timer`]: one tick every `period`; it
    /// never ends.
    ///
    /// The first tick is due at the first poll. Each tick is the instant it
    /// was scheduled for, so consecutive ticks are exactly `period` apart;
    /// when the consumer falls a whole period behind, missed ticks are not
    /// made up (no burst) and the cadence restarts from the late tick. A
    /// zero period panics at the caller's line.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let mut ticks = core::pin::pin!(rill_time::tokio::interval(Duration::from_secs(1)));
    /// let a = ticks.next().await.unwrap();
    /// let b = ticks.next().await.unwrap();
    /// assert_eq!(b - a, Duration::from_secs(1));
    /// let _: &rill_time::Interval<TokioTimer> = &ticks;
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Interval<T: Timer> {
        #[pin]
        deadline: Deadline<T>,
        period: Duration,
    }
}

impl<T: Timer> Interval<T> {
    /// The stream of
    /// [`tokio::interval`](crate::tokio::interval) on any [`Timer`]: a
    /// tick every `period`, the first at the first poll.
    ///
    /// # Panics
    ///
    /// If `period` is zero (at the caller's line).
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::Interval;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let start = clock.now();
    /// let mut ticks = Interval::<TestTimer>::new(Duration::from_secs(1));
    /// assert_stream_next!(ticks, start);
    /// assert_stream_pending!(ticks);
    /// clock.advance(Duration::from_secs(1));
    /// assert_stream_next!(ticks, start + Duration::from_secs(1));
    /// ```
    #[track_caller]
    pub fn new(period: Duration) -> Self {
        assert!(
            !period.is_zero(),
            "`Interval`: `interval` called with a zero period"
        );
        Self {
            deadline: Deadline::new(),
            period,
        }
    }

    /// The time between two ticks.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use core::time::Duration;
    /// let ticks = rill_time::tokio::interval(Duration::from_secs(2));
    /// assert_eq!(ticks.period(), Duration::from_secs(2));
    /// # }
    /// ```
    pub fn period(&self) -> Duration {
        self.period
    }
}

impl<T: Timer> Stream for Interval<T> {
    type Item = T::Instant;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T::Instant>> {
        let mut this = self.project();
        if this.deadline.target().is_none() {
            // The first tick is due at the first poll.
            this.deadline.as_mut().set(T::now());
        }
        match this.deadline.as_mut().poll_reached(cx) {
            Poll::Ready(tick) => {
                let mut next = tick + *this.period;
                let now = T::now();
                if next <= now {
                    // A whole period behind: missed ticks are not made up.
                    next = now + *this.period;
                }
                this.deadline.set(next);
                Poll::Ready(Some(tick))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::MAX, None)
    }
}

impl<T: Timer> FusedStream for Interval<T> {
    fn is_terminated(&self) -> bool {
        false
    }
}

impl<T: Timer> fmt::Debug for Interval<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interval")
            .field("period", &self.period)
            .field("deadline", &self.deadline)
            .finish()
    }
}
