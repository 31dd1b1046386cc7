use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::then`](crate::StreamExt::then): runs an
    /// asynchronous closure on every item, one at a time, and yields its
    /// output.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([1, 2]).then(|x| async move { x * 10 });
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Then<St, Fut, F> {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St: fmt::Debug, Fut: fmt::Debug, F> fmt::Debug for Then<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Then")
            .field("stream", &self.stream)
            .field("future", &self.future)
            .finish()
    }
}

impl<St, Fut, F> Then<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        Then {
            stream,
            f,
            future: None,
        }
    }
}

delegate_access!(
    Then<St, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).then(|x| async move { x })"
);

impl<St, Fut, F> Stream for Then<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future,
{
    type Item = Fut::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        let mut this = self.project();
        loop {
            if let Some(fut) = this.future.as_mut().as_pin_mut() {
                let output = ready!(fut.poll(cx));
                this.future.set(None);
                return Poll::Ready(Some(output));
            }
            match ready!(this.stream.as_mut().poll_next(cx)) {
                Some(item) => this.future.set(Some((this.f)(item))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let pending = usize::from(self.future.is_some());
        let (lower, upper) = self.stream.size_hint();
        (
            lower.saturating_add(pending),
            upper.and_then(|u| u.checked_add(pending)),
        )
    }
}

impl<St, Fut, F> FusedStream for Then<St, Fut, F>
where
    St: FusedStream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future,
{
    fn is_terminated(&self) -> bool {
        self.future.is_none() && self.stream.is_terminated()
    }
}
