use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedFuture, TryStream};

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
        stream: St,
        f: F,
        done: bool,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, F> TryAll<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryAll {
            stream,
            f,
            done: false,
            future: None,
        }
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryAll<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryAll")
            .field("stream", &self.stream)
            .field("done", &self.done)
            .field("future_pending", &self.future.is_some())
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
        let state = Quantifier {
            name: "TryAll",
            decisive: false,
        };
        state.poll(this.stream, this.future, this.f, this.done, cx)
    }
}

/// The poll loop of [`TryAll`] and [`TryAny`](super::TryAny): they stop at
/// the first predicate result equal to `decisive` and return it; at the end
/// of the stream they return its opposite.
pub(super) struct Quantifier {
    pub(super) name: &'static str,
    pub(super) decisive: bool,
}

impl Quantifier {
    pub(super) fn poll<St, Fut, F>(
        self,
        mut stream: Pin<&mut St>,
        mut future: Pin<&mut Option<Fut>>,
        f: &mut F,
        done: &mut bool,
        cx: &mut Context<'_>,
    ) -> Poll<Result<bool, St::Error>>
    where
        St: TryStream,
        F: FnMut(St::Ok) -> Fut,
        Fut: Future<Output = bool>,
    {
        assert!(!*done, "`{}` polled after it completed", self.name);
        loop {
            if let Some(fut) = future.as_mut().as_pin_mut() {
                let verdict = ready!(fut.poll(cx));
                future.set(None);
                if verdict == self.decisive {
                    *done = true;
                    return Poll::Ready(Ok(verdict));
                }
            }
            match ready!(stream.as_mut().try_poll_next(cx)) {
                Some(Ok(item)) => future.set(Some(f(item))),
                Some(Err(e)) => {
                    *done = true;
                    return Poll::Ready(Err(e));
                }
                None => {
                    *done = true;
                    return Poll::Ready(Ok(!self.decisive));
                }
            }
        }
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
