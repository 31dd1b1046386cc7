//! The task set: one slab of children (futures or streams) with a waker per
//! slot, shared by every concurrent combinator of the crate.
//!
//! # Layout
//!
//! Children live in blocks of [`BITS`] slots (`usize::BITS`: 64 on 64-bit
//! targets). A block's slots are one boxed slice that is never reallocated,
//! so a child stays at the same address from insertion until it is dropped in
//! place: that is what makes handing out `Pin<&mut T>` sound. Freed slots go
//! on a free list and are reused, so once the set has grown, inserting a
//! child allocates nothing.
//!
//! # Waker protocol
//!
//! Each block has one reference-counted [`WakeBlock`]: a `ready` word with one
//! bit per slot, the block's index and a handle to the set's [`Shared`] part
//! (a `summary` word and the parent's [`AtomicWaker`]). The waker handed to
//! the child in slot `i` of a block is a pointer to that block's `WakeBlock`
//! with `i` in its low six bits (the block is 64-byte aligned). Waking it:
//!
//! 1. `ready.fetch_or(1 << i)`. If the word was non-zero, stop: either this
//!    slot is already queued, or another slot of the block is and the waker
//!    that queued it has flagged the block (step 2) or is about to.
//! 2. `summary.fetch_or(1 << (block % BITS))`. If the summary was non-zero,
//!    stop: the waker that made it non-zero wakes the parent (step 3).
//! 3. Wake the parent through the `AtomicWaker`.
//!
//! So a slot woken twice is queued once, and the parent is woken once per
//! batch of wakes, not once per child.
//!
//! The owner, in `poll_with`, first registers the parent's waker, then (when
//! its local queue is empty) takes the whole batch: `summary.swap(0)`, then
//! `ready.swap(0)` of every block the summary points at, appending the set
//! bits to a local FIFO queue of slot indices. Because the swap happens after
//! registration, a wake that lands after the swap finds a zero summary and
//! wakes the new registration: no wake-up is lost. The loom tests in
//! `tests/loom_*.rs` check exactly these properties.
//!
//! # Fairness and budget
//!
//! The local queue is drained in FIFO order and refilled from the atomic
//! words only once it is empty, and at most once per `poll_with`: each woken
//! child gets one turn per round, and a child that wakes itself while being
//! polled waits for the next round. A stream child that yields an item goes
//! to the back of the queue. After [`BUDGET`] child polls without an item the
//! set wakes its own task and returns `Pending`, so a set whose children are
//! always ready cannot starve the executor.
//!
//! # Lifetimes
//!
//! Wakers own a strong reference to their `WakeBlock`, which owns one to
//! `Shared`: a waker that outlives the set only sets bits nobody reads (and
//! wakes nobody, since the set takes its parent waker out when dropped).
//! A waker kept from a child whose slot was freed and reused may cause one
//! spurious poll of the new child, which futures and streams must tolerate.
#![allow(unsafe_code)]

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::vec::Vec;
use core::fmt;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use super::atomic_waker::AtomicWaker;
use crate::sync::{Arc, AtomicUsize, Ordering};

/// Slots per block: one bit of the block's `ready` word each.
pub(crate) const BITS: usize = usize::BITS as usize;

/// Child polls per `poll_with` call before the set yields to the executor.
pub(crate) const BUDGET: usize = 32;

/// The part of the set that wakers reach.
struct Shared {
    /// Bit `b` set: some block with index `b mod BITS` has ready bits.
    summary: AtomicUsize,
    parent: AtomicWaker,
}

/// One block's wake state, shared by the wakers of its slots. The alignment
/// leaves the low six bits of its address free for the slot index.
#[repr(align(64))]
struct WakeBlock {
    ready: AtomicUsize,
    index: usize,
    shared: Arc<Shared>,
}

