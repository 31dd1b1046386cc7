//! The sealed traits every stream of this crate is written against, each
//! implemented in the backend modules: the two reader traits
//! ([`BufSource`], [`ReadSource`]: tokio, futures-io), [`Accept`] for
//! listeners (tokio, async-io) and [`ReaderRules`] for `StreamReader`.
//!
//! `Io` is the backend's marker type; it keeps the tokio and futures-io
//! blanket impls apart (a reader may implement both traits).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A buffered reader of backend `Io`. Sealed: only the backends implement it.
pub trait BufSource<Io> {
    /// The buffered bytes, refilled when empty; empty at the end.
    fn poll_fill(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>>;
    /// Marks `amt` buffered bytes as read.
    fn consume_bytes(self: Pin<&mut Self>, amt: usize);
}

/// A reader of backend `Io`. Sealed: only the backends implement it.
pub trait ReadSource<Io> {
    /// Reads into `buf` (fully initialised); `Ok(0)` at the end.
    fn poll_read_into(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>>;
}

/// A listener that accepts connections. Sealed: only the backends implement
/// it.
pub trait Accept {
    /// The connection type.
    type Conn;
    /// Accepts the next connection.
    fn poll_accept_conn(&self, cx: &mut Context<'_>) -> Poll<io::Result<Self::Conn>>;
}

/// The rules of backend `Io` for [`StreamReader`](crate::StreamReader), each
/// that of the crate it replaces. Sealed: only the backends implement it.
pub trait ReaderRules {
    /// Whether a stream error ends the reader (futures-util's
    /// `into_async_read`) rather than the next read going on with the
    /// stream (tokio-util's `StreamReader`).
    const END_ON_ERROR: bool;
}
