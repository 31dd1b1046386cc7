use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::TryStream;

use crate::support::TryDrive;

pin_project_lite::pin_project! {
    /// Future for [`TryStreamExt::try_for_each`](super::TryStreamExt::try_for_each).
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut sum = 0;
    /// let fut = stream::iter([Ok::<_, ()>(2), Ok(3)]).try_for_each(|x| {
    ///     sum += x;
    ///     ready(Ok(()))
    /// });
    /// assert_eq!(rill_test::block_on(fut), Ok(()));
    /// assert_eq!(sum, 5);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryForEach<St, Fut, F> {
        #[pin]
        drive: TryDrive<St, Fut, F>,
    }
}

impl<St, Fut, F> TryForEach<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryForEach {
            drive: TryDrive::new(stream, f),
        }
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryForEach<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryForEach")
            .field("stream", self.drive.stream())
            .field("future_pending", &self.drive.is_running())
            .finish()
    }
}

impl<St, Fut, F> Future for TryForEach<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<(), St::Error>>,
{
    type Output = Result<(), St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.project().drive.try_poll_drive(
            &mut (),
            cx,
            |f, _, item| f(item),
            // A failed future completes it with its error.
            |_, done| done.err().map(Err),
            |_| (),
        )
    }
}
