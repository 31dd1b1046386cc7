use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::best::Best;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::max`](crate::StreamExt::max): resolves to the
    /// largest item, the last one if several are equally large, or `None`
    /// for an empty stream.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before. Polling it again after it resolved
    /// panics with "`Max` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let max: stream::Max<_> = stream::iter([3, 1, 2]).max();
    /// assert_eq!(rill_test::block_on(max), Some(3));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Max<St>
    where
        St: Stream,
    {
        #[pin]
        inner: Best<St, St::Item>,
    }
}

impl<St> fmt::Debug for Max<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Max")).finish()
    }
}

impl<St: Stream> Max<St> {
    pub(crate) fn new(stream: St) -> Self {
        Max {
            inner: Best::new(stream),
        }
    }
}

impl<St> Future for Max<St>
where
    St: Stream,
    St::Item: Ord,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.project().inner.poll_best(
            cx,
            "Max",
            |item| item,
            |best, new| best.cmp(new) != Ordering::Greater,
        )
    }
}
