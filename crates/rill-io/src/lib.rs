//! I/O streams for rill, in both directions: the lines, delimited
//! segments and byte chunks of a reader as streams, a stream of byte chunks
//! as a reader, and the connections of a listener, for tokio and futures-io
//! alike.
//!
//! Each stream is written once, against a small private reader trait that
//! each backend implements; pick the backend by its module:
//!
//! | feature      | module         | what it has                                     |
//! |--------------|----------------|-------------------------------------------------|
//! | `tokio`      | [`tokio`]      | over `tokio::io::AsyncBufRead` / `AsyncRead`; `StreamReader`; `TcpListenerStream`, `UnixListenerStream`; `ReadDirStream`, `SignalStream` (unix) |
//! | `futures-io` | [`futures_io`] | over `futures_io::AsyncBufRead` / `AsyncRead` (async-std, smol, futures); `into_async_read` |
//! | `async-io`   | [`async_io`]   | `TcpListenerStream`, `UnixListenerStream` over async-io's `Async<_>` listeners (async-std, smol); implies `futures-io` |
//!
//! The `tokio` and `futures_io` modules both have:
//!
//! - `lines(reader)`: a stream of `io::Result<String>`;
//! - `split(reader, delimiter)`: a stream of `io::Result<Vec<u8>>`, the
//!   segments between delimiter bytes;
//! - `reader_stream(reader)` and `reader_stream_with_capacity(reader, cap)`:
//!   the bytes as a stream of `io::Result<Vec<u8>>` chunks;
//! - the other direction, [`StreamReader`]: a stream of
//!   `Result<impl AsRef<[u8]>, impl Into<io::Error>>` chunks read as
//!   `AsyncRead` + `AsyncBufRead` (`tokio::StreamReader::new(stream)`,
//!   `futures_io::into_async_read(stream)`), so a body that arrives in chunks
//!   (reqwest's `bytes_stream()`) can be read line by line, each byte
//!   copied once.
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
//! # Chunks are `Vec<u8>`, and no `bytes` dependency
//!
//! `reader_stream` yields `Vec<u8>`, not `bytes::Bytes`: no dependency,
//! each chunk is read straight into its own allocation (no copy), and
//! `Bytes::from(vec)` turns it into `Bytes` without copying when a `Bytes`
//! API needs it. For the same reason [`StreamReader`] takes chunks that are
//! `AsRef<[u8]>` (tokio-util's takes `bytes::Buf`): `Bytes` qualifies, and
//! so do `Vec<u8>` (what `reader_stream` yields, which is not a `Buf`),
//! `&[u8]` and `String`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Without a backend nothing constructs the streams: only the types are there.
#![cfg_attr(
    not(any(feature = "tokio", feature = "futures-io", feature = "async-io")),
    allow(dead_code)
)]

#[macro_use]
mod macros;
mod lines;
mod listener;
#[cfg(feature = "tokio")]
mod read_dir;
mod reader_stream;
mod segment;
#[cfg(all(feature = "tokio", unix))]
mod signal;
mod source;
mod split;
mod stream_reader;

pub use lines::Lines;
pub use listener::ListenerStream;
pub use reader_stream::ReaderStream;
pub use split::SplitStream;
pub use stream_reader::StreamReader;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub mod tokio;

#[cfg(feature = "futures-io")]
#[cfg_attr(docsrs, doc(cfg(feature = "futures-io")))]
pub mod futures_io;

#[cfg(feature = "async-io")]
#[cfg_attr(docsrs, doc(cfg(feature = "async-io")))]
pub mod async_io;
