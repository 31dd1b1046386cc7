use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, FusedStream};

/// Future for [`StreamExt::select_next_some`](crate::StreamExt::select_next_some):
/// the next item of a fused stream, for `select!` loops.
///
/// It resolves to the next item. When the stream ends instead, it does not
/// resolve to `None`: it wakes its task and returns `Poll::Pending`, and from
/// then on [`is_terminated`](FusedFuture::is_terminated) is `true` (it is the
/// stream's), so `futures::select!` skips the branch and, once every branch
/// is done, takes its `complete` arm.
///
/// Cancel-safe, like `next()`: dropping it loses no item.
///
/// # Panics
///
/// When polled while the stream is terminated ("`SelectNextSome` polled
/// after its stream terminated"); `select!` never does that.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = stream::iter([4, 5]).fuse();
/// let first = rill_test::block_on(s.select_next_some());
/// assert_eq!(first, 4);
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct SelectNextSome<'a, St: ?Sized> {
    stream: &'a mut St,
}

impl<'a, St: ?Sized + FusedStream + Unpin> SelectNextSome<'a, St> {
    pub(crate) fn new(stream: &'a mut St) -> Self {
        SelectNextSome { stream }
    }
}

impl<St: ?Sized> Unpin for SelectNextSome<'_, St> {}

impl<St: ?Sized + FusedStream + Unpin> Future for SelectNextSome<'_, St> {
    type Output = St::Item;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<St::Item> {
        assert!(
            !self.stream.is_terminated(),
            "`SelectNextSome` polled after its stream terminated"
        );
        match Pin::new(&mut *self.stream).poll_next(cx) {
            Poll::Ready(Some(item)) => Poll::Ready(item),
            // The stream just ended: `is_terminated` is now true. Wake the
            // task so that `select!` looks again and sees it.
            Poll::Ready(None) => {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Terminated once the stream is.
impl<St: ?Sized + FusedStream + Unpin> FusedFuture for SelectNextSome<'_, St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
