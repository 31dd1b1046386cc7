use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::try_flatten`](super::TryStreamExt::try_flatten).
    #[must_use = "streams do nothing unless polled"]
    pub struct TryFlatten<St>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        #[pin]
        next: Option<St::Ok>,
    }
}

impl<St: TryStream> TryFlatten<St> {
    pub(super) fn new(stream: St) -> Self {
        TryFlatten { stream, next: None }
    }
}

delegate_access!(TryFlatten<St>, stream: St, where St: TryStream);

impl<St> fmt::Debug for TryFlatten<St>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFlatten")
            .field("stream", &self.stream)
            .field("next", &self.next)
            .finish()
    }
}

impl<St> Stream for TryFlatten<St>
where
    St: TryStream,
    St::Ok: TryStream,
    <St::Ok as TryStream>::Error: From<St::Error>,
{
    type Item = Result<<St::Ok as TryStream>::Ok, <St::Ok as TryStream>::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        loop {
            if let Some(inner) = this.next.as_mut().as_pin_mut() {
                match ready!(inner.try_poll_next(cx)) {
                    Some(item) => return Poll::Ready(Some(item)),
                    None => this.next.set(None),
                }
            }
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                Some(Ok(inner)) => this.next.set(Some(inner)),
                Some(Err(e)) => return Poll::Ready(Some(Err(e.into()))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lower, inner_upper) = self.next.as_ref().map_or((0, Some(0)), Stream::size_hint);
        // Any further item of the outer stream may be a stream of any length.
        let upper = match self.stream.size_hint() {
            (_, Some(0)) => inner_upper,
            _ => None,
        };
        (lower, upper)
    }
}

impl<St> FusedStream for TryFlatten<St>
where
    St: TryStream + FusedStream,
    St::Ok: TryStream,
    <St::Ok as TryStream>::Error: From<St::Error>,
{
    fn is_terminated(&self) -> bool {
        self.next.is_none() && self.stream.is_terminated()
    }
}
