use alloc::vec::Vec;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use super::chunks::ChunkBuf;

pin_project! {
    /// Stream for [`StreamExt::ready_chunks`](crate::StreamExt::ready_chunks):
    /// yields the items that are ready at once, in `Vec`s of 1 to `capacity`
    /// items.
    ///
    /// The adapter is fused: once the inner stream ended, it is never polled
    /// again.
    /// If the inner stream panics, the items gathered so far stay in the
    /// adapter and go into the next chunk.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// // 7 items give between 3 chunks (all ready) and 7 (one at a time).
    /// let s = stream::iter(0..7).ready_chunks(3);
    /// assert_eq!(s.size_hint(), (3, Some(7)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ReadyChunks<St>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        // Empty between polls: every poll that gathered an item returns it.
        buf: ChunkBuf<St::Item>,
    }
}

impl<St> fmt::Debug for ReadyChunks<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("ReadyChunks");
        d.field("stream", &self.stream);
        self.buf.debug_fields(&mut d);
        d.finish()
    }
}

impl<St: Stream> ReadyChunks<St> {
    #[track_caller]
    pub(crate) fn new(stream: St, capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "`ReadyChunks` needs a capacity greater than 0 (`ready_chunks(0)` was called)"
        );
        ReadyChunks {
            stream,
            buf: ChunkBuf::new(capacity),
        }
    }
}

delegate_access!(
    ReadyChunks<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).ready_chunks(2)", where St: Stream
);

impl<St: Stream> Stream for ReadyChunks<St> {
    type Item = Vec<St::Item>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Vec<St::Item>>> {
        let this = self.project();
        this.buf.poll_chunk(this.stream, cx, true)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.buf.size_hint(self.stream.size_hint(), true)
    }
}

impl<St: Stream> FusedStream for ReadyChunks<St> {
    fn is_terminated(&self) -> bool {
        self.buf.is_terminated()
    }
}
