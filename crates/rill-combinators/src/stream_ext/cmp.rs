use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::cmp`](crate::StreamExt::cmp): compares the
    /// items of two streams lexicographically, as [`Iterator::cmp`] does.
    ///
    /// The first pair of items that differ decides; if one stream ends
    /// first, it is the smaller (`Less` when the first stream is shorter).
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`Cmp` polled after completion".
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let cmp: stream::Cmp<_, _> = stream::iter([1, 2]).cmp(stream::iter([1, 3]));
    /// assert_eq!(rill_test::block_on(cmp), Ordering::Less);
    /// let shorter = stream::iter([1, 2]).cmp(stream::iter([1, 2, 0]));
    /// assert_eq!(rill_test::block_on(shorter), Ordering::Less);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Cmp<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for Cmp<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Cmp")).finish()
    }
}

impl<St1: Stream, St2: Stream> Cmp<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Cmp {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for Cmp<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
    St1::Item: Ord,
{
    type Output = Ordering;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Ordering> {
        self.project().inner.poll_pairs(
            cx,
            "Cmp",
            |a, b| match a.cmp(&b) {
                Ordering::Equal => None,
                decided => Some(decided),
            },
            |lengths| lengths,
        )
    }
}
