//! Streams into channels: [`send_all`] and [`ForwardExt::forward_to`].

use core::fmt;
use core::future::{Future, poll_fn};
use core::pin::pin;

use rill_core::Stream;

pub(crate) mod sealed {
    use core::future::Future;

    /// Sends one message, waiting for room when the channel is bounded.
    /// Private: only this crate implements it.
    pub trait Send<T> {
        /// Resolves to `Err(message)` when the channel is closed.
        fn send_message(&self, message: T) -> impl Future<Output = Result<(), T>> + '_;
    }
}

/// A channel sender that [`send_all`] can feed.
///
/// Sealed: implemented by this crate for tokio's `mpsc::Sender` and
/// `mpsc::UnboundedSender`, `async_std::channel::Sender` and
/// `async_channel::Sender`, each for the enabled runtimes only.
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// fn check<K: rill_channel::ChannelSender<u8>>(_: &K) {}
/// let (tx, _rx) = tokio::sync::mpsc::channel::<u8>(1);
/// check(&tx);
/// assert!(!tx.is_closed());
/// # }
/// ```
pub trait ChannelSender<T>: sealed::Send<T> {}

impl<T, K: sealed::Send<T>> ChannelSender<T> for K {}

/// The error of [`send_all`] and [`ForwardExt::forward_to`]: the receiving
/// side of the channel is gone (dropped or closed), so `item` could not be
/// sent. The item is handed back, nothing is silently lost.
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// use rill_channel::{ForwardError, send_all};
///
/// let (src_tx, src_rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
/// src_tx.send(5).unwrap();
/// let (tx, rx) = tokio::sync::mpsc::channel::<u32>(8);
/// drop(rx);
/// let err: ForwardError<u32> =
///     rill_test::block_on(send_all(rill_channel::ChannelStream::new(src_rx), &tx)).unwrap_err();
/// assert_eq!((err.sent(), err.into_item()), (0, 5));
/// # }
/// ```
pub struct ForwardError<T> {
    item: T,
    sent: usize,
}

impl<T> ForwardError<T> {
    /// The item that could not be sent.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<&str>();
    /// drop(rx);
    /// let stream = rill_channel::ChannelStream::new(source(["a", "b"]));
    /// # fn source(items: [&'static str; 2]) -> tokio::sync::mpsc::UnboundedReceiver<&'static str> {
    /// #     let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    /// #     for i in items { tx.send(i).unwrap(); }
    /// #     rx
    /// # }
    /// let err = rill_test::block_on(rill_channel::send_all(stream, &tx)).unwrap_err();
    /// assert_eq!(*err.item(), "a");
    /// # }
    /// ```
    pub fn item(&self) -> &T {
        &self.item
    }

    /// Returns the item that could not be sent.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// # fn source(items: [u8; 2]) -> tokio::sync::mpsc::UnboundedReceiver<u8> {
    /// #     let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    /// #     for i in items { tx.send(i).unwrap(); }
    /// #     rx
    /// # }
    /// let (tx, rx) = tokio::sync::mpsc::channel::<u8>(1);
    /// drop(rx);
    /// let stream = rill_channel::ChannelStream::new(source([3, 4]));
    /// let err = rill_test::block_on(rill_channel::send_all(stream, &tx)).unwrap_err();
    /// assert_eq!(err.into_item(), 3);
    /// # }
    /// ```
    pub fn into_item(self) -> T {
        self.item
    }

    /// How many items were sent before the channel was found closed.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// # fn source(items: [u8; 3]) -> tokio::sync::mpsc::UnboundedReceiver<u8> {
    /// #     let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    /// #     for i in items { tx.send(i).unwrap(); }
    /// #     rx
    /// # }
    /// // Room for one item, then the receiver closes the channel.
    /// let (tx, mut rx) = tokio::sync::mpsc::channel::<u8>(1);
    /// let stream = rill_channel::ChannelStream::new(source([1, 2, 3]));
    /// let forward = rill_channel::send_all(stream, &tx);
    /// let err = rill_test::block_on(async {
    ///     let closer = async {
    ///         assert_eq!(rx.recv().await, Some(1));
    ///         rx.close();
    ///     };
    ///     let (_, result) = tokio::join!(closer, forward);
    ///     result.unwrap_err()
    /// });
    /// assert!(err.sent() >= 1);
    /// # }
    /// ```
    pub fn sent(&self) -> usize {
        self.sent
    }
}

