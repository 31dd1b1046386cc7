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

/// The marker of the futures-io backend: the `Io` parameter of
/// [`Lines`](crate::Lines), [`SplitStream`](crate::SplitStream),
/// [`ReaderStream`](crate::ReaderStream) and
/// [`StreamReader`](crate::StreamReader) over futures-io's `AsyncBufRead` /
/// `AsyncRead`. It has no values; it only keeps the backends apart.
///
/// ```
/// use rill_combinators::StreamExt;
/// use rill_io::futures_io::FuturesIo;
///
/// let lines: rill_io::Lines<&[u8], FuturesIo> = rill_io::futures_io::lines(&b"a\nb"[..]);
/// assert_eq!(rill_test::block_on(lines.count()), 2);
/// ```
#[derive(Debug)]
pub enum FuturesIo {}

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

/// [`Lines`](crate::Lines) over a futures-io reader, made by [`lines`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let lines: rill_io::futures_io::Lines<&[u8]> = rill_io::futures_io::lines(&b"a\r\nb"[..]);
/// assert_eq!(rill_test::block_on(lines.count()), 2);
/// ```
pub type Lines<R> = crate::Lines<R, FuturesIo>;

/// [`SplitStream`](crate::SplitStream) over a futures-io reader, made by
/// [`split`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let s: rill_io::futures_io::SplitStream<&[u8]> = rill_io::futures_io::split(&b"a;b"[..], b';');
/// assert_eq!(rill_test::block_on(s.count()), 2);
/// ```
pub type SplitStream<R> = crate::SplitStream<R, FuturesIo>;

/// [`ReaderStream`](crate::ReaderStream) over a futures-io reader, made by
/// [`reader_stream`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let s: rill_io::futures_io::ReaderStream<&[u8]> = rill_io::futures_io::reader_stream(&b""[..]);
/// assert_eq!(rill_test::block_on(s.count()), 0);
/// ```
pub type ReaderStream<R> = crate::ReaderStream<R, FuturesIo>;

/// The lines of a futures-io `AsyncBufRead` (async-std, smol, futures) as a
/// stream of `io::Result<String>`, without their `\n` or `\r\n`: see
/// [`Lines`](crate::Lines) for the rules (last line, invalid UTF-8, errors,
/// memory).
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let lines = rill_io::futures_io::lines(&b"one\r\ntwo\n\xff\nlast"[..]);
/// let got: Vec<_> = rill_test::block_on(lines.collect());
/// assert_eq!(got[0].as_ref().unwrap(), "one");
/// assert_eq!(got[1].as_ref().unwrap(), "two");
/// assert_eq!(got[2].as_ref().unwrap_err().kind(), std::io::ErrorKind::InvalidData);
/// assert_eq!(got[3].as_ref().unwrap(), "last");
/// assert_eq!(got.len(), 4);
/// ```
pub fn lines<R: AsyncBufRead>(reader: R) -> Lines<R> {
    crate::Lines::new(reader)
}

/// The segments of a futures-io `AsyncBufRead` between occurrences of
/// `delimiter`, as a stream of `io::Result<Vec<u8>>`: see
/// [`SplitStream`](crate::SplitStream) for the rules (empty segments, a
/// delimiter at the end, errors).
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let records = rill_io::futures_io::split(&b"a\0\0b\0"[..], b'\0');
/// let got: Vec<Vec<u8>> = rill_test::block_on(records.collect::<Vec<_>>())
///     .into_iter()
///     .map(Result::unwrap)
///     .collect();
/// assert_eq!(got, [&b"a"[..], b"", b"b"]);
/// ```
pub fn split<R: AsyncBufRead>(reader: R, delimiter: u8) -> SplitStream<R> {
    crate::SplitStream::new(reader, delimiter)
}

/// The bytes of a futures-io `AsyncRead` as a stream of
/// `io::Result<Vec<u8>>` chunks of up to 8 KiB: see
/// [`ReaderStream`](crate::ReaderStream) for the rules.
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let chunks = rill_io::futures_io::reader_stream(&b"hello"[..]);
/// let got: Vec<_> = rill_test::block_on(chunks.collect());
/// assert_eq!(got.len(), 1);
/// assert_eq!(got[0].as_ref().unwrap(), b"hello");
/// ```
pub fn reader_stream<R: AsyncRead>(reader: R) -> ReaderStream<R> {
    crate::ReaderStream::new(reader, crate::reader_stream::DEFAULT_CAPACITY)
}

/// [`reader_stream`] with chunks of up to `capacity` bytes.
///
/// # Panics
///
/// If `capacity` is 0 (at the caller's line).
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let chunks = rill_io::futures_io::reader_stream_with_capacity(&b"hello"[..], 2);
/// let got: Vec<Vec<u8>> = rill_test::block_on(chunks.collect::<Vec<_>>())
///     .into_iter()
///     .map(Result::unwrap)
///     .collect();
/// assert_eq!(got, [&b"he"[..], b"ll", b"o"]);
/// ```
#[track_caller]
pub fn reader_stream_with_capacity<R: AsyncRead>(reader: R, capacity: usize) -> ReaderStream<R> {
    crate::ReaderStream::new(reader, capacity)
}

/// A stream of byte chunks as a futures-io `AsyncRead` + `AsyncBufRead`,
/// made by [`into_async_read`]: see [`crate::StreamReader`].
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let chunks = stream::iter([Ok::<_, std::io::Error>(b"a\nb".to_vec())]);
/// let reader: rill_io::futures_io::IntoAsyncRead<_> = rill_io::futures_io::into_async_read(chunks);
/// assert_eq!(rill_test::block_on(rill_io::futures_io::lines(reader).count()), 2);
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
