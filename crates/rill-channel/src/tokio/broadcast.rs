//! `BroadcastStream`: a tokio `broadcast::Receiver` as a stream.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use ::tokio::sync::broadcast::{self, error::RecvError};
use rill_core::{FusedStream, Stream};

use crate::recv_slot::{RecvSlot, recv_slot};

/// The error item of a [`BroadcastStream`].
///
/// ```
/// use rill_channel::tokio::BroadcastStreamRecvError;
///
/// let err = BroadcastStreamRecvError::Lagged(3);
/// assert_eq!(err.to_string(), "the receiver lagged behind and skipped 3 messages");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BroadcastStreamRecvError {
    /// The receiver fell behind the channel's capacity: this many of the
    /// oldest messages were overwritten before it saw them. The stream goes
    /// on with the oldest message still retained.
    Lagged(u64),
}

impl fmt::Display for BroadcastStreamRecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BroadcastStreamRecvError::Lagged(n) => {
                write!(f, "the receiver lagged behind and skipped {n} messages")
            }
        }
    }
}

impl std::error::Error for BroadcastStreamRecvError {}

type RecvOutput<T> = Result<T, RecvError>;

/// Receives one message and hands the receiver back with it.
async fn recv_owned<T: Clone>(
    mut receiver: broadcast::Receiver<T>,
) -> (RecvOutput<T>, broadcast::Receiver<T>) {
    let result = receiver.recv().await;
    (result, receiver)
}

/// A tokio `broadcast::Receiver<T>` as a stream of
/// `Result<T, BroadcastStreamRecvError>`.
///
/// - Yields every message sent after the receiver was created, in order, as
///   `Ok(message)`.
/// - A receiver that falls more than the channel's capacity behind yields
///   `Err(Lagged(n))` once, `n` being the number of messages it missed,
///   then goes on with the oldest message still in the channel.
/// - Ends when every sender is gone and the messages this receiver has not
///   seen are drained; then it keeps returning `Ready(None)`
///   ([`FusedStream`]).
/// - `size_hint` is `(0, None)` until the end, then `(0, Some(0))`.
///
/// Allocation: the receive future is boxed once, in `new`; each message
/// reuses that allocation (see the crate docs), so no allocation happens
/// per message. Waiting goes through tokio's `recv`, which takes part in
/// tokio's cooperative budget.
///
/// ```
/// use rill_channel::tokio::{BroadcastStream, BroadcastStreamRecvError};
///
/// let (tx, rx) = tokio::sync::broadcast::channel::<u32>(2);
/// let stream = BroadcastStream::new(rx);
/// for i in 1..=3 {
///     tx.send(i).unwrap(); // capacity 2: message 1 is overwritten
/// }
/// drop(tx);
/// let items: Vec<_> = rill_test::block_on_stream(stream).collect();
/// assert_eq!(items, [Err(BroadcastStreamRecvError::Lagged(1)), Ok(2), Ok(3)]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct BroadcastStream<T> {
    slot: RecvSlot<broadcast::Receiver<T>, RecvOutput<T>>,
    terminated: bool,
}

impl<T: Clone + Send + 'static> BroadcastStream<T> {
    /// Wraps a receiver. Messages sent before it was subscribed are not
    /// seen; nothing is received until the stream is polled.
    ///
    /// ```
    /// let (tx, rx) = tokio::sync::broadcast::channel::<&str>(4);
    /// let mut stream = rill_channel::tokio::BroadcastStream::new(rx);
    /// rill_test::assert_stream_pending!(stream);
    /// tx.send("hello").unwrap();
    /// rill_test::assert_stream_next!(stream, Ok("hello"));
    /// ```
    pub fn new(receiver: broadcast::Receiver<T>) -> Self {
        BroadcastStream {
            slot: recv_slot(receiver, recv_owned::<T>),
            terminated: false,
        }
    }
}

impl<T: Clone + Send + 'static> From<broadcast::Receiver<T>> for BroadcastStream<T> {
    /// Same as [`BroadcastStream::new`].
    ///
    /// ```
    /// use rill_channel::tokio::BroadcastStream;
    ///
    /// let (tx, rx) = tokio::sync::broadcast::channel::<u8>(1);
    /// let stream: BroadcastStream<u8> = rx.into();
    /// drop(tx);
    /// assert_eq!(rill_test::block_on_stream(stream).count(), 0);
    /// ```
    fn from(receiver: broadcast::Receiver<T>) -> Self {
        BroadcastStream::new(receiver)
    }
}

impl<T> fmt::Debug for BroadcastStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BroadcastStream")
            .field("terminated", &self.terminated)
            .finish_non_exhaustive()
    }
}

impl<T: Clone> Stream for BroadcastStream<T> {
    type Item = Result<T, BroadcastStreamRecvError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.terminated {
            return Poll::Ready(None);
        }
        let (result, receiver) = ready!(self.slot.as_mut().poll(cx));
        // Arm the next receive right away, in the same allocation; it runs
        // at the next poll.
        self.slot.as_mut().restart(receiver);
        Poll::Ready(match result {
            Ok(message) => Some(Ok(message)),
            Err(RecvError::Lagged(n)) => Some(Err(BroadcastStreamRecvError::Lagged(n))),
            Err(RecvError::Closed) => {
                self.terminated = true;
                None
            }
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.terminated {
            (0, Some(0))
        } else {
            (0, None)
        }
    }
}

impl<T: Clone> FusedStream for BroadcastStream<T> {
    /// `true` once the stream returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}
