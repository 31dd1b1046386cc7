//! The task set: a [`Slab`] of children (futures or streams) polled in the
//! order of a [`ReadyQueue`], shared by every concurrent combinator of the
//! crate. Child `i` of the slab is child `i` of the queue.
//!
//! The waker protocol, fairness and budget are described in
//! `ready_queue.rs`, the pinning rules in `slab.rs`. This file adds what
//! ties them: a child is queued when inserted, polled when its turn comes,
//! and dropped in place when it finishes, ends, panics, or the set is
//! cleared or dropped.
//!
//! # Panics
//!
//! A child that panics while polled is dropped (in place) and removed
//! before the panic propagates, as futures-util does: the set stays usable,
//! and ends normally once its other children are done. (If the destructor
//! of the panicking child panics as well, that second panic during
//! unwinding aborts the process, as it would anywhere in Rust.)

use core::fmt;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};

use super::ready_queue::{ReadyQueue, Turn};
use super::slab::Slab;
pub(crate) use super::slab::{Iter, IterPinMut};

/// What the closure given to [`TaskSet::poll_with`] made of one child poll.
pub(crate) enum Step<R> {
    /// The child is pending (it arranged its own wake-up).
    Pending,
    /// The child produced `R` and stays (a stream): it is queued again,
    /// behind the children woken so far.
    Yield(R),
    /// The child is finished and is dropped; `Some` is handed out.
    Done(Option<R>),
}

/// A slab of children polled only when woken.
pub(crate) struct TaskSet<T> {
    // Dropped first: it takes the parent's waker out, so children that wake
    // themselves while being dropped (with `slab`) wake nobody.
    ready: ReadyQueue,
    slab: Slab<T>,
}

// Children never move: they live in the slab's boxed slices.
impl<T> Unpin for TaskSet<T> {}

impl<T> TaskSet<T> {
    pub(crate) fn new() -> Self {
        Self {
            ready: ReadyQueue::new(),
            slab: Slab::new(),
        }
    }

    pub(crate) fn with_capacity(capacity: usize) -> Self {
        let mut set = Self::new();
        while set.capacity() < capacity {
            set.grow();
        }
        set
    }

    pub(crate) fn len(&self) -> usize {
        self.slab.len()
    }

    pub(crate) fn capacity(&self) -> usize {
        self.slab.capacity()
    }

    fn grow(&mut self) {
        self.slab.grow();
        self.ready.grow();
    }

    /// Inserts a child, queued behind the children woken so far, and
    /// returns its slot index (stable until the child is removed).
    #[inline]
    pub(crate) fn insert(&mut self, value: T) -> usize {
        let index = match self.slab.vacant() {
            Some(index) => index,
            None => {
                self.grow();
                self.slab.vacant().expect("a new block has free slots")
            }
        };
        self.slab.fill(index, value);
        self.ready.push(index);
        index
    }

    /// Drops every child in place; keeps the slots (and their wakers) for
    /// reuse. If a destructor panics, the children not dropped yet stay,
    /// queued as they were.
    pub(crate) fn clear(&mut self) {
        for index in 0..self.slab.capacity() {
            self.slab.release(index);
        }
        // Only if no destructor panicked: the children that stayed keep
        // their places. (After such a panic, the places of the children
        // dropped stay in the order: a place without a child is skipped.)
        self.ready.forget_all();
    }

    /// Polls the woken children with `f` until one produces an item, none
    /// is left to poll or `budget` is spent (one unit per child poll; see
    /// `ready_queue.rs`). `Ready(None)`: the set is empty.
    #[inline]
    pub(crate) fn poll_with<R>(
        &mut self,
        cx: &mut Context<'_>,
        budget: &mut usize,
        mut f: impl FnMut(Pin<&mut T>, &mut Context<'_>) -> Step<R>,
    ) -> Poll<Option<R>> {
        let slab = &mut self.slab;
        let item = self.ready.poll(cx, budget, |index, cx| {
            // Drops the child if `f` unwinds (see the module docs).
            let guard = ReleaseOnUnwind {
                slab: &mut *slab,
                index,
            };
            let Some(child) = guard.slab.get_pin_mut(index) else {
                // Woken by a waker its former child kept.
                mem::forget(guard);
                return Turn::Vacant;
            };
            let step = f(child, cx);
            mem::forget(guard);
            match step {
                Step::Pending => Turn::Pending,
                Step::Yield(item) => Turn::Yield(item),
                Step::Done(out) => {
                    slab.release(index);
                    out.map_or(Turn::Pending, Turn::Done)
                }
            }
        });
        match item {
            Some(item) => Poll::Ready(Some(item)),
            None if self.slab.len() == 0 => Poll::Ready(None),
            None => Poll::Pending,
        }
    }

    pub(crate) fn iter(&self) -> Iter<'_, T> {
        self.slab.iter()
    }

    pub(crate) fn iter_pin_mut(&mut self) -> IterPinMut<'_, T> {
        self.slab.iter_pin_mut()
    }
}

impl<T: Unpin> TaskSet<T> {
    /// Moves the child out of `index` and frees the slot.
    pub(crate) fn remove(&mut self, index: usize) -> Option<T> {
        let child = self.slab.remove(index)?;
        self.ready.forget(index);
        Some(child)
    }

    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = (usize, &mut T)> {
        self.iter_pin_mut().map(|(i, p)| (i, Pin::get_mut(p)))
    }

    /// Moves every child out, emptying the set.
    pub(crate) fn drain(&mut self) -> alloc::vec::Vec<T> {
        self.ready.forget_all();
        self.slab.drain()
    }
}

/// Releases the slot `index` when dropped: armed around a child's poll and
/// forgotten when the poll returns, so it runs only if the poll unwinds.
struct ReleaseOnUnwind<'a, T> {
    slab: &'a mut Slab<T>,
    index: usize,
}

impl<T> Drop for ReleaseOnUnwind<'_, T> {
    fn drop(&mut self) {
        self.slab.release(self.index);
    }
}

impl<T: fmt::Debug> fmt::Debug for TaskSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|(_, v)| v)).finish()
    }
}
