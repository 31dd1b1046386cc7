use alloc::vec::Vec;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

/// At most this many items are reserved up front for a chunk, so that a
/// huge capacity (`chunks(usize::MAX)` as "everything") does not allocate
/// (or overflow) before any item arrived.
const MAX_PREALLOC: usize = 1024;

/// The state `chunks` and `ready_chunks` share: the chunk being gathered
/// and how far the streams got.
#[derive(Debug)]
pub(super) struct ChunkBuf<T> {
    items: Vec<T>,
    cap: usize,
    // The inner stream returned `Ready(None)`: it is not polled again.
    stream_done: bool,
    // The adapter returned `Ready(None)`.
    ended: bool,
}

impl<T> ChunkBuf<T> {
    pub(super) fn new(cap: usize) -> Self {
        ChunkBuf {
            items: Vec::new(),
            cap,
            stream_done: false,
            ended: false,
        }
    }

    /// Gathers items from `stream` into the next chunk. A chunk is
    /// complete when full or at the end of the stream, and also, with
    /// `cut_at_pending`, when the stream is pending (if it holds an item).
    pub(super) fn poll_chunk<St>(
        &mut self,
        mut stream: Pin<&mut St>,
        cx: &mut Context<'_>,
        cut_at_pending: bool,
    ) -> Poll<Option<Vec<T>>>
    where
        St: Stream<Item = T>,
    {
        if self.stream_done {
            self.ended = true;
            return Poll::Ready(None);
        }
        loop {
            match stream.as_mut().poll_next(cx) {
                Poll::Pending if cut_at_pending && !self.items.is_empty() => {
                    return Poll::Ready(Some(core::mem::take(&mut self.items)));
                }
                // Items gathered so far stay here until the chunk completes.
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(item)) => {
                    if self.items.capacity() == 0 {
                        self.items.reserve_exact(self.cap.min(MAX_PREALLOC));
                    }
                    self.items.push(item);
                    if self.items.len() >= self.cap {
                        return Poll::Ready(Some(core::mem::take(&mut self.items)));
                    }
                }
                Poll::Ready(None) => {
                    self.stream_done = true;
                    if self.items.is_empty() {
                        self.ended = true;
                        return Poll::Ready(None);
                    }
                    return Poll::Ready(Some(core::mem::take(&mut self.items)));
                }
            }
        }
    }

    /// Bounds on the chunks left, given the inner stream's `size_hint`:
    /// full chunks only at best; one item per chunk at worst (with
    /// `cut_at_pending`).
    pub(super) fn size_hint(
        &self,
        (lower, upper): (usize, Option<usize>),
        cut_at_pending: bool,
    ) -> (usize, Option<usize>) {
        if self.stream_done {
            return (0, Some(0));
        }
        let held = self.items.len();
        let full_chunks = |n: usize| n.div_ceil(self.cap);
        let upper = upper.and_then(|u| u.checked_add(held));
        (
            full_chunks(lower.saturating_add(held)),
            if cut_at_pending {
                upper
            } else {
                upper.map(full_chunks)
            },
        )
    }

    pub(super) fn is_terminated(&self) -> bool {
        self.ended
    }

    pub(super) fn debug_fields(&self, d: &mut fmt::DebugStruct<'_, '_>)
    where
        T: fmt::Debug,
    {
        d.field("items", &self.items).field("cap", &self.cap);
    }
}

pin_project! {
    /// Stream for [`StreamExt::chunks`](crate::StreamExt::chunks): gathers
    /// items into `Vec`s of `capacity` items; the last one may be shorter.
    ///
    /// The adapter is fused: once the inner stream ended, it is never polled
    /// again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(0..7).chunks(3);
    /// assert_eq!(s.size_hint(), (3, Some(3)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Chunks<St>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        buf: ChunkBuf<St::Item>,
    }
}

impl<St> fmt::Debug for Chunks<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Chunks");
        d.field("stream", &self.stream);
        self.buf.debug_fields(&mut d);
        d.finish()
    }
}

impl<St: Stream> Chunks<St> {
    #[track_caller]
    pub(crate) fn new(stream: St, capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "`Chunks` needs a capacity greater than 0 (`chunks(0)` was called)"
        );
        Chunks {
            stream,
            buf: ChunkBuf::new(capacity),
        }
    }
}

delegate_access!(
    Chunks<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).chunks(2)", where St: Stream
);

impl<St: Stream> Stream for Chunks<St> {
    type Item = Vec<St::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Vec<St::Item>>> {
        let this = self.project();
        this.buf.poll_chunk(this.stream, cx, false)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.buf.size_hint(self.stream.size_hint(), false)
    }
}

impl<St: Stream> FusedStream for Chunks<St> {
    fn is_terminated(&self) -> bool {
        self.buf.is_terminated()
    }
}
