//! The async-io backend: [`StreamTimeExt`] and [`interval`] on
//! `async_io::Timer`, the timer that async-std and smol use.
//!
//! Works under any executor: async-io drives its timers from its own
//! reactor thread when no `block_on` of its own is running.
//!
//! ```
//! # async_io::block_on(async {
//! use core::time::Duration;
//! use std::time::Instant;
//! use rill_combinators::{StreamExt, stream};
//! use rill_time::async_io::StreamTimeExt;
//!
//! let start = Instant::now();
//! let v: Vec<u8> = stream::iter([1, 2]).throttle(Duration::from_millis(20)).collect().await;
//! assert_eq!(v, [1, 2]);
//! assert!(start.elapsed() >= Duration::from_millis(20));
//! # });
//! ```

use core::pin::Pin;
use core::time::Duration;
use std::time::Instant;

use rill_core::Stream;

use crate::timer::Timer;
use crate::{ChunksTimeout, Debounce, Delay, Interval, Throttle, Timeout};

/// The [`Timer`] of async-io: `std::time::Instant` and `async_io::Timer`.
///
/// ```
/// use rill_time::Timer;
/// use rill_time::async_io::AsyncIoTimer;
///
/// assert!(AsyncIoTimer::now() <= std::time::Instant::now());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct AsyncIoTimer;

impl Timer for AsyncIoTimer {
    type Instant = Instant;
    type Sleep = ::async_io::Timer;

    fn now() -> Instant {
        Instant::now()
    }

    fn sleep_until(deadline: Instant) -> Self::Sleep {
        ::async_io::Timer::at(deadline)
    }

    fn reset(sleep: Pin<&mut Self::Sleep>, deadline: Instant) {
        sleep.get_mut().set_at(deadline);
    }
}

/// A stream of ticks on async-io's timer, one every `period`: see
/// [`Interval`] for the rules (first tick at the first poll, no burst after
/// missed ticks).
///
/// # Panics
///
/// If `period` is zero (at the caller's line).
///
/// ```
/// # async_io::block_on(async {
/// use core::{pin::pin, time::Duration};
/// use rill_combinators::StreamExt;
///
/// let mut ticks = pin!(rill_time::async_io::interval(Duration::from_millis(100)));
/// let a = ticks.next().await.unwrap();
/// let b = ticks.next().await.unwrap();
/// // Each tick is the instant it was due: exactly a period apart.
/// assert_eq!(b - a, Duration::from_millis(100));
/// assert!(std::time::Instant::now() >= b);
/// # });
/// ```
#[track_caller]
pub fn interval(period: Duration) -> Interval<AsyncIoTimer> {
    Interval::new(period)
}

