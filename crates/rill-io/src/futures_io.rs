//! Streams over futures-io's `AsyncBufRead`/`AsyncRead` (async-std, smol,
//! futures).
//!
//! ```
//! use rill_combinators::StreamExt;
//!
//! let lines = rill_io::futures_io::lines(&b"a\r\nb"[..]);
//! let got: Vec<String> = rill_test::block_on(lines.collect::<Vec<_>>())
//!     .into_iter()
//!     .map(Result::unwrap)
//!     .collect();
//! assert_eq!(got, ["a", "b"]);
//! ```

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use ::futures_io::{AsyncBufRead, AsyncRead};
use rill_core::TryStream;

use crate::source::{BufSource, ReadSource, ReaderRules};

io_backend! {
    marker: FuturesIo,
    module: "futures_io",
    buf_read: ::futures_io::AsyncBufRead,
    read: ::futures_io::AsyncRead,
}

impl<R: AsyncBufRead + ?Sized> BufSource<FuturesIo> for R {
    fn poll_fill(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.poll_fill_buf(cx)
    }

    fn consume_bytes(self: Pin<&mut Self>, amt: usize) {
        self.consume(amt);
    }
}

impl<R: AsyncRead + ?Sized> ReadSource<FuturesIo> for R {
    fn poll_read_into(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_read(cx, buf)
    }
}

/// A stream of byte chunks as a futures-io `AsyncRead` + `AsyncBufRead`,
/// made by [`into_async_read`]: see [`crate::StreamReader`].
///
/// ```
/// let _: Option<rill_io::futures_io::IntoAsyncRead<rill_combinators::stream::Empty<std::io::Result<Vec<u8>>>>> = None;
/// ```
pub type IntoAsyncRead<S> = crate::StreamReader<S, FuturesIo>;

/// Reads a stream of byte chunks as a futures-io `AsyncRead` +
/// `AsyncBufRead`: futures-util's `TryStreamExt::into_async_read`, as a
/// function. See [`crate::StreamReader`].
///
/// The stream yields `Result<B, E>` with `B: AsRef<[u8]>` and
/// `E: Into<io::Error>` (futures-util asks for `io::Error` itself). A
/// stream error is returned by the read that meets it, and the reader is
/// at its end from then on (futures-util's rule).
///
/// ```
/// use std::io;
/// use rill_combinators::{StreamExt, stream};
///
/// let chunks = stream::iter([Ok::<_, io::Error>(b"x\ny".to_vec()), Ok(b"\nz".to_vec())]);
/// let reader = rill_io::futures_io::into_async_read(chunks);
/// let lines: Vec<String> = rill_test::block_on(rill_io::futures_io::lines(reader).collect::<Vec<_>>())
///     .into_iter()
///     .map(Result::unwrap)
///     .collect();
/// assert_eq!(lines, ["x", "y", "z"]);
///
/// // After an error: the end.
/// let failing = stream::iter([Ok(b"a".to_vec()), Err(io::Error::other("cut")), Ok(b"b".to_vec())]);
/// let mut reader = Box::pin(rill_io::futures_io::into_async_read(failing));
/// let mut buf = [0u8; 8];
/// let mut results = Vec::new();
/// for _ in 0..3 {
///     let read = rill_test::block_on(core::future::poll_fn(|cx| {
///         futures_io::AsyncRead::poll_read(reader.as_mut(), cx, &mut buf)
///     }));
///     results.push(read.map_err(|e| e.kind()));
/// }
/// assert_eq!(results, [Ok(1), Err(io::ErrorKind::Other), Ok(0)]);
/// ```
pub fn into_async_read<S>(stream: S) -> IntoAsyncRead<S>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
    S::Error: Into<io::Error>,
{
    crate::StreamReader::new(stream)
}

impl ReaderRules for FuturesIo {
    const END_ON_ERROR: bool = true;
}

impl<S> AsyncRead for crate::StreamReader<S, FuturesIo>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
    S::Error: Into<io::Error>,
{
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        // Nothing to read into: no poll of the stream.
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        let data = std::task::ready!(self.as_mut().poll_buffered(cx))?;
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        self.consume_buffered(n);
        Poll::Ready(Ok(n))
    }
}

impl<S> AsyncBufRead for crate::StreamReader<S, FuturesIo>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
    S::Error: Into<io::Error>,
{
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.poll_buffered(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        self.consume_buffered(amt);
    }
}
