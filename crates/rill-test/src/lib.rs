//! Helpers to test streams without an async runtime.
//!
//! - [`block_on`] runs a future to completion on the current thread, parking
//!   the thread while the future is pending (no busy loop);
//!   [`block_on_stream`] turns a stream into a blocking [`Iterator`].
//! - [`interleave_pending`] makes a stream return `Poll::Pending` (and wake
//!   itself) before every item: a correct stream adapter gives the same items
//!   through it as without it.
//! - [`counting_waker`] builds a waker that counts how often it was woken;
//!   [`noop_context`] a context whose waker does nothing.
//! - [`assert_stream_next!`], [`assert_stream_pending!`] and
//!   [`assert_stream_done!`] poll a stream once and check the result;
//!   [`assert_stream_terminates!`] checks a fused stream's end;
//!   [`poll_next_once`] and [`poll_once`] poll a stream or a future once and
//!   return the result.
//! - [`collect_checked`], [`check_stream`] and [`check_fused_stream`] drive a
//!   stream to its end and check the contract on the way (`size_hint` bounds,
//!   the same items through `interleave_pending`, `is_terminated`).
//! - [`TestSource`] is an input stream that can return `Pending` before
//!   every item (or chosen ones) and panic when polled after its end; [`check_adapter`] and [`check_fused_adapter`] run an
//!   adapter over it with and without `Pending` and compare: the check to
//!   use for stream adapters, which must not lose state when their input
//!   says "not yet".
//! - [`Probes`] makes drop-in-place probes ([`ProbeFuture`], [`ProbeStream`]):
//!   `!Unpin` children that fail when a container moves them after pinning
//!   (polled or dropped at another address), with counters that catch leaks
//!   and double drops.
//! - [`assert_impl!`] and [`assert_not_impl!`] check at compile time that a
//!   type (or a value's type) implements traits or does not;
//!   [`assert_auto_traits_follow!`] checks that an adapter is `Send`,
//!   `Sync` and `Unpin` exactly when its parts are, with the stand-in parts
//!   of [`auto_traits`].
//! - [`panic_site`] runs a closure that must panic and returns the panic's
//!   message and location (for `#[track_caller]`); [`panic_message`] reads
//!   the message of a payload caught by hand.
//! - [`yield_once`] is a future that is `Pending` once, then ready: the
//!   closure future of an adapter under test that says "not yet".
//! - [`CountingAllocator`] is a global allocator that counts allocations
//!   per thread and the peak of live heap bytes: "no allocation per item"
//!   and "constant memory" as assertions.
//! - With the `time` feature, [`ManualClock`] and [`TestTimer`] test
//!   rill-time's adapters (and any code generic over `rill_time::Timer`)
//!   without a runtime: time moves only when the test advances it, or when
//!   [`block_on`] finds the future idle.
//! - [`TestSink`] records what it is sent, can return `Pending` before each
//!   ready, and panics when the `Sink` protocol is broken; [`Loopback`] is a
//!   stream and a sink in one (what is sent comes back), the value to
//!   `split` in tests.
//!
//! # Example
//!
//! ```
//! use core::pin::Pin;
//! use core::task::{Context, Poll};
//! use rill_core::Stream;
//! use rill_test::{assert_stream_done, assert_stream_next, assert_stream_pending};
//!
//! struct Upto3(u8);
//! impl Stream for Upto3 {
//!     type Item = u8;
//!     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
//!         if self.0 == 3 {
//!             return Poll::Ready(None);
//!         }
//!         self.0 += 1;
//!         Poll::Ready(Some(self.0))
//!     }
//! }
//!
//! // Poll by hand...
//! let mut s = rill_test::interleave_pending(Upto3(0));
//! assert_stream_pending!(s);
//! assert_stream_next!(s, 1);
//!
//! // ...or drive it as an iterator.
//! let rest: Vec<u8> = rill_test::block_on_stream(s).collect();
//! assert_eq!(rest, [2, 3]);
//! ```
#![deny(missing_docs)]
#![deny(unsafe_code)]

// A `GlobalAlloc` impl: forwards to `System`, see its SAFETY comment.
#[allow(unsafe_code)]
mod alloc;
mod assert;
pub mod auto_traits;
mod block_on;
mod check;
#[cfg(feature = "time")]
mod clock;
mod interleave_pending;
mod loopback;
mod panic_site;
mod probe;
mod sink;
mod source;
mod waker;
mod yield_once;

pub use alloc::CountingAllocator;
pub use assert::{poll_next_once, poll_once};
pub use block_on::{BlockingStream, block_on, block_on_stream};
pub use check::{check_fused_stream, check_stream, collect_checked};
#[cfg(feature = "time")]
pub use clock::{EnterGuard, ManualClock, TestInstant, TestSleep, TestTimer};
pub use interleave_pending::{InterleavePending, interleave_pending};
pub use loopback::Loopback;
pub use panic_site::{PanicSite, panic_message, panic_site};
pub use probe::{ProbeFuture, ProbeStream, ProbeWake, Probes};
pub use sink::{TestSink, TestSinkError};
pub use source::{TestSource, check_adapter, check_fused_adapter};
pub use waker::{WakeCounter, counting_waker, noop_context};
pub use yield_once::{YieldOnce, yield_once};

#[doc(hidden)]
pub mod __private {
    pub use crate::probe::{PollProbe, poll_probe};
    pub use rill_core::FusedStream;
}
