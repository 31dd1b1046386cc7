use core::fmt;
use core::future::Future;
use core::iter;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::accumulate::Accumulate;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::sum`](crate::StreamExt::sum): resolves to the
    /// sum of the items, as [`Iterator::sum`] computes it.
    ///
    /// The sum type `A` implements [`core::iter::Sum`] both for the items
    /// and for itself (every standard type does). An empty stream gives
    /// `A`'s sum of nothing (`0`). Summing `Option`s or `Result`s stops at
    /// the first `None` or `Err`, which is the result, without polling the
    /// stream again. The stream is dropped as soon as the future resolves,
    /// and with the future if it is dropped before. Polling it again after
    /// it resolved panics with "`Sum` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let sum: stream::Sum<_, u32> = stream::iter([1, 2, 3]).sum();
    /// assert_eq!(rill_test::block_on(sum), 6);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Sum<St, A> {
        #[pin]
        inner: Accumulate<St, A>,
    }
}

impl<St: fmt::Debug, A: fmt::Debug> fmt::Debug for Sum<St, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.debug_fields(f.debug_struct("Sum")).finish()
    }
}

impl<St, A> Sum<St, A>
where
    St: Stream,
    A: iter::Sum<St::Item> + iter::Sum<A>,
{
    pub(crate) fn new(stream: St) -> Self {
        Sum {
            inner: Accumulate::new(stream),
        }
    }
}

impl<St, A> Future for Sum<St, A>
where
    St: Stream,
    A: iter::Sum<St::Item> + iter::Sum<A>,
{
    type Output = A;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<A> {
        self.project().inner.poll_accumulate(
            cx,
            "Sum",
            |one| A::sum(one),
            |two| A::sum(two.into_iter()),
            || A::sum(iter::empty::<A>()),
        )
    }
}
