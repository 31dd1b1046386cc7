use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::vec::Vec;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::segment::Segmenter;
use crate::source::BufSource;

pin_project! {
    /// Stream of the segments of a buffered reader between occurrences of a
    /// delimiter byte, made by `split` (see
    /// [`tokio::split`](crate::tokio::split) and
    /// [`futures_io::split`](crate::futures_io::split)); `Io` is the backend
    /// marker. The segments of tokio's `AsyncBufReadExt::split`, as
    /// tokio-stream's `SplitStream` yields them.
    ///
    /// Yields `io::Result<Vec<u8>>`: each segment without its delimiter,
    /// empty segments included (`b"a,,b"` gives `a`, ``, `b`). A last
    /// segment without a delimiter is yielded; a delimiter at the very end
    /// is not followed by an empty segment (`b"a,"` gives `a` only), and an
    /// empty reader gives nothing. An error of the reader is yielded once
    /// and ends the stream. After the end, `None` forever (fused).
    ///
    /// Memory: the reader's buffer plus the segment being read; a segment
    /// that fits in the reader's buffer is copied once, into its `Vec`.
    ///
    /// ```
    /// # #[cfg(feature = "futures-io")] {
    /// use rill_combinators::StreamExt;
    ///
    /// let s: rill_io::SplitStream<&[u8], rill_io::futures_io::FuturesIo> =
    ///     rill_io::futures_io::split(&b"k=v;;x"[..], b';');
    /// let got: Vec<Vec<u8>> = rill_test::block_on(s.collect::<Vec<_>>())
    ///     .into_iter()
    ///     .collect::<Result<_, _>>()
    ///     .unwrap();
    /// assert_eq!(got, [&b"k=v"[..], b"", b"x"]);
    /// # }
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct SplitStream<R, Io> {
        #[pin]
        reader: R,
        delim: u8,
        segmenter: Segmenter,
        _io: PhantomData<fn() -> Io>,
    }
}

reader_access!(SplitStream, "rill_io::tokio::split(&b\"a\\n\"[..], b',')");

impl<R, Io> SplitStream<R, Io> {
    pub(crate) fn new(reader: R, delim: u8) -> Self {
        Self {
            reader,
            delim,
            segmenter: Segmenter::default(),
            _io: PhantomData,
        }
    }

    /// The delimiter byte.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let s = rill_io::tokio::split(&b""[..], b'\0');
    /// assert_eq!(s.delimiter(), b'\0');
    /// # }
    /// ```
    pub fn delimiter(&self) -> u8 {
        self.delim
    }
}

impl<R: BufSource<Io>, Io> Stream for SplitStream<R, Io> {
    type Item = io::Result<Vec<u8>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        let next = ready!(this.segmenter.poll_next(this.reader, cx, *this.delim));
        Poll::Ready(next.map(|segment| segment.map(|s| s.bytes)))
    }
}

impl<R: BufSource<Io>, Io> FusedStream for SplitStream<R, Io> {
    fn is_terminated(&self) -> bool {
        self.segmenter.is_done()
    }
}

impl<R: fmt::Debug, Io> fmt::Debug for SplitStream<R, Io> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SplitStream")
            .field("reader", &self.reader)
            .field("delim", &self.delim)
            .field("segmenter", &self.segmenter)
            .finish()
    }
}
