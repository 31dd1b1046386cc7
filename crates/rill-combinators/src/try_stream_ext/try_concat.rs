use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::TryStream;

pin_project_lite::pin_project! {
    /// Future for [`TryStreamExt::try_concat`](super::TryStreamExt::try_concat).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let fut = stream::iter([Ok::<_, ()>(vec!['a', 'b']), Ok(vec!['c'])]).try_concat();
    /// assert_eq!(rill_test::block_on(fut), Ok(vec!['a', 'b', 'c']));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryConcat<St>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        accum: Option<St::Ok>,
    }
}

impl<St: TryStream> TryConcat<St> {
    pub(super) fn new(stream: St) -> Self {
        TryConcat {
            stream,
            accum: None,
        }
    }
}

impl<St> fmt::Debug for TryConcat<St>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryConcat")
            .field("stream", &self.stream)
            .field("accum", &self.accum)
            .finish()
    }
}

impl<St> Future for TryConcat<St>
where
    St: TryStream,
    St::Ok: Extend<<St::Ok as IntoIterator>::Item> + IntoIterator + Default,
{
    type Output = Result<St::Ok, St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                Some(Ok(part)) => match this.accum {
                    Some(accum) => accum.extend(part),
                    None => *this.accum = Some(part),
                },
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => return Poll::Ready(Ok(this.accum.take().unwrap_or_default())),
            }
        }
    }
}
