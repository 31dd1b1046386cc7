//! Time adapters for rill streams: `timeout`, `timeout_repeating`,
//! `throttle`, `chunks_timeout`, `debounce`, `delay` and `interval`.
//!
//! Every adapter is written once, generic over a small [`Timer`] trait (a
//! clock and a sleep that is created once and then reset, never allocated
//! per item). Backends implement it behind features, and you pick one by
//! importing its extension trait:
//!
//! | feature    | import                                  | timer                       |
//! |------------|-----------------------------------------|-----------------------------|
//! | `tokio`    | `use rill_time::tokio::StreamTimeExt;`    | `tokio::time` (pausable)    |
//! | `async-io` | `use rill_time::async_io::StreamTimeExt;` | `async_io::Timer` (async-std, smol) |
//!
//! Each backend module also has `interval(period)`. The trait and the
//! function are written out in each backend module and only build the
//! shared adapter types ([`Timeout`], [`Throttle`], [`ChunksTimeout`],
//! [`Debounce`], [`Delay`], [`Interval`]), whose docs hold the rules of each.
//!
//! # Timing rules
//!
//! Shared by every adapter, on every backend:
//!
//! - time is measured by the backend's clock (tokio's paused clock in
//!   tests); a clock starts at the adapter's first poll, not at its
//!   construction;
//! - the inner stream is polled before the timer: an item that is ready
//!   when a deadline passes wins over the deadline;
//! - every item comes out once and in order; the adapters are fused (after
//!   `None`, `None` again without polling the inner stream; `delay`
//!   forwards to the inner stream instead);
//! - dropping an adapter drops its timer, which cancels it.
//!
//! # Other runtimes, and tests
//!
//! [`Timer`] is open: implement it for your runtime's clock and sleep (its
//! docs state the contract) and build the adapters with their constructors
//! (`Timeout::<_, MyTimer>::new(stream, period)`, ...). rill-test's
//! `ManualClock` and `TestTimer` (feature `time`) are such a timer for
//! tests: time moves only when the test advances it, so adapters run
//! without a runtime, deterministically and without waiting.
//!
//! With the tokio feature, [`tokio::IntervalStream`] wraps a configured
//! `tokio::time::Interval` (`interval_at`, `MissedTickBehavior`) as a
//! stream, as tokio-stream's wrapper of that name does.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "tokio")]
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! use core::time::Duration;
//! use rill_combinators::{StreamExt, stream};
//! use rill_time::tokio::StreamTimeExt;
//!
//! let v: Vec<Vec<u32>> = stream::iter(0..7)
//!     .chunks_timeout(3, Duration::from_millis(10))
//!     .collect()
//!     .await;
//! assert_eq!(v, [vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
//! # }
//! # #[cfg(not(feature = "tokio"))]
//! # fn main() {}
//! ```
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(feature = "async-io")]
extern crate std;

#[macro_use]
mod macros;

mod chunks_timeout;
mod deadline;
mod debounce;
mod delay;
mod elapsed;
mod interval;
#[cfg(feature = "tokio")]
mod interval_stream;
mod throttle;
mod timeout;
mod timer;

pub use chunks_timeout::ChunksTimeout;
pub use debounce::Debounce;
pub use delay::Delay;
pub use elapsed::Elapsed;
pub use interval::Interval;
pub use throttle::Throttle;
pub use timeout::Timeout;
pub use timer::Timer;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub mod tokio;

#[cfg(feature = "async-io")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-io")))]
pub mod async_io;
