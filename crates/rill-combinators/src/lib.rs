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
#![deny(unsafe_code)] // allowed per item where a module needs it, each block with `// SAFETY:`
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[macro_use]
mod macros;

mod constructors;
mod either;
mod stream_ext;
mod support;
mod try_stream_ext;

// region: concurrency modules
#[cfg(feature = "alloc")]
mod concurrent;
#[cfg(feature = "alloc")]
mod sync;
// endregion: concurrency modules

// region: collections of streams (merge, zip, chain; issue 13)
pub mod collections;
// endregion: collections of streams

pub use either::Either;
pub use stream_ext::StreamExt;
pub use try_stream_ext::TryStreamExt;

// region: sink interop
pub mod sink;

// `stream_select!` (macro_export) and its hidden helper.
mod stream_select;
#[doc(hidden)]
pub mod __private {
    pub use crate::stream_select::rotate;
}

pub use sink::SinkExt;
// endregion: sink interop

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
    pub use crate::constructors::*;
    pub use crate::stream_ext::*;
    pub use crate::try_stream_ext::*;

    // region: concurrency re-exports
    #[cfg(feature = "alloc")]
    pub use crate::concurrent::{
        AbortHandle, AbortRegistration, Abortable, Aborted, BufferUnordered, Buffered,
        FlatMapUnordered, FlattenUnordered, ForEachConcurrent, FuturesOrdered, FuturesUnordered,
        SelectAll, StreamMap, StreamNotifyClose, TryBufferUnordered, TryBuffered,
        TryFlattenUnordered, TryForEachConcurrent, abortable, futures_unordered, select_all,
    };
    // endregion: concurrency re-exports

    // region: sink interop re-exports (where futures-util has them)
    pub use crate::sink::Forward;
    #[cfg(feature = "alloc")]
    pub use crate::sink::{ReuniteError, SplitSink, SplitStream};
    // endregion: sink interop re-exports
}
