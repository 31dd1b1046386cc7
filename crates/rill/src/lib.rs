//! Asynchronous streams for Rust.
//!
//! rill is one library for everything streams: the [`Stream`] family of
//! traits, the combinators of `futures-util` under the same names, fast
//! concurrency, adapters from runtime channels, and generators written with
//! `yield`. This crate is the facade: it re-exports the focused crates
//! behind it (`rill-core`, ...), each of which can also be used alone for a
//! minimal build.
//!
//! The traits are the ecosystem's: every rill stream is a
//! `futures_core::Stream`, and every futures-core stream gets rill's
//! combinators ([`Stream`], [`FusedStream`], [`TryStream`] and
//! [`FusedFuture`] are futures-core's, re-exported).
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
//! // Polled by hand: no runtime needed for a stream that is always ready.
//! let mut cx = Context::from_waker(core::task::Waker::noop());
//! let mut counter = Counter(0);
//! let mut v = Vec::new();
//! while let Poll::Ready(Some(n)) = counter.poll_next_unpin(&mut cx) {
//!     v.push(n);
//! }
//! assert_eq!(v, [1, 2, 3, 4, 5]);
//! ```
//!
//! # Features
//!
//! | feature        | default | what it adds                                          |
//! |----------------|---------|-------------------------------------------------------|
//! | `std`          | yes     | the standard library; implies `alloc`                 |
//! | `alloc`        | via std | everything that allocates: the concurrency (`buffered`, `buffer_unordered`, `for_each_concurrent`, `flatten_unordered`, `FuturesUnordered`, `StreamMap`, `select_all`, ... and their `try_` forms), `chunks`/`ready_chunks` (and `try_`), `boxed`, [`BoxStream`], [`LocalBoxStream`], `split`, and `Merge` over collections. The generators ([`stream_fn`], always there) allocate one slot per stream, so the facade needs an allocator even without this feature |
//! | `macros`       | yes     | [`stream!`] and [`try_stream!`]: generators with `yield` |
//! | `tokio`        | no      | `channel::tokio` (mpsc/broadcast/watch receivers and `JoinSet` results as streams), `time` on `tokio::time` (and `IntervalStream`), `io` on tokio readers, listeners, directories and (unix) signals, and `io::tokio::StreamReader` |
//! | `async-std`    | no      | `channel::async_std`: `async_std::channel` receivers as streams |
//! | `async-channel`| no      | `channel::async_channel`: async-channel 2.x (smol) receivers as streams |
//! | `async-io`     | no      | `time` on `async_io::Timer`, and `io::async_io`: listener streams over `Async<TcpListener>`/`Async<UnixListener>` (async-std, smol); implies `futures-io` |
//! | `futures-io`   | no      | `io` on futures-io readers (async-std, smol), and `io::futures_io::into_async_read` |
//! | `channel`, `time`, `io` | via the above | the modules `channel`, `time` and `io`, turned on by the runtime features; `time` alone gives rill-time's adapters over your own `Timer` |
//!
//! Pick the backend by import: `use rill::time::tokio::StreamTimeExt;`,
//! `rill::io::tokio::lines(reader)`, `rill::channel::tokio::ReceiverStream`.
//!
//! For example, a body that arrives in chunks (reqwest's `bytes_stream()`,
//! here an `iter`) read line by line through `rill::io`:
//!
//! ```
//! # #[cfg(feature = "tokio")] {
//! use rill::prelude::*;
//! use rill::{io, stream};
//!
//! let body = stream::iter(["id,na", "me\n1,ri", "ll\n"]).map(Ok::<_, std::io::Error>);
//! let lines = io::tokio::lines(io::tokio::StreamReader::new(body));
//! let rows: Vec<String> = rill_test::block_on(lines.try_collect()).unwrap();
//! assert_eq!(rows, ["id,name", "1,rill"]);
//! # }
//! ```
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
pub use rill_core::{BoxStream, LocalBoxStream};
pub use rill_core::{FusedFuture, FusedStream, Stream, TryStream};

