use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::support::PendingCheck;

pin_project! {
    /// Stream for [`StreamExt::take_while`](crate::StreamExt::take_while):
    /// passes items on while an asynchronous predicate resolves to `true`,
    /// and ends at the first item for which it resolves to `false`.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([1, 5, 1]).take_while(|x| ready(*x < 3));
    /// assert_eq!(s.size_hint(), (0, Some(3)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TakeWhile<St, Fut, F>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Item>,
        done_taking: bool,
    }
}

impl<St, Fut, F> fmt::Debug for TakeWhile<St, Fut, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    Fut: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TakeWhile")
            .field("stream", &self.stream)
            .field("pending", &self.pending)
            .field("done_taking", &self.done_taking)
            .finish()
    }
}

impl<St: Stream, Fut, F> TakeWhile<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        TakeWhile {
            stream,
            f,
            pending: PendingCheck::new(),
            done_taking: false,
        }
    }
}

delegate_access!(
    TakeWhile<St, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).take_while(|x| core::future::ready(*x > 0))", where St: Stream
);

impl<St, Fut, F> Stream for TakeWhile<St, Fut, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        if *this.done_taking {
            return Poll::Ready(None);
        }
        match ready!(
            this.pending
                .as_mut()
                .poll_judged(this.stream.as_mut(), this.f, cx)
        ) {
            Some((item, true)) => Poll::Ready(Some(item)),
            Some((_, false)) => {
                // The inner stream is not polled again.
                *this.done_taking = true;
                Poll::Ready(None)
            }
            None => Poll::Ready(None),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done_taking {
            return (0, Some(0));
        }
        (0, self.pending.upper_with(self.stream.size_hint().1))
    }
}

impl<St, Fut, F> FusedStream for TakeWhile<St, Fut, F>
where
    St: FusedStream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    fn is_terminated(&self) -> bool {
        self.done_taking || (self.pending.len() == 0 && self.stream.is_terminated())
    }
}
