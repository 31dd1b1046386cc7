use core::fmt;
use core::future::Future;
use core::iter;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::accumulate::Accumulate;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::product`](crate::StreamExt::product):
    /// resolves to the product of the items, as [`Iterator::product`]
    /// computes it.
    ///
    /// The product type `A` implements [`core::iter::Product`] both for the
    /// items and for itself (every standard type does). An empty stream
    /// gives `A`'s product of nothing (`1`). Multiplying `Option`s or
    /// `Result`s stops at the first `None` or `Err`, which is the result,
    /// without polling the stream again. The stream is dropped as soon as
    /// the future resolves, and with the future if it is dropped before.
    /// Polling it again after it resolved panics with "`Product` polled
    /// after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let product: stream::Product<_, u64> = stream::iter(1..=5).product();
    /// assert_eq!(rill_test::block_on(product), 120);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Product<St, A> {
        #[pin]
        inner: Accumulate<St, A>,
    }
}

impl<St: fmt::Debug, A: fmt::Debug> fmt::Debug for Product<St, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Product")).finish()
    }
}

impl<St, A> Product<St, A>
where
    St: Stream,
    A: iter::Product<St::Item> + iter::Product<A>,
{
    pub(crate) fn new(stream: St) -> Self {
        Product {
            inner: Accumulate::new(stream),
        }
    }
}

impl<St, A> Future for Product<St, A>
where
    St: Stream,
    A: iter::Product<St::Item> + iter::Product<A>,
{
    type Output = A;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A> {
        self.project().inner.poll_accumulate(
            cx,
            "Product",
            |one| A::product(one),
            |two| A::product(two.into_iter()),
            || A::product(iter::empty::<A>()),
        )
    }
}
