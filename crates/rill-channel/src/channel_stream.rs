//! The one receiver-to-stream wrapper behind every `ReceiverStream`.
//!
//! Each supported receiver (tokio's bounded and unbounded mpsc receivers,
//! async-channel 1.x as re-exported by `async_std::channel`, async-channel
//! 2.x) implements the sealed [`ChannelReceiver`] trait with three small
//! methods: poll for the next message, close, and report what is buffered.
//! [`ChannelStream`] is written once on top of it, and each runtime module
//! names it `ReceiverStream<T>` through a type alias, so all of them share
//! the same code and the same API.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pub(crate) mod sealed {
    use core::pin::Pin;
    use core::task::{Context, Poll};

    /// The operations [`ChannelStream`](super::ChannelStream) needs from a
    /// receiver. Private: only this crate implements it.
    pub trait Receive {
        /// The message type.
        type Message;

        /// Polls for the next message; `Ready(None)` once the channel is
        /// closed and drained. Registers the waker when pending.
        fn poll_receive(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Message>>;

        /// Closes the channel for senders; buffered messages stay.
        fn close_channel(&mut self);

        /// Bounds on the number of messages this receiver will still get.
        fn remaining(&self) -> (usize, Option<usize>);
    }
}

/// `remaining` of an async-channel receiver, 1.x (`async_std::channel`) and
/// 2.x alike: their APIs are the same, their types are not.
#[cfg(any(feature = "async-std", feature = "async-channel"))]
pub(crate) fn async_channel_remaining(
    len: usize,
    receiver_count: usize,
    closed: bool,
) -> (usize, Option<usize>) {
    // Other receivers of the same channel may take messages.
    let lower = if receiver_count == 1 { len } else { 0 };
    // A closed async-channel refuses every later push at once.
    let upper = closed.then_some(len);
    (lower, upper)
}

/// A channel receiver that [`ChannelStream`] can turn into a stream.
///
/// Sealed: implemented by this crate for the receivers of the enabled
/// runtimes only (tokio's `mpsc::Receiver` and `mpsc::UnboundedReceiver`,
/// `async_std::channel::Receiver`, `async_channel::Receiver`).
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// fn takes_any<R: rill_channel::ChannelReceiver>(rx: R) -> rill_channel::ChannelStream<R> {
///     rill_channel::ChannelStream::new(rx)
/// }
/// let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<u8>();
/// tx.send(1).unwrap();
/// let s = takes_any(rx);
/// assert_eq!(rill_core::Stream::size_hint(&s), (1, None));
/// # }
/// ```
pub trait ChannelReceiver: sealed::Receive {}

impl<R: sealed::Receive> ChannelReceiver for R {}

pin_project_lite::pin_project! {
    /// A channel receiver as a [`Stream`]: yields every message in the
    /// order the channel delivers it, and ends (`Ready(None)`) exactly when
    /// the channel is closed and its buffer drained.
    ///
    /// You normally meet this type under its per-runtime names:
    /// `rill_channel::tokio::ReceiverStream<T>` and
    /// `UnboundedReceiverStream<T>`, `rill_channel::async_std::ReceiverStream<T>`
    /// and `rill_channel::async_channel::ReceiverStream<T>` are aliases of it,
    /// so they all have the same methods.
    ///
    /// - **Termination**: the channel is closed when every sender is gone
    ///   or [`close`](Self::close) was called; messages already buffered are
    ///   still yielded, then the stream ends. After that it keeps returning
    ///   `Ready(None)` ([`FusedStream`]) without touching the receiver.
    /// - **Backpressure** belongs to the channel: a bounded channel stops its
    ///   senders when the buffer is full and the stream is not polled.
    ///   Dropping the stream drops the receiver, which closes the channel:
    ///   every pending and later send fails and hands its message back.
    /// - **`size_hint`**: `(buffered, None)` while senders may still send;
    ///   exact, `(buffered, Some(buffered))`, once no more message can
    ///   arrive (see each runtime module for the precise rule).
    /// - **Pinning**: the stream is `Unpin` when the receiver is; tokio's
    ///   and async-channel 1.x receivers are, async-channel 2.x's is not
    ///   (use `core::pin::pin!` or `Box::pin` before calling `next`).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_channel::ChannelStream;
    ///
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u32>(4);
    /// let stream = ChannelStream::new(rx);
    /// tx.try_send(1).unwrap();
    /// tx.try_send(2).unwrap();
    /// drop(tx);
    /// let items: Vec<u32> = rill_test::block_on_stream(stream).collect();
    /// assert_eq!(items, [1, 2]);
    /// # }
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ChannelStream<R> {
        #[pin]
        receiver: R,
        terminated: bool,
    }
}

