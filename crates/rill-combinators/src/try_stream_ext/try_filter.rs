use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::PendingCheck;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::try_filter`](super::TryStreamExt::try_filter).
    ///
    /// Any item may be filtered out, so the lower bound of `size_hint` is 0.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2)]).try_filter(|x| ready(*x > 1));
    /// assert_eq!(s.size_hint(), (0, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(2)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryFilter<St, Fut, F>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Ok>,
    }
}

impl<St: TryStream, Fut, F> TryFilter<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryFilter {
            stream,
            f,
            pending: PendingCheck::new(),
        }
    }
}

delegate_access!(
    TryFilter<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_filter(|_| core::future::ready(true)) }",
    where St: TryStream
);

impl<St, Fut, F> fmt::Debug for TryFilter<St, Fut, F>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFilter")
            .field("stream", &self.stream)
            .field("pending_item", &self.pending.item())
            .finish()
    }
}

impl<St, Fut, F> Stream for TryFilter<St, Fut, F>
where
    St: TryStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = bool>,
{
    type Item = Result<St::Ok, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        loop {
            let judged = this
                .pending
                .as_mut()
                .try_poll_judged(this.stream.as_mut(), this.f, cx);
            match ready!(judged) {
                Some(Ok((_, false))) => {}
                Some(Ok((item, true))) => return Poll::Ready(Some(Ok(item))),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // The predicate may reject every item: only errors are sure to come,
        // and the stream does not say how many of those there are.
        (0, self.pending.upper_with(self.stream.size_hint().1))
    }
}

impl<St, Fut, F> FusedStream for TryFilter<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = bool>,
{
    fn is_terminated(&self) -> bool {
        self.pending.len() == 0 && self.stream.is_terminated()
    }
}
