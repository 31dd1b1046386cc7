use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::support::PendingCheck;

pin_project! {
    /// Stream for [`StreamExt::skip_while`](crate::StreamExt::skip_while):
    /// drops items while an asynchronous predicate resolves to `true`, then
    /// passes every item on.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([1, 5, 1]).skip_while(|x| ready(*x < 3));
    /// assert_eq!(s.size_hint(), (0, Some(3)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct SkipWhile<St, Fut, F>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Item>,
        done_skipping: bool,
    }
}

impl<St, Fut, F> fmt::Debug for SkipWhile<St, Fut, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    Fut: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SkipWhile")
            .field("stream", &self.stream)
            .field("pending", &self.pending)
            .field("done_skipping", &self.done_skipping)
            .finish()
    }
}

impl<St: Stream, Fut, F> SkipWhile<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        SkipWhile {
            stream,
            f,
            pending: PendingCheck::new(),
            done_skipping: false,
        }
    }
}

delegate_access!(
    SkipWhile<St, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).skip_while(|x| core::future::ready(*x > 5))", where St: Stream
);

impl<St, Fut, F> Stream for SkipWhile<St, Fut, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        if *this.done_skipping {
            return this.stream.poll_next(cx);
        }
        loop {
            match ready!(
                this.pending
                    .as_mut()
                    .poll_judged(this.stream.as_mut(), this.f, cx)
            ) {
                Some((_, true)) => {}
                Some((item, false)) => {
                    *this.done_skipping = true;
                    return Poll::Ready(Some(item));
                }
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done_skipping {
            return self.stream.size_hint();
        }
        (0, self.pending.upper_with(self.stream.size_hint().1))
    }
}

impl<St, Fut, F> FusedStream for SkipWhile<St, Fut, F>
where
    St: FusedStream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    fn is_terminated(&self) -> bool {
        self.pending.len() == 0 && self.stream.is_terminated()
    }
}
