//! A waker slot that one owner registers into and any thread wakes.
//!
//! The protocol (a small state machine over one atomic word):
//!
//! - `IDLE`: nobody touches the cell; the owner may start registering, a
//!   waker may start waking.
//! - `REGISTERING`: the owner is writing the cell. A wake that arrives now
//!   only sets `WAKING`; the owner sees it when it leaves `REGISTERING` and
//!   wakes the waker it just stored itself.
//! - `WAKING`: one waker thread owns the cell and takes the stored waker out.
//!   Other wakes coalesce into it. An owner that tries to register now wakes
//!   the new waker directly (the wake in progress may be using the old one).
//!
//! The cell is therefore only ever accessed by the thread that moved the
//! state from `IDLE` to `REGISTERING` or to `WAKING`.

use core::fmt;
use core::task::Waker;

use crate::sync::{AtomicUsize, Ordering, UnsafeCell, spin_loop};

const IDLE: usize = 0;
const REGISTERING: usize = 1;
const WAKING: usize = 2;

pub(crate) struct AtomicWaker {
    state: AtomicUsize,
    waker: UnsafeCell<Option<Waker>>,
}

// SAFETY: the cell holds a `Waker` (Send + Sync) and is only accessed by the
// one thread that holds the `REGISTERING` or `WAKING` state (module docs).
unsafe impl Send for AtomicWaker {}
// SAFETY: as above: shared access is serialised by `state`.
unsafe impl Sync for AtomicWaker {}

impl AtomicWaker {
    pub(crate) fn new() -> Self {
        Self {
            state: AtomicUsize::new(IDLE),
            waker: UnsafeCell::new(None),
        }
    }

    /// Stores `waker` to be woken by the next [`wake`](Self::wake). Only one
    /// thread (the owner of the set) may call this at a time.
    pub(crate) fn register(&self, waker: &Waker) {
        match self
            .state
            .compare_exchange(IDLE, REGISTERING, Ordering::Acquire, Ordering::Acquire)
        {
            Ok(_) => {
                // If `Waker::clone` panics, the guard leaves REGISTERING as
                // the end of this block does, so later registrations and
                // wakes still work (the cell keeps the previous waker).
                let guard = LeaveRegistering(self);
                self.waker.with_mut(|cell| {
                    // SAFETY: we moved the state to REGISTERING, so no other
                    // thread reads or writes the cell until we leave it.
                    let cell = unsafe { &mut *cell };
                    match cell {
                        Some(old) if old.will_wake(waker) => {}
                        _ => *cell = Some(waker.clone()),
                    }
                });
                drop(guard);
            }
            // A wake is in progress and may be using the previous waker:
            // make sure the new one is woken too. The owner will poll again
            // at once; the hint lets the waking thread finish first (and
            // tells loom that this is a spin).
            Err(_) => {
                spin_loop();
                waker.wake_by_ref();
            }
        }
    }

    /// Moves the state from REGISTERING back to IDLE; if a wake arrived
    /// meanwhile (REGISTERING | WAKING), it left the cell to us: wake what
    /// the cell holds.
    fn leave_registering(&self) {
        if self
            .state
            .compare_exchange(REGISTERING, IDLE, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            // SAFETY: the waking thread saw REGISTERING and did not touch the
            // cell; we still own it until the swap below.
            let taken = self.waker.with_mut(|cell| unsafe { (*cell).take() });
            self.state.swap(IDLE, Ordering::AcqRel);
            if let Some(w) = taken {
                w.wake();
            }
        }
    }

    /// Wakes the registered waker, if any, and removes it.
    pub(crate) fn wake(&self) {
        if let Some(w) = self.take() {
            w.wake();
        }
    }

    /// Removes the registered waker without waking it (a wake that races
    /// with this is left to the registering owner, as in `wake`).
    pub(crate) fn take(&self) -> Option<Waker> {
        if self.state.fetch_or(WAKING, Ordering::AcqRel) == IDLE {
            // SAFETY: we moved the state from IDLE to WAKING: the cell is ours
            // until we clear WAKING below.
            let taken = self.waker.with_mut(|cell| unsafe { (*cell).take() });
            self.state.fetch_and(!WAKING, Ordering::Release);
            taken
        } else {
            None
        }
    }
}

/// Leaves the REGISTERING state when dropped: at the end of a registration,
/// or while unwinding out of the waker's `clone`.
struct LeaveRegistering<'a>(&'a AtomicWaker);

impl Drop for LeaveRegistering<'_> {
    fn drop(&mut self) {
        self.0.leave_registering();
    }
}

impl fmt::Debug for AtomicWaker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AtomicWaker").finish_non_exhaustive()
    }
}
