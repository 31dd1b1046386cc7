//! The tokio backend: [`StreamTimeExt`] and [`interval`] on `tokio::time`,
//! and [`IntervalStream`] over a configured `tokio::time::Interval`.
//!
//! Needs a tokio runtime with the time driver enabled
//! (`Builder::enable_time`, or `#[tokio::main]`) when an adapter first waits;
//! under tokio's paused clock (`start_paused`, `tokio::time::pause`) every
//! adapter follows the paused time exactly.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! use core::time::Duration;
//! use rill_combinators::{StreamExt, stream};
//! use rill_time::tokio::StreamTimeExt;
//!
//! let start = tokio::time::Instant::now();
//! let v: Vec<u8> = stream::iter([1, 2, 3]).throttle(Duration::from_secs(1)).collect().await;
//! assert_eq!(v, [1, 2, 3]);
//! // Exact on the paused clock: the stream is not polled during a wait, so
//! // even its end is seen only a period after the last item.
//! assert_eq!(start.elapsed(), Duration::from_secs(3));
//! # }
//! ```

use core::pin::Pin;
use core::time::Duration;

use rill_core::Stream;

use crate::timer::Timer;
use crate::{ChunksTimeout, Debounce, Delay, Interval, Throttle, Timeout};

pub use crate::interval_stream::IntervalStream;

/// The [`Timer`] of `tokio::time`: its (pausable) clock and its `Sleep`.
///
/// ```
/// use rill_time::Timer;
/// use rill_time::tokio::TokioTimer;
///
/// let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
/// rt.block_on(async {
///     assert!(TokioTimer::now() <= tokio::time::Instant::now());
/// });
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioTimer;

impl Timer for TokioTimer {
    type Instant = ::tokio::time::Instant;
    type Sleep = ::tokio::time::Sleep;

    fn now() -> Self::Instant {
        ::tokio::time::Instant::now()
    }

    fn sleep_until(deadline: Self::Instant) -> Self::Sleep {
        ::tokio::time::sleep_until(deadline)
    }

    fn reset(sleep: Pin<&mut Self::Sleep>, deadline: Self::Instant) {
        sleep.reset(deadline);
    }
}

/// A stream of ticks on tokio's clock, one every `period`: see
/// [`Interval`] for the rules (first tick at the first poll, no burst after
/// missed ticks). For `interval_at` or a `MissedTickBehavior`, use
/// [`IntervalStream`].
///
/// # Panics
///
/// If `period` is zero (at the caller's line).
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use core::{pin::pin, time::Duration};
/// use rill_combinators::StreamExt;
///
/// let start = tokio::time::Instant::now();
/// let mut ticks = pin!(rill_time::tokio::interval(Duration::from_millis(100)));
/// let a = ticks.next().await.unwrap();
/// let b = ticks.next().await.unwrap();
/// assert_eq!(a, start); // the first tick at once
/// assert_eq!(b - a, Duration::from_millis(100));
/// # }
/// ```
#[track_caller]
pub fn interval(period: Duration) -> Interval<TokioTimer> {
    Interval::new(period)
}

/// Time adapters for every [`Stream`], on tokio's clock ([`TokioTimer`]).
///
/// Each method builds the adapter type it returns, whose docs hold its
/// rules; the [timing rules](crate#timing-rules) shared by all adapters are
/// in the crate docs. Every backend module has this trait with the same
/// methods: import the one of your runtime.
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use core::time::Duration;
/// use rill_combinators::{StreamExt, stream};
/// use rill_time::tokio::StreamTimeExt;
///
/// let batches: Vec<Vec<u32>> = stream::iter(1..=5)
///     .chunks_timeout(2, Duration::from_secs(1))
///     .collect()
///     .await;
/// assert_eq!(batches, [vec![1, 2], vec![3, 4], vec![5]]);
/// # }
/// ```
pub trait StreamTimeExt: Stream {
    /// [`Timeout`] on tokio's clock: one `Err(Elapsed)` per silent gap of
    /// `period`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::{pin::pin, time::Duration};
    /// use rill_combinators::StreamExt;
    /// use rill_time::Elapsed;
    /// use rill_time::tokio::{StreamTimeExt, interval};
    ///
    /// let ms = Duration::from_millis;
    /// let start = tokio::time::Instant::now();
    /// // A tick at once, then silence for 300 ms.
    /// let mut s = pin!(interval(ms(300)).timeout(ms(100)));
    /// assert!(matches!(s.next().await, Some(Ok(_))));
    /// assert_eq!(s.next().await.unwrap(), Err(Elapsed::new()));
    /// assert_eq!(start.elapsed(), ms(100)); // exact on the paused clock
    /// assert!(matches!(s.next().await, Some(Ok(_)))); // the second tick, no second error
    /// # }
    /// ```
    fn timeout(self, period: Duration) -> Timeout<Self, TokioTimer>
    where
        Self: Sized,
    {
        Timeout::new(self, period)
    }

