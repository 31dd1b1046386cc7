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
use std::time::Instant;

use crate::timer::Timer;

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

time_ext! {
    timer: AsyncIoTimer,
    module: "async_io",
    start: "# async_io::block_on(async {",
    end: "# });",
}
