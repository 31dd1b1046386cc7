//! [`TryBuffered`]: `TryStreamExt::try_buffered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::fill::{self, Buffer};
use super::futures_ordered::Ordered;
use super::try_support::{MapTry, OkOrErr};

try_buffer_adapter! {
    /// A stream that runs the futures of a `TryStream` concurrently, at most
    /// `limit` at a time, yielding their results in input order:
    /// [`TryStreamExt::try_buffered`](crate::TryStreamExt::try_buffered).
    ///
    /// The input yields `Result<Fut, E>` with `Fut: Future<Output =
    /// Result<T, E>>`. An input error is passed through as an item (it takes
    /// a slot until it is yielded) and the stream goes on; a future's error
    /// is its output. Limits as in `buffered`: `None` and `0` mean
    /// unlimited.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let input = stream::iter([Ok(async { Ok::<u8, &str>(1) }), Err("bad input")]);
    /// let s = input.try_buffered(2);
    /// let out: Vec<Result<u8, &str>> = rill_test::block_on(s.collect());
    /// assert_eq!(out, [Ok(1), Err("bad input")]);
    /// ```
    TryBuffered,
    "try_buffered",
    Ordered<OkOrErr<St::Ok, St::Error>, <St::Ok as Future>::Output>,
    Ordered::with_capacity
}
