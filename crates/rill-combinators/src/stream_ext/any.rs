use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::any`](crate::StreamExt::any): resolves to `true`
    /// as soon as the closure's future resolves to `true` for an item, or to
    /// `false` when the stream ends first (so `false` for an empty stream).
    ///
    /// The stream is not polled past the deciding item. It is dropped as
    /// soon as the future resolves, and with the future if it is dropped
    /// before. Polling it again after it resolved panics with "`Any`
    /// polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let any = stream::iter([1, 4, 9]).any(|x| async move { x % 2 == 0 });
    /// assert!(rill_test::block_on(any));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Any<St, Fut, F> {
        #[pin]
        drive: Drive<St, Fut, F>,
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for Any<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive.debug_fields(f.debug_struct("Any")).finish()
    }
}

impl<St, Fut, F> Any<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        Any {
            drive: Drive::new(stream, f),
        }
    }
}

impl<St, Fut, F> Future for Any<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Output = bool;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        self.project().drive.poll_until(cx, "Any", true)
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St, Fut, F> FusedFuture for Any<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.drive.is_done()
    }
}
