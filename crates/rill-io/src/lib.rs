//! I/O streams for rill: the lines of a reader, its bytes in chunks, and
//! the connections of a listener, for tokio and futures-io readers alike.
//!
//! Each stream is written once, against a small private reader trait that
//! each backend implements; pick the backend by its module:
//!
//! | feature      | module                 | reader traits                                   |
//! |--------------|------------------------|-------------------------------------------------|
//! | `tokio`      | [`tokio`]      | `tokio::io::AsyncBufRead` / `AsyncRead`; `TcpListenerStream`, `UnixListenerStream` |
//! | `futures-io` | [`futures_io`] | `futures_io::AsyncBufRead` / `AsyncRead` (async-std, smol) |
//!
//! Every module has `lines(reader)` (a stream of `io::Result<String>`),
//! `reader_stream(reader)` and `reader_stream_with_capacity(reader, cap)`
//! (streams of `io::Result<Vec<u8>>`).
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "tokio")] {
//! use rill_combinators::StreamExt;
//!
//! let log = b"INFO start\nERROR disk full\nINFO retry\nERROR disk full\n";
//! let lines: Vec<_> = rill_test::block_on(rill_io::tokio::lines(&log[..]).collect());
//! let errors = lines.iter().filter(|l| l.as_ref().unwrap().starts_with("ERROR")).count();
//! assert_eq!(errors, 2);
//! # }
//! ```
//!
//! # Chunks are `Vec<u8>`
//!
//! `reader_stream` yields `Vec<u8>`, not `bytes::Bytes`: no dependency,
//! each chunk is read straight into its own allocation (no copy), and
//! `Bytes::from(vec)` turns it into `Bytes` without copying when a `Bytes`
//! API needs it.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Without a backend nothing constructs the streams: only the types are there.
#![cfg_attr(not(any(feature = "tokio", feature = "futures-io")), allow(dead_code))]

#[cfg_attr(
    not(any(feature = "tokio", feature = "futures-io")),
    allow(unused_macros)
)]
#[macro_use]
mod backend;
#[macro_use]
mod macros;
mod lines;
mod listener;
mod reader_stream;
mod source;

pub use lines::Lines;
pub use listener::ListenerStream;
pub use reader_stream::ReaderStream;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub mod tokio;

#[cfg(feature = "futures-io")]
#[cfg_attr(docsrs, doc(cfg(feature = "futures-io")))]
pub mod futures_io;
