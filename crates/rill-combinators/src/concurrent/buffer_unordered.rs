//! [`BufferUnordered`]: `StreamExt::buffer_unordered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::FuturesUnordered;
use super::fill::{self, Buffer};

buffer_adapter! {
    /// A stream that runs the futures of its input concurrently, at most
    /// `limit` at a time, and yields their outputs as they complete: see
    /// [`StreamExt::buffer_unordered`](crate::StreamExt::buffer_unordered).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([core::future::ready(1)]).buffer_unordered(2);
    /// assert_eq!(s.get_ref().get_ref().len(), 1);
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1]);
    /// ```
    BufferUnordered, "buffer_unordered", FuturesUnordered<St::Item>
}
