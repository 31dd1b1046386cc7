use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::best::Best;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::min_by`](crate::StreamExt::min_by): resolves
    /// to the item the comparator finds smallest, the first one if several
    /// are equally small, or `None` for an empty stream.
    ///
    /// The comparator is called as `compare(&best_so_far, &new_item)`, once
    /// per item after the first. The stream is dropped as soon as the future
    /// resolves, and with the future if it is dropped before. Polling it
    /// again after it resolved panics with "`MinBy` polled after
    /// completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let min: stream::MinBy<_, _> = stream::iter([2.5, -1.0, 3.0]).min_by(f64::total_cmp);
    /// assert_eq!(rill_test::block_on(min), Some(-1.0));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct MinBy<St, F>
    where
        St: Stream,
    {
        #[pin]
        inner: Best<St, St::Item>,
        compare: F,
    }
}

impl<St, F> fmt::Debug for MinBy<St, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("MinBy")).finish()
    }
}

impl<St, F> MinBy<St, F>
where
    St: Stream,
    F: FnMut(&St::Item, &St::Item) -> Ordering,
{
    pub(crate) fn new(stream: St, compare: F) -> Self {
        MinBy {
            inner: Best::new(stream),
            compare,
        }
    }
}

impl<St, F> Future for MinBy<St, F>
where
    St: Stream,
    F: FnMut(&St::Item, &St::Item) -> Ordering,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let compare = this.compare;
        this.inner.poll_best(
            cx,
            "MinBy",
            |item| item,
            |best, new| compare(best, new) == Ordering::Greater,
        )
    }
}
