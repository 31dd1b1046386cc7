//! async-channel 2.x receivers as streams (feature `async-channel`): the
//! channel smol and most current async code use.
//!
//! Not the same types as `async_std::channel` (async-channel 1.x): for
//! those use [`crate::async_std`]. Both modules share one implementation,
//! [`ChannelStream`].
//!
//! ```
//! use rill_channel::IntoStream;
//!
//! let (tx, rx) = async_channel::bounded::<u32>(4);
//! smol::block_on(async {
//!     tx.send(1).await.unwrap();
//!     tx.send(2).await.unwrap();
//! });
//! drop(tx);
//! let items: Vec<u32> = rill_test::block_on_stream(Box::pin(rx.into_stream())).collect();
//! assert_eq!(items, [1, 2]);
//! ```

use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::ChannelStream;
use crate::channel_stream::async_channel_remaining;
use crate::channel_stream::sealed::Receive;

/// An `async_channel::Receiver<T>` (2.x) as a stream of `T`: an alias of
/// [`ChannelStream`], see there for `new`, `into_inner`, `close`,
/// `AsRef`/`AsMut`, `From`.
///
/// - [`close`](ChannelStream::close) closes the channel for every sender and
///   receiver; buffered messages can still be received.
/// - `size_hint`: lower bound `len` while this is the only receiver (other
///   receivers may take messages, then 0); upper bound `len` once the
///   channel is closed, unbounded before.
/// - async-channel 2.x receivers are `!Unpin`, so this stream is too: pin
///   it (`core::pin::pin!`, `Box::pin`) before calling `next`. A pinned
///   stream is closed with `stream.get_ref().close()` (async-channel closes
///   through a shared reference).
///
/// ```
/// use rill_channel::async_channel::ReceiverStream;
/// use rill_core::Stream;
///
/// let (tx, rx) = async_channel::unbounded::<u8>();
/// tx.try_send(1).unwrap();
/// let mut stream = Box::pin(ReceiverStream::new(rx));
/// assert_eq!(stream.size_hint(), (1, None));
/// stream.get_ref().close();
/// assert_eq!(stream.size_hint(), (1, Some(1)));
/// assert!(tx.try_send(2).is_err());
/// rill_test::assert_stream_next!(stream, 1);
/// rill_test::assert_stream_done!(stream);
/// ```
pub type ReceiverStream<T> = ChannelStream<::async_channel::Receiver<T>>;

impl<T> Receive for ::async_channel::Receiver<T> {
    type Message = T;

    #[inline]
    fn poll_receive(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        Stream::poll_next(self, cx)
    }

    fn close_channel(&mut self) {
        self.close();
    }

    fn remaining(&self) -> (usize, Option<usize>) {
        async_channel_remaining(self.len(), self.receiver_count(), self.is_closed())
    }
}

impl<T> crate::forward::sealed::Send<T> for ::async_channel::Sender<T> {
    async fn send_message(&self, message: T) -> Result<(), T> {
        self.send(message).await.map_err(|err| err.0)
    }
}
