//! The timer trait every adapter is generic over.

use core::fmt::Debug;
use core::future::Future;
use core::ops::Add;
use core::pin::Pin;
use core::time::Duration;

/// A clock and a resettable sleep: what the time adapters need from a
/// runtime.
///
/// Every adapter of this crate is written once, generic over `Timer`; the
/// backends ([`tokio`](crate::tokio) and [`async_io`](crate::async_io))
/// implement it, and so can you, for any other runtime's timer (embassy,
/// glommio, a simulation). An adapter creates its sleep once, on first need,
/// and then only [`reset`](Timer::reset)s it: there is no allocation per
/// item.
///
/// # Contract
///
/// The adapters are correct for every implementation that keeps these
/// rules; what they rely on, and what they promise in return:
///
/// - **[`now`](Timer::now) is monotonic**: it never returns an instant
///   earlier than one it returned before, and it reads the same clock the
///   sleeps wait on. The adapters call it only while they are polled (never
///   at construction), a few times per item at most, so it must be cheap and must
///   not block.
/// - **A sleep is never early.** The future from
///   [`sleep_until(deadline)`](Timer::sleep_until) returns `Ready` only in a
///   poll at which `now() >= deadline` holds (at once if the deadline has
///   passed). Late is allowed (timer resolution, a busy executor); early is
///   not: the adapters take `Ready` as "the deadline has passed" and do not
///   check the clock again.
/// - **A pending sleep wakes its task**: the waker of its latest poll, once
///   the deadline has passed, like any future.
/// - **Spurious wake-ups are harmless**: a sleep may wake its task before
///   the deadline, or more than once; the adapters poll it again and wait
///   on when it says `Pending`.
/// - **[`reset`](Timer::reset) re-arms**, also a sleep that already
///   completed: afterwards the sleep behaves as if it had just been made by
///   `sleep_until(deadline)`. The adapters poll a sleep after each reset
///   before they wait on it, so `reset` need not wake or register anything.
/// - **The adapters never poll a sleep again after it returned `Ready`**
///   without a `reset` in between, so a one-shot future is a valid sleep.
/// - **Dropping a sleep cancels it.** An adapter that ends drops its sleep
///   (and so does dropping the adapter); the promise that no stray wake-up
///   follows holds as far as the timer's drop keeps it.
/// - **Instant arithmetic**: `now() + period` is computed for every
///   deadline; what happens on overflow (`Duration::MAX`) is the
///   `Add` impl's choice: `std::time::Instant` and tokio's panic, rill-test's
///   `TestInstant` saturates.
///
/// The adapters are `Send`, `Sync` and `Unpin` exactly when their parts
/// are, the timer's `Sleep` and `Instant` included.
///
/// # Plugging in a timer
///
/// Implement the trait on a marker type, then build the adapters with
/// their constructors, e.g. `Throttle::<_, MyTimer>::new(stream, period)`.
/// A few lines of extension trait give the method syntax of the built-in
/// backends. This example is a complete timer over a thread that sleeps
/// (one thread per sleep: fine for a test, not for production):
///
/// ```
/// use core::future::Future;
/// use core::pin::Pin;
/// use core::task::{Context, Poll, Waker};
/// use core::time::Duration;
/// use std::sync::{Arc, Mutex};
/// use std::time::Instant;
///
/// use rill_combinators::{StreamExt, stream};
/// use rill_core::Stream;
/// use rill_time::{Throttle, Timer};
///
/// /// A sleep: the deadline, and the waker of its latest poll, shared
/// /// with the thread that waits for the deadline.
/// struct ThreadSleep {
///     deadline: Instant,
///     waker: Arc<Mutex<Option<Waker>>>,
///     started: bool,
/// }
///
/// impl Future for ThreadSleep {
///     type Output = ();
///     fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
///         if Instant::now() >= self.deadline {
///             return Poll::Ready(());
///         }
///         *self.waker.lock().unwrap() = Some(cx.waker().clone());
///         if !self.started {
///             self.started = true;
///             let (deadline, waker) = (self.deadline, Arc::clone(&self.waker));
///             std::thread::spawn(move || {
///                 std::thread::sleep(deadline.saturating_duration_since(Instant::now()));
///                 if let Some(w) = waker.lock().unwrap().take() {
///                     w.wake();
///                 }
///             });
///         }
///         Poll::Pending
///     }
/// }
///
/// struct ThreadTimer;
///
/// impl Timer for ThreadTimer {
///     type Instant = Instant;
///     type Sleep = ThreadSleep;
///     fn now() -> Instant {
///         Instant::now()
///     }
///     fn sleep_until(deadline: Instant) -> ThreadSleep {
///         ThreadSleep { deadline, waker: Arc::default(), started: false }
///     }
///     fn reset(sleep: Pin<&mut ThreadSleep>, deadline: Instant) {
///         // As if new: its thread starts at the next poll (a thread of the
///         // old deadline may still wake the task: a spurious wake-up).
///         let sleep = sleep.get_mut();
///         sleep.deadline = deadline;
///         sleep.started = false;
///     }
/// }
///
/// /// Method syntax, as `rill_time::tokio::StreamTimeExt` has it.
/// trait ThreadTimeExt: Stream + Sized {
///     fn throttle(self, period: Duration) -> Throttle<Self, ThreadTimer> {
///         Throttle::new(self, period)
///     }
/// }
/// impl<S: Stream> ThreadTimeExt for S {}
///
/// let start = Instant::now();
/// let v: Vec<u8> = rill_test::block_on(
///     stream::iter([1, 2, 3]).throttle(Duration::from_millis(10)).collect(),
/// );
/// assert_eq!(v, [1, 2, 3]);
/// assert!(start.elapsed() >= Duration::from_millis(20));
/// ```
///
/// For tests, rill-test's `ManualClock` and `TestTimer` (feature `time`)
/// are a timer whose clock only moves when the test says so.
///
/// ```
/// use core::time::Duration;
/// use rill_test::{ManualClock, TestTimer};
/// use rill_time::Timer;
///
/// let clock = ManualClock::new();
/// let _entered = clock.enter();
/// let start = TestTimer::now();
/// // `block_on` moves the manual clock to the sleep's deadline when the
/// // future is idle: no real time passes.
/// rill_test::block_on(TestTimer::sleep_until(start + Duration::from_millis(5)));
/// assert_eq!(TestTimer::now() - start, Duration::from_millis(5));
/// assert_eq!(clock.waiting_sleeps(), 0);
/// ```
pub trait Timer {
    /// A point in time of this timer's clock.
    type Instant: Copy + Ord + Debug + Add<Duration, Output = Self::Instant>;
    /// A sleep that completes at a deadline; its output is ignored.
    type Sleep: Future;

