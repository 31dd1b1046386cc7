use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;
use rill_core::Stream;

use super::split_lock::SplitLock;
use super::{ReuniteError, SplitSink};

/// The stream half of [`StreamExt::split`](crate::StreamExt::split): yields
/// the items of the split value.
///
/// Each poll locks the value it shares with the [`SplitSink`] half for the
/// duration of one `poll_next`; while the sink half is inside one of its own
/// calls (possibly on another thread) the poll returns `Pending` and the
/// task is woken when the sink half is done. The halves may live in
/// different tasks. It is `Unpin` whatever the value is (the value stays
/// pinned in the shared allocation), `Send` and `Sync` when the value is
/// `Send`.
///
/// Dropping one half leaves the value to the other; the value is dropped
/// with the last half.
///
/// ```
/// use rill_combinators::{SinkExt, StreamExt};
///
/// // A stream and a sink in one (what is sent comes back), split in two.
/// let (mut tx, mut rx) = rill_test::Loopback::new().split();
/// rill_test::block_on(async {
///     tx.send(1).await.unwrap();
///     assert_eq!(rx.next().await, Some(1));
/// });
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct SplitStream<S> {
    pub(super) lock: SplitLock<S>,
}

// The value is pinned in the shared allocation, not in the half.
impl<S> Unpin for SplitStream<S> {}

impl<S> SplitStream<S> {
    /// Whether `self` and `sink` are the two halves of one `split` call.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    ///
    /// let (sink, stream) = rill_test::Loopback::<u8>::new().split();
    /// let (other_sink, _) = rill_test::Loopback::<u8>::new().split();
    /// assert!(stream.is_pair_of(&sink));
    /// assert!(!stream.is_pair_of(&other_sink));
    /// ```
    pub fn is_pair_of<Item>(&self, sink: &SplitSink<S, Item>) -> bool {
        self.lock.is_pair_of(&sink.lock)
    }
}

impl<S: Unpin> SplitStream<S> {
    /// Puts the two halves back together, as [`SplitSink::reunite`].
    ///
    /// ```
    /// use rill_combinators::{SinkExt, StreamExt};
    ///
    /// let (mut sink, stream) = rill_test::Loopback::<u8>::new().split();
    /// rill_test::block_on(sink.send(7)).unwrap();
    /// // The value comes back whole, with what went through the halves.
    /// let mut whole: rill_test::Loopback<u8> = stream.reunite(sink).unwrap();
    /// assert_eq!(rill_test::block_on(whole.next()), Some(7));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ReuniteError`], holding both halves, when they are not the two
    /// halves of one `split` call.
    pub fn reunite<Item>(self, sink: SplitSink<S, Item>) -> Result<S, ReuniteError<S, Item>>
    where
        S: Sink<Item>,
    {
        sink.reunite(self)
    }
}

impl<S: Stream> Stream for SplitStream<S> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let mut guard = ready!(self.get_mut().lock.poll_lock(cx));
        guard.with_pin_mut(|value| value.poll_next(cx))
    }
}

impl<S> fmt::Debug for SplitStream<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SplitStream")
            .field("lock", &self.lock)
            .finish()
    }
}