    /// [`Timeout`] on tokio's clock, repeating: an `Err(Elapsed)` every
    /// `period` for as long as the silence lasts.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::{pin::pin, time::Duration};
    /// use rill_combinators::StreamExt;
    /// use rill_time::Elapsed;
    /// use rill_time::tokio::{StreamTimeExt, interval};
    ///
    /// let ms = Duration::from_millis;
    /// // A tick at once, then silence for a second: an error every 100 ms.
    /// let mut s = pin!(interval(ms(1000)).timeout_repeating(ms(100)));
    /// assert!(matches!(s.next().await, Some(Ok(_))));
    /// let mut errors = 0;
    /// while let Some(Err(e)) = s.next().await {
    ///     assert_eq!(e, Elapsed::new());
    ///     errors += 1;
    /// }
    /// // Exact on the paused clock: at 1000 ms the tick wins over the timer.
    /// assert_eq!(errors, 9);
    /// # }
    /// ```
    fn timeout_repeating(self, period: Duration) -> Timeout<Self, TokioTimer>
    where
        Self: Sized,
    {
        Timeout::new_repeating(self, period)
    }

    /// [`Throttle`] on tokio's clock: at most one item per `period`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::StreamTimeExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// let v: Vec<u8> = stream::iter([1, 2, 3])
    ///     .throttle(Duration::from_millis(20))
    ///     .collect()
    ///     .await;
    /// assert_eq!(v, [1, 2, 3]);
    /// // Items at 0, 20 and 40 ms; the end, too, only after a period.
    /// assert_eq!(start.elapsed(), Duration::from_millis(60));
    /// # }
    /// ```
    fn throttle(self, period: Duration) -> Throttle<Self, TokioTimer>
    where
        Self: Sized,
    {
        Throttle::new(self, period)
    }

    /// [`ChunksTimeout`] on tokio's clock: batches of up to `max` items, cut
    /// when the first item of a batch is `period` old.
    ///
    /// # Panics
    ///
    /// If `max` is 0 (at the caller's line).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::StreamTimeExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// let batches: Vec<Vec<char>> = stream::iter(['a', 'b', 'c'])
    ///     .chunks_timeout(2, Duration::from_millis(50))
    ///     .collect()
    ///     .await;
    /// assert_eq!(batches, [vec!['a', 'b'], vec!['c']]);
    /// // A full batch and the last one go out without waiting.
    /// assert_eq!(start.elapsed(), Duration::ZERO);
    /// # }
    /// ```
    #[track_caller]
    fn chunks_timeout(self, max: usize, period: Duration) -> ChunksTimeout<Self, TokioTimer>
    where
        Self: Sized,
    {
        ChunksTimeout::new(self, max, period)
    }

    /// [`Debounce`] on tokio's clock: the last item of each burst, once
    /// `period` passed without a newer one.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::StreamTimeExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// // One burst: only its last item survives.
    /// let v: Vec<u8> = stream::iter([1, 2, 3])
    ///     .debounce(Duration::from_millis(50))
    ///     .collect()
    ///     .await;
    /// assert_eq!(v, [3]);
    /// // The stream ended: the waiting item came out at once.
    /// assert_eq!(start.elapsed(), Duration::ZERO);
    /// # }
    /// ```
    fn debounce(self, period: Duration) -> Debounce<Self, TokioTimer>
    where
        Self: Sized,
    {
        Debounce::new(self, period)
    }

    /// [`Delay`] on tokio's clock: the stream is first polled `period`
    /// after the first poll.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::StreamTimeExt;
    ///
    /// let start = tokio::time::Instant::now();
    /// let v: Vec<u8> = stream::iter([1, 2]).delay(Duration::from_millis(30)).collect().await;
    /// assert_eq!(v, [1, 2]);
    /// assert_eq!(start.elapsed(), Duration::from_millis(30));
    /// # }
    /// ```
    fn delay(self, period: Duration) -> Delay<Self, TokioTimer>
    where
        Self: Sized,
    {
        Delay::new(self, period)
    }
}

impl<S: Stream + ?Sized> StreamTimeExt for S {}
