use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::le`](crate::StreamExt::le): resolves to
    /// whether the first stream is lexicographically less than or equal to the
    /// second, as [`Iterator::le`] decides.
    ///
    /// This is [`partial_cmp`](crate::StreamExt::partial_cmp) followed by a
    /// test for `Some(Ordering::Less | Ordering::Equal)`, so an incomparable pair (a NaN) gives `false`.
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`Le` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let le: stream::Le<_, _> = stream::iter([1, 2]).le(stream::iter([1, 2]));
    /// assert!(rill_test::block_on(le));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Le<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for Le<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Le")).finish()
    }
}

impl<St1: Stream, St2: Stream> Le<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Le {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for Le<St1, St2>
where
    St1: Stream,
    St2: Stream,
    St1::Item: PartialOrd<St2::Item>,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        self.project()
            .inner
            .poll_partial_cmp(cx, "Le")
            .map(|ordering| matches!(ordering, Some(Ordering::Less | Ordering::Equal)))
    }
}
