//! Sinks: [`SinkExt`] over the ecosystem's [`Sink`] trait
//! (`futures_sink::Sink`, which tokio-tungstenite's sockets, tokio-util's
//! codecs and futures' channels implement), and the sinks [`drain`] and
//! [`unfold`].
//!
//! Names and semantics are futures-util's (`futures::sink`); the stream side
//! of the interop, [`StreamExt::forward`](crate::StreamExt::forward) and
//! [`StreamExt::split`](crate::StreamExt::split), returns [`Forward`],
//! [`SplitSink`] and [`SplitStream`] from this module (also re-exported in
//! [`stream`](crate::stream), where futures-util has them).
//!
//! ```
//! use futures::channel::mpsc;
//! use rill_combinators::{SinkExt, StreamExt, stream};
//!
//! let (mut tx, rx) = mpsc::channel::<u32>(4);
//! rill_test::block_on(async {
//!     tx.send(1).await.unwrap();
//!     tx.feed(2).await.unwrap();
//!     tx.close().await.unwrap();
//!     assert_eq!(rx.map(|x| x * 10).collect::<Vec<_>>().await, [10, 20]);
//! });
//! ```

use core::future::Future;

pub use futures_sink::Sink;
use rill_core::TryStream;

// The lock that `split`'s two halves share: atomics through `crate::sync`,
// the only `unsafe` code of `sink/`, model-checked by tests/loom_split.rs.
#[cfg(feature = "alloc")]
#[allow(unsafe_code)]
mod split_lock;

mod close;
pub use close::Close;

mod drain;
pub use drain::{Drain, drain};

mod feed;
pub use feed::Feed;

mod flush;
pub use flush::Flush;

mod forward;
pub use forward::Forward;

#[cfg(feature = "alloc")]
mod reunite_error;
#[cfg(feature = "alloc")]
pub use reunite_error::ReuniteError;

mod send;
pub use send::Send;

mod send_all;
pub use send_all::SendAll;

mod sink_map_err;
pub use sink_map_err::SinkMapErr;

#[cfg(feature = "alloc")]
mod split_sink;
#[cfg(feature = "alloc")]
pub use split_sink::SplitSink;

#[cfg(feature = "alloc")]
mod split_stream;
#[cfg(feature = "alloc")]
pub use split_stream::SplitStream;

mod unfold;
pub use unfold::{Unfold, unfold};

mod with;
pub use with::With;

/// The two halves of `value` (see [`StreamExt::split`](crate::StreamExt::split)).
#[cfg(feature = "alloc")]
pub(crate) fn split<S, Item>(value: S) -> (SplitSink<S, Item>, SplitStream<S>) {
    let (sink_side, stream_side) = split_lock::SplitLock::new(value);
    (SplitSink::new(sink_side), SplitStream { lock: stream_side })
}

/// Adapters and futures for every [`Sink`], with the names, signatures and
/// semantics of `futures_util::SinkExt`.
///
/// The futures (`send`, `feed`, `flush`, `close`, `send_all`) borrow an
/// `Unpin` sink; pin a `!Unpin` one first (`core::pin::pin!` or
/// `Box::pin`).
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let mut sink = rill_test::TestSink::new();
/// rill_test::block_on(async {
///     sink.send(1).await.unwrap();
///     sink.close().await.unwrap();
/// });
/// assert_eq!(sink.items(), [1]);
/// assert!(sink.is_closed());
/// ```
pub trait SinkExt<Item>: Sink<Item> {
    /// A future that resolves once the sink accepted `item` and flushed it.
    ///
    /// Flushing after every item can be slow: to send many, prefer
    /// [`feed`](SinkExt::feed) and one [`flush`](SinkExt::flush), or
    /// [`send_all`](SinkExt::send_all). See [`Send`].
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::{SinkExt, StreamExt};
    ///
    /// let (mut tx, mut rx) = mpsc::channel(1);
    /// rill_test::block_on(async {
    ///     tx.send("hello").await.unwrap();
    ///     assert_eq!(rx.next().await, Some("hello"));
    /// });
    /// ```
    fn send(&mut self, item: Item) -> Send<'_, Self, Item>
    where
        Self: Unpin,
    {
        Send::new(self, item)
    }

