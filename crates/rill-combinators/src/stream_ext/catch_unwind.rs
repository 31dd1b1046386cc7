use std::any::Any;
use std::boxed::Box;
use std::panic::{AssertUnwindSafe, UnwindSafe, catch_unwind};

use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::catch_unwind`](crate::StreamExt::catch_unwind):
    /// yields `Ok(item)` for every item, and `Err(payload)` for a panic
    /// while polling the inner stream, after which it ends.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([1, 2]).catch_unwind();
    /// // A panic could end it at the first poll, or come in place of the end.
    /// assert_eq!(s.size_hint(), (1, Some(3)));
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct CatchUnwind<St> {
        #[pin]
        stream: St,
        // A panic was caught and returned as `Err`.
        caught_unwind: bool,
        // `Ready(None)` was returned after the panic.
        ended: bool,
    }
}

impl<St: Stream + UnwindSafe> CatchUnwind<St> {
    pub(crate) fn new(stream: St) -> Self {
        CatchUnwind {
            stream,
            caught_unwind: false,
            ended: false,
        }
    }
}

delegate_access!(
    CatchUnwind<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).catch_unwind()"
);

impl<St: Stream + UnwindSafe> Stream for CatchUnwind<St> {
    type Item = Result<St::Item, Box<dyn Any + Send>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        if *this.caught_unwind {
            // The inner stream may be in any state after a panic: never
            // poll it again.
            *this.ended = true;
            return Poll::Ready(None);
        }
        let stream = this.stream;
        match catch_unwind(AssertUnwindSafe(|| stream.poll_next(cx))) {
            Ok(poll) => poll.map(|item| item.map(Ok)),
            Err(payload) => {
                *this.caught_unwind = true;
                Poll::Ready(Some(Err(payload)))
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.caught_unwind {
            return (0, Some(0));
        }
        // A panic may come at any poll: as the first item (so at most one
        // item is certain), or in place of the end (one item more than the
        // inner stream yields).
        let (lower, upper) = self.stream.size_hint();
        (lower.min(1), upper.and_then(|u| u.checked_add(1)))
    }
}

impl<St: FusedStream + UnwindSafe> FusedStream for CatchUnwind<St> {
    fn is_terminated(&self) -> bool {
        self.ended || (!self.caught_unwind && self.stream.is_terminated())
    }
}
