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

use crate::timer::Timer;

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

time_ext! {
    timer: TokioTimer,
    module: "tokio",
    start: "# #[tokio::main(flavor = \"current_thread\", start_paused = true)]\n# async fn main() {",
    end: "# }",
}
