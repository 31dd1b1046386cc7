//! Streams over tokio's `AsyncBufRead`/`AsyncRead` and listeners.
//!
//! ```
//! use rill_combinators::StreamExt;
//!
//! let lines = rill_io::tokio::lines(&b"a\nb\n"[..]);
//! let got: Vec<String> = rill_test::block_on(lines.collect::<Vec<_>>())
//!     .into_iter()
//!     .map(Result::unwrap)
//!     .collect();
//! assert_eq!(got, ["a", "b"]);
//! ```

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use ::tokio::io::{AsyncBufRead, AsyncRead, ReadBuf};
use rill_core::TryStream;

use crate::source::{Accept, BufSource, ReadSource, ReaderRules};

pub use crate::read_dir::ReadDirStream;
#[cfg(unix)]
pub use crate::signal::SignalStream;

/// The marker of the tokio backend: the `Io` parameter of
/// [`Lines`](crate::Lines), [`SplitStream`](crate::SplitStream),
/// [`ReaderStream`](crate::ReaderStream) and
/// [`StreamReader`](crate::StreamReader) over tokio's `AsyncBufRead` /
/// `AsyncRead`. It has no values; it only keeps the backends apart.
///
/// ```
/// use rill_combinators::StreamExt;
/// use rill_io::tokio::TokioIo;
///
/// let lines: rill_io::Lines<&[u8], TokioIo> = rill_io::tokio::lines(&b"a\nb"[..]);
/// assert_eq!(rill_test::block_on(lines.count()), 2);
/// ```
#[derive(Debug)]
pub enum TokioIo {}

impl<R: AsyncBufRead + ?Sized> BufSource<TokioIo> for R {
    fn poll_fill(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.poll_fill_buf(cx)
    }

    fn consume_bytes(self: Pin<&mut Self>, amt: usize) {
        self.consume(amt);
    }
}

impl<R: AsyncRead + ?Sized> ReadSource<TokioIo> for R {
    fn poll_read_into(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let mut buf = ReadBuf::new(buf);
        self.poll_read(cx, &mut buf).map_ok(|()| buf.filled().len())
    }
}

/// [`Lines`](crate::Lines) over a tokio reader, made by [`lines`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let lines: rill_io::tokio::Lines<&[u8]> = rill_io::tokio::lines(&b"a\nb\n"[..]);
/// assert_eq!(rill_test::block_on(lines.count()), 2);
/// ```
pub type Lines<R> = crate::Lines<R, TokioIo>;

/// [`SplitStream`](crate::SplitStream) over a tokio reader, made by
/// [`split`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let s: rill_io::tokio::SplitStream<&[u8]> = rill_io::tokio::split(&b"a,b,c"[..], b',');
/// assert_eq!(rill_test::block_on(s.count()), 3);
/// ```
pub type SplitStream<R> = crate::SplitStream<R, TokioIo>;

/// [`ReaderStream`](crate::ReaderStream) over a tokio reader, made by
/// [`reader_stream`].
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let s: rill_io::tokio::ReaderStream<&[u8]> = rill_io::tokio::reader_stream(&b"abc"[..]);
/// assert_eq!(rill_test::block_on(s.count()), 1);
/// ```
pub type ReaderStream<R> = crate::ReaderStream<R, TokioIo>;

/// The lines of a tokio `AsyncBufRead` as a stream of
/// `io::Result<String>`, without their `\n` or `\r\n`: see
/// [`Lines`](crate::Lines) for the rules (last line, invalid UTF-8, errors,
/// memory).
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let reader = tokio::io::BufReader::new(&b"one\r\ntwo\n\xff\nlast"[..]);
/// let got: Vec<_> = rill_test::block_on(rill_io::tokio::lines(reader).collect());
/// assert_eq!(got[0].as_ref().unwrap(), "one");
/// assert_eq!(got[1].as_ref().unwrap(), "two");
/// assert_eq!(got[2].as_ref().unwrap_err().kind(), std::io::ErrorKind::InvalidData);
/// assert_eq!(got[3].as_ref().unwrap(), "last");
/// assert_eq!(got.len(), 4);
/// ```
pub fn lines<R: AsyncBufRead>(reader: R) -> Lines<R> {
    crate::Lines::new(reader)
}

/// The segments of a tokio `AsyncBufRead` between occurrences of
/// `delimiter`, as a stream of `io::Result<Vec<u8>>` (tokio's
/// `AsyncBufReadExt::split`): see [`SplitStream`](crate::SplitStream) for
/// the rules (empty segments, a delimiter at the end, errors).
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let reader = tokio::io::BufReader::new(&b"a\0\0b\0"[..]);
/// let got: Vec<Vec<u8>> = rill_test::block_on(rill_io::tokio::split(reader, b'\0').collect::<Vec<_>>())
///     .into_iter()
///     .map(Result::unwrap)
///     .collect();
/// assert_eq!(got, [&b"a"[..], b"", b"b"]);
/// ```
pub fn split<R: AsyncBufRead>(reader: R, delimiter: u8) -> SplitStream<R> {
    crate::SplitStream::new(reader, delimiter)
}

