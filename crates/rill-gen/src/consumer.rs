//! The consumer side shared by [`StreamFn`](crate::StreamFn) and
//! [`TryStreamFn`](crate::TryStreamFn).
//!
//! A stream polls its body itself (the body's type is the only thing a poll
//! needs that is not generic over the item type and the kind), and leaves
//! everything else to its [`Consumer`]: so all the streams of one item type
//! share this code instead of each getting a copy (compile time), and the
//! stream's own `poll_next` stays small.

use core::fmt;
use core::marker::PhantomData;
use core::mem;
use core::task::Poll;

use crate::kind::Kind;
use crate::slot::{ConsumerRef, Slot};

/// The stream's handle on the slot and its state; closes the slot when
/// dropped (after the body), so that items still waiting are dropped and an
/// escaped yielder panics instead of yielding into the void.
pub(crate) struct Consumer<T, K> {
    slot: ConsumerRef<T>,
    /// The body returned `Ready` (it is not polled again).
    finished: bool,
    /// `Ready(None)` was returned.
    done: bool,
    kind: PhantomData<K>,
}

impl<T, K: Kind> Consumer<T, K> {
    // `always`: no call in the streams' constructors, so no cleanup code
    // for the body if it unwinded (compile time of every `stream!`).
    #[inline(always)]
    pub(crate) fn new(slot: ConsumerRef<T>) -> Self {
        Consumer {
            slot,
            finished: false,
            done: false,
            kind: PhantomData,
        }
    }

    /// Whether the body is to be polled; if not, what the stream returns
    /// instead: the items still waiting after the body finished, then
    /// `None` (which is the end when `end`: see [`after_poll`](Self::after_poll)).
    #[inline]
    pub(crate) fn before_poll(&mut self, end: bool) -> Option<Poll<Option<T>>> {
        if !self.finished {
            return None;
        }
        let item = self.leftover();
        if item.is_none() && end {
            self.done = true;
        }
        Some(Poll::Ready(item))
    }

    /// Checked streams, before polling the body: marks the slot
    /// "polling"; the guard clears the mark if the poll unwinds (an escaped
    /// yielder would otherwise be accepted), and is disarmed after it.
    #[inline]
    pub(crate) fn guard(&self) -> PollGuard<'_, T> {
        self.slot.begin_checked();
        PollGuard(&self.slot)
    }

    /// After a poll of the body (`ready`: it returned `Ready`): what the
    /// stream returns. `Ready(None)` marks the stream done when `end` (a
    /// fallible stream with an error to yield passes `false`: it yields the
    /// error instead, and its next poll ends it).
    #[inline]
    pub(crate) fn after_poll(&mut self, ready: bool, end: bool) -> Poll<Option<T>> {
        if ready {
            self.finished = true;
        }
        let item = if K::CHECKED {
            self.slot.end_poll::<true>(ready)
        } else {
            self.slot.end_poll::<false>(ready)
        };
        if item.is_some() {
            return Poll::Ready(item);
        }
        if ready {
            self.done = end;
            return Poll::Ready(None);
        }
        Poll::Pending
    }

    /// After the body finished: the next item still waiting, if any.
    #[cold]
    fn leftover(&self) -> Option<T> {
        if self.done {
            return None;
        }
        self.slot.pop_backlog()
    }

    /// Whether `Ready(None)` was returned.
    #[inline]
    pub(crate) fn done(&self) -> bool {
        self.done
    }

    /// `size_hint`: while the body runs, at least the number of queued
    /// items still to yield; once it has finished, exactly the number of
    /// items still waiting.
    pub(crate) fn size_hint(&self) -> (usize, Option<usize>) {
        if !self.finished {
            (self.slot.backlog_len(), None)
        } else if self.done {
            (0, Some(0))
        } else {
            let n = self.slot.backlog_len();
            (n, Some(n))
        }
    }
}

/// Clears the slot's "polling" mark if the body's poll unwinds.
pub(crate) struct PollGuard<'a, T>(&'a Slot<T>);

impl<T> PollGuard<'_, T> {
    /// The poll returned: nothing to undo.
    #[inline]
    pub(crate) fn disarm(self) {
        mem::forget(self);
    }
}

impl<T> Drop for PollGuard<'_, T> {
    fn drop(&mut self) {
        self.0.abandon_poll();
    }
}

impl<T, K> fmt::Debug for Consumer<T, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Consumer")
            .field("body_finished", &self.finished)
            .field("done", &self.done)
            .field("slot", &*self.slot)
            .finish()
    }
}