impl<T> fmt::Debug for ForwardError<T> {
    /// Leaves the item out, so that any `T` can be debugged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForwardError")
            .field("sent", &self.sent)
            .finish_non_exhaustive()
    }
}

impl<T> fmt::Display for ForwardError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the channel's receiving side is closed; an item could not be sent \
             (after {} sent items)",
            self.sent
        )
    }
}

impl<T> std::error::Error for ForwardError<T> {}

/// Sends every item of `stream` into the channel of `sender`, in order,
/// waiting for room whenever a bounded channel is full (backpressure: the
/// stream is not polled while a send waits).
///
/// Resolves to `Ok(n)`, the number of items sent, when the stream ends (an
/// empty stream sends nothing and resolves to `Ok(0)`), or to
/// `Err(ForwardError)` carrying the first item that could not be sent as
/// soon as the receiving side is gone; the rest of the stream is not
/// polled. To keep that rest, pass `&mut stream` (for an `Unpin` stream).
/// The sender is only borrowed: the channel stays open afterwards.
///
/// Dropping the future mid-way drops the item whose send was in flight.
///
/// ```
/// # #[cfg(feature = "tokio")] {
/// use rill_channel::{ChannelStream, send_all};
///
/// // A stream of three items, here from another channel.
/// let (src_tx, src_rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
/// for i in 1..=3 {
///     src_tx.send(i).unwrap();
/// }
/// drop(src_tx);
///
/// let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
/// let sent = rill_test::block_on(send_all(ChannelStream::new(src_rx), &tx));
/// assert_eq!(sent.unwrap(), 3);
/// assert_eq!(rx.try_recv(), Ok(1));
/// # }
/// ```
pub async fn send_all<S, K>(stream: S, sender: &K) -> Result<usize, ForwardError<S::Item>>
where
    S: Stream,
    K: ChannelSender<S::Item> + ?Sized,
{
    let mut stream = pin!(stream);
    let mut sent = 0;
    while let Some(item) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        if let Err(item) = sender.send_message(item).await {
            return Err(ForwardError { item, sent });
        }
        sent += 1;
    }
    Ok(sent)
}

/// `stream.forward_to(&sender)`: [`send_all`] as a method on every
/// [`Stream`].
///
/// ```
/// # #[cfg(feature = "async-channel")] {
/// use rill_channel::{ForwardExt, IntoStream};
///
/// let (src_tx, src_rx) = async_channel::unbounded::<u8>();
/// src_tx.try_send(9).unwrap();
/// src_tx.close();
/// let (tx, rx) = async_channel::bounded::<u8>(1);
/// let sent = rill_test::block_on(Box::pin(src_rx.into_stream()).forward_to(&tx));
/// assert_eq!(sent.unwrap(), 1);
/// assert_eq!(rx.try_recv(), Ok(9));
/// # }
/// ```
pub trait ForwardExt: Stream {
    /// Sends every item into the channel of `sender`; see [`send_all`] for
    /// backpressure, the result and the edges.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_channel::{ForwardExt, IntoStream};
    ///
    /// let (src_tx, src_rx) = tokio::sync::mpsc::unbounded_channel::<u8>();
    /// drop(src_tx);
    /// let (tx, _rx) = tokio::sync::mpsc::channel::<u8>(1);
    /// // An empty stream sends nothing.
    /// assert_eq!(rill_test::block_on(src_rx.into_stream().forward_to(&tx)).unwrap(), 0);
    /// # }
    /// ```
    fn forward_to<'a, K>(
        self,
        sender: &'a K,
    ) -> impl Future<Output = Result<usize, ForwardError<Self::Item>>> + 'a
    where
        Self: Sized + 'a,
        K: ChannelSender<Self::Item> + ?Sized,
    {
        send_all(self, sender)
    }
}

impl<S: Stream + ?Sized> ForwardExt for S {}
