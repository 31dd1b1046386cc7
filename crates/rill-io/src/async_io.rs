//! Listener streams for async-io (the reactor of async-std and smol):
//! `Async<TcpListener>` and `Async<UnixListener>` as streams of accepted
//! connections.
//!
//! The connections are `Async<TcpStream>` / `Async<UnixStream>`, which are
//! futures-io readers and writers: [`futures_io::lines`](crate::futures_io::lines)
//! and the rest of that module apply to them. smol re-exports `Async`
//! (`smol::Async`); with async-std, build one from a std listener
//! (`Async::new(std_listener)`) or use async-std's own `incoming()`.
//!
//! Why `Async<_>` and not `smol::net`/`async_std::net` listeners: async-io's
//! `Async` can accept from a poll function (`poll_readable` and a
//! non-blocking `accept`), so the stream owns its listener and allocates
//! nothing per connection; the listeners of async-std and async-net only
//! offer `async fn accept` or an `incoming()` that borrows the listener.
//!
//! ```
//! # async_io::block_on(async {
//! use std::net::{TcpListener, TcpStream};
//! use async_io::Async;
//! use rill_combinators::StreamExt;
//! use rill_io::async_io::TcpListenerStream;
//!
//! let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
//! let addr = listener.get_ref().local_addr()?;
//! let mut incoming = TcpListenerStream::new(listener);
//! let client = Async::<TcpStream>::connect(addr).await?;
//! let server_side = incoming.next().await.unwrap()?;
//! assert_eq!(server_side.get_ref().peer_addr()?, client.get_ref().local_addr()?);
//! # std::io::Result::Ok(())
//! # }).unwrap();
//! ```

use std::io;
use std::net::{TcpListener, TcpStream};
use std::task::{Context, Poll, ready};

use ::async_io::Async;

use crate::source::Accept;

/// Stream of the connections an `async_io::Async<TcpListener>` accepts:
/// `io::Result<Async<TcpStream>>`, never ending, going on after an accept
/// error (see [`ListenerStream`](crate::ListenerStream)).
///
/// ```
/// # async_io::block_on(async {
/// use std::net::{TcpListener, TcpStream};
/// use async_io::Async;
/// use rill_combinators::StreamExt;
///
/// let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
/// let addr = listener.get_ref().local_addr()?;
/// let mut incoming = rill_io::async_io::TcpListenerStream::new(listener);
/// let _a = Async::<TcpStream>::connect(addr).await?;
/// let _b = Async::<TcpStream>::connect(addr).await?;
/// let two: Vec<_> = (&mut incoming).take(2).collect().await;
/// assert!(two.iter().all(Result::is_ok));
/// # std::io::Result::Ok(())
/// # }).unwrap();
/// ```
pub type TcpListenerStream = crate::ListenerStream<Async<TcpListener>>;

/// Accepts without blocking; waits for readability when nothing is queued.
fn poll_accept_with<L, C>(
    listener: &Async<L>,
    cx: &mut Context<'_>,
    accept: impl Fn(&L) -> io::Result<C>,
) -> Poll<io::Result<C>> {
    loop {
        match accept(listener.get_ref()) {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                // Ready means an event came since the last `Pending`:
                // try again; `Pending` registered the waker.
                ready!(listener.poll_readable(cx))?;
            }
            res => return Poll::Ready(res),
        }
    }
}

impl Accept for Async<TcpListener> {
    type Conn = Async<TcpStream>;

    fn poll_accept_conn(&self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Conn>> {
        poll_accept_with(self, cx, |l| l.accept())
            .map(|res| res.and_then(|(conn, _addr)| Async::new(conn)))
    }
}

/// Stream of the connections an `async_io::Async<UnixListener>` accepts:
/// `io::Result<Async<UnixStream>>`, never ending (unix only; see
/// [`ListenerStream`](crate::ListenerStream)).
///
/// ```
/// # async_io::block_on(async {
/// use std::os::unix::net::{UnixListener, UnixStream};
/// use async_io::Async;
/// use rill_combinators::StreamExt;
///
/// let path = std::env::temp_dir().join(format!("rill-io-async-io-doc-{}.sock", std::process::id()));
/// let _ = std::fs::remove_file(&path);
/// let mut incoming = rill_io::async_io::UnixListenerStream::new(Async::<UnixListener>::bind(&path)?);
/// let _client = Async::<UnixStream>::connect(&path).await?;
/// assert!(incoming.next().await.unwrap().is_ok());
/// std::fs::remove_file(&path)?;
/// # std::io::Result::Ok(())
/// # }).unwrap();
/// ```
#[cfg(unix)]
pub type UnixListenerStream = crate::ListenerStream<Async<std::os::unix::net::UnixListener>>;

#[cfg(unix)]
impl Accept for Async<std::os::unix::net::UnixListener> {
    type Conn = Async<std::os::unix::net::UnixStream>;

    fn poll_accept_conn(&self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Conn>> {
        poll_accept_with(self, cx, |l| l.accept())
            .map(|res| res.and_then(|(conn, _addr)| Async::new(conn)))
    }
}
