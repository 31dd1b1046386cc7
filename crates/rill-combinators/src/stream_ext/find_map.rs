use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::find_map`](crate::StreamExt::find_map):
    /// resolves to the first `Some` that the closure's future resolves to,
    /// or `None` when the stream ends first.
    ///
    /// The stream is not polled past the item that gave the `Some`. It is
    /// dropped as soon as the future resolves, and with the future if it is
    /// dropped before. Polling it again after it resolved panics with
    /// "`FindMap` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let words = stream::iter(["a", "12", "7"]);
    /// let first = words.find_map(|s| async move { s.parse::<u32>().ok() });
    /// assert_eq!(rill_test::block_on(first), Some(12));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct FindMap<St, Fut, F> {
        #[pin]
        drive: Drive<St, Fut, F>,
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for FindMap<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive.debug_fields(f.debug_struct("FindMap")).finish()
    }
}

impl<St, Fut, F, B> FindMap<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = Option<B>>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        FindMap {
            drive: Drive::new(stream, f),
        }
    }
}

impl<St, Fut, F, B> Future for FindMap<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = Option<B>>,
{
    type Output = Option<B>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<B>> {
        let this = self.project();
        this.drive.poll_drive(
            &mut (),
            cx,
            "FindMap",
            |f, _, item| f(item),
            |_, found| found.map(Some),
            |_| None,
        )
    }
}
