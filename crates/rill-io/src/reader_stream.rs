use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::vec::Vec;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::source::ReadSource;

/// The chunk capacity of `reader_stream`.
pub(crate) const DEFAULT_CAPACITY: usize = 8 * 1024;

pin_project! {
    /// Stream of the bytes of a reader in chunks, made by `reader_stream`
    /// (see [`tokio::reader_stream`](crate::tokio::reader_stream) and
    /// [`futures_io::reader_stream`](crate::futures_io::reader_stream)); `Io`
    /// is the backend marker.
    ///
    /// Each chunk is a `Vec<u8>` of 1 to `capacity` bytes (8 KiB for
    /// `reader_stream`), as one read of
    /// the reader returned them (convert with `bytes::Bytes::from(vec)`, which
    /// does not copy). A chunk much smaller than the capacity is shrunk so it
    /// does not hold the unused space. The stream ends when a read returns
    /// 0 bytes; an error of the reader is yielded once and ends the stream.
    /// After the end, `None` forever (fused).
    ///
    /// ```
    /// # #[cfg(feature = "futures-io")] {
    /// use rill_combinators::StreamExt;
    ///
    /// let chunks: rill_io::ReaderStream<&[u8], rill_io::futures_io::FuturesIo> =
    ///     rill_io::futures_io::reader_stream_with_capacity(&b"abc"[..], 2);
    /// let got: Vec<Vec<u8>> = rill_test::block_on(chunks.collect::<Vec<_>>())
    ///     .into_iter()
    ///     .collect::<Result<_, _>>()
    ///     .unwrap();
    /// assert_eq!(got, [b"ab".to_vec(), b"c".to_vec()]);
    /// # }
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ReaderStream<R, Io> {
        #[pin]
        reader: R,
        buf: Vec<u8>,
        capacity: usize,
        // The reader failed: it is not read again.
        failed: bool,
        // `Ready(None)` was returned.
        done: bool,
        _io: PhantomData<fn() -> Io>,
    }
}

reader_access!(
    ReaderStream,
    "rill_io::tokio::reader_stream(&b\"a\\n\"[..])"
);

impl<R, Io> ReaderStream<R, Io> {
    #[track_caller]
    pub(crate) fn new(reader: R, capacity: usize) -> Self {
        assert!(
            capacity != 0,
            "`ReaderStream`: `reader_stream_with_capacity` called with a capacity of 0"
        );
        Self {
            reader,
            buf: Vec::new(),
            capacity,
            failed: false,
            done: false,
            _io: PhantomData,
        }
    }
}

impl<R: ReadSource<Io>, Io> Stream for ReaderStream<R, Io> {
    type Item = io::Result<Vec<u8>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        if *this.done || *this.failed {
            *this.done = true;
            return Poll::Ready(None);
        }
        // The buffer survives `Pending`: one allocation per chunk yielded.
        if this.buf.is_empty() {
            this.buf.resize(*this.capacity, 0);
        }
        match ready!(this.reader.poll_read_into(cx, this.buf)) {
            Ok(0) => {
                *this.done = true;
                *this.buf = Vec::new();
                Poll::Ready(None)
            }
            Ok(n) => {
                let mut chunk = mem::take(this.buf);
                chunk.truncate(n);
                if n < *this.capacity / 4 {
                    chunk.shrink_to_fit();
                }
                Poll::Ready(Some(Ok(chunk)))
            }
            Err(e) => {
                // The end comes with the next poll: `is_terminated` turns
                // true only with `Ready(None)`.
                *this.failed = true;
                *this.buf = Vec::new();
                Poll::Ready(Some(Err(e)))
            }
        }
    }
}

impl<R: ReadSource<Io>, Io> FusedStream for ReaderStream<R, Io> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<R: fmt::Debug, Io> fmt::Debug for ReaderStream<R, Io> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReaderStream")
            .field("reader", &self.reader)
            .field("capacity", &self.capacity)
            .field("failed", &self.failed)
            .field("done", &self.done)
            .finish()
    }
}
