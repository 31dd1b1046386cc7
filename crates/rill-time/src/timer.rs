//! The timer trait every adapter is generic over.

use core::fmt::Debug;
use core::future::Future;
use core::ops::Add;
use core::pin::Pin;
use core::time::Duration;

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// A clock and a resettable sleep: what the time adapters need from a
/// runtime.
///
/// Every adapter of this crate is written once, generic over `Timer`; the
/// backends ([`tokio`](crate::tokio) and [`async_io`](crate::async_io))
/// implement it. An adapter creates its sleep once, on first need, and then
/// only [`reset`](Timer::reset)s it: there is no allocation per item.
///
/// The trait is sealed for now: its shape may still change, and a custom
/// backend would also need an extension trait to construct the adapters.
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// use rill_time::Timer;
/// use rill_time::tokio::TokioTimer;
///
/// fn is_timer<T: Timer>() {}
/// is_timer::<TokioTimer>();
/// # }
/// ```
pub trait Timer: Sealed {
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
