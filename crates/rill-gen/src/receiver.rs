//! The consumer side shared by [`StreamFn`](crate::StreamFn) and
//! [`TryStreamFn`](crate::TryStreamFn).

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::Yielder;
use crate::shared::Slot;
use crate::sync::Arc;

/// The stream's handle on the slot; closes it when dropped, so that a
/// yielder that escaped the body panics instead of yielding into the void.
pub(crate) struct Receiver<T> {
    slot: Arc<Slot<T>>,
}

impl<T> Receiver<T> {
    /// The one allocation of a stream: the slot, shared with its yielder.
    pub(crate) fn pair() -> (Receiver<T>, Yielder<T>) {
        let slot = Arc::new(Slot::new());
        (
            Receiver {
                slot: Arc::clone(&slot),
            },
            Yielder::new(slot),
        )
    }

    /// Polls `body` once and returns what it yielded during that poll
    /// together with the body's own result.
    ///
    /// When the body is `Ready`, the caller must call [`finish`] next.
    #[inline]
    pub(crate) fn poll_body<F: Future>(
        &self,
        body: Pin<&mut F>,
        cx: &mut Context<'_>,
    ) -> (Option<T>, Poll<F::Output>) {
        self.slot.begin_poll();
        let poll = body.poll(cx);
        (self.slot.end_poll(), poll)
    }
}

/// The body finished: closes the slot (a later yield panics) and drops the
/// body in place.
///
/// Out of line and cold on purpose: it keeps the body's drop glue out of
/// `poll_next`, which then stays small enough for the compiler to inline
/// into the consumer's loop.
#[cold]
#[inline(never)]
pub(crate) fn finish<T, F>(receiver: &Receiver<T>, mut body: Pin<&mut Option<F>>) {
    receiver.slot.close();
    body.set(None);
}

impl<T> Drop for Receiver<T> {
    fn drop(&mut self) {
        self.slot.close();
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.slot.fmt(f)
    }
}
