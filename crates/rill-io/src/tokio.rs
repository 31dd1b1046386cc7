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

use crate::source::{Accept, BufSource, ReadSource};

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
