use core::fmt;
use core::future::Future;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::partition`](crate::StreamExt::partition):
    /// resolves to two collections, of the items for which the closure's
    /// future resolved to `true` and of the others, in stream order.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before (so are both collections). Polling it
    /// again after it resolved panics with "`Partition` polled after
    /// completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let split = stream::iter(1..=5).partition(|&x| async move { x % 2 == 0 });
    /// let (even, odd): (Vec<_>, Vec<_>) = rill_test::block_on(split);
    /// assert_eq!((even, odd), (vec![2, 4], vec![1, 3, 5]));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Partition<St, Fut, F, B>
    where
        St: Stream,
    {
        #[pin]
        drive: Drive<St, Fut, F>,
        // The item the running future tests.
        pending_item: Option<St::Item>,
        matching: B,
        others: B,
    }
}

impl<St, Fut, F, B> fmt::Debug for Partition<St, Fut, F, B>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    B: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive
            .debug_fields(f.debug_struct("Partition"))
            .field("pending_item", &self.pending_item)
            .field("matching", &self.matching)
            .field("others", &self.others)
            .finish()
    }
}

impl<St, Fut, F, B> Partition<St, Fut, F, B>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
    B: Default + Extend<St::Item>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        Partition {
            drive: Drive::new(stream, f),
            pending_item: None,
            matching: B::default(),
            others: B::default(),
        }
    }
}

impl<St, Fut, F, B> Future for Partition<St, Fut, F, B>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
    B: Default + Extend<St::Item>,
{
    type Output = (B, B);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<(B, B)> {
        let this = self.project();
        this.drive.poll_drive(
            &mut (this.pending_item, this.matching, this.others),
            cx,
            "Partition",
            |f, (pending, _, _), item| {
                let test = f(&item);
                **pending = Some(item);
                test
            },
            |(pending, matching, others), hit| {
                let side = if hit { matching } else { others };
                side.extend(pending.take());
                None
            },
            |(_, matching, others)| (mem::take(*matching), mem::take(*others)),
        )
    }
}
