//! Asynchronous streams for Rust.
//!
//! rill is one library for everything streams: the [`Stream`] family of
//! traits, the combinators of `futures-util` under the same names, fast
//! concurrency, adapters from runtime channels, and generators written with
//! `yield`. This crate is the facade: it re-exports the focused crates
//! behind it (`rill-core`, ...), each of which can also be used alone for a
//! minimal build.
//!
//! # Example
//!
//! ```
//! use core::pin::Pin;
//! use core::task::{Context, Poll};
//! use rill::prelude::*;
//!
//! /// Counts from 1 to 5.
//! struct Counter(u32);
//!
//! impl Stream for Counter {
//!     type Item = u32;
//!     fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
//!         if self.0 == 5 {
//!             return Poll::Ready(None);
//!         }
//!         self.0 += 1;
//!         Poll::Ready(Some(self.0))
//!     }
//! }
//!
//! let v: Vec<u32> = rill_test::block_on_stream(Counter(0)).collect();
//! assert_eq!(v, [1, 2, 3, 4, 5]);
//! ```
//!
//! # Features
//!
//! | feature        | default | what it adds                                          |
//! |----------------|---------|-------------------------------------------------------|
//! | `std`          | yes     | the standard library; implies `alloc`                 |
//! | `alloc`        | via std | [`BoxStream`], [`LocalBoxStream`]                     |
//! | `futures-core` | no      | [`compat::Compat`]: to and from `futures_core::Stream` |
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
pub use rill_core::{BoxStream, LocalBoxStream};
pub use rill_core::{FusedStream, Stream, TryStream};

#[cfg(feature = "futures-core")]
pub use rill_core::compat;

pub use rill_combinators::{StreamExt, stream};

// Constructors, select and Either.
pub use rill_combinators::Either;

/// The traits most stream code needs, for a glob import:
/// `use rill::prelude::*;`.
///
/// ```
/// use rill::prelude::*;
///
/// fn is_stream<S: Stream>(_: &S) {}
/// ```
pub mod prelude {
    pub use crate::{FusedStream, Stream, StreamExt, TryStream};
}
