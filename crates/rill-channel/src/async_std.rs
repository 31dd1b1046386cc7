//! `async_std::channel` receivers as streams (feature `async-std`).
//!
//! async-std 1.13's `async_std::channel` is async-channel **1.x**, a
//! different crate version (and so different types) from the async-channel
//! 2.x that smol uses ([`crate::async_channel`]). Both modules share one
//! implementation, [`ChannelStream`].
//!
//! ```
//! use rill_channel::IntoStream;
//!
//! let (tx, rx) = async_std::channel::bounded::<u32>(4);
//! tx.try_send(1).unwrap();
//! tx.try_send(2).unwrap();
//! drop(tx);
//! let items: Vec<u32> = rill_test::block_on_stream(rx.into_stream()).collect();
//! assert_eq!(items, [1, 2]);
//! ```

use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::ChannelStream;
use crate::channel_stream::async_channel_remaining;
use crate::channel_stream::sealed::Receive;

/// An `async_std::channel::Receiver<T>` as a stream of `T`: an alias of
/// [`ChannelStream`], see there for `new`, `into_inner`, `close`,
/// `AsRef`/`AsMut`, `From`.
///
/// - [`close`](ChannelStream::close) closes the channel for every sender and
///   receiver; buffered messages can still be received.
/// - `size_hint`: lower bound `len` while this is the only receiver (other
///   receivers may take messages, then 0); upper bound `len` once the
///   channel is closed, unbounded before.
///
/// ```
/// use rill_channel::async_std::ReceiverStream;
/// use rill_core::Stream;
///
/// let (tx, rx) = async_std::channel::bounded::<u8>(2);
/// tx.try_send(1).unwrap();
/// let mut stream = ReceiverStream::new(rx);
/// stream.close();
/// assert_eq!(stream.size_hint(), (1, Some(1)));
/// rill_test::assert_stream_next!(stream, 1);
/// rill_test::assert_stream_done!(stream);
/// ```
pub type ReceiverStream<T> = ChannelStream<::async_std::channel::Receiver<T>>;

impl<T> Receive for ::async_std::channel::Receiver<T> {
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

impl<T> crate::forward::sealed::Send<T> for ::async_std::channel::Sender<T> {
    async fn send_message(&self, message: T) -> Result<(), T> {
        self.send(message).await.map_err(|err| err.0)
    }
}
