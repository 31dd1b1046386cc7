//! A minimal HTTP/1 `GET` over hyper's client connection API: the response
//! body comes back as http-body-util's `BodyDataStream`, a
//! `futures_core::Stream` of `Bytes` chunks made by the ecosystem, which
//! the tests and examples consume with rill's combinators only.

use std::error::Error;
use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::{BodyDataStream, Empty};
use hyper::body::Incoming;
use hyper::header::{HOST, HeaderMap};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// A response: status, headers, and the body as a stream of chunks
/// (`Result<Bytes, hyper::Error>`), cut wherever the transport cut it.
pub struct Response {
    /// The status code.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body, chunk by chunk; it ends with the response.
    pub body: BodyDataStream<Incoming>,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

/// `GET path` from the server at `addr` over a new HTTP/1 connection (plain
/// TCP: loopback only, no TLS). The connection is driven by a spawned task
/// and closes after this one response.
///
/// # Errors
///
/// Connecting, the handshake, or the request failed.
///
/// ```no_run
/// # async fn demo(addr: std::net::SocketAddr) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// use rill::prelude::*;
///
/// let response = rill_examples::http_client::get(addr, "/numbers").await?;
/// let bytes = response.body.map_ok(|chunk| chunk.len()).try_fold(0, |n, len| async move { Ok(n + len) }).await?;
/// # let _ = bytes; Ok(()) }
/// ```
pub async fn get(addr: SocketAddr, path: &str) -> Result<Response, Box<dyn Error + Send + Sync>> {
    let tcp = TcpStream::connect(addr).await?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tcp)).await?;
    tokio::spawn(connection);
    let request = Request::get(path)
        .header(HOST, addr.to_string())
        .body(Empty::<Bytes>::new())?;
    let (parts, body) = sender.send_request(request).await?.into_parts();
    Ok(Response {
        status: parts.status,
        headers: parts.headers,
        body: BodyDataStream::new(body),
    })
}
