use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedFuture, TryStream};

pin_project_lite::pin_project! {
    /// Future for [`TryStreamExt::try_fold`](super::TryStreamExt::try_fold).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let fut = stream::iter([Ok::<_, ()>(2), Ok(3)]).try_fold(1, |acc, x| async move { Ok(acc * x) });
    /// assert_eq!(rill_test::block_on(fut), Ok(6));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryFold<St, Fut, T, F> {
        #[pin]
        stream: St,
        f: F,
        accum: Option<T>,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, T, F> TryFold<St, Fut, T, F> {
    pub(super) fn new(stream: St, init: T, f: F) -> Self {
        TryFold {
            stream,
            f,
            accum: Some(init),
            future: None,
        }
    }
}

impl<St: fmt::Debug, Fut, T: fmt::Debug, F> fmt::Debug for TryFold<St, Fut, T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFold")
            .field("stream", &self.stream)
            .field("accum", &self.accum)
            .field("future_pending", &self.future.is_some())
            .finish()
    }
}

impl<St, Fut, T, F> Future for TryFold<St, Fut, T, F>
where
    St: TryStream,
    F: FnMut(T, St::Ok) -> Fut,
    Fut: Future<Output = Result<T, St::Error>>,
{
    type Output = Result<T, St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Not on `support::TryDrive`: taking the accumulator out before the
        // stream is polled lets the optimiser keep it in a register across
        // an inner adapter's loop (`try_filter_map(..).try_fold(..)`, the
        // `try_stream` bench, costs about 7 instructions more per item
        // through `TryDrive`, callgrind).
        let mut this = self.project();
        loop {
            if let Some(fut) = this.future.as_mut().as_pin_mut() {
                let accum = ready!(fut.poll(cx));
                this.future.set(None);
                *this.accum = Some(accum?);
            }
            let Some(accum) = this.accum.take() else {
                panic!("`TryFold` polled after it completed");
            };
            match this.stream.as_mut().try_poll_next(cx) {
                Poll::Pending => {
                    *this.accum = Some(accum);
                    return Poll::Pending;
                }
                Poll::Ready(Some(Ok(item))) => this.future.set(Some((this.f)(accum, item))),
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Err(e)),
                Poll::Ready(None) => return Poll::Ready(Ok(accum)),
            }
        }
    }
}

/// Terminated once it resolved: with the accumulator handed out and no
/// closure future running.
impl<St, Fut, T, F> FusedFuture for TryFold<St, Fut, T, F>
where
    St: TryStream,
    F: FnMut(T, St::Ok) -> Fut,
    Fut: Future<Output = Result<T, St::Error>>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.accum.is_none() && self.future.is_none()
    }
}
