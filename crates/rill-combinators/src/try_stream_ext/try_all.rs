use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedFuture, TryStream};

use crate::support::TryDrive;

pin_project_lite::pin_project! {
    /// Future for [`TryStreamExt::try_all`](super::TryStreamExt::try_all).
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let fut = stream::iter([Ok::<_, ()>(1), Ok(2)]).try_all(|x| ready(x > 0));
    /// assert_eq!(rill_test::block_on(fut), Ok(true));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryAll<St, Fut, F> {
        #[pin]
        drive: TryDrive<St, Fut, F>,
        done: bool,
    }
}

impl<St, Fut, F> TryAll<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryAll {
            drive: TryDrive::new(stream, f),
            done: false,
        }
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryAll<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryAll")
            .field("stream", self.drive.stream())
            .field("done", &self.done)
            .field("future_pending", &self.drive.is_running())
            .finish()
    }
}

impl<St, Fut, F> Future for TryAll<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = bool>,
{
    type Output = Result<bool, St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        assert!(!*this.done, "`TryAll` polled after it completed");
        let all = ready!(this.drive.try_poll_until(cx, false));
        *this.done = true;
        Poll::Ready(all)
    }
}

/// Terminated once it resolved.
impl<St, Fut, F> FusedFuture for TryAll<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = bool>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.done
    }
}
