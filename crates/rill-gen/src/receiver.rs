//! The consumer side shared by [`StreamFn`](crate::StreamFn) and
//! [`TryStreamFn`](crate::TryStreamFn).

use core::fmt;
use core::future::Future;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::kind::Kind;
use crate::shared::{ConsumerRef, Slot};

/// The stream's handle on the slot; closes it when dropped (after the
/// body), so that items still waiting are dropped and an escaped yielder
/// panics instead of yielding into the void.
pub(crate) struct Receiver<T> {
    slot: ConsumerRef<T>,
}

impl<T> Receiver<T> {
    #[inline]
    pub(crate) fn new(slot: ConsumerRef<T>) -> Self {
        Receiver { slot }
    }

    /// Polls `body` once and returns the item the stream yields from this
    /// poll (if any) together with the body's own result.
    #[inline]
    pub(crate) fn poll_body<K: Kind, F: Future>(
        &self,
        body: Pin<&mut F>,
        cx: &mut Context<'_>,
    ) -> (Option<T>, Poll<F::Output>) {
        let slot: &Slot<T> = &self.slot;
        if K::CHECKED {
            slot.begin_checked();
            // A panic in the body must not leave the slot "polling": an
            // escaped yielder would then be accepted.
            let guard = AbandonOnUnwind(slot);
            let poll = body.poll(cx);
            mem::forget(guard);
            (slot.end_poll::<true>(poll.is_ready()), poll)
        } else {
            // A scoped yielder cannot be used outside a poll of the body,
            // so there is nothing to mark (and nothing to undo on a panic:
            // an item handed over stays in the slot).
            let poll = body.poll(cx);
            (slot.end_poll::<false>(poll.is_ready()), poll)
        }
    }

    /// After the body finished: the next item still waiting, if any.
    #[inline]
    pub(crate) fn leftover(&self) -> Option<T> {
        self.slot.leftover()
    }

    /// After the body finished: how many items are still waiting.
    #[inline]
    pub(crate) fn leftover_len(&self) -> usize {
        self.slot.leftover_len()
    }
}

/// Clears the slot's "polling" mark if the body's poll unwinds.
struct AbandonOnUnwind<'a, T>(&'a Slot<T>);

impl<T> Drop for AbandonOnUnwind<'_, T> {
    fn drop(&mut self) {
        self.0.abandon_poll();
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (*self.slot).fmt(f)
    }
}
