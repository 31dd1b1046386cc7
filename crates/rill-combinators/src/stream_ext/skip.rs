use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::skip`](crate::StreamExt::skip): drops the
    /// first `n` items, then passes every item on.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(0..5).skip(2);
    /// assert_eq!(s.size_hint(), (3, Some(3)));
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct Skip<St> {
        #[pin]
        stream: St,
        remaining: usize,
    }
}

impl<St> Skip<St> {
    pub(crate) fn new(stream: St, n: usize) -> Self {
        Skip {
            stream,
            remaining: n,
        }
    }
}

delegate_access!(
    Skip<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).skip(1)"
);

impl<St: Stream> Stream for Skip<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        while *this.remaining > 0 {
            // `remaining` only drops once an item was really skipped, so a
            // `Pending` in the middle loses no count.
            if ready!(this.stream.as_mut().poll_next(cx)).is_none() {
                return Poll::Ready(None);
            }
            *this.remaining -= 1;
        }
        this.stream.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (lower, upper) = self.stream.size_hint();
        (
            lower.saturating_sub(self.remaining),
            upper.map(|u| u.saturating_sub(self.remaining)),
        )
    }
}

impl<St: FusedStream> FusedStream for Skip<St> {
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