    /// The current time of this timer's clock (for tokio, the paused or
    /// mocked clock when there is one).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_time::Timer;
    /// use rill_time::tokio::TokioTimer;
    ///
    /// let t = TokioTimer::now();
    /// tokio::time::advance(Duration::from_secs(5)).await;
    /// assert_eq!(TokioTimer::now() - t, Duration::from_secs(5));
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn now() -> Self::Instant;

    /// A sleep that completes at `deadline` (at once if it has passed).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_time::Timer;
    /// use rill_time::tokio::TokioTimer;
    ///
    /// let start = TokioTimer::now();
    /// TokioTimer::sleep_until(start + Duration::from_secs(3)).await;
    /// assert_eq!(TokioTimer::now() - start, Duration::from_secs(3));
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn sleep_until(deadline: Self::Instant) -> Self::Sleep;

    /// Moves an existing sleep to a new deadline, as if it had just been
    /// created by [`sleep_until`](Timer::sleep_until); a sleep that already
    /// completed may be reset and polled again.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_time::Timer;
    /// use rill_time::tokio::TokioTimer;
    ///
    /// let start = TokioTimer::now();
    /// let mut sleep = core::pin::pin!(TokioTimer::sleep_until(start + Duration::from_secs(9)));
    /// TokioTimer::reset(sleep.as_mut(), start + Duration::from_secs(1));
    /// sleep.await;
    /// assert_eq!(TokioTimer::now() - start, Duration::from_secs(1));
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn reset(sleep: Pin<&mut Self::Sleep>, deadline: Self::Instant);
}
