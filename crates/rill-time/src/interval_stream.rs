use core::pin::Pin;
use core::task::{Context, Poll};

use ::tokio::time::{Instant, Interval};
use rill_core::{FusedStream, Stream};

/// A `tokio::time::Interval` as a stream of its ticks, as tokio-stream's
/// `wrappers::IntervalStream`.
///
/// Use it for an interval configured through tokio's API: a start given by
/// `tokio::time::interval_at`, a `MissedTickBehavior` (`Burst`, `Delay`,
/// `Skip`), or `reset` later through [`get_mut`](Self::get_mut). Each item
/// is the `Instant` tokio's `tick` returns; the stream never ends. For a
/// plain period, [`interval`](crate::tokio::interval) works on every
/// backend and skips missed ticks.
///
/// Like `Interval::tick`, it needs a tokio runtime with the time driver
/// when it is polled. Dropping it drops the interval, which cancels its
/// timer.
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use core::time::Duration;
/// use rill_combinators::StreamExt;
/// use rill_time::tokio::IntervalStream;
/// use tokio::time::{Instant, MissedTickBehavior, interval_at};
///
/// let start = Instant::now() + Duration::from_secs(5);
/// let mut interval = interval_at(start, Duration::from_secs(1));
/// interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
/// let ticks: Vec<Instant> = IntervalStream::new(interval).take(3).collect().await;
/// let secs = Duration::from_secs;
/// assert_eq!(ticks, [start, start + secs(1), start + secs(2)]);
/// # }
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct IntervalStream {
    interval: Interval,
}

impl IntervalStream {
    /// Wraps an interval; its first tick is due when tokio's would be
    /// (`interval`: at once; `interval_at`: at its start).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::StreamExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// let mut ticks = rill_time::tokio::IntervalStream::new(tokio::time::interval(Duration::from_secs(1)));
    /// assert_eq!(ticks.next().await, Some(start));
    /// assert_eq!(ticks.next().await, Some(start + Duration::from_secs(1)));
    /// # }
    /// ```
    pub fn new(interval: Interval) -> Self {
        Self { interval }
    }

    /// Returns a shared reference to the interval.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// let ticks = rill_time::tokio::IntervalStream::new(tokio::time::interval(Duration::from_secs(2)));
    /// assert_eq!(ticks.get_ref().period(), Duration::from_secs(2));
    /// # }
    /// ```
    pub fn get_ref(&self) -> &Interval {
        &self.interval
    }

    /// Returns a mutable reference to the interval: to `reset` it or change
    /// its `MissedTickBehavior` while streaming.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::StreamExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// let mut ticks = rill_time::tokio::IntervalStream::new(tokio::time::interval(Duration::from_secs(1)));
    /// assert_eq!(ticks.next().await, Some(start));
    /// // The next tick a full period after the reset, not after the last tick.
    /// tokio::time::advance(Duration::from_millis(500)).await;
    /// ticks.get_mut().reset();
    /// assert_eq!(ticks.next().await, Some(start + Duration::from_millis(1500)));
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut Interval {
        &mut self.interval
    }

    /// Returns the interval.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// let ticks = rill_time::tokio::IntervalStream::new(tokio::time::interval(Duration::from_secs(3)));
    /// let interval: tokio::time::Interval = ticks.into_inner();
    /// assert_eq!(interval.period(), Duration::from_secs(3));
    /// # }
    /// ```
    pub fn into_inner(self) -> Interval {
        self.interval
    }
}

impl Stream for IntervalStream {
    type Item = Instant;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Instant>> {
        self.interval.poll_tick(cx).map(Some)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::MAX, None)
    }
}

/// Never terminated: an interval ticks for ever.
impl FusedStream for IntervalStream {
    fn is_terminated(&self) -> bool {
        false
    }
}

impl AsRef<Interval> for IntervalStream {
    fn as_ref(&self) -> &Interval {
        &self.interval
    }
}

impl AsMut<Interval> for IntervalStream {
    fn as_mut(&mut self) -> &mut Interval {
        &mut self.interval
    }
}

impl From<Interval> for IntervalStream {
    /// Same as [`IntervalStream::new`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// let ticks: rill_time::tokio::IntervalStream = tokio::time::interval(Duration::from_secs(1)).into();
    /// assert_eq!(ticks.get_ref().period(), Duration::from_secs(1));
    /// # }
    /// ```
    fn from(interval: Interval) -> Self {
        Self::new(interval)
    }
}
