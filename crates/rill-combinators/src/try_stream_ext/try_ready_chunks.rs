use alloc::vec::Vec;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::TryReadyChunksError;
use crate::support::MAX_PREALLOC;

pin_project_lite::pin_project! {
    /// Stream for
    /// [`TryStreamExt::try_ready_chunks`](super::TryStreamExt::try_ready_chunks).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2), Ok(3)]).try_ready_chunks(2);
    /// assert_eq!(s.size_hint(), (2, Some(3)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(vec![1, 2]), Ok(vec![3])]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryReadyChunks<St> {
        #[pin]
        stream: St,
        cap: usize,
        // The stream returned `Ready(None)`: it is not polled again.
        stream_done: bool,
        // This adapter returned `Ready(None)`.
        done: bool,
    }
}

impl<St> TryReadyChunks<St> {
    #[track_caller]
    pub(super) fn new(stream: St, capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "`TryReadyChunks` needs a capacity above 0 (`try_ready_chunks(0)` was called)"
        );
        TryReadyChunks {
            stream,
            cap: capacity,
            stream_done: false,
            done: false,
        }
    }
}

delegate_access!(
    TryReadyChunks<St>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_ready_chunks(2) }"
);

impl<St: fmt::Debug> fmt::Debug for TryReadyChunks<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryReadyChunks")
            .field("stream", &self.stream)
            .field("cap", &self.cap)
            .finish()
    }
}

impl<St: TryStream> Stream for TryReadyChunks<St> {
    type Item = Result<Vec<St::Ok>, TryReadyChunksError<St::Ok, St::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        if *this.stream_done {
            // The last chunk went out in the previous poll.
            *this.done = true;
            return Poll::Ready(None);
        }
        // Nothing is kept between polls: a chunk is whatever is ready now.
        let mut items = Vec::new();
        loop {
            match this.stream.as_mut().try_poll_next(cx) {
                Poll::Pending if items.is_empty() => return Poll::Pending,
                Poll::Pending => return Poll::Ready(Some(Ok(items))),
                Poll::Ready(Some(Ok(item))) => {
                    if items.is_empty() {
                        items.reserve_exact((*this.cap).min(MAX_PREALLOC));
                    }
                    items.push(item);
                    if items.len() >= *this.cap {
                        return Poll::Ready(Some(Ok(items)));
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    return Poll::Ready(Some(Err(TryReadyChunksError(items, e))));
                }
                Poll::Ready(None) => {
                    *this.stream_done = true;
                    *this.done = items.is_empty();
                    return Poll::Ready((!items.is_empty()).then_some(Ok(items)));
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.stream_done {
            return (0, Some(0));
        }
        // Every chunk (or error) takes between 1 and `cap` items.
        let (lower, upper) = self.stream.size_hint();
        (lower.div_ceil(self.cap), upper)
    }
}

impl<St: TryStream + FusedStream> FusedStream for TryReadyChunks<St> {
    fn is_terminated(&self) -> bool {
        self.done || (!self.stream_done && self.stream.is_terminated())
    }
}