/// Time adapters for every [`Stream`], on async-io's timer
/// ([`AsyncIoTimer`]).
///
/// Each method builds the adapter type it returns, whose docs hold its
/// rules; the [timing rules](crate#timing-rules) shared by all adapters are
/// in the crate docs. Every backend module has this trait with the same
/// methods: import the one of your runtime.
///
/// ```
/// # async_io::block_on(async {
/// use core::time::Duration;
/// use rill_combinators::{StreamExt, stream};
/// use rill_time::async_io::StreamTimeExt;
///
/// let batches: Vec<Vec<u32>> = stream::iter(1..=5)
///     .chunks_timeout(2, Duration::from_secs(1))
///     .collect()
///     .await;
/// assert_eq!(batches, [vec![1, 2], vec![3, 4], vec![5]]);
/// # });
/// ```
pub trait StreamTimeExt: Stream {
    /// [`Timeout`] on async-io's timer: one `Err(Elapsed)` per silent gap
    /// of `period`.
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::{pin::pin, time::Duration};
    /// use std::time::Instant;
    /// use rill_combinators::StreamExt;
    /// use rill_time::Elapsed;
    /// use rill_time::async_io::{StreamTimeExt, interval};
    ///
    /// let ms = Duration::from_millis;
    /// let start = Instant::now();
    /// // A tick at once, then silence for 300 ms.
    /// let mut s = pin!(interval(ms(300)).timeout(ms(100)));
    /// assert!(matches!(s.next().await, Some(Ok(_))));
    /// assert_eq!(s.next().await.unwrap(), Err(Elapsed::new()));
    /// assert!(start.elapsed() >= ms(100)); // never early
    /// assert!(matches!(s.next().await, Some(Ok(_)))); // the second tick, no second error
    /// # });
    /// ```
    fn timeout(self, period: Duration) -> Timeout<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        Timeout::new(self, period)
    }

    /// [`Timeout`] on async-io's timer, repeating: an `Err(Elapsed)` every
    /// `period` for as long as the silence lasts.
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::{pin::pin, time::Duration};
    /// use rill_combinators::StreamExt;
    /// use rill_time::Elapsed;
    /// use rill_time::async_io::{StreamTimeExt, interval};
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
    /// assert!(errors >= 2); // about 9 on a real clock
    /// # });
    /// ```
    fn timeout_repeating(self, period: Duration) -> Timeout<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        Timeout::new_repeating(self, period)
    }

    /// [`Throttle`] on async-io's timer: at most one item per `period`.
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::time::Duration;
    /// use std::time::Instant;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::async_io::StreamTimeExt;
    ///
    /// let start = Instant::now();
    /// let v: Vec<u8> = stream::iter([1, 2, 3])
    ///     .throttle(Duration::from_millis(20))
    ///     .collect()
    ///     .await;
    /// assert_eq!(v, [1, 2, 3]);
    /// assert!(start.elapsed() >= Duration::from_millis(40));
    /// # });
    /// ```
    fn throttle(self, period: Duration) -> Throttle<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        Throttle::new(self, period)
    }

    /// [`ChunksTimeout`] on async-io's timer: batches of up to `max` items,
    /// cut when the first item of a batch is `period` old.
    ///
    /// # Panics
    ///
    /// If `max` is 0 (at the caller's line).
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::async_io::StreamTimeExt;
    ///
    /// let batches: Vec<Vec<char>> = stream::iter(['a', 'b', 'c'])
    ///     .chunks_timeout(2, Duration::from_millis(50))
    ///     .collect()
    ///     .await;
    /// assert_eq!(batches, [vec!['a', 'b'], vec!['c']]);
    /// # });
    /// ```
    #[track_caller]
    fn chunks_timeout(self, max: usize, period: Duration) -> ChunksTimeout<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        ChunksTimeout::new(self, max, period)
    }

    /// [`Debounce`] on async-io's timer: the last item of each burst, once
    /// `period` passed without a newer one.
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::async_io::StreamTimeExt;
    ///
    /// // One burst: only its last item survives.
    /// let v: Vec<u8> = stream::iter([1, 2, 3])
    ///     .debounce(Duration::from_millis(50))
    ///     .collect()
    ///     .await;
    /// assert_eq!(v, [3]);
    /// # });
    /// ```
    fn debounce(self, period: Duration) -> Debounce<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        Debounce::new(self, period)
    }

    /// [`Delay`] on async-io's timer: the stream is first polled `period`
    /// after the first poll.
    ///
    /// ```
    /// # async_io::block_on(async {
    /// use core::time::Duration;
    /// use std::time::Instant;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::async_io::StreamTimeExt;
    ///
    /// let start = Instant::now();
    /// let v: Vec<u8> = stream::iter([1, 2]).delay(Duration::from_millis(30)).collect().await;
    /// assert_eq!(v, [1, 2]);
    /// assert!(start.elapsed() >= Duration::from_millis(30));
    /// # });
    /// ```
    fn delay(self, period: Duration) -> Delay<Self, AsyncIoTimer>
    where
        Self: Sized,
    {
        Delay::new(self, period)
    }
}

impl<S: Stream + ?Sized> StreamTimeExt for S {}
