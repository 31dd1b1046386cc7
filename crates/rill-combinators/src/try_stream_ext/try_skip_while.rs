use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::PendingCheck;

pin_project_lite::pin_project! {
    /// Stream for
    /// [`TryStreamExt::try_skip_while`](super::TryStreamExt::try_skip_while).
    ///
    /// Once skipping is over, `size_hint` is the stream's.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let mut s = stream::iter([Ok::<_, ()>(1), Ok(5), Ok(2)]).try_skip_while(|x| ready(Ok(*x < 3)));
    /// assert_eq!(s.size_hint(), (0, Some(3)));
    /// assert_eq!(rill_test::block_on(s.try_next()), Ok(Some(5)));
    /// assert_eq!(s.size_hint(), (1, Some(1)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TrySkipWhile<St, Fut, F>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Ok>,
        done_skipping: bool,
    }
}

impl<St: TryStream, Fut, F> TrySkipWhile<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TrySkipWhile {
            stream,
            f,
            pending: PendingCheck::new(),
            done_skipping: false,
        }
    }
}

delegate_access!(
    TrySkipWhile<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_skip_while(|_| core::future::ready(Ok(false))) }",
    where St: TryStream
);

impl<St, Fut, F> fmt::Debug for TrySkipWhile<St, Fut, F>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TrySkipWhile")
            .field("stream", &self.stream)
            .field("pending_item", &self.pending.item())
            .field("done_skipping", &self.done_skipping)
            .finish()
    }
}

impl<St, Fut, F> Stream for TrySkipWhile<St, Fut, F>
where
    St: TryStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = Result<bool, St::Error>>,
{
    type Item = Result<St::Ok, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        if *this.done_skipping {
            return this.stream.try_poll_next(cx);
        }
        loop {
            let judged = this
                .pending
                .as_mut()
                .try_poll_judged(this.stream.as_mut(), this.f, cx);
            match ready!(judged) {
                Some(Ok((_, Ok(true)))) => {}
                Some(Ok((item, Ok(false)))) => {
                    *this.done_skipping = true;
                    return Poll::Ready(Some(Ok(item)));
                }
                // A failed predicate drops its item; skipping goes on.
                Some(Ok((_, Err(e))) | Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done_skipping {
            self.stream.size_hint()
        } else {
            // Everything may still be skipped.
            (0, self.pending.upper_with(self.stream.size_hint().1))
        }
    }
}

impl<St, Fut, F> FusedStream for TrySkipWhile<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(&St::Ok) -> Fut,
    Fut: Future<Output = Result<bool, St::Error>>,
{
    fn is_terminated(&self) -> bool {
        self.pending.len() == 0 && self.stream.is_terminated()
    }
}
