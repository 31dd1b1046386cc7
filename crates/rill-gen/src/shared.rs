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
//! `item` is a `MaybeUninit<T>`: it holds a value exactly in state `FULL`
//! (in correct use), so the state byte is also the item's "present" flag
//! and a hand-off moves a bare `T`, with no `Option` tag to write, test and
//! clear on each side.
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
//! read and written at once, and never read twice (each read follows a
//! distinct `FULL` store, each made after its own write). (The consumer
//! stores `IDLE`/`POLLING`/`CLOSED` unconditionally, so in that race an
//! item written just after the consumer's check can be overwritten by a
//! later one or outlive the slot's `FULL` state: it is then leaked, never
//! dropped twice. Only a yielder used from another thread while its stream
//! is being polled can get there.)

use core::fmt;
use core::mem::MaybeUninit;

use crate::sync::{AtomicU8, Ordering, UnsafeCell};

const IDLE: u8 = 0;
const POLLING: u8 = 1;
const FULL: u8 = 2;
const CLOSED: u8 = 3;

/// The shared one-item slot (see the [module documentation](self)).
///
/// `item` holds a value exactly when the producer has stored `FULL` and the
/// consumer has not yet taken it: the state byte doubles as the item's
/// "present" flag, so a hand-off moves the bare `T` (no `Option` tag to
/// write, read and clear).
pub(crate) struct Slot<T> {
    state: AtomicU8,
    item: UnsafeCell<MaybeUninit<T>>,
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
            item: UnsafeCell::new(MaybeUninit::uninit()),
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
        if self.state.load(Ordering::Acquire) == FULL {
            // SAFETY: we read `FULL` with Acquire. Only the producer stores
            // `FULL`, with Release right after writing `item`, so `item`
            // holds a value and that write happens-before this read. The
            // producer writes again only after reading a `POLLING` that we
            // store after this read (module docs), and we read each value
            // once: the `FULL` we read is followed, in the state's
            // modification order, by our `IDLE` below, so our next `FULL`
            // is a later store, made after a later write.
            let item = self
                .item
                .with_mut(|item| unsafe { (*item).assume_init_read() });
            self.state.store(IDLE, Ordering::Release);
            Some(item)
        } else {
            self.state.store(IDLE, Ordering::Release);
            None
        }
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
            Err((item, state)) => refused(item, state),
        }
    }

    /// Producer: hands `item` over if the stream is polling its body and
    /// the slot is empty; otherwise returns the item and the state that
    /// refused it.
    #[inline]
    pub(crate) fn try_offer(&self, item: T) -> Result<(), (T, u8)> {
        let state = self.state.load(Ordering::Acquire);
        if state != POLLING {
            return Err((item, state));
        }
        self.item.with_mut(|slot| {
            // SAFETY: we read `POLLING` with Acquire, stored by the consumer
            // after its last access to `item` (module docs); the consumer
            // does not access `item` again before it reads the `FULL` we
            // store below. We are the only producer: the `Yielder` is not
            // `Clone` and `Yield` borrows it mutably. `item` holds no value
            // (in correct use: the consumer read the last one; see the
            // module docs for the misuse race, where one may be leaked).
            unsafe { (*slot).write(item) };
        });
        self.state.store(FULL, Ordering::Release);
        Ok(())
    }

    /// Whether the stream was dropped or finished (for `Debug`).
    pub(crate) fn is_closed(&self) -> bool {
        self.state.load(Ordering::Acquire) == CLOSED
    }
}

/// The slot refused an item: `FULL` gives it back (the caller retries),
/// anything else is a misuse. Out of line, to keep every yield's inlined
/// code small.
#[cold]
#[inline(never)]
fn refused<T>(item: T, state: u8) -> Result<(), T> {
    if state == FULL {
        return Err(item);
    }
    drop(item);
    misuse(state)
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

impl<T> Drop for Slot<T> {
    fn drop(&mut self) {
        // The last handle is going away: nobody else can access the slot.
        if self.state.load(Ordering::Acquire) == FULL {
            self.item.with_mut(|item| {
                // SAFETY: `FULL` means `item` holds a value nobody took, and
                // with `&mut self` no other party can reach it.
                unsafe { (*item).assume_init_drop() }
            });
        }
    }
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
