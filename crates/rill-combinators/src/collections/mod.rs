//! Combinators over collections of streams, as futures-concurrency has
//! them: `(a, b, c).merge()`, `[a, b].zip()`, `vec.chain()`.
//!
//! Each trait is implemented for tuples of 1 to 12 streams, for arrays
//! `[S; N]` and (with the `alloc` feature) for `Vec<S>`:
//!
//! - [`Merge`]: the items of all the streams as they become ready, polling
//!   only the streams that were woken, fairly (needs `alloc`);
//! - [`Zip`]: one item of every stream at a time, until one ends (a tuple
//!   of streams may mix item types);
//! - [`Chain`]: the streams one after the other.
//!
//! Bring the trait into scope (or `use rill::prelude::*`) and call the
//! method on the collection:
//!
//! ```
//! use rill_combinators::collections::{Chain, Merge, Zip};
//! use rill_combinators::{StreamExt, stream};
//!
//! rill_test::block_on(async {
//!     let merged: Vec<u8> = (stream::iter([1]), stream::iter([2, 3])).merge().collect().await;
//!     assert_eq!(merged, [1, 2, 3]);
//!     let zipped: Vec<[u8; 2]> = [stream::iter([1, 2]), stream::iter([3, 4])].zip().collect().await;
//!     assert_eq!(zipped, [[1, 3], [2, 4]]);
//!     let chained: Vec<u8> = vec![stream::iter([1]), stream::iter([2])].chain().collect().await;
//!     assert_eq!(chained, [1, 2]);
//! });
//! ```
//!
//! The traits have futures-concurrency's names, so they live here rather
//! than in [`stream`](crate::stream), where `Zip`, `Chain` and `Merge` are
//! the two-stream adapters of [`StreamExt`](crate::StreamExt).

mod chain;
#[cfg(feature = "alloc")]
mod merge;
#[allow(unsafe_code)]
mod set;
mod zip;

pub use chain::{Chain, ChainStreams};
#[cfg(feature = "alloc")]
pub use merge::{Merge, MergeStreams};
pub use zip::{Zip, ZipStreams};
