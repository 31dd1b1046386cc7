use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::for_each`](crate::StreamExt::for_each):
    /// runs the closure's future on every item, one after the other, and
    /// resolves when the stream ends.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before (so is a closure future still
    /// running). Polling it again after it resolved panics with "`ForEach`
    /// polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut seen = Vec::new();
    /// let run: stream::ForEach<_, _, _> = stream::iter(1..=2).for_each(|x| {
    ///     seen.push(x);
    ///     async {}
    /// });
    /// rill_test::block_on(run);
    /// assert_eq!(seen, [1, 2]);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct ForEach<St, Fut, F> {
        #[pin]
        drive: Drive<St, Fut, F>,
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for ForEach<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive.debug_fields(f.debug_struct("ForEach")).finish()
    }
}

impl<St, Fut, F> ForEach<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        ForEach {
            drive: Drive::new(stream, f),
        }
    }
}

impl<St, Fut, F> Future for ForEach<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.project();
        this.drive.poll_drive(
            &mut (),
            cx,
            "ForEach",
            |f, _, item| f(item),
            |_, ()| None,
            |_| (),
        )
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St, Fut, F> FusedFuture for ForEach<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.drive.is_done()
    }
}
