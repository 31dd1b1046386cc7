use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::collect`](crate::StreamExt::collect).
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Collect<St, C> {
        #[pin]
        stream: St,
        collection: C,
    }
}

impl<St: core::fmt::Debug, C: core::fmt::Debug> core::fmt::Debug for Collect<St, C> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Collect")
            .field("stream", &self.stream)
            .field("collection", &self.collection)
            .finish()
    }
}

impl<St: Stream, C: Default> Collect<St, C> {
    pub(crate) fn new(stream: St) -> Self {
        Collect {
            stream,
            collection: C::default(),
        }
    }
}

impl<St: Stream, C: Default + Extend<St::Item>> Future for Collect<St, C> {
    type Output = C;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<C> {
        let mut this = self.project();
        loop {
            match this.stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => this.collection.extend(Some(item)),
                // Leaves an empty collection behind: polling again after
                // completion resolves to another (empty) collection.
                Poll::Ready(None) => return Poll::Ready(core::mem::take(this.collection)),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

/// Terminated once the stream is (futures-util's bound: polling again after
/// completion would resolve to another, empty, collection).
impl<St: FusedStream, C: Default + Extend<St::Item>> FusedFuture for Collect<St, C> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