impl WakeBlock {
    fn wake_slot(&self, bit: usize) {
        let prev = self.ready.fetch_or(1 << bit, Ordering::AcqRel);
        if prev != 0 {
            return;
        }
        let flag = 1 << (self.index % BITS);
        if self.shared.summary.fetch_or(flag, Ordering::AcqRel) == 0 {
            self.shared.parent.wake();
        }
    }
}

const TAG_MASK: usize = 63;
const _: () = assert!(core::mem::align_of::<WakeBlock>() > TAG_MASK && BITS <= TAG_MASK + 1);

fn waker_data(block: &Arc<WakeBlock>, bit: usize) -> *const () {
    debug_assert!(bit <= TAG_MASK);
    Arc::as_ptr(block).cast::<u8>().wrapping_add(bit).cast()
}

fn untag(data: *const ()) -> (*const WakeBlock, usize) {
    let bit = data.addr() & TAG_MASK;
    (data.cast::<u8>().wrapping_sub(bit).cast(), bit)
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone_raw, wake_raw, wake_by_ref_raw, drop_raw);

unsafe fn clone_raw(data: *const ()) -> RawWaker {
    // SAFETY: `data` came from `waker_data` of a live `Arc<WakeBlock>`: the
    // waker being cloned holds (or borrows from the set) a strong reference.
    unsafe { Arc::increment_strong_count(untag(data).0) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake_raw(data: *const ()) {
    // SAFETY: the waker owns a strong reference, released after the wake.
    unsafe {
        wake_by_ref_raw(data);
        drop_raw(data);
    }
}

unsafe fn wake_by_ref_raw(data: *const ()) {
    let (block, bit) = untag(data);
    // SAFETY: the waker keeps the block alive for the duration of the call.
    unsafe { &*block }.wake_slot(bit);
}

unsafe fn drop_raw(data: *const ()) {
    // SAFETY: every `Waker` other than the borrowed one `poll_with` builds
    // (which is never dropped) owns one strong reference, given back here.
    unsafe { Arc::decrement_strong_count(untag(data).0) };
}

/// What the closure given to [`TaskSet::poll_with`] made of one child poll.
pub(crate) enum Step<R> {
    /// The child is pending (it arranged its own wake-up).
    Pending,
    /// The child produced `R` and stays (a stream): it is queued again,
    /// behind the other ready children.
    Yield(R),
    /// The child is finished and is dropped; `Some` is handed out.
    Done(Option<R>),
}

struct Slot<T> {
    value: Option<T>,
    /// In the local queue (owner-side flag: no slot is queued twice).
    queued: bool,
}

struct Block<T> {
    slots: Box<[Slot<T>]>,
    wake: Arc<WakeBlock>,
}

/// A slab of children polled only when woken.
pub(crate) struct TaskSet<T> {
    blocks: Vec<Block<T>>,
    free: Vec<usize>,
    queue: VecDeque<usize>,
    len: usize,
    shared: Arc<Shared>,
}

// Children never move: they live in boxed slices (see the module docs).
impl<T> Unpin for TaskSet<T> {}

impl<T> TaskSet<T> {
    pub(crate) fn new() -> Self {
        Self {
            blocks: Vec::new(),
            free: Vec::new(),
            queue: VecDeque::new(),
            len: 0,
            shared: Arc::new(Shared {
                summary: AtomicUsize::new(0),
                parent: AtomicWaker::new(),
            }),
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
        self.len
    }

    pub(crate) fn capacity(&self) -> usize {
        self.blocks.len() * BITS
    }

    fn grow(&mut self) {
        let index = self.blocks.len();
        let slots: Box<[Slot<T>]> = (0..BITS)
            .map(|_| Slot {
                value: None,
                queued: false,
            })
            .collect();
        self.blocks.push(Block {
            slots,
            wake: Arc::new(WakeBlock {
                ready: AtomicUsize::new(0),
                index,
                shared: Arc::clone(&self.shared),
            }),
        });
        // Lowest index on top, so slots fill in order.
        self.free.extend((index * BITS..(index + 1) * BITS).rev());
        self.queue.reserve(BITS);
    }

    fn slot_mut(&mut self, index: usize) -> &mut Slot<T> {
        &mut self.blocks[index / BITS].slots[index % BITS]
    }

    fn enqueue(&mut self, index: usize) {
        let slot = self.slot_mut(index);
        if !slot.queued {
            slot.queued = true;
            self.queue.push_back(index);
        }
    }

    /// Inserts a child, queued to be polled on the next `poll_with`, and
    /// returns its slot index (stable until the child is removed).
    pub(crate) fn insert(&mut self, value: T) -> usize {
        let index = match self.free.pop() {
            Some(index) => index,
            None => {
                self.grow();
                self.free.pop().expect("a new block has free slots")
            }
        };
        let slot = self.slot_mut(index);
        debug_assert!(slot.value.is_none());
        slot.value = Some(value);
        self.len += 1;
        self.enqueue(index);
        index
    }

    /// Drops the child in `index` in place and frees its slot.
    pub(crate) fn release(&mut self, index: usize) {
        let slot = self.slot_mut(index);
        if slot.value.is_some() {
            // Bookkeeping first: if the child's destructor panics, the set
            // stays consistent (the slot is already empty).
            let value = slot.value.take();
            self.len -= 1;
            self.free.push(index);
            drop(value);
        }
    }

    /// Drops every child in place; keeps the slots (and their wakers) for
    /// reuse.
    pub(crate) fn clear(&mut self) {
        for index in 0..self.capacity() {
            self.release(index);
        }
    }

    /// Polls the woken children with `f` until one produces an item, the
    /// queue is empty or the budget is spent. `Ready(None)`: the set is empty.
    pub(crate) fn poll_with<R>(
        &mut self,
        cx: &mut Context<'_>,
        mut f: impl FnMut(Pin<&mut T>, &mut Context<'_>) -> Step<R>,
    ) -> Poll<Option<R>> {
        self.shared.parent.register(cx.waker());
        let took = self.queue.is_empty();
        if took {
            self.take_ready();
        }
        let mut budget = BUDGET;
        while let Some(index) = self.queue.pop_front() {
            let block = &mut self.blocks[index / BITS];
            let slot = &mut block.slots[index % BITS];
            slot.queued = false;
            let Some(value) = slot.value.as_mut() else {
                continue;
            };
            // SAFETY: the data pointer is the slot's tagged `WakeBlock`
            // pointer, which `VTABLE` expects. This waker borrows the set's
            // strong reference (`block.wake` outlives it) and is never
            // dropped; clones made by the child take their own reference.
            let waker = ManuallyDrop::new(unsafe {
                Waker::from_raw(RawWaker::new(
                    waker_data(&block.wake, index % BITS),
                    &VTABLE,
                ))
            });
            // SAFETY: the child lives in a boxed slice that is never
            // reallocated and leaves it only by being dropped in place
            // (`release`, `clear`, drop of the set) or, when `T: Unpin`, by a
            // move (`remove`, `drain`).
            let child = unsafe { Pin::new_unchecked(value) };
            match f(child, &mut Context::from_waker(&waker)) {
                Step::Pending => {}
                Step::Yield(item) => {
                    self.enqueue(index);
                    return Poll::Ready(Some(item));
                }
                Step::Done(out) => {
                    self.release(index);
                    if out.is_some() {
                        return Poll::Ready(out);
                    }
                }
            }
            budget -= 1;
            if budget == 0 {
                break;
            }
        }
        if self.len == 0 {
            return Poll::Ready(None);
        }
        // Still queued children (budget spent), or wakes that arrived since
        // a batch we did not take in this call: come back.
        if !self.queue.is_empty() || (!took && self.shared.summary.load(Ordering::Acquire) != 0) {
            cx.waker().wake_by_ref();
        }
        Poll::Pending
    }

    /// Moves every woken slot from the atomic words to the local queue.
    fn take_ready(&mut self) {
        let mut summary = self.shared.summary.swap(0, Ordering::AcqRel);
        while summary != 0 {
            let flag = summary.trailing_zeros() as usize;
            summary &= summary - 1;
            let mut b = flag;
            while b < self.blocks.len() {
                let mut ready = self.blocks[b].wake.ready.swap(0, Ordering::AcqRel);
                while ready != 0 {
                    let bit = ready.trailing_zeros() as usize;
                    ready &= ready - 1;
                    self.enqueue(b * BITS + bit);
                }
                b += BITS;
            }
        }
    }

    pub(crate) fn iter(&self) -> Iter<'_, T> {
        Iter {
            blocks: self.blocks.iter(),
            slots: [].iter(),
            base: 0,
            left: self.len,
        }
    }

    pub(crate) fn iter_pin_mut(&mut self) -> IterPinMut<'_, T> {
        IterPinMut {
            blocks: self.blocks.iter_mut(),
            slots: [].iter_mut(),
            base: 0,
            left: self.len,
        }
    }
}

impl<T: Unpin> TaskSet<T> {
    /// Moves the child out of `index` and frees the slot.
    pub(crate) fn remove(&mut self, index: usize) -> Option<T> {
        let value = self.slot_mut(index).value.take()?;
        self.len -= 1;
        self.free.push(index);
        Some(value)
    }

    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = (usize, &mut T)> {
        self.iter_pin_mut().map(|(i, p)| (i, Pin::get_mut(p)))
    }

    /// Moves every child out, emptying the set.
    pub(crate) fn drain(&mut self) -> Vec<T> {
        let mut out = Vec::with_capacity(self.len);
        for index in 0..self.capacity() {
            if let Some(v) = self.remove(index) {
                out.push(v);
            }
        }
        out
    }
}

impl<T> Drop for TaskSet<T> {
    fn drop(&mut self) {
        // Wakers that outlive the set must not keep the parent's waker alive
        // (nor wake it). The children drop with `blocks`.
        drop(self.shared.parent.take());
    }
}

impl<T: fmt::Debug> fmt::Debug for TaskSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|(_, v)| v)).finish()
    }
}

