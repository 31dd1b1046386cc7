use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::ne`](crate::StreamExt::ne): resolves to
    /// whether two streams differ, as [`Iterator::ne`] decides: the
    /// opposite of [`eq`](crate::StreamExt::eq).
    ///
    /// The first unequal pair gives `true`, and so do streams of different
    /// lengths.
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`Ne` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let ne: stream::Ne<_, _> = stream::iter([1, 2]).ne(stream::iter([1, 5]));
    /// assert!(rill_test::block_on(ne));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Ne<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for Ne<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Ne")).finish()
    }
}

impl<St1: Stream, St2: Stream> Ne<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Ne {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for Ne<St1, St2>
where
    St1: Stream,
    St2: Stream,
    St1::Item: PartialEq<St2::Item>,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        self.project().inner.poll_eq(cx, "Ne").map(|eq| !eq)
    }
}
