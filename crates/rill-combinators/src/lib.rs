//! Stream constructors and combinators for rill.
//!
//! - [`stream`]: constructors ([`stream::iter`], ...) and the types the
//!   combinators return;
//! - [`StreamExt`]: the everyday adapters and consumers (`map`, `filter`,
//!   `collect`, ...), with the names and semantics of `futures-util` 0.3.
//! - [`TryStreamExt`]: the same for streams of `Result`s (`map_ok`,
//!   `and_then`, `try_filter_map`, `try_collect`, ...).
//! - [`sink`] and [`SinkExt`]: `send`, `feed`, `send_all`, `with`, ... over
//!   `futures_sink::Sink`, the sinks `drain` and `unfold`; with
//!   `StreamExt::forward` and `StreamExt::split`.
//!
//! Both traits are implemented for every `futures_core::Stream` (rill-core's
//! `Stream` is that trait): streams from any crate get these combinators.
//!
//! # Example
//!
//! ```
//! use rill_combinators::{StreamExt, stream};
//!
//! let v: Vec<u32> = rill_test::block_on(stream::iter(1..=3).collect());
//! assert_eq!(v, [1, 2, 3]);
//! ```
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_code)] // allowed on the `mod` line of each module that needs it; each block has a `// SAFETY:` comment
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

// Accessor macros (`delegate_access!`, `delegate_pair_access!`): first, so
// that every module below can use them.
#[macro_use]
mod macros;

// The private modules whose public items `stream` re-exports, one type per
// file in each folder (`docs/architecture.md` has the map).
#[cfg(feature = "alloc")]
mod concurrent;
mod constructors;
// `Either`'s pin projections (tuple variants: pin-project-lite cannot).
#[allow(unsafe_code)]
mod either;
mod stream_ext;
// `stream_select!` (macro_export) and its hidden helper.
mod stream_select;
mod support;
mod sync;
mod try_stream_ext;

pub mod collections;
pub mod sink;

pub use either::Either;
pub use sink::SinkExt;
pub use stream_ext::StreamExt;
pub use try_stream_ext::TryStreamExt;

#[doc(hidden)]
pub mod __private {
    pub use crate::stream_select::rotate;
}

pub mod stream {
    //! Stream constructors and the stream and future types that
    //! [`StreamExt`] methods return.
    //!
    //! ```
    //! use rill_combinators::{StreamExt, stream};
    //!
    //! let mut s = stream::iter(["a", "b"]);
    //! assert_eq!(rill_test::block_on(s.next()), Some("a"));
    //! ```
    pub use crate::StreamExt;
    #[cfg(feature = "alloc")]
    pub use crate::concurrent::*;
    pub use crate::constructors::*;
    // The traits, as `futures::stream` has them, so that
    // `use futures::stream::{self, Stream, StreamExt}` becomes a `use` of
    // `rill::stream` with the same names.
    pub use crate::stream_ext::*;
    pub use crate::try_stream_ext::*;
    #[cfg(feature = "alloc")]
    pub use rill_core::{BoxStream, LocalBoxStream};
    pub use rill_core::{FusedStream, Stream, TryStream};

    // The sink interop types, where futures-util has them.
    pub use crate::sink::Forward;
    #[cfg(feature = "alloc")]
    pub use crate::sink::{ReuniteError, SplitSink, SplitStream};
}
