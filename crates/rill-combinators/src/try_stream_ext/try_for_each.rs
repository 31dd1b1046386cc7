use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::TryStream;

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
        stream: St,
        f: F,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, F> TryForEach<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryForEach {
            stream,
            f,
            future: None,
        }
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryForEach<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryForEach")
            .field("stream", &self.stream)
            .field("future_pending", &self.future.is_some())
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
        let mut this = self.project();
        loop {
            if let Some(fut) = this.future.as_mut().as_pin_mut() {
                let done = ready!(fut.poll(cx));
                this.future.set(None);
                done?;
            }
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                Some(Ok(item)) => this.future.set(Some((this.f)(item))),
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => return Poll::Ready(Ok(())),
            }
        }
    }
}
