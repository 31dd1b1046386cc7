//! The one piece that cuts a buffered reader into segments at a delimiter
//! byte, shared by `Lines` (at `\n`) and `SplitStream` (at any byte).

use std::fmt;
use std::io;
use std::mem;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::vec::Vec;

use crate::source::BufSource;

/// One segment of the input.
pub(crate) struct Segment {
    /// The bytes, without the delimiter.
    pub(crate) bytes: Vec<u8>,
    /// Whether a delimiter ended it (`false` for a last segment at the
    /// end of the input).
    pub(crate) delimited: bool,
}

/// The state of a segmenting stream: the carry-over of a segment that spans
/// refills of the reader's buffer, and where the stream is in its ending.
#[derive(Default)]
pub(crate) struct Segmenter {
    /// The start of a segment that spans more than one fill of the buffer
    /// (kept across `Pending`).
    partial: Vec<u8>,
    /// The reader ended or failed: it is not read again.
    input_done: bool,
    /// `Ready(None)` was returned.
    done: bool,
}

impl Segmenter {
    /// Whether `Ready(None)` was returned (`FusedStream::is_terminated`).
    pub(crate) fn is_done(&self) -> bool {
        self.done
    }

    /// The next segment of `reader` up to `delim`, as `poll_next` returns
    /// it. A reader error is yielded once; after it, or after a last
    /// segment without delimiter, the next poll returns `Ready(None)`
    /// without reading again (a terminal would wait for more input), so
    /// `is_done` turns true only with `Ready(None)`.
    ///
    /// A segment that fits in the reader's buffer is copied once, straight
    /// out of it.
    pub(crate) fn poll_next<R: BufSource<Io> + ?Sized, Io>(
        &mut self,
        mut reader: Pin<&mut R>,
        cx: &mut Context<'_>,
        delim: u8,
    ) -> Poll<Option<io::Result<Segment>>> {
        if self.input_done {
            self.done = true;
            return Poll::Ready(None);
        }
        loop {
            let buf = match ready!(reader.as_mut().poll_fill(cx)) {
                Ok(buf) => buf,
                Err(e) => {
                    self.input_done = true;
                    return Poll::Ready(Some(Err(e)));
                }
            };
            if buf.is_empty() {
                self.input_done = true;
                if self.partial.is_empty() {
                    self.done = true;
                    return Poll::Ready(None);
                }
                return Poll::Ready(Some(Ok(Segment {
                    bytes: mem::take(&mut self.partial),
                    delimited: false,
                })));
            }
            match memchr::memchr(delim, buf) {
                Some(i) => {
                    let bytes = if self.partial.is_empty() {
                        buf[..i].to_vec()
                    } else {
                        self.partial.extend_from_slice(&buf[..i]);
                        mem::take(&mut self.partial)
                    };
                    reader.as_mut().consume_bytes(i + 1);
                    return Poll::Ready(Some(Ok(Segment {
                        bytes,
                        delimited: true,
                    })));
                }
                None => {
                    let n = buf.len();
                    self.partial.extend_from_slice(buf);
                    reader.as_mut().consume_bytes(n);
                }
            }
        }
    }
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter")
            .field("partial_len", &self.partial.len())
            .field("input_done", &self.input_done)
            .field("done", &self.done)
            .finish()
    }
}
