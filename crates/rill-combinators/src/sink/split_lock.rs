//! The lock that [`split`](crate::StreamExt::split)'s two halves share: an
//! asynchronous lock with exactly two handles, one per half.
//!
//! The value lives in one `Arc` allocation and is never moved while shared
//! (reuniting needs `T: Unpin`), so each half may poll it pinned. A half that
//! finds the value locked by the other half leaves its waker and returns
//! `Pending`; the other half wakes it when it unlocks.
//!
//! # Protocol
//!
//! One atomic word, `state`:
//!
//! - `LOCKED`: one half holds the value. Only the holder touches `value`.
//! - `WAITING[i]`: half `i` stored its waker in `wakers[i]` while the other
//!   half held the value, and the holder must wake it when it unlocks.
//!
//! `wakers[i]` is written only by half `i`, and only while its `WAITING[i]`
//! bit is clear and the other half holds the lock; it is read (taken) only by
//! the other half, after its unlock swapped the state to 0 and saw
//! `WAITING[i]`. Half `i` cannot write again before that read is over: it
//! only writes after seeing the lock held by the other half again, and the
//! other half can lock again only after its unlock (the read included) is
//! over; the `AcqRel` swap and compare-exchanges order the accesses.
//!
//! A half never waits on itself (it polls through `&mut`, so it cannot ask
//! for the lock while it holds it), so at most one half waits at a time and
//! a wake is never lost: the waiter publishes `WAITING[i]` with a
//! compare-exchange that fails if the holder unlocked in between (and then
//! tries to lock again), and the holder's unlock swap sees every bit set
//! before it.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use crate::sync::{Arc, AtomicUsize, Ordering, UnsafeCell};

const LOCKED: usize = 0b001;
const fn waiting(side: usize) -> usize {
    0b010 << side
}

struct Shared<T> {
    state: AtomicUsize,
    wakers: [UnsafeCell<Option<Waker>>; 2],
    value: UnsafeCell<T>,
}

// SAFETY: the lock hands out access to `value` to one half at a time (like
// `Mutex<T>`, which is `Send` and `Sync` when `T: Send`); each waker cell is
// accessed by one thread at a time (module docs), and `Waker` is `Send`.
unsafe impl<T: Send> Send for Shared<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for Shared<T> {}

/// One of the two handles of the lock. `side` is 0 or 1 and differs
/// between the two handles of a pair.
pub(super) struct SplitLock<T> {
    shared: Arc<Shared<T>>,
    side: usize,
}

impl<T> SplitLock<T> {
    /// The two handles of a new lock around `value`.
    pub(super) fn new(value: T) -> (Self, Self) {
        let shared = Arc::new(Shared {
            state: AtomicUsize::new(0),
            wakers: [UnsafeCell::new(None), UnsafeCell::new(None)],
            value: UnsafeCell::new(value),
        });
        let other = SplitLock {
            shared: Arc::clone(&shared),
            side: 1,
        };
        (SplitLock { shared, side: 0 }, other)
    }

    /// Whether `self` and `other` are the two handles of one lock.
    pub(super) fn is_pair_of(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.shared, &other.shared) && self.side != other.side
    }

    /// Locks the value, or leaves the task's waker for the other half and
    /// returns `Pending` while the other half holds it.
    pub(super) fn poll_lock(&mut self, cx: &mut Context<'_>) -> Poll<SplitGuard<'_, T>> {
        let state = &self.shared.state;
        let mine = waiting(self.side);
        let mut current = state.load(Ordering::Acquire);
        loop {
            if current == 0 {
                match state.compare_exchange(0, LOCKED, Ordering::AcqRel, Ordering::Acquire) {
                    Ok(_) => return Poll::Ready(SplitGuard { lock: self }),
                    Err(now) => {
                        current = now;
                        continue;
                    }
                }
            }
            // The other half holds the value (we never hold it here).
            if current & mine != 0 {
                // Our earlier waker is still published: take the cell back
                // before writing it (the holder reads it only after an
                // unlock that clears the bit, which makes this fail).
                match state.compare_exchange(
                    current,
                    current & !mine,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                ) {
                    Ok(_) => current &= !mine,
                    Err(now) => {
                        current = now;
                        continue;
                    }
                }
            }
            self.shared.wakers[self.side].with_mut(|cell| {
                // SAFETY: our waiting bit is clear and the other half holds
                // the lock, so the other half does not read this cell until
                // we publish the bit below (module docs).
                let cell = unsafe { &mut *cell };
                match cell {
                    Some(old) if old.will_wake(cx.waker()) => {}
                    _ => *cell = Some(cx.waker().clone()),
                }
            });
            match state.compare_exchange(
                current,
                current | mine,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Poll::Pending,
                // Unlocked meanwhile (or the word changed): try again. The
                // waker stays in the cell, unpublished.
                Err(now) => current = now,
            }
        }
    }

    /// Takes the value back out once both handles are given: `Err` with
    /// both handles when they are not a pair.
    pub(super) fn reunite(self, other: Self) -> Result<T, (Self, Self)>
    where
        T: Unpin,
    {
        if !self.is_pair_of(&other) {
            return Err((self, other));
        }
        drop(other);
        match Arc::try_unwrap(self.shared) {
            Ok(shared) => Ok(shared.value.into_inner()),
            // Both handles were given and no guard outlives a `&mut` borrow
            // of its handle, so `self.shared` is the last reference.
            Err(_) => unreachable!("`SplitLock`: a third reference to a split pair"),
        }
    }
}

impl<T> fmt::Debug for SplitLock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SplitLock")
            .field("side", &self.side)
            .field(
                "locked",
                &(self.shared.state.load(Ordering::Relaxed) & LOCKED != 0),
            )
            .finish()
    }
}

/// Exclusive access to the value; unlocks (and wakes a waiting other half)
/// when dropped.
pub(super) struct SplitGuard<'a, T> {
    lock: &'a SplitLock<T>,
}

impl<T> SplitGuard<'_, T> {
    /// Calls `f` with the pinned value.
    pub(super) fn with_pin_mut<R>(&mut self, f: impl FnOnce(Pin<&mut T>) -> R) -> R {
        self.lock.shared.value.with_mut(|value| {
            // SAFETY: we hold the lock, so no other reference to the value
            // exists while `f` runs. The value lives in the shared `Arc`
            // allocation, is never moved while both halves exist (reuniting
            // requires `T: Unpin`) and is dropped in place with the
            // allocation: pinning it is sound.
            f(unsafe { Pin::new_unchecked(&mut *value) })
        })
    }
}

impl<T> Drop for SplitGuard<'_, T> {
    fn drop(&mut self) {
        let shared = &self.lock.shared;
        let other = 1 - self.lock.side;
        let previous = shared.state.swap(0, Ordering::AcqRel);
        if previous & waiting(other) != 0 {
            // SAFETY: the other half published its waker (its bit was set)
            // and our swap cleared the bit: it does not write the cell again
            // before it sees the lock held by us again, which is after this
            // read (module docs).
            let waker = shared.wakers[other].with_mut(|cell| unsafe { (*cell).take() });
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }
}
