use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::pairs::Pairs;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::eq`](crate::StreamExt::eq): resolves to
    /// whether two streams yield equal items, as [`Iterator::eq`] decides.
    ///
    /// The first unequal pair gives `false`, and so do streams of different
    /// lengths. (The type is `Equals`, not `Eq`, so that a glob import of
    /// `rill::stream::*` does not shadow the prelude's `Eq` trait.)
    ///
    /// Both streams are polled while the current pair of items is
    /// incomplete, and neither is polled past the pair (or end) that
    /// decides. Both are dropped as soon as the future resolves, and with
    /// the future if it is dropped before. Polling it again after it
    /// resolved panics with "`Equals` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let eq: stream::Equals<_, _> = stream::iter(["a", "b"]).eq(stream::iter(["a", "b"]));
    /// assert!(rill_test::block_on(eq));
    /// assert!(!rill_test::block_on(stream::iter([1]).eq(stream::iter([1, 1]))));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Equals<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        inner: Pairs<St1, St2>,
    }
}

impl<St1, St2> fmt::Debug for Equals<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Equals")).finish()
    }
}

impl<St1: Stream, St2: Stream> Equals<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Equals {
            inner: Pairs::new(stream1, stream2),
        }
    }
}

impl<St1, St2> Future for Equals<St1, St2>
where
    St1: Stream,
    St2: Stream,
    St1::Item: PartialEq<St2::Item>,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        self.project().inner.poll_eq(cx, "Equals")
    }
}
