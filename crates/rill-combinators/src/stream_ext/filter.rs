use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::support::PendingCheck;

pin_project! {
    /// Stream for [`StreamExt::filter`](crate::StreamExt::filter): keeps the
    /// items for which an asynchronous predicate resolves to `true`.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(0..10).filter(|x| ready(x % 3 == 0));
    /// // Anything from none to all of the 10 items may pass.
    /// assert_eq!(s.size_hint(), (0, Some(10)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Filter<St, Fut, F>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: PendingCheck<Fut, St::Item>,
    }
}

impl<St, Fut, F> fmt::Debug for Filter<St, Fut, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    Fut: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Filter")
            .field("stream", &self.stream)
            .field("pending", &self.pending)
            .finish()
    }
}

impl<St: Stream, Fut, F> Filter<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        Filter {
            stream,
            f,
            pending: PendingCheck::new(),
        }
    }
}

delegate_access!(
    Filter<St, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).filter(|x| core::future::ready(*x > 0))", where St: Stream
);

impl<St, Fut, F> Stream for Filter<St, Fut, F>
where
    St: Stream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        loop {
            match ready!(
                this.pending
                    .as_mut()
                    .poll_judged(this.stream.as_mut(), this.f, cx)
            ) {
                Some((item, true)) => return Poll::Ready(Some(item)),
                Some((_, false)) => {}
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.pending.upper_with(self.stream.size_hint().1))
    }
}

impl<St, Fut, F> FusedStream for Filter<St, Fut, F>
where
    St: FusedStream,
    F: FnMut(&St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    fn is_terminated(&self) -> bool {
        self.pending.len() == 0 && self.stream.is_terminated()
    }
}
