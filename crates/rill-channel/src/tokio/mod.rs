//! tokio's channels as streams (feature `tokio`).
//!
//! | receiver                         | stream                      | item                                      |
//! |----------------------------------|-----------------------------|-------------------------------------------|
//! | `mpsc::Receiver<T>`              | [`ReceiverStream<T>`]       | `T`                                       |
//! | `mpsc::UnboundedReceiver<T>`     | [`UnboundedReceiverStream<T>`] | `T`                                    |
//! | `broadcast::Receiver<T>`         | [`BroadcastStream<T>`]      | `Result<T, BroadcastStreamRecvError>`     |
//! | `watch::Receiver<T>`             | [`WatchStream<T>`]          | `T` (a clone of each new value)           |
//! | `task::JoinSet<T>`               | [`JoinSetStream<T>`]        | `Result<T, JoinError>`, as tasks finish   |
//!
//! Every receiver also gets `.into_stream()` from [`IntoStream`](crate::IntoStream),
//! and [`send_all`](crate::send_all) / [`forward_to`](crate::ForwardExt::forward_to)
//! feed a stream into an `mpsc::Sender` or `mpsc::UnboundedSender`.
//!
//! The mpsc streams use tokio's `poll_recv`, so they take part in tokio's
//! cooperative scheduling budget exactly like `recv().await` does.
//!
//! ```
//! use rill_channel::IntoStream;
//!
//! let (tx, rx) = tokio::sync::mpsc::channel::<u32>(16);
//! let producer = std::thread::spawn(move || {
//!     for i in 0..5 {
//!         tx.blocking_send(i).unwrap();
//!     }
//! });
//! let items: Vec<u32> = rill_test::block_on_stream(rx.into_stream()).collect();
//! producer.join().unwrap();
//! assert_eq!(items, [0, 1, 2, 3, 4]);
//! ```

use core::pin::Pin;
use core::task::{Context, Poll};

use ::tokio::sync::mpsc;

use crate::ChannelStream;
use crate::channel_stream::sealed::Receive;

mod broadcast;
mod join_set;
mod watch;

pub use broadcast::{BroadcastStream, BroadcastStreamRecvError};
pub use join_set::JoinSetStream;
pub use watch::WatchStream;

/// A tokio bounded `mpsc::Receiver<T>` as a stream of `T`: an alias of
/// [`ChannelStream`], see there for `new`, `into_inner`, `close`,
/// `AsRef`/`AsMut`, `From`.
///
/// `size_hint`: `(len, None)` while a sender is alive and the channel is
/// open; after [`close`](ChannelStream::close) the upper bound is `len` plus
/// the permits senders still hold (which may still send); exact
/// `(len, Some(len))` once every sender is gone.
///
/// ```
/// use rill_channel::tokio::ReceiverStream;
/// use rill_core::Stream;
///
/// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(4);
/// let mut stream = ReceiverStream::new(rx);
/// tx.try_send(1).unwrap();
/// tx.try_send(2).unwrap();
/// assert_eq!(stream.size_hint(), (2, None));
/// drop(tx);
/// assert_eq!(stream.size_hint(), (2, Some(2)));
/// rill_test::assert_stream_next!(stream, 1);
/// rill_test::assert_stream_next!(stream, 2);
/// rill_test::assert_stream_done!(stream);
/// ```
pub type ReceiverStream<T> = ChannelStream<mpsc::Receiver<T>>;

/// A tokio `mpsc::UnboundedReceiver<T>` as a stream of `T`: an alias of
/// [`ChannelStream`], see there for its methods.
///
/// `size_hint`: `(len, None)` while a sender is alive (even after
/// [`close`](ChannelStream::close), since a send racing with the close may
/// still land), exact `(len, Some(len))` once every sender is gone.
///
/// ```
/// use rill_channel::tokio::UnboundedReceiverStream;
/// use rill_core::Stream;
///
/// let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<u8>();
/// let stream = UnboundedReceiverStream::new(rx);
/// tx.send(1).unwrap();
/// drop(tx);
/// assert_eq!(stream.size_hint(), (1, Some(1)));
/// assert_eq!(rill_test::block_on_stream(stream).collect::<Vec<_>>(), [1]);
/// ```
pub type UnboundedReceiverStream<T> = ChannelStream<mpsc::UnboundedReceiver<T>>;

impl<T> Receive for mpsc::Receiver<T> {
    type Message = T;

    #[inline]
    fn poll_receive(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.get_mut().poll_recv(cx)
    }

    fn close_channel(&mut self) {
        self.close();
    }

    fn remaining(&self) -> (usize, Option<usize>) {
        // The sender count first: once it reads 0, every send happened
        // before, so the length read after it counts them all. (Read the
        // other way round, a send and the last sender's drop could land
        // between the two reads and make the hint one short.)
        let no_sender = self.sender_strong_count() == 0;
        let Some(len) = buffered(self.len()) else {
            return (0, None);
        };
        if no_sender {
            // No sender, no permit (permits hold a sender): nothing more.
            (len, Some(len))
        } else if self.is_closed() {
            // Permits reserved before the close may still be used; every
            // buffered message and every permit holds one unit of capacity.
            let held = self.max_capacity().saturating_sub(self.capacity());
            (len, Some(held.max(len)))
        } else {
            (len, None)
        }
    }
}

impl<T> Receive for mpsc::UnboundedReceiver<T> {
    type Message = T;

    #[inline]
    fn poll_receive(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.get_mut().poll_recv(cx)
    }

    fn close_channel(&mut self) {
        self.close();
    }

    fn remaining(&self) -> (usize, Option<usize>) {
        // The sender count first, as for the bounded receiver.
        let no_sender = self.sender_strong_count() == 0;
        let Some(len) = buffered(self.len()) else {
            return (0, None);
        };
        if no_sender {
            (len, Some(len))
        } else {
            // Even after `close`, a send racing with it may still land.
            (len, None)
        }
    }
}

/// `len()` of tokio's mpsc receivers could underflow before tokio 1.52.3
/// (and 1.47.5), which the workspace still allows: a wrapped-around count
/// would make a huge lower bound (and `collect` reserve for it). Treat it as
/// unknown: `None`.
fn buffered(len: usize) -> Option<usize> {
    (len <= usize::MAX / 2).then_some(len)
}

impl<T> crate::forward::sealed::Send<T> for mpsc::Sender<T> {
    async fn send_message(&self, message: T) -> Result<(), T> {
        self.send(message).await.map_err(|err| err.0)
    }
}

impl<T> crate::forward::sealed::Send<T> for mpsc::UnboundedSender<T> {
    async fn send_message(&self, message: T) -> Result<(), T> {
        self.send(message).map_err(|err| err.0)
    }
}
