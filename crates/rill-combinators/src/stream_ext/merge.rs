use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use crate::constructors::{Select, select};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::merge`](crate::StreamExt::merge): two streams
    /// interleaved round-robin, the same stream as
    /// [`stream::select`](crate::stream::select()).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 3]).merge(stream::iter([2, 4, 6]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3, 4, 6]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Merge<St1, St2> {
        #[pin]
        inner: Select<St1, St2>,
    }
}

impl<St1, St2> Merge<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Merge {
            inner: select(stream1, stream2),
        }
    }
}

delegate_pair_access!(
    Merge<St1, St2>,
    inner => (St1, St2),
    example: "stream::iter(0..2).merge(stream::iter(5..9))"
);

impl<St1: fmt::Debug, St2: fmt::Debug> fmt::Debug for Merge<St1, St2> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (stream1, stream2) = self.get_ref();
        f.debug_struct("Merge")
            .field("stream1", stream1)
            .field("stream2", stream2)
            .finish()
    }
}

impl<St1, St2> Stream for Merge<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    type Item = St1::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St1::Item>> {
        self.project().inner.poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St1, St2> FusedStream for Merge<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}
