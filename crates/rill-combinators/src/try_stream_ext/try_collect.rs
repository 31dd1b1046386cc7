use core::fmt;
use core::future::Future;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedFuture, FusedStream, TryStream};

pin_project_lite::pin_project! {
    /// Future for [`TryStreamExt::try_collect`](super::TryStreamExt::try_collect).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let fut = stream::iter([Ok::<_, ()>('a'), Ok('b')]).try_collect::<String>();
    /// assert_eq!(rill_test::block_on(fut), Ok("ab".to_string()));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryCollect<St, C> {
        #[pin]
        stream: St,
        items: C,
    }
}

impl<St, C: Default> TryCollect<St, C> {
    pub(super) fn new(stream: St) -> Self {
        TryCollect {
            stream,
            items: C::default(),
        }
    }
}

impl<St: fmt::Debug, C: fmt::Debug> fmt::Debug for TryCollect<St, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryCollect")
            .field("stream", &self.stream)
            .field("items", &self.items)
            .finish()
    }
}

impl<St, C> Future for TryCollect<St, C>
where
    St: TryStream,
    C: Default + Extend<St::Ok>,
{
    type Output = Result<C, St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                Some(Ok(item)) => this.items.extend(Some(item)),
                // The items gathered so far stay behind (and are dropped with
                // the future); polling again goes on with the rest of the stream.
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => return Poll::Ready(Ok(mem::take(this.items))),
            }
        }
    }
}

/// Terminated once the stream is (futures-util's bound): after an `Err` it
/// is not, and polling again goes on with the rest of the stream.
impl<St, C> FusedFuture for TryCollect<St, C>
where
    St: TryStream + FusedStream,
    C: Default + Extend<St::Ok>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
