use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::find`](crate::StreamExt::find): resolves to
    /// the first item for which the closure's future resolves to `true`, or
    /// `None` when the stream ends first.
    ///
    /// The stream is not polled past the found item. It is dropped as soon
    /// as the future resolves, and with the future if it is dropped before
    /// (so is the item being tested). Polling it again after it resolved
    /// panics with "`Find` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let find = stream::iter([1, 4, 9]).find(|&x| async move { x > 3 });
    /// assert_eq!(rill_test::block_on(find), Some(4));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Find<St, Fut, F>
    where
        St: Stream,
    {
        #[pin]
        drive: Drive<St, Fut, F>,
        // The item the running future tests.
        pending_item: Option<St::Item>,
    }
}

impl<St, Fut, F> fmt::Debug for Find<St, Fut, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive
            .debug_fields(f.debug_struct("Find"))
            .field("pending_item", &self.pending_item)
            .finish()
    }
}

impl<St, Fut, F> Find<St, Fut, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        Find {
            drive: Drive::new(stream, f),
            pending_item: None,
        }
    }
}

impl<St, Fut, F> Future for Find<St, Fut, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        this.drive.poll_drive(
            this.pending_item,
            cx,
            "Find",
            |f, pending, item| {
                let test = f(&item);
                *pending = Some(item);
                test
            },
            |pending, hit| {
                let item = pending.take();
                if hit { Some(item) } else { None }
            },
            |_| None,
        )
    }
}
