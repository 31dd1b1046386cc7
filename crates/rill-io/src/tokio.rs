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

io_backend! {
    marker: TokioIo,
    module: "tokio",
    buf_read: ::tokio::io::AsyncBufRead,
    read: ::tokio::io::AsyncRead,
}

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
