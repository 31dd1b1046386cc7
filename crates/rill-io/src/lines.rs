use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::pin::Pin;
use std::string::String;
use std::task::{Context, Poll, ready};
use std::vec::Vec;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::segment::Segmenter;
use crate::source::BufSource;

pin_project! {
    /// Stream of the lines of a buffered reader, made by `lines` (see
    /// [`tokio::lines`](crate::tokio::lines) and
    /// [`futures_io::lines`](crate::futures_io::lines)); `Io` is the
    /// backend marker.
    ///
    /// Yields `io::Result<String>`. A line ends at `\n`; a `\r` right before
    /// it is removed too (as tokio's `lines` does); a last line without `\n`
    /// is yielded as it is; an empty reader gives no line. A line that is not
    /// valid UTF-8 gives an `Err` of kind
    /// [`InvalidData`](io::ErrorKind::InvalidData) and the stream goes on with
    /// the next line. An error of the reader itself is yielded once and ends
    /// the stream. After the end, `None` forever (fused).
    ///
    /// Memory: the reader's buffer plus the line being read; a line that
    /// fits in the reader's buffer is copied once, into its `String`.
    ///
    /// ```
    /// # #[cfg(feature = "futures-io")] {
    /// use rill_combinators::StreamExt;
    ///
    /// let lines: rill_io::Lines<&[u8], rill_io::futures_io::FuturesIo> =
    ///     rill_io::futures_io::lines(&b"x\ny"[..]);
    /// let got: Vec<String> = rill_test::block_on(lines.collect::<Vec<_>>())
    ///     .into_iter()
    ///     .collect::<Result<_, _>>()
    ///     .unwrap();
    /// assert_eq!(got, ["x", "y"]);
    /// # }
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Lines<R, Io> {
        #[pin]
        reader: R,
        segmenter: Segmenter,
        _io: PhantomData<fn() -> Io>,
    }
}

reader_access!(Lines, "rill_io::tokio::lines(&b\"a\\n\"[..])");

impl<R, Io> Lines<R, Io> {
    pub(crate) fn new(reader: R) -> Self {
        Self {
            reader,
            segmenter: Segmenter::default(),
            _io: PhantomData,
        }
    }
}

/// Turns the bytes of one line (without its `\n`) into a `String`; a `\r`
/// is removed only before a `\n` (a last line keeps it, as in tokio).
fn finish(mut line: Vec<u8>, had_newline: bool) -> io::Result<String> {
    if had_newline && line.last() == Some(&b'\r') {
        line.pop();
    }
    String::from_utf8(line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
}

impl<R: BufSource<Io>, Io> Stream for Lines<R, Io> {
    type Item = io::Result<String>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        let next = ready!(this.segmenter.poll_next(this.reader, cx, b'\n'));
        Poll::Ready(next.map(|line| line.and_then(|l| finish(l.bytes, l.delimited))))
    }
}

impl<R: BufSource<Io>, Io> FusedStream for Lines<R, Io> {
    fn is_terminated(&self) -> bool {
        self.segmenter.is_done()
    }
}

impl<R: fmt::Debug, Io> fmt::Debug for Lines<R, Io> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("reader", &self.reader)
            .field("segmenter", &self.segmenter)
            .finish()
    }
}
