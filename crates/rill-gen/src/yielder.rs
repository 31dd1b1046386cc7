//! The producer side: [`Yielder`] and its [`Yield`] future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::shared::Slot;
use crate::sync::Arc;

/// The handle a generator body yields items through.
///
/// [`stream_fn`](crate::stream_fn) and [`try_stream_fn`](crate::try_stream_fn)
/// pass one to their closure. `y.yield_item(v).await` hands `v` to the stream:
/// the stream returns it from the current `poll_next`, and the `.await`
/// completes when the stream is polled again.
///
/// # Rules
///
/// A yielder belongs to the body of the stream that created it. Use it only
/// inside that body (which may itself poll nested futures and streams).
/// Breaking the rule is never undefined behaviour, it panics:
///
/// - yielding while the stream is not polling its body (the yielder was
///   moved into another task, or into another stream that is polled on its
///   own) panics with "`Yielder` used outside its stream";
/// - yielding after the stream was dropped or finished panics with
///   "`Yielder` used after its stream was dropped or finished".
///
/// A yielder is `Send` and `Sync` when `T: Send`, so the stream is `Send`
/// whenever the rest of the body is. `Yielder<T>` is invariant in `T`: a
/// `Yielder<&'static str>` cannot be turned into a yielder of shorter-lived
/// references.
///
/// # Example
///
/// ```
/// use rill_gen::{Yielder, stream_fn};
///
/// async fn countdown(y: &mut Yielder<u8>, from: u8) {
///     for i in (1..=from).rev() {
///         y.yield_item(i).await;
///     }
/// }
///
/// let s = stream_fn(|mut y| async move { countdown(&mut y, 3).await });
/// assert_eq!(rill_test::block_on_stream(Box::pin(s)).collect::<Vec<_>>(), [3, 2, 1]);
/// ```
pub struct Yielder<T> {
    slot: Arc<Slot<T>>,
}

impl<T> Yielder<T> {
    pub(crate) fn new(slot: Arc<Slot<T>>) -> Self {
        Yielder { slot }
    }

    /// Yields `item` from the stream; the returned future completes once the
    /// stream has returned the item and is polled again.
    ///
    /// Dropping the future before its first poll yields nothing; dropping it
    /// after its first poll (for example when it loses a `select!`) does not
    /// take the item back: it is still yielded.
    ///
    /// # Panics
    ///
    /// When the future is polled outside the body of the yielder's stream
    /// (see [the rules](Yielder#rules)).
    ///
    /// ```
    /// use rill_gen::stream_fn;
    ///
    /// let s = stream_fn(|mut y| async move {
    ///     y.yield_item("first").await;
    ///     y.yield_item("second").await;
    /// });
    /// let items: Vec<&str> = rill_test::block_on_stream(Box::pin(s)).collect();
    /// assert_eq!(items, ["first", "second"]);
    /// ```
    pub fn yield_item(&mut self, item: T) -> Yield<'_, T> {
        Yield {
            slot: &self.slot,
            item: Some(item),
        }
    }
}

impl<T> fmt::Debug for Yielder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder")
            .field("stream_closed", &self.slot.is_closed())
            .finish()
    }
}

/// The future returned by [`Yielder::yield_item`].
///
/// Its first poll hands the item to the stream and returns `Pending`
/// (without registering a waker: the stream returns the item from the same
/// `poll_next`, so the consumer polls again). The next poll, in the stream's
/// next `poll_next`, returns `Ready(())`.
///
/// Only the first poll checks that the stream is polling its body (and
/// panics if not); a later poll just returns `Ready(())`, since the item is
/// already on its way.
///
/// ```
/// use rill_gen::stream_fn;
///
/// let s = stream_fn(|mut y| async move {
///     let fut = y.yield_item(1u8); // nothing happens yet
///     fut.await; // now 1 is yielded
/// });
/// assert_eq!(rill_test::block_on_stream(Box::pin(s)).collect::<Vec<_>>(), [1]);
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Yield<'a, T> {
    slot: &'a Slot<T>,
    /// `Some` until the item is handed over.
    item: Option<T>,
}

// `Yield` never pins `item` (it only moves it into the slot), so it is
// `Unpin` whatever `T` is.
impl<T> Unpin for Yield<'_, T> {}

impl<T> Future for Yield<'_, T> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match this.item.take() {
            Some(item) => {
                if let Err(item) = this.slot.offer(item) {
                    // An earlier item is still in the slot; the stream
                    // returns it from this poll and we offer again next time.
                    this.item = Some(item);
                }
                Poll::Pending
            }
            // Handed over in an earlier poll: the stream took the item at
            // the end of that poll (or takes it at the end of this one, if
            // the body polls us twice in one go; the next yield then waits
            // for the slot). Not checking saves a load and a branch per item.
            None => Poll::Ready(()),
        }
    }
}

impl<T> fmt::Debug for Yield<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield")
            .field("handed_over", &self.item.is_none())
            .finish()
    }
}