    /// A future that resolves once the sink accepted `item`, without
    /// flushing it. See [`Feed`].
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut sink = rill_test::TestSink::new();
    /// rill_test::block_on(async {
    ///     sink.feed(1).await.unwrap();
    ///     sink.feed(2).await.unwrap();
    ///     assert_eq!(sink.flushed(), 0);
    ///     sink.flush().await.unwrap();
    /// });
    /// assert_eq!(sink.flushed(), 2);
    /// ```
    fn feed(&mut self, item: Item) -> Feed<'_, Self, Item>
    where
        Self: Unpin,
    {
        Feed::new(self, item)
    }

    /// A future that resolves once the sink processed every item it
    /// accepted. See [`Flush`].
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut sink = rill_test::TestSink::new();
    /// rill_test::block_on(async {
    ///     sink.feed(1).await.unwrap();
    ///     sink.flush().await.unwrap();
    /// });
    /// assert_eq!(sink.flushed(), 1);
    /// ```
    fn flush(&mut self) -> Flush<'_, Self, Item>
    where
        Self: Unpin,
    {
        Flush::new(self)
    }

    /// A future that resolves once the sink is closed: every accepted item
    /// is processed and no more are accepted. See [`Close`].
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::{SinkExt, StreamExt};
    ///
    /// let (mut tx, rx) = mpsc::channel::<u8>(1);
    /// rill_test::block_on(async {
    ///     tx.close().await.unwrap();
    ///     // The receiving stream ends.
    ///     assert_eq!(rx.count().await, 0);
    /// });
    /// ```
    fn close(&mut self) -> Close<'_, Self, Item>
    where
        Self: Unpin,
    {
        Close::new(self)
    }

    /// A future that sends every `Ok` item of `stream` into the sink and
    /// flushes it, without closing it; the first `Err` (of the stream or the
    /// sink) ends it. `sink.send_all(&mut s)` is `s.forward(&mut sink)`
    /// without the close. See [`SendAll`].
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::{SinkExt, StreamExt, stream};
    ///
    /// let (mut tx, rx) = mpsc::unbounded();
    /// rill_test::block_on(async {
    ///     tx.send_all(&mut stream::iter(1..=3).map(Ok)).await.unwrap();
    ///     drop(tx);
    ///     assert_eq!(rx.collect::<Vec<_>>().await, [1, 2, 3]);
    /// });
    /// ```
    fn send_all<'a, St>(&'a mut self, stream: &'a mut St) -> SendAll<'a, Self, St>
    where
        St: TryStream<Ok = Item, Error = Self::Error> + Unpin + ?Sized,
        Self: Unpin,
    {
        SendAll::new(self, stream)
    }

    /// A sink that runs each item through the async function `f` and sends
    /// its `Ok` output into this sink: the sink counterpart of `then`.
    /// `f`'s error type must take this sink's errors (`E: From<Self::Error>`).
    /// See [`With`].
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::{SinkExt, StreamExt};
    ///
    /// let (tx, rx) = mpsc::channel::<String>(4);
    /// // An `async` block is `!Unpin`: pin the sink to `send` into it.
    /// let mut tx = Box::pin(tx.with(|n: u32| async move {
    ///     Ok::<_, mpsc::SendError>(n.to_string())
    /// }));
    /// rill_test::block_on(async {
    ///     tx.send(7).await.unwrap();
    ///     drop(tx);
    ///     assert_eq!(rx.collect::<Vec<_>>().await, ["7"]);
    /// });
    /// ```
    fn with<U, Fut, F, E>(self, f: F) -> With<Self, Item, U, Fut, F>
    where
        F: FnMut(U) -> Fut,
        Fut: Future<Output = Result<Item, E>>,
        E: From<Self::Error>,
        Self: Sized,
    {
        With::new(self, f)
    }

