//! [`Buffered`]: `StreamExt::buffered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::fill::{self, Buffer};
use super::futures_ordered::Ordered;

buffer_adapter! {
    /// A stream that runs the futures of its input concurrently, at most
    /// `limit` at a time, and yields their outputs in input order: see
    /// [`StreamExt::buffered`](crate::StreamExt::buffered).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([core::future::ready(1)]).buffered(2);
    /// assert_eq!(s.get_ref().get_ref().len(), 1);
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1]);
    /// ```
    Buffered, "buffered", Ordered<St::Item, <St::Item as Future>::Output>
}
