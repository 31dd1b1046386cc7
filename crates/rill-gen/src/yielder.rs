//! The producer side of [`stream_fn`](crate::stream_fn): [`Yielder`] and
//! its [`Yield`] future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::slot::{Slot, SlotRef};

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
/// Because a yielder can leave its body, every yield is checked at run time
/// (a few ordered loads and stores). The `stream!` and `try_stream!` macros
/// use a yielder that cannot leave the body (its lifetime is tied to it),
/// which needs no check: see the crate documentation.
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
    slot: SlotRef<T>,
}

impl<T> Yielder<T> {
    pub(crate) fn new(slot: SlotRef<T>) -> Self {
        Yielder { slot }
    }

    /// Yields `item` from the stream; the returned future completes once the
    /// stream has returned the item and is polled again.
    ///
    /// The item is *handed over* at the future's first poll, and from then
    /// on it comes out of the stream, in order, whatever happens to the
    /// future:
    ///
    /// - dropped before its first poll, the future yields nothing (the item
    ///   is dropped with it);
    /// - dropped after its first poll (for example when it loses a
    ///   `select!`), the item is still yielded.
    ///
    /// If the first poll finds earlier items still waiting (the body polled
    /// another yield in the same poll of the stream, which only happens when
    /// a yield is dropped after its first poll or polled by hand), the item
    /// is queued behind them (one small allocation for such an item), and
    /// the future completes once the stream has returned it: the body does
    /// not run ahead of its stream.
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
            hand: Hand::new(item),
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
/// If earlier items are still waiting when it is first polled (possible
/// only when the body polls several yields in one poll of the stream, as
/// `select!` in a loop can), the item is queued behind them (one small
/// allocation), and the future returns `Pending`, again without a waker,
/// until the stream has returned it: each of those polls of the stream
/// returns one of the waiting items. Either way the items come out in the
/// order of their first polls, each exactly once, even if the future is
/// dropped after its first poll, and the future completes only after the
/// stream has returned its item. Dropped before its first poll, the future
/// yields nothing.
///
/// Only a poll that hands the item over checks that the stream is polling
/// its body (and panics if not); a later poll never panics (if the stream
/// was dropped meanwhile, it just returns `Ready(())`).
///
/// ```
/// use core::future::{Future, poll_fn};
/// use core::pin::Pin;
/// use core::task::Poll;
/// use rill_gen::stream_fn;
///
/// let s = stream_fn(|mut y| async move {
///     let fut = y.yield_item(1u8); // nothing happens yet
///     fut.await; // now 1 is yielded
///     // Polled once, then dropped, twice in a row (as a `select!` that
///     // another branch won would do): 2 is handed over, 3 waits behind
///     // it; both come out.
///     for v in [2, 3] {
///         let mut fut = y.yield_item(v);
///         poll_fn(|cx| {
///             assert!(Pin::new(&mut fut).poll(cx).is_pending());
///             Poll::Ready(())
///         })
///         .await;
///     }
///     drop(y.yield_item(4)); // never polled: 4 is not yielded
/// });
/// assert_eq!(rill_test::block_on_stream(Box::pin(s)).collect::<Vec<_>>(), [1, 2, 3]);
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Yield<'a, T> {
    slot: &'a Slot<T>,
    hand: Hand<T>,
}

// `Yield` never pins `item` (it only moves it into the slot), so it is
// `Unpin` whatever `T` is.
impl<T> Unpin for Yield<'_, T> {}

impl<T> Future for Yield<'_, T> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        this.hand.poll::<true>(this.slot)
    }
}

impl<T> fmt::Debug for Yield<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.hand.debug("Yield", f)
    }
}

/// A yield future's item until it is handed over (`None` after); shared by
/// [`Yield`] and the scoped yield of the macros.
pub(crate) struct Hand<T>(Option<T>);

impl<T> Hand<T> {
    #[inline]
    pub(crate) fn new(item: T) -> Self {
        Hand(Some(item))
    }

    /// One poll of a yield future.
    #[inline]
    pub(crate) fn poll<const CHECKED: bool>(&mut self, slot: &Slot<T>) -> Poll<()> {
        let Some(item) = self.0.take() else {
            // Handed over (or queued) in an earlier poll: done once the
            // stream has returned it. In the common case it took the item
            // at the end of that poll, and this is the one check of the
            // second half of a yield. Otherwise (queued, or polled twice in
            // one poll of the stream) `Pending` without a waker: the stream
            // returns a waiting item from this very `poll_next`.
            if slot.all_taken::<CHECKED>() {
                return Poll::Ready(());
            }
            return Poll::Pending;
        };
        if let Err(item) = slot.offer::<CHECKED>(item) {
            // Earlier items are waiting (the body polled another yield in
            // this poll of the stream, or the stream is yielding queued
            // items): queue behind them.
            slot.enqueue::<CHECKED>(item);
        }
        Poll::Pending
    }

    pub(crate) fn debug(&self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.0.is_some() {
            "not polled"
        } else {
            "handed over"
        };
        f.debug_struct(name).field("item", &state).finish()
    }
}
