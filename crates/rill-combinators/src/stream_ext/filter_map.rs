use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::filter_map`](crate::StreamExt::filter_map):
    /// maps every item through an asynchronous closure and keeps the `Some`
    /// results.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(["1", "x"]).filter_map(|s| ready(s.parse::<u8>().ok()));
    /// assert_eq!(s.size_hint(), (0, Some(2)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct FilterMap<St, Fut, F> {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: Option<Fut>,
    }
}

impl<St: fmt::Debug, Fut: fmt::Debug, F> fmt::Debug for FilterMap<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilterMap")
            .field("stream", &self.stream)
            .field("pending", &self.pending)
            .finish()
    }
}

impl<St, Fut, F> FilterMap<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        FilterMap {
            stream,
            f,
            pending: None,
        }
    }
}

delegate_access!(
    FilterMap<St, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).filter_map(|x| async move { Some(x) })"
);

impl<St, Fut, F, T> Stream for FilterMap<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = Option<T>>,
{
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut this = self.project();
        loop {
            if let Some(fut) = this.pending.as_mut().as_pin_mut() {
                let mapped = ready!(fut.poll(cx));
                this.pending.set(None);
                if mapped.is_some() {
                    return Poll::Ready(mapped);
                }
            } else if let Some(item) = ready!(this.stream.as_mut().poll_next(cx)) {
                this.pending.set(Some((this.f)(item)));
            } else {
                return Poll::Ready(None);
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let pending = usize::from(self.pending.is_some());
        let (_, upper) = self.stream.size_hint();
        (0, upper.and_then(|u| u.checked_add(pending)))
    }
}

impl<St, Fut, F, T> FusedStream for FilterMap<St, Fut, F>
where
    St: FusedStream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = Option<T>>,
{
    fn is_terminated(&self) -> bool {
        self.pending.is_none() && self.stream.is_terminated()
    }
}
