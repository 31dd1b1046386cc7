use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, FusedStream, TryStream};

/// Future for [`TryStreamExt::try_next`](super::TryStreamExt::try_next).
///
/// (Not built on [`Next`](crate::stream::Next): with only `St: TryStream`
/// known, the type checker does not see that `St::Item` is a `Result`.)
///
/// ```
/// use rill_combinators::{TryStreamExt, stream};
///
/// let mut s = stream::iter([Ok::<_, ()>(1)]);
/// assert_eq!(rill_test::block_on(s.try_next()), Ok(Some(1)));
/// assert_eq!(rill_test::block_on(s.try_next()), Ok(None));
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct TryNext<'a, St: ?Sized> {
    stream: &'a mut St,
}

impl<'a, St: ?Sized + TryStream + Unpin> TryNext<'a, St> {
    pub(super) fn new(stream: &'a mut St) -> Self {
        TryNext { stream }
    }
}

impl<St: ?Sized> Unpin for TryNext<'_, St> {}

impl<St: ?Sized + TryStream + Unpin> Future for TryNext<'_, St> {
    type Output = Result<Option<St::Ok>, St::Error>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.stream)
            .try_poll_next(cx)
            .map(Option::transpose)
    }
}

/// Terminated once the stream is (futures-util's bound).
impl<St: ?Sized + TryStream + FusedStream + Unpin> FusedFuture for TryNext<'_, St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
