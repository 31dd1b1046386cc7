use rill_core::Stream;

use crate::constructors::select::{Select, forward_pair_access, select};

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

forward_pair_access!(Merge, "stream::iter(0..2).merge(stream::iter(5..9))");
