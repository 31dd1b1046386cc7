//! [`TryBufferUnordered`]: `TryStreamExt::try_buffer_unordered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::FuturesUnordered;
use super::fill::{self, Buffer};
use super::try_support::{MapTry, OkOrErr};

try_buffer_adapter! {
    /// A stream that runs the futures of a `TryStream` concurrently, at most
    /// `limit` at a time, yielding their results as they complete:
    /// [`TryStreamExt::try_buffer_unordered`](crate::TryStreamExt::try_buffer_unordered).
    ///
    /// The input yields `Result<Fut, E>` with `Fut: Future<Output =
    /// Result<T, E>>`. An input error is passed through as an item (it takes
    /// a slot until it is yielded) and the stream goes on; a future's error
    /// is its output. Limits as in `buffer_unordered`: `None` and `0` mean
    /// unlimited.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let input = stream::iter([Ok(async { Ok::<u8, &str>(1) }), Err("bad input")]);
    /// let s = input.try_buffer_unordered(2);
    /// let mut out: Vec<Result<u8, &str>> = rill_test::block_on(s.collect());
    /// out.sort();
    /// assert_eq!(out, [Ok(1), Err("bad input")]);
    /// ```
    TryBufferUnordered,
    "try_buffer_unordered",
    FuturesUnordered<OkOrErr<St::Ok, St::Error>>,
    FuturesUnordered::with_capacity
}
