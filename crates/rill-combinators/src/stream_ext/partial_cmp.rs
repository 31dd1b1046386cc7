use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::partial_cmp`](crate::StreamExt::partial_cmp):
    /// compares the items of two streams lexicographically, as
    /// [`Iterator::partial_cmp`] does.
    ///
    /// The first pair whose `partial_cmp` is not `Some(Equal)` decides (a
    /// `None`, e.g. from a NaN, is the result); if one stream ends first, it
    /// is the smaller.
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`PartialCmp` polled after completion".
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let cmp: stream::PartialCmp<_, _> = stream::iter([1.0, 2.0]).partial_cmp(stream::iter([1.0]));
    /// assert_eq!(rill_test::block_on(cmp), Some(Ordering::Greater));
    /// let nan = stream::iter([f64::NAN]).partial_cmp(stream::iter([1.0]));
    /// assert_eq!(rill_test::block_on(nan), None);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct PartialCmp<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for PartialCmp<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner
            .debug_fields(f.debug_struct("PartialCmp"))
            .finish()
    }
}

impl<St1: Stream, St2: Stream> PartialCmp<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        PartialCmp {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for PartialCmp<St1, St2>
where
    St1: Stream,
    St2: Stream,
    St1::Item: PartialOrd<St2::Item>,
{
    type Output = Option<Ordering>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Ordering>> {
        self.project().inner.poll_partial_cmp(cx, "PartialCmp")
    }
}
