use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use rill_core::Stream;

use crate::source::Accept;

/// Stream of the connections a listener accepts (see
/// [`tokio::TcpListenerStream`](crate::tokio::TcpListenerStream) and
/// [`async_io::TcpListenerStream`](crate::async_io::TcpListenerStream)).
///
/// Yields `io::Result` of each accepted connection. It never ends: an
/// accept error (such as running out of file descriptors) is yielded and
/// the stream goes on, so the caller decides whether to stop.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use rill_combinators::StreamExt;
///
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let addr = listener.local_addr()?;
/// let mut incoming = rill_io::ListenerStream::new(listener);
/// let _client = tokio::net::TcpStream::connect(addr).await?;
/// let conn = incoming.next().await.unwrap()?;
/// assert_eq!(conn.local_addr()?, addr);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct ListenerStream<L> {
    listener: L,
}

impl<L> ListenerStream<L> {
    /// Wraps a listener.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use rill_io::tokio::TcpListenerStream;
    ///
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    /// let addr = listener.local_addr()?;
    /// let incoming = TcpListenerStream::new(listener);
    /// assert_eq!(incoming.get_ref().local_addr()?, addr);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(listener: L) -> Self {
        Self { listener }
    }

    /// Returns a shared reference to the listener.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    /// let incoming = rill_io::tokio::TcpListenerStream::new(listener);
    /// assert!(incoming.get_ref().local_addr()?.ip().is_loopback());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &L {
        &self.listener
    }

    /// Returns a mutable reference to the listener.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    /// let mut incoming = rill_io::tokio::TcpListenerStream::new(listener);
    /// incoming.get_mut().set_ttl(42)?;
    /// assert_eq!(incoming.get_ref().ttl()?, 42);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_mut(&mut self) -> &mut L {
        &mut self.listener
    }

    /// Consumes the stream and returns the listener.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    /// let addr = listener.local_addr()?;
    /// let back = rill_io::tokio::TcpListenerStream::new(listener).into_inner();
    /// assert_eq!(back.local_addr()?, addr);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> L {
        self.listener
    }
}

impl<L> AsRef<L> for ListenerStream<L> {
    fn as_ref(&self) -> &L {
        &self.listener
    }
}

impl<L> AsMut<L> for ListenerStream<L> {
    fn as_mut(&mut self) -> &mut L {
        &mut self.listener
    }
}

impl<L: Accept> Stream for ListenerStream<L> {
    type Item = io::Result<L::Conn>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.listener.poll_accept_conn(cx).map(Some)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::MAX, None)
    }
}

impl<L: fmt::Debug> fmt::Debug for ListenerStream<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListenerStream")
            .field("listener", &self.listener)
            .finish()
    }
}