/// Declares an iterator over the occupied slots of a set: `$slices` is the
/// slice iterator type (`Iter`/`IterMut`), `$wrap` turns a `&'a [mut] T`
/// into the item.
macro_rules! slot_iter {
    ($(#[$meta:meta])* $name:ident, $slices:ident, $iter:ident, $item:ty, |$v:ident| $wrap:expr) => {
        $(#[$meta])*
        pub(crate) struct $name<'a, T> {
            blocks: core::slice::$slices<'a, Block<T>>,
            slots: core::slice::$slices<'a, Slot<T>>,
            base: usize,
            left: usize,
        }

        impl<'a, T> Iterator for $name<'a, T> {
            type Item = (usize, $item);

            fn next(&mut self) -> Option<Self::Item> {
                if self.left == 0 {
                    return None;
                }
                loop {
                    let consumed = BITS - self.slots.len();
                    match self.slots.next() {
                        Some(Slot { value: Some($v), .. }) => {
                            self.left -= 1;
                            return Some((self.base + consumed, $wrap));
                        }
                        Some(_) => {}
                        None => {
                            let block = self.blocks.next()?;
                            self.base = block.wake.index * BITS;
                            self.slots = block.slots.$iter();
                        }
                    }
                }
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                (self.left, Some(self.left))
            }
        }

        impl<T> ExactSizeIterator for $name<'_, T> {}
    };
}

slot_iter!(
    /// The children of a set with their slot indices.
    Iter, Iter, iter, &'a T, |v| v
);

slot_iter!(
    /// The children of a set, pinned, with their slot indices.
    IterPinMut, IterMut, iter_mut, Pin<&'a mut T>,
    // SAFETY: as in `TaskSet::poll_with`: slots never move.
    |v| unsafe { Pin::new_unchecked(v) }
);

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            blocks: self.blocks.clone(),
            slots: self.slots.clone(),
            base: self.base,
            left: self.left,
        }
    }
}
