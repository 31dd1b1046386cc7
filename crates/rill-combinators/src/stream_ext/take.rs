use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::take`](crate::StreamExt::take): yields at most
    /// `n` items, then ends without polling the inner stream again.
    ///
    /// The adapter is fused: after it returned `Ready(None)`, whether because
    /// `n` items came through or the inner stream ended, it never polls the
    /// inner stream again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(0..).take(3);
    /// assert_eq!(s.size_hint(), (3, Some(3)));
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct Take<St> {
        #[pin]
        stream: St,
        // Items still allowed through; set to 0 when the inner stream ends,
        // so that the hot path has a single check.
        remaining: usize,
        // `Ready(None)` was returned (`is_terminated` must not say so
        // before). Whenever it is set, `remaining` is 0.
        ended: bool,
    }
}

impl<St> Take<St> {
    pub(crate) fn new(stream: St, n: usize) -> Self {
        Take {
            stream,
            remaining: n,
            ended: false,
        }
    }
}

delegate_access!(
    Take<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).take(2)"
);

impl<St: Stream> Stream for Take<St> {
    type Item = St::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = self.project();
        if *this.remaining == 0 {
            *this.ended = true;
            return Poll::Ready(None);
        }
        let poll = this.stream.poll_next(cx);
        match &poll {
            Poll::Ready(Some(_)) => *this.remaining -= 1,
            Poll::Ready(None) => {
                *this.remaining = 0;
                *this.ended = true;
            }
            Poll::Pending => {}
        }
        poll
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.remaining == 0 {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        let upper = match upper {
            Some(u) => u.min(self.remaining),
            None => self.remaining,
        };
        (lower.min(self.remaining), Some(upper))
    }
}

impl<St: Stream> FusedStream for Take<St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.ended
    }
}
