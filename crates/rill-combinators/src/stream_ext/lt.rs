use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::lt`](crate::StreamExt::lt): resolves to
    /// whether the first stream is lexicographically less than the
    /// second, as [`Iterator::lt`] decides.
    ///
    /// This is [`partial_cmp`](crate::StreamExt::partial_cmp) followed by a
    /// test for `Some(Ordering::Less)`, so an incomparable pair (a NaN) gives `false`.
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`Lt` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let lt: stream::Lt<_, _> = stream::iter([1, 2]).lt(stream::iter([1, 3]));
    /// assert!(rill_test::block_on(lt));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Lt<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for Lt<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Lt")).finish()
    }
}

impl<St1: Stream, St2: Stream> Lt<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Lt {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for Lt<St1, St2>
where
    St1: Stream,
    St2: Stream,
    St1::Item: PartialOrd<St2::Item>,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        self.project()
            .inner
            .poll_partial_cmp(cx, "Lt")
            .map(|ordering| matches!(ordering, Some(Ordering::Less)))
    }
}
