use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::PendingCheck;

pin_project_lite::pin_project! {
    /// Stream for
    /// [`TryStreamExt::try_take_while`](super::TryStreamExt::try_take_while).
    ///
    /// After it ended, `size_hint` is `(0, Some(0))` and polling returns `Ready(None)` without polling the stream.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let mut s = stream::iter([Ok::<_, ()>(1), Ok(5), Ok(2)]).try_take_while(|x| ready(Ok(*x < 3)));
    /// assert_eq!(rill_test::block_on(s.try_next()), Ok(Some(1)));
    /// assert_eq!(rill_test::block_on(s.try_next()), Ok(None));
    /// assert_eq!(s.size_hint(), (0, Some(0)));
    /// assert_eq!(s.get_ref().get_ref().len(), 1, "the 2 was never taken");
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryTakeWhile<St, Fut, F>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Ok>,
        done_taking: bool,
    }
}

impl<St: TryStream, Fut, F> TryTakeWhile<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryTakeWhile {
            stream,
            f,
            pending: PendingCheck::new(),
            done_taking: false,
        }
    }
}

delegate_access!(
    TryTakeWhile<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_take_while(|_| core::future::ready(Ok(true))) }",
    where St: TryStream
);

impl<St, Fut, F> fmt::Debug for TryTakeWhile<St, Fut, F>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryTakeWhile")
            .field("stream", &self.stream)
            .field("pending_item", &self.pending.item())
            .field("done_taking", &self.done_taking)
            .finish()
    }
}

impl<St, Fut, F> Stream for TryTakeWhile<St, Fut, F>
where
    St: TryStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = Result<bool, St::Error>>,
{
    type Item = Result<St::Ok, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        if *this.done_taking {
            return Poll::Ready(None);
        }
        let judged = this.pending.try_poll_judged(this.stream, this.f, cx);
        match ready!(judged) {
            Some(Ok((item, Ok(true)))) => Poll::Ready(Some(Ok(item))),
            // A failed predicate drops its item; taking goes on.
            Some(Ok((_, Err(e))) | Err(e)) => Poll::Ready(Some(Err(e))),
            Some(Ok((_, Ok(false)))) | None => {
                *this.done_taking = true;
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done_taking {
            (0, Some(0))
        } else {
            // The predicate may stop the stream at any item.
            (0, self.pending.upper_with(self.stream.size_hint().1))
        }
    }
}

impl<St, Fut, F> FusedStream for TryTakeWhile<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = Result<bool, St::Error>>,
{
    fn is_terminated(&self) -> bool {
        self.done_taking || (self.pending.len() == 0 && self.stream.is_terminated())
    }
}