    /// A sink whose errors are this sink's, converted by `f` (called once:
    /// for the first error). See [`SinkMapErr`].
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::SinkExt;
    ///
    /// let (tx, rx) = mpsc::channel::<u8>(1);
    /// drop(rx);
    /// let mut tx = tx.sink_map_err(|_| "receiver gone");
    /// assert_eq!(rill_test::block_on(tx.send(1)), Err("receiver gone"));
    /// ```
    fn sink_map_err<E, F>(self, f: F) -> SinkMapErr<Self, F>
    where
        F: FnOnce(Self::Error) -> E,
        Self: Sized,
    {
        SinkMapErr::new(self, f)
    }

    /// Wraps this sink as the left side of an [`Either`](crate::Either), a
    /// sink when both sides are: lets two branches return one sink type.
    ///
    /// ```
    /// use std::collections::VecDeque;
    /// use rill_combinators::{Either, SinkExt};
    ///
    /// fn pick(fast: bool) -> Either<Vec<u8>, VecDeque<u8>> {
    ///     if fast { Vec::new().left_sink() } else { VecDeque::new().right_sink() }
    /// }
    /// let mut s = pick(true);
    /// rill_test::block_on(s.send(1)).unwrap();
    /// assert!(matches!(s, Either::Left(v) if v == [1]));
    /// ```
    fn left_sink<Si2>(self) -> crate::Either<Self, Si2>
    where
        Si2: Sink<Item, Error = Self::Error>,
        Self: Sized,
    {
        crate::Either::Left(self)
    }

    /// Wraps this sink as the right side of an [`Either`](crate::Either).
    ///
    /// ```
    /// use rill_combinators::{Either, SinkExt};
    ///
    /// let s: Either<std::collections::VecDeque<u8>, Vec<u8>> = Vec::new().right_sink();
    /// assert!(s.is_right());
    /// ```
    fn right_sink<Si1>(self) -> crate::Either<Si1, Self>
    where
        Si1: Sink<Item, Error = Self::Error>,
        Self: Sized,
    {
        crate::Either::Right(self)
    }

    /// [`Sink::poll_ready`] on an `Unpin` sink, without pinning it first.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::SinkExt;
    ///
    /// let mut v: Vec<u8> = Vec::new();
    /// let mut cx = rill_test::noop_context();
    /// assert_eq!(v.poll_ready_unpin(&mut cx), Poll::Ready(Ok(())));
    /// ```
    fn poll_ready_unpin(
        &mut self,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<Result<(), Self::Error>>
    where
        Self: Unpin,
    {
        core::pin::Pin::new(self).poll_ready(cx)
    }

    /// [`Sink::start_send`] on an `Unpin` sink, without pinning it first.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut v: Vec<u8> = Vec::new();
    /// v.start_send_unpin(4).unwrap();
    /// assert_eq!(v, [4]);
    /// ```
    fn start_send_unpin(&mut self, item: Item) -> Result<(), Self::Error>
    where
        Self: Unpin,
    {
        core::pin::Pin::new(self).start_send(item)
    }

    /// [`Sink::poll_flush`] on an `Unpin` sink, without pinning it first.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::SinkExt;
    ///
    /// let mut v: Vec<u8> = Vec::new();
    /// assert_eq!(v.poll_flush_unpin(&mut rill_test::noop_context()), Poll::Ready(Ok(())));
    /// ```
    fn poll_flush_unpin(
        &mut self,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<Result<(), Self::Error>>
    where
        Self: Unpin,
    {
        core::pin::Pin::new(self).poll_flush(cx)
    }

    /// [`Sink::poll_close`] on an `Unpin` sink, without pinning it first.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::SinkExt;
    ///
    /// let mut v: Vec<u8> = Vec::new();
    /// assert_eq!(v.poll_close_unpin(&mut rill_test::noop_context()), Poll::Ready(Ok(())));
    /// ```
    fn poll_close_unpin(
        &mut self,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<Result<(), Self::Error>>
    where
        Self: Unpin,
    {
        core::pin::Pin::new(self).poll_close(cx)
    }
}

impl<T: ?Sized + Sink<Item>, Item> SinkExt<Item> for T {}
