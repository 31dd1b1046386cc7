//! A tokio-tungstenite WebSocket echo server written with rill: each
//! connection is `split` into a sink half and a stream half, the stream
//! half keeps the text and binary messages (`try_filter`), and `forward`
//! sends them back through the sink half, which journals every message it
//! echoes (`SinkExt::with`).
//!
//! A client that disconnects ends that connection's pipeline (its stream
//! half ends or fails, so `forward` resolves) and nothing else: every
//! connection runs in its own task, and the accept loop goes on.

use std::net::SocketAddr;

use rill::prelude::*;
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::{Error, Message};

/// What the server reports about its connections, in order per connection.
#[derive(Debug, Clone, PartialEq)]
pub enum Journal {
    /// Connection `id` was accepted (ids count from 0).
    Opened(usize),
    /// Connection `id` handed this message to its socket to echo it.
    Echoed(usize, Message),
    /// Connection `id`'s pipeline ended: `Ok` after a close handshake,
    /// `Err` with the error's text when the client went away without one.
    Ended(usize, Result<(), String>),
}

/// Accepts connections on `listener` forever, each echoed by [`echo`] in a
/// task of its own, and reports to `journal`.
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let (journal, _events) = tokio::sync::mpsc::unbounded_channel();
/// tokio::spawn(rill_examples::websocket::serve(listener, journal));
/// # Ok(()) }
/// ```
pub async fn serve(listener: TcpListener, journal: mpsc::UnboundedSender<Journal>) {
    let mut next_id = 0;
    loop {
        let Ok((tcp, _peer)) = listener.accept().await else {
            continue;
        };
        let id = next_id;
        next_id += 1;
        let journal = journal.clone();
        tokio::spawn(async move {
            let _ = journal.send(Journal::Opened(id));
            let ended = match tokio_tungstenite::accept_async(tcp).await {
                Ok(ws) => echo(ws, id, journal.clone()).await,
                Err(e) => Err(e),
            };
            let _ = journal.send(Journal::Ended(id, ended.map_err(|e| e.to_string())));
        });
    }
}

/// Echoes the text and binary messages of one WebSocket until the client
/// closes it (`Ok`) or goes away (`Err`). Pings are answered by
/// tungstenite itself; the close handshake ends the stream half.
///
/// Works on any value that is a stream of messages and a sink of messages
/// (a tokio-tungstenite `WebSocketStream` in the server), which rill
/// `split`s.
pub async fn echo<W>(ws: W, id: usize, journal: mpsc::UnboundedSender<Journal>) -> Result<(), Error>
where
    W: Stream<Item = Result<Message, Error>> + Sink<Message, Error = Error> + Unpin,
{
    let (sink, stream) = ws.split();
    // The sink half records each message as it takes it.
    let sink = sink.with(move |msg: Message| {
        let _ = journal.send(Journal::Echoed(id, msg.clone()));
        core::future::ready(Ok::<_, Error>(msg))
    });
    stream
        .try_filter(|msg| core::future::ready(msg.is_text() || msg.is_binary()))
        .forward(Box::pin(sink))
        .await
}

/// Binds a listener on an ephemeral port of 127.0.0.1 and returns it with
/// its address (`ws://{addr}/` is the URL).
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// let (listener, addr) = rill_examples::websocket::bind_loopback().await?;
/// assert!(addr.ip().is_loopback());
/// # drop(listener); Ok(()) }
/// ```
pub async fn bind_loopback() -> std::io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    Ok((listener, addr))
}
