//! Runtime channels as rill streams, and streams fed back into channels.
//!
//! The most common way data enters a stream pipeline is a channel:
//! producers send, one consumer processes the flow with combinators. This
//! crate turns the receivers of tokio, async-std and async-channel into
//! [`Stream`]s, and sends a stream's items into a channel with
//! backpressure.
//!
//! | feature         | module              | receivers                                       |
//! |-----------------|---------------------|-------------------------------------------------|
//! | `tokio`         | `tokio`             | mpsc (bounded, unbounded), broadcast, watch     |
//! | `async-std`     | `async_std`         | `async_std::channel` (async-channel **1.x**)    |
//! | `async-channel` | `async_channel`     | `async_channel` **2.x** (smol, most current code) |
//!
//! No feature is on by default; without one the crate has only the generic
//! items below.
//!
//! - [`ChannelStream<R>`] is the one receiver-to-stream wrapper; each module
//!   names it `ReceiverStream<T>`. It yields messages in channel order and
//!   ends exactly when the channel is closed (every sender gone, or
//!   [`ChannelStream::close`]) and drained.
//! - [`IntoStream`] adds `rx.into_stream()` to every supported receiver.
//! - [`send_all`] and [`ForwardExt::forward_to`] send a stream into a
//!   channel, waiting for room, and give the item back in a
//!   [`ForwardError`] when the receiving side is gone.
//!
//! # Allocation in `BroadcastStream` and `WatchStream`
//!
//! tokio's broadcast and watch receivers can only wait through `async fn`s
//! that borrow the receiver. The streams move the receiver into a boxed
//! future that returns it with the message, and reuse that one box for
//! every message by overwriting the finished future in place with
//! `Pin::set` (no `unsafe`, no per-message allocation, no extra
//! dependency): one allocation per stream.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "tokio")] {
//! use rill_channel::{ForwardExt, IntoStream};
//!
//! let (tx, rx) = tokio::sync::mpsc::channel::<u32>(8);
//! let (out_tx, mut out_rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
//! let producer = std::thread::spawn(move || {
//!     for i in 0..3 {
//!         tx.blocking_send(i).unwrap();
//!     }
//! });
//! // Everything received on `rx` is forwarded into `out_tx`.
//! let sent = rill_test::block_on(rx.into_stream().forward_to(&out_tx)).unwrap();
//! producer.join().unwrap();
//! assert_eq!(sent, 3);
//! assert_eq!(out_rx.try_recv(), Ok(0));
//! # }
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod channel_stream;
mod forward;
#[cfg(feature = "tokio")]
mod recv_slot;

#[cfg(feature = "async-channel")]
pub mod async_channel;
#[cfg(feature = "async-std")]
pub mod async_std;
#[cfg(feature = "tokio")]
pub mod tokio;

pub use channel_stream::{ChannelReceiver, ChannelStream};
pub use forward::{ChannelSender, ForwardError, ForwardExt, send_all};

use rill_core::Stream;

/// `rx.into_stream()` for every supported receiver.
///
/// - channel receivers ([`ChannelReceiver`]: tokio mpsc, `async_std::channel`,
///   `async_channel`) become a [`ChannelStream`] (their `ReceiverStream`);
/// - tokio's `broadcast::Receiver<T>` becomes a `tokio::BroadcastStream`;
/// - tokio's `watch::Receiver<T>` becomes a `tokio::WatchStream` that
///   yields the current value first.
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// use rill_channel::IntoStream;
///
/// let (tx, rx) = tokio::sync::watch::channel(5);
/// let mut stream = rx.into_stream();
/// rill_test::assert_stream_next!(stream, 5);
/// drop(tx);
/// rill_test::assert_stream_done!(stream);
/// # }
/// ```
pub trait IntoStream {
    /// The stream this receiver becomes.
    type Stream: Stream;

    /// Turns the receiver into a stream.
    ///
    /// ```
    /// # #[cfg(feature = "async-std")] {
    /// use rill_channel::IntoStream;
    ///
    /// let (tx, rx) = async_std::channel::unbounded::<&str>();
    /// tx.try_send("x").unwrap();
    /// drop(tx);
    /// assert_eq!(rill_test::block_on_stream(rx.into_stream()).collect::<Vec<_>>(), ["x"]);
    /// # }
    /// ```
    fn into_stream(self) -> Self::Stream;
}

impl<R: ChannelReceiver> IntoStream for R {
    type Stream = ChannelStream<R>;

    fn into_stream(self) -> ChannelStream<R> {
        ChannelStream::new(self)
    }
}

#[cfg(feature = "tokio")]
impl<T: Clone + Send + 'static> IntoStream for ::tokio::sync::broadcast::Receiver<T> {
    type Stream = tokio::BroadcastStream<T>;

    fn into_stream(self) -> tokio::BroadcastStream<T> {
        tokio::BroadcastStream::new(self)
    }
}

#[cfg(feature = "tokio")]
impl<T: Clone + Send + Sync + 'static> IntoStream for ::tokio::sync::watch::Receiver<T> {
    type Stream = tokio::WatchStream<T>;

    fn into_stream(self) -> tokio::WatchStream<T> {
        tokio::WatchStream::new(self)
    }
}
