use alloc::vec::Vec;
use core::fmt;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

use super::TryChunksError;
use crate::support::MAX_PREALLOC;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::try_chunks`](super::TryStreamExt::try_chunks).
    ///
    /// Every chunk (or error) takes between 1 and `capacity` items, which `size_hint` reflects.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2), Ok(3)]).try_chunks(2);
    /// assert_eq!(s.size_hint(), (2, Some(3)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(vec![1, 2]), Ok(vec![3])]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryChunks<St>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        items: Vec<St::Ok>,
        cap: usize,
        // The stream returned `Ready(None)`: it is not polled again.
        stream_done: bool,
        // This adapter returned `Ready(None)`.
        done: bool,
    }
}

impl<St: TryStream> TryChunks<St> {
    #[track_caller]
    pub(super) fn new(stream: St, capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "`TryChunks` needs a capacity above 0 (`try_chunks(0)` was called)"
        );
        TryChunks {
            stream,
            items: Vec::new(),
            cap: capacity,
            stream_done: false,
            done: false,
        }
    }
}

delegate_access!(
    TryChunks<St>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_chunks(2) }",
    where St: TryStream
);

impl<St> fmt::Debug for TryChunks<St>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryChunks")
            .field("stream", &self.stream)
            .field("items", &self.items)
            .field("cap", &self.cap)
            .finish()
    }
}

impl<St: TryStream> Stream for TryChunks<St> {
    type Item = Result<Vec<St::Ok>, TryChunksError<St::Ok, St::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        if *this.stream_done {
            // The last chunk went out in the previous poll.
            *this.done = true;
            return Poll::Ready(None);
        }
        loop {
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                Some(Ok(item)) => {
                    if this.items.capacity() == 0 {
                        this.items.reserve_exact((*this.cap).min(MAX_PREALLOC));
                    }
                    this.items.push(item);
                    if this.items.len() >= *this.cap {
                        return Poll::Ready(Some(Ok(mem::take(this.items))));
                    }
                }
                Some(Err(e)) => {
                    return Poll::Ready(Some(Err(TryChunksError(mem::take(this.items), e))));
                }
                None => {
                    *this.stream_done = true;
                    let last = mem::take(this.items);
                    *this.done = last.is_empty();
                    return Poll::Ready((!last.is_empty()).then_some(Ok(last)));
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.stream_done {
            return (0, Some(0));
        }
        let held = self.items.len();
        let (lower, upper) = self.stream.size_hint();
        // Every chunk (or error) takes at most `cap` of the items held and
        // to come; every one takes at least one, and all held items leave in
        // the same chunk.
        let lower = held.saturating_add(lower).div_ceil(self.cap);
        let upper = upper.and_then(|n| n.checked_add(usize::from(held > 0)));
        (lower, upper)
    }
}

impl<St: TryStream + FusedStream> FusedStream for TryChunks<St> {
    fn is_terminated(&self) -> bool {
        self.done || (!self.stream_done && self.items.is_empty() && self.stream.is_terminated())
    }
}