/// The bytes of a tokio `AsyncRead` as a stream of `io::Result<Vec<u8>>`
/// chunks of up to 8 KiB: see [`ReaderStream`](crate::ReaderStream) for
/// the rules.
///
/// ```
/// use rill_combinators::StreamExt;
/// use tokio::io::AsyncReadExt;
///
/// // 20 000 bytes come in chunks of at most 8 KiB.
/// let reader = tokio::io::repeat(b'x').take(20_000);
/// let chunks: Vec<Vec<u8>> = rill_test::block_on(rill_io::tokio::reader_stream(reader).collect::<Vec<_>>())
///     .into_iter()
///     .map(Result::unwrap)
///     .collect();
/// assert!(chunks.iter().all(|c| !c.is_empty() && c.len() <= 8 * 1024));
/// assert_eq!(chunks.iter().map(Vec::len).sum::<usize>(), 20_000);
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
/// let chunks = rill_io::tokio::reader_stream_with_capacity(&b"hello"[..], 2);
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

/// A stream of byte chunks as a tokio `AsyncRead` + `AsyncBufRead`, as
/// tokio-util's `io::StreamReader`: see [`crate::StreamReader`].
///
/// `StreamReader::new(stream)` takes any stream of `Result<B, E>` with
/// `B: AsRef<[u8]>` (`bytes::Bytes` from reqwest's `bytes_stream()`,
/// `Vec<u8>` from [`reader_stream`], ...) and `E: Into<io::Error>`. A
/// stream error is returned by the read that meets it, and the next read
/// goes on with the stream (tokio-util's rule).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::io;
/// use rill_combinators::{StreamExt, stream};
/// use tokio::io::AsyncBufReadExt;
///
/// let chunks = stream::iter([Ok(b"a\nb".to_vec()), Err(io::Error::other("blip")), Ok(b"c\n".to_vec())]);
/// let mut reader = rill_io::tokio::StreamReader::new(chunks);
/// let mut line = String::new();
/// reader.read_line(&mut line).await?;
/// assert_eq!(line, "a\n");
/// line.clear();
/// assert!(reader.read_line(&mut line).await.is_err()); // the error, once
/// reader.read_line(&mut line).await?; // and on with the stream
/// assert_eq!(line, "bc\n");
/// # Ok(())
/// # }
/// ```
pub type StreamReader<S> = crate::StreamReader<S, TokioIo>;

impl ReaderRules for TokioIo {
    const END_ON_ERROR: bool = false;
}

impl<S> AsyncRead for crate::StreamReader<S, TokioIo>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
    S::Error: Into<io::Error>,
{
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        // Straight into the caller's buffer: no zeroing of its unfilled part.
        if buf.remaining() == 0 {
            return Poll::Ready(Ok(()));
        }
        let mut this = self;
        let data = std::task::ready!(this.as_mut().poll_buffered(cx))?;
        let n = data.len().min(buf.remaining());
        buf.put_slice(&data[..n]);
        this.consume_buffered(n);
        Poll::Ready(Ok(()))
    }
}

impl<S> AsyncBufRead for crate::StreamReader<S, TokioIo>
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

/// Stream of the connections a `tokio::net::TcpListener` accepts:
/// `io::Result<TcpStream>`, never ending (see
/// [`ListenerStream`](crate::ListenerStream)).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use rill_combinators::StreamExt;
/// use rill_io::tokio::TcpListenerStream;
///
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let addr = listener.local_addr()?;
/// let mut incoming = TcpListenerStream::new(listener);
/// let client = tokio::net::TcpStream::connect(addr).await?;
/// let server_side = incoming.next().await.unwrap()?;
/// assert_eq!(server_side.peer_addr()?, client.local_addr()?);
/// # Ok(())
/// # }
/// ```
pub type TcpListenerStream = crate::ListenerStream<::tokio::net::TcpListener>;

impl Accept for ::tokio::net::TcpListener {
    type Conn = ::tokio::net::TcpStream;

    fn poll_accept_conn(&self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Conn>> {
        self.poll_accept(cx).map_ok(|(conn, _addr)| conn)
    }
}

/// Stream of the connections a `tokio::net::UnixListener` accepts:
/// `io::Result<UnixStream>`, never ending (unix only; see
/// [`ListenerStream`](crate::ListenerStream)).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use rill_combinators::StreamExt;
/// use rill_io::tokio::UnixListenerStream;
///
/// let path = std::env::temp_dir().join(format!("rill-io-doc-{}.sock", std::process::id()));
/// let _ = std::fs::remove_file(&path);
/// let mut incoming = UnixListenerStream::new(tokio::net::UnixListener::bind(&path)?);
/// let _client = tokio::net::UnixStream::connect(&path).await?;
/// assert!(incoming.next().await.unwrap().is_ok());
/// std::fs::remove_file(&path)?;
/// # Ok(())
/// # }
/// ```
#[cfg(unix)]
pub type UnixListenerStream = crate::ListenerStream<::tokio::net::UnixListener>;

#[cfg(unix)]
impl Accept for ::tokio::net::UnixListener {
    type Conn = ::tokio::net::UnixStream;

    fn poll_accept_conn(&self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Conn>> {
        self.poll_accept(cx).map_ok(|(conn, _addr)| conn)
    }
}