pub use rill_combinators::{StreamExt, stream};

// Constructors, select and Either.
pub use rill_combinators::Either;

// TryStreamExt (streams of `Result`s).
pub use rill_combinators::TryStreamExt;

// Combinators over collections of streams: `(a, b).merge()`, `[a, b].zip()`,
// `vec.chain()` (futures-concurrency's `Merge`, `Zip`, `Chain`).
pub use rill_combinators::collections;
// Sinks: the ecosystem's `Sink` trait (futures-sink), `SinkExt`, `drain`,
// `unfold` (rill-combinators).
pub use rill_combinators::sink::Sink;
pub use rill_combinators::{SinkExt, sink};

// `stream_select!`: futures-util's macro, over `select_with_strategy`.
pub use rill_combinators::stream_select;

// Channels, time and I/O: each module is behind its umbrella feature,
// which every runtime feature of that crate turns on (Cargo.toml), so no
// list of runtimes is repeated here. rill-channel needs std; the facade
// stays no_std without it.
#[cfg(feature = "channel")]
#[cfg_attr(docsrs, doc(cfg(feature = "channel")))]
pub use rill_channel as channel;

#[cfg(feature = "time")]
#[cfg_attr(docsrs, doc(cfg(feature = "time")))]
pub use rill_time as time;

#[cfg(feature = "io")]
#[cfg_attr(docsrs, doc(cfg(feature = "io")))]
pub use rill_io as io;

// Generators (rill-gen): the functions always, the macros with `macros`.
/// The kinds of yielder (`Checked`, `Scoped`): the last type parameter of
/// [`StreamFn`] and [`TryStreamFn`], which code naming a generator's type
/// spells out:
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use rill::StreamFn;
/// use rill::kind::Scoped;
///
/// fn evens(n: u32) -> StreamFn<u32, impl Future<Output = ()>, Scoped> {
///     rill::stream! {
///         for i in 0..n {
///             yield i * 2;
///         }
///     }
/// }
/// let v: Vec<u32> = rill_test::block_on_stream(Box::pin(evens(3))).collect();
/// assert_eq!(v, [0, 2, 4]);
/// # }
/// ```
pub use rill_gen::kind;
pub use rill_gen::{StreamFn, TryStreamFn, Yield, Yielder, stream_fn, try_stream_fn};
#[cfg(feature = "macros")]
pub use rill_gen::{stream, try_stream};

/// The traits most stream code needs, for a glob import:
/// `use rill::prelude::*;`.
///
/// ```
/// use rill::prelude::*;
///
/// fn is_stream<S: Stream>(_: &S) {}
/// ```
///
/// The collection traits come in unnamed, so tuples, arrays and `Vec`s of
/// streams merge, zip and chain after the glob import:
///
/// ```
/// use rill::prelude::*;
/// use rill::stream;
///
/// let merged = (stream::iter([1]), stream::iter([2])).merge();
/// let mut v: Vec<i32> = rill_test::block_on(merged.collect());
/// v.sort();
/// assert_eq!(v, [1, 2]);
/// let zipped = [stream::iter([1]), stream::iter([2])].zip();
/// assert_eq!(rill_test::block_on(zipped.collect::<Vec<_>>()), [[1, 2]]);
/// ```
pub mod prelude {
    pub use crate::{FusedStream, Stream, StreamExt, TryStream};

    pub use crate::TryStreamExt;

    // The collection traits, unnamed (their names are also those of
    // `stream::{Zip, Chain, Merge}`): `(a, b).merge()` works after the glob.
    #[cfg(feature = "alloc")]
    pub use crate::collections::Merge as _;
    pub use crate::collections::{Chain as _, Zip as _};
    pub use crate::{Sink, SinkExt};
}

/// The README's examples, compiled and run as doc tests so they cannot rot.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// docs/migrating.md's "after" example, compiled and run as a doc test.
#[doc = include_str!("../../../docs/migrating.md")]
#[cfg(doctest)]
pub struct MigratingDoctests;
