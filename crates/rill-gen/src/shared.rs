//! The one-item hand-off between a generator's body and its stream.
//!
//! This is the only module with `unsafe` code. A [`Slot`] is allocated once
//! per stream (in an `Arc`) and shared by exactly two parties:
//!
//! - the *consumer*: the stream ([`StreamFn`](crate::StreamFn) or
//!   [`TryStreamFn`](crate::TryStreamFn)), which polls the body and takes the
//!   item out afterwards;
//! - the *producer*: the [`Yielder`](crate::Yielder), which is not `Clone`
//!   and whose [`Yield`](crate::Yield) future borrows it mutably, so at most
//!   one producer operation runs at a time.
//!
//! # Protocol
//!
//! `state` is one of four values:
//!
//! | state     | meaning                                                   | who owns `item` |
//! |-----------|-----------------------------------------------------------|-----------------|
//! | `IDLE`    | the stream is not polling its body                        | consumer        |
//! | `POLLING` | the stream is polling its body; the slot is empty         | producer        |
//! | `FULL`    | the stream is polling its body; the slot holds one item   | consumer        |
//! | `CLOSED`  | the stream was dropped or its body finished               | nobody (until `Drop`) |
//!
//! The consumer stores `POLLING` (Release) before it polls the body; after
//! the poll it loads the state (Acquire) and, only if it reads `FULL`, takes
//! the item; then it stores `IDLE` (Release). The producer loads the state
//! (Acquire) and writes the item only if it reads `POLLING`; then it stores
//! `FULL` (Release). Only loads and stores are used, no read-modify-write:
//! on x86 a yield costs a few plain moves.
//!
//! # Why the slot is never accessed by both at once
//!
//! - The consumer touches `item` only after an Acquire load that read
//!   `FULL`. Only the producer stores `FULL`, and it does so with Release
//!   *after* writing, so that write happens-before the consumer's take.
//! - The producer touches `item` only after an Acquire load that read
//!   `POLLING`. The producer's own last `FULL` store precedes that load, so
//!   by coherence the `POLLING` it read was stored by the consumer *after* it
//!   (in the modification order of `state`), hence after the consumer's last
//!   take of that item (program order, Release): the take happens-before the
//!   write. Every earlier take was also followed by a `POLLING`/`IDLE`
//!   Release store, so the same argument covers all of them.
//! - `Drop` of the slot runs when the last `Arc` goes away, with exclusive
//!   access.
//!
//! In correct use both parties run on the same thread inside one
//! `poll_next`, and all of this is trivially ordered. The atomics make
//! misuse harmless: a yielder moved into another task is either rejected
//! with a panic (it sees `IDLE` or `CLOSED`) or, if it races with a poll of
//! its own stream on another thread, its item is delivered or dropped, never
//! read and written at once. (The consumer stores `IDLE`/`POLLING`
//! unconditionally, so in that race an item can be overwritten by a later
//! one; it is then dropped, as a value, by the write that replaced it.)

use core::fmt;

use crate::sync::{AtomicU8, Ordering, UnsafeCell};

const IDLE: u8 = 0;
const POLLING: u8 = 1;
const FULL: u8 = 2;
const CLOSED: u8 = 3;

/// The shared one-item slot (see the [module documentation](self)).
pub(crate) struct Slot<T> {
    state: AtomicU8,
    item: UnsafeCell<Option<T>>,
}

// SAFETY: `Slot<T>` is the cell of a single-producer single-consumer
// hand-off: `item` is only accessed by one party at a time, as ordered by
// the Acquire/Release protocol on `state` described in the module docs (the
// same reasoning that makes `Mutex<T>: Sync` for `T: Send`). Values of `T`
// move between threads through it, so `T: Send` is required; no `&T` is
// ever handed out, so `T: Sync` is not.
unsafe impl<T: Send> Sync for Slot<T> {}

impl<T> Slot<T> {
    pub(crate) fn new() -> Self {
        Slot {
            state: AtomicU8::new(IDLE),
            item: UnsafeCell::new(None),
        }
    }

    /// Consumer: the body is about to be polled.
    #[inline]
    pub(crate) fn begin_poll(&self) {
        self.state.store(POLLING, Ordering::Release);
    }

    /// Consumer: the body was polled; returns the item it yielded, if any.
    #[inline]
    pub(crate) fn end_poll(&self) -> Option<T> {
        let item = if self.state.load(Ordering::Acquire) == FULL {
            // SAFETY: we read `FULL` with Acquire. Only the producer stores
            // `FULL`, with Release after its write, and it writes again only
            // after reading a `POLLING` that we store after this take (see
            // the module docs): nobody else accesses `item` now.
            self.item.with_mut(|item| unsafe { (*item).take() })
        } else {
            None
        };
        self.state.store(IDLE, Ordering::Release);
        item
    }

    /// Consumer: the body finished or the stream is dropped; every later
    /// use of the yielder panics.
    #[inline]
    pub(crate) fn close(&self) {
        self.state.store(CLOSED, Ordering::Release);
    }

    /// Producer: hands `item` over. Returns it back if the slot still holds
    /// an earlier item (a `Yield` future dropped after its first poll, e.g.
    /// by `select!`): the caller retries at the next poll.
    ///
    /// Panics if the stream is not polling its body (the yielder escaped).
    #[inline]
    pub(crate) fn offer(&self, item: T) -> Result<(), T> {
        match self.try_offer(item) {
            Ok(()) => Ok(()),
            Err((item, FULL)) => Err(item),
            Err((_, state)) => misuse(state),
        }
    }

    /// [`offer`](Self::offer) without the panic: on failure, returns the
    /// item and the state that refused it.
    #[inline]
    pub(crate) fn try_offer(&self, item: T) -> Result<(), (T, u8)> {
        match self.state.load(Ordering::Acquire) {
            POLLING => {
                self.item.with_mut(|slot| {
                    // SAFETY: we read `POLLING` with Acquire, stored by the
                    // consumer after its last access to `item` (module
                    // docs); the consumer does not access `item` again
                    // before it reads the `FULL` we store below. We are the
                    // only producer: the `Yielder` is not `Clone` and
                    // `Yield` borrows it mutably.
                    unsafe { *slot = Some(item) }
                });
                self.state.store(FULL, Ordering::Release);
                Ok(())
            }
            state => Err((item, state)),
        }
    }

    /// Whether the stream was dropped or finished (for `Debug`).
    pub(crate) fn is_closed(&self) -> bool {
        self.state.load(Ordering::Acquire) == CLOSED
    }
}

#[cold]
#[inline(never)]
fn misuse(state: u8) -> ! {
    if state == CLOSED {
        panic!(
            "`Yielder` used after its stream was dropped or finished: \
             a yielder must stay inside the body of the stream that created it"
        )
    }
    panic!(
        "`Yielder` used outside its stream: the yield was polled while its \
         stream was not polling its body (was the yielder moved into another \
         task or stream?)"
    )
}

impl<T> fmt::Debug for Slot<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state.load(Ordering::Relaxed) {
            IDLE => "idle",
            POLLING => "polling",
            FULL => "full",
            _ => "closed",
        };
        f.debug_struct("Slot").field("state", &state).finish()
    }
}