impl<R: ChannelReceiver> ChannelStream<R> {
    /// Wraps a receiver. Nothing is received until the stream is polled.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<&str>();
    /// let mut stream = rill_channel::ChannelStream::new(rx);
    /// tx.send("hi").unwrap();
    /// rill_test::assert_stream_next!(stream, "hi");
    /// rill_test::assert_stream_pending!(stream);
    /// # }
    /// ```
    pub fn new(receiver: R) -> Self {
        ChannelStream {
            receiver,
            terminated: false,
        }
    }

    /// Returns the receiver. Buffered messages stay in the channel and can
    /// still be received from it.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(2);
    /// tx.try_send(7).unwrap();
    /// let mut rx = rill_channel::ChannelStream::new(rx).into_inner();
    /// assert_eq!(rx.try_recv(), Ok(7));
    /// # }
    /// ```
    pub fn into_inner(self) -> R {
        self.receiver
    }

    /// Closes the channel for senders without dropping the receiver: later
    /// sends fail, but every message sent before is still yielded, then
    /// the stream ends.
    ///
    /// For tokio's bounded channel, a send through a permit reserved before
    /// the close still succeeds (tokio's rule) and is yielded too. For
    /// async-channel (and `async_std::channel`) the channel is closed for
    /// every sender and every other receiver as well. Closing twice is
    /// harmless.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(4);
    /// tx.try_send(1).unwrap();
    /// let mut stream = rill_channel::ChannelStream::new(rx);
    /// stream.close();
    /// assert!(tx.try_send(2).is_err());
    /// rill_test::assert_stream_next!(stream, 1);
    /// rill_test::assert_stream_done!(stream);
    /// # }
    /// ```
    pub fn close(&mut self) {
        self.receiver.close_channel();
    }

    /// The receiver (same as [`AsRef::as_ref`]).
    ///
    /// async-channel receivers close through a shared reference, which is
    /// the way to close a pinned `!Unpin` async-channel 2.x stream:
    /// `stream.get_ref().close()`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(3);
    /// tx.try_send(1).unwrap();
    /// let stream = rill_channel::ChannelStream::new(rx);
    /// assert_eq!(stream.get_ref().len(), 1);
    /// # }
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.receiver
    }

    /// The receiver, mutably (same as [`AsMut::as_mut`]). Taking messages
    /// through it skips the stream.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(3);
    /// tx.try_send(1).unwrap();
    /// let mut stream = rill_channel::ChannelStream::new(rx);
    /// assert_eq!(stream.get_mut().try_recv(), Ok(1));
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.receiver
    }

    /// The receiver of a pinned stream, pinned.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (_tx, rx) = tokio::sync::mpsc::channel::<u8>(3);
    /// let mut stream = Box::pin(rill_channel::ChannelStream::new(rx));
    /// assert_eq!(stream.as_mut().get_pin_mut().capacity(), 3);
    /// # }
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut R> {
        self.project().receiver
    }
}

impl<R: ChannelReceiver> From<R> for ChannelStream<R> {
    /// Same as [`ChannelStream::new`].
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_channel::tokio::ReceiverStream;
    ///
    /// let (_tx, rx) = tokio::sync::mpsc::channel::<u8>(1);
    /// let stream: ReceiverStream<u8> = rx.into();
    /// assert_eq!(stream.as_ref().max_capacity(), 1);
    /// # }
    /// ```
    fn from(receiver: R) -> Self {
        ChannelStream::new(receiver)
    }
}

impl<R> AsRef<R> for ChannelStream<R> {
    /// The receiver, e.g. to ask how many messages are buffered.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(3);
    /// tx.try_send(1).unwrap();
    /// let stream = rill_channel::ChannelStream::new(rx);
    /// assert_eq!(stream.as_ref().len(), 1);
    /// # }
    /// ```
    fn as_ref(&self) -> &R {
        &self.receiver
    }
}

impl<R> AsMut<R> for ChannelStream<R> {
    /// The receiver, mutably. Taking messages through it skips the stream.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(3);
    /// tx.try_send(1).unwrap();
    /// let mut stream = rill_channel::ChannelStream::new(rx);
    /// assert_eq!(stream.as_mut().try_recv(), Ok(1));
    /// # }
    /// ```
    fn as_mut(&mut self) -> &mut R {
        &mut self.receiver
    }
}

impl<R: fmt::Debug> fmt::Debug for ChannelStream<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChannelStream")
            .field("receiver", &self.receiver)
            .field("terminated", &self.terminated)
            .finish()
    }
}

impl<R: ChannelReceiver> Stream for ChannelStream<R> {
    type Item = R::Message;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<R::Message>> {
        let this = self.project();
        if *this.terminated {
            return Poll::Ready(None);
        }
        let poll = this.receiver.poll_receive(cx);
        if let Poll::Ready(None) = poll {
            *this.terminated = true;
        }
        poll
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.terminated {
            (0, Some(0))
        } else {
            self.receiver.remaining()
        }
    }
}

impl<R: ChannelReceiver> FusedStream for ChannelStream<R> {
    /// `true` once the stream returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}
