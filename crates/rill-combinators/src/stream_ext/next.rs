use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, FusedStream, Stream};

/// Future for [`StreamExt::next`](crate::StreamExt::next).
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Next<'a, St: ?Sized> {
    stream: &'a mut St,
}

impl<'a, St: ?Sized + Stream + Unpin> Next<'a, St> {
    pub(crate) fn new(stream: &'a mut St) -> Self {
        Next { stream }
    }
}

impl<St: ?Sized> Unpin for Next<'_, St> {}

impl<St: ?Sized + Stream + Unpin> Future for Next<'_, St> {
    type Output = Option<St::Item>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.stream).poll_next(cx)
    }
}

/// Terminated once the stream is: `select!` stops polling a `next()` on an
/// ended fused stream (futures-util's bound).
impl<St: ?Sized + FusedStream + Unpin> FusedFuture for Next<'_, St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
