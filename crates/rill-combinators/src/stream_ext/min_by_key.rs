use core::cmp::Ordering;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::best::Best;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::min_by_key`](crate::StreamExt::min_by_key):
    /// resolves to the item whose key is smallest, the first one if several
    /// keys are equally small, or `None` for an empty stream.
    ///
    /// The key closure is called once per item, in stream order; the best
    /// key is kept next to its item. The stream is dropped as soon as the
    /// future resolves, and with the future if it is dropped before. Polling
    /// it again after it resolved panics with "`MinByKey` polled after
    /// completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let words = stream::iter(["bb", "a", "c", "dd"]);
    /// let shortest: stream::MinByKey<_, _, _> = words.min_by_key(|w| w.len());
    /// assert_eq!(rill_test::block_on(shortest), Some("a")); // the first of "a" and "c"
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct MinByKey<St, B, F>
    where
        St: Stream,
    {
        #[pin]
        inner: Best<St, (B, St::Item)>,
        key: F,
    }
}

impl<St, B, F> fmt::Debug for MinByKey<St, B, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    B: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("MinByKey")).finish()
    }
}

impl<St, B, F> MinByKey<St, B, F>
where
    St: Stream,
    B: Ord,
    F: FnMut(&St::Item) -> B,
{
    pub(crate) fn new(stream: St, key: F) -> Self {
        MinByKey {
            inner: Best::new(stream),
            key,
        }
    }
}

impl<St, B, F> Future for MinByKey<St, B, F>
where
    St: Stream,
    B: Ord,
    F: FnMut(&St::Item) -> B,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let key = this.key;
        this.inner
            .poll_best(
                cx,
                "MinByKey",
                |item| (key(&item), item),
                |best, new| best.0.cmp(&new.0) == Ordering::Greater,
            )
            .map(|best| best.map(|(_, item)| item))
    }
}
