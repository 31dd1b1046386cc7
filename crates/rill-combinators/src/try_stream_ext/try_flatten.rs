use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::try_flatten`](super::TryStreamExt::try_flatten).
    ///
    /// Until the outer stream is exhausted, `size_hint` has no upper bound: any inner stream may be of any length.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(stream::iter(vec![Ok::<_, ()>(1), Ok(2)]))]).try_flatten();
    /// assert_eq!(s.size_hint(), (0, None));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(1), Ok(2)]);
    /// ```
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

delegate_access!(
    TryFlatten<St>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter((0..3).map(|_| Ok::<_, u8>(stream::iter([Ok::<u8, u8>(1)]))).collect::<Vec<_>>()).try_flatten() }",
    where St: TryStream
);

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
