//! The core traits of rill.
//!
//! This crate defines the three traits every other rill crate builds on:
//!
//! - [`Stream`]: a source of values that become available asynchronously,
//!   the async counterpart of [`Iterator`].
//! - [`FusedStream`]: a stream that can tell it has finished.
//! - [`TryStream`]: a stream of `Result`s, with its `Ok` and `Error` types
//!   named.
//!
//! The traits have the same shape as `futures_core::Stream` and
//! [`core::async_iter::AsyncIterator`], so that code moves between them
//! mechanically. With the `futures-core` feature, [`compat::Compat`] bridges
//! rill streams and futures-core streams in both directions.
//!
//! # Features
//!
//! | feature        | default | what it adds                                         |
//! |----------------|---------|------------------------------------------------------|
//! | `std`          | yes     | `AssertUnwindSafe<S>` forwarding; implies `alloc`    |
//! | `alloc`        | via std | `Box<S>` forwarding, [`BoxStream`], [`LocalBoxStream`] |
//! | `futures-core` | no      | [`compat::Compat`]                                   |
//!
//! Without default features the crate is `#![no_std]` and has no
//! dependencies at all.
//!
//! # Example
//!
//! A stream written by hand:
//!
//! ```
//! use core::pin::Pin;
//! use core::task::{Context, Poll};
//! use rill_core::Stream;
//!
//! /// Counts from 1 to 5.
//! struct Counter {
//!     n: u32,
//! }
//!
//! impl Stream for Counter {
//!     type Item = u32;
//!
//!     fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
//!         if self.n == 5 {
//!             return Poll::Ready(None);
//!         }
//!         self.n += 1;
//!         Poll::Ready(Some(self.n))
//!     }
//!
//!     fn size_hint(&self) -> (usize, Option<usize>) {
//!         let left = (5 - self.n) as usize;
//!         (left, Some(left))
//!     }
//! }
//!
//! let items: Vec<u32> = rill_test::block_on_stream(Counter { n: 0 }).collect();
//! assert_eq!(items, [1, 2, 3, 4, 5]);
//! ```
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_code)] // one audited block: `AssertUnwindSafe` pin projection (stream.rs)
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod stream;
mod try_stream;

#[cfg(feature = "futures-core")]
pub mod compat;

#[cfg(feature = "alloc")]
pub use stream::{BoxStream, LocalBoxStream};
pub use stream::{FusedStream, Stream};
pub use try_stream::TryStream;
