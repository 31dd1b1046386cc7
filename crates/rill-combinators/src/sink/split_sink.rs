use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;

use super::split_lock::SplitLock;
use super::{ReuniteError, SplitStream};

/// The sink half of [`StreamExt::split`](crate::StreamExt::split): sends
/// into the split value.
///
/// It holds one item of its own: `start_send` parks the item in the half
/// without locking the value, and the next `poll_ready`, `poll_flush` or
/// `poll_close` locks the value, waits for its `poll_ready` and hands the
/// item over (as futures-util's `SplitSink`). So `poll_ready` is ready at
/// once while the slot is empty, and an item is only in the value after a
/// later call. Every lock lasts one call; while the stream half is inside
/// `poll_next` the call returns `Pending` and the task is woken when it is
/// done. `Unpin` whatever the value is, `Send` and `Sync` when the value and
/// the item are `Send`.
///
/// Dropping it drops an item still parked in the slot (never sent); close
/// or flush it first to hand the item over.
///
/// ```
/// use rill_combinators::{SinkExt, StreamExt, stream};
///
/// let (mut tx, rx) = rill_test::Loopback::new().split();
/// rill_test::block_on(async {
///     tx.send_all(&mut stream::iter([Ok(1), Ok(2)])).await.unwrap();
///     tx.close().await.unwrap();
///     assert_eq!(rx.collect::<Vec<_>>().await, [1, 2]);
/// });
/// ```
#[must_use = "sinks do nothing unless polled"]
pub struct SplitSink<S, Item> {
    pub(super) lock: SplitLock<S>,
    slot: Option<Item>,
}

// The item in the slot is never pinned, and the value is pinned in the
// shared allocation, not in the half.
impl<S, Item> Unpin for SplitSink<S, Item> {}

impl<S, Item> SplitSink<S, Item> {
    pub(super) fn new(lock: SplitLock<S>) -> Self {
        SplitSink { lock, slot: None }
    }

    /// Whether `self` and `stream` are the two halves of one `split` call.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    ///
    /// let (sink, stream) = rill_test::Loopback::<u8>::new().split();
    /// assert!(sink.is_pair_of(&stream));
    /// ```
    pub fn is_pair_of(&self, stream: &SplitStream<S>) -> bool {
        self.lock.is_pair_of(&stream.lock)
    }
}

impl<S: Sink<Item> + Unpin, Item> SplitSink<S, Item> {
    /// Puts the two halves back together and returns the value they were
    /// split from. An item still parked in the sink half is dropped (it was
    /// never sent): flush the sink half first to keep it.
    ///
    /// # Errors
    ///
    /// [`ReuniteError`], holding both halves unchanged, when they are not
    /// the two halves of one `split` call.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    ///
    /// let (sink_a, stream_a) = rill_test::Loopback::<u8>::new().split();
    /// let (sink_b, stream_b) = rill_test::Loopback::<u8>::new().split();
    /// let err = sink_a.reunite(stream_b).unwrap_err();
    /// let (sink_a, stream_b) = (err.0, err.1);
    /// assert!(sink_a.reunite(stream_a).is_ok());
    /// assert!(sink_b.reunite(stream_b).is_ok());
    /// ```
    pub fn reunite(self, stream: SplitStream<S>) -> Result<S, ReuniteError<S, Item>> {
        let slot = self.slot;
        self.lock.reunite(stream.lock).map_err(|(lock, other)| {
            ReuniteError(SplitSink { lock, slot }, SplitStream { lock: other })
        })
    }
}

impl<S: Sink<Item>, Item> SplitSink<S, Item> {
    /// Hands the parked item (if any) to the value: waits for its
    /// `poll_ready`, then `start_send`s it.
    fn poll_hand_over(
        value: Pin<&mut S>,
        slot: &mut Option<Item>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), S::Error>> {
        let mut value = value;
        if slot.is_some() {
            ready!(value.as_mut().poll_ready(cx))?;
            let item = slot.take().expect("checked above");
            value.start_send(item)?;
        }
        Poll::Ready(Ok(()))
    }
}

impl<S: Sink<Item>, Item> Sink<Item> for SplitSink<S, Item> {
    type Error = S::Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        let this = self.get_mut();
        if this.slot.is_none() {
            return Poll::Ready(Ok(()));
        }
        let mut guard = ready!(this.lock.poll_lock(cx));
        guard.with_pin_mut(|value| Self::poll_hand_over(value, &mut this.slot, cx))
    }

    fn start_send(self: Pin<&mut Self>, item: Item) -> Result<(), S::Error> {
        let this = self.get_mut();
        assert!(
            this.slot.is_none(),
            "`SplitSink`: start_send without a poll_ready that returned Ready(Ok(()))"
        );
        this.slot = Some(item);
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        let this = self.get_mut();
        let mut guard = ready!(this.lock.poll_lock(cx));
        guard.with_pin_mut(|mut value| {
            ready!(Self::poll_hand_over(value.as_mut(), &mut this.slot, cx))?;
            value.poll_flush(cx)
        })
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        let this = self.get_mut();
        let mut guard = ready!(this.lock.poll_lock(cx));
        guard.with_pin_mut(|mut value| {
            ready!(Self::poll_hand_over(value.as_mut(), &mut this.slot, cx))?;
            value.poll_close(cx)
        })
    }
}

impl<S, Item: fmt::Debug> fmt::Debug for SplitSink<S, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SplitSink")
            .field("lock", &self.lock)
            .field("slot", &self.slot)
            .finish()
    }
}
