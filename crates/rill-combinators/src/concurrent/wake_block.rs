//! The atomic side of the [ready queue](super::ready_queue): one
//! [`WakeBlock`] per block of [`BITS`] children, and the waker vtable whose
//! data pointer is a tagged `WakeBlock` pointer.
//!
//! The protocol itself (who sets which bit, who swaps it, why no wake-up is
//! lost) is described once, in the module docs of `ready_queue.rs`.

use core::mem::ManuallyDrop;
use core::task::{RawWaker, RawWakerVTable, Waker};

use super::atomic_waker::AtomicWaker;
use crate::sync::{Arc, AtomicUsize, Ordering};

/// Children per block: one bit of the block's `ready` word each. Under loom
/// the blocks are tiny, so that a model with a handful of children has
/// several blocks, and two of them share a summary bit.
#[cfg(not(loom))]
pub(crate) const BITS: usize = usize::BITS as usize;
#[cfg(loom)]
pub(crate) const BITS: usize = 2;

/// The part of a ready queue that every waker reaches.
pub(crate) struct Shared {
    /// Bit `b` set: some block with index `b mod BITS` has ready bits.
    pub(crate) summary: AtomicUsize,
    /// The waker of the task that polls the queue's owner.
    pub(crate) parent: AtomicWaker,
}

impl Shared {
    pub(crate) fn new() -> Self {
        Self {
            summary: AtomicUsize::new(0),
            parent: AtomicWaker::new(),
        }
    }
}

/// One block's wake state, shared by the wakers of its children. The
/// alignment leaves the low six bits of its address free for the child's
/// bit.
#[repr(align(64))]
pub(crate) struct WakeBlock {
    /// Bit `i` set: child `i` of the block was woken since the owner last
    /// took the block's bits.
    pub(crate) ready: AtomicUsize,
    /// The block's index in its queue.
    pub(crate) index: usize,
    shared: Arc<Shared>,
}

const TAG_MASK: usize = 63;
const _: () = assert!(core::mem::align_of::<WakeBlock>() > TAG_MASK && BITS <= TAG_MASK + 1);

impl WakeBlock {
    pub(crate) fn new(index: usize, shared: Arc<Shared>) -> Self {
        Self {
            ready: AtomicUsize::new(0),
            index,
            shared,
        }
    }

    /// Marks child `bit` of this block ready; wakes the parent if this is
    /// the first wake since the owner last took the summary.
    pub(crate) fn wake_slot(&self, bit: usize) {
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

/// A waker for child `bit` of `block` that borrows the caller's strong
/// reference: no reference-count traffic. It must not outlive `block`'s
/// `Arc` (the caller keeps the `Arc` for at least as long), and is never
/// dropped as a `Waker` (hence `ManuallyDrop`); clones take their own
/// reference.
pub(crate) fn borrowed_waker(block: &Arc<WakeBlock>, bit: usize) -> ManuallyDrop<Waker> {
    debug_assert!(bit < BITS);
    let data = Arc::as_ptr(block)
        .cast::<u8>()
        .wrapping_add(bit)
        .cast::<()>();
    // SAFETY: `data` is a tagged pointer to a live `WakeBlock`, which is what
    // every function of `VTABLE` expects. The waker is never dropped (so it
    // never gives back a reference it does not own), and the caller keeps
    // `block` alive for as long as it uses the waker (see the doc comment).
    ManuallyDrop::new(unsafe { Waker::from_raw(RawWaker::new(data, &VTABLE)) })
}

fn untag(data: *const ()) -> (*const WakeBlock, usize) {
    let bit = data.addr() & TAG_MASK;
    (data.cast::<u8>().wrapping_sub(bit).cast(), bit)
}

static VTABLE: RawWakerVTable = RawWakerVTable::new(clone_raw, wake_raw, wake_by_ref_raw, drop_raw);

unsafe fn clone_raw(data: *const ()) -> RawWaker {
    // SAFETY: `data` came from `borrowed_waker` (or a clone of it) for a
    // live `Arc<WakeBlock>`: the waker being cloned holds, or borrows from
    // the queue, a strong reference, so the count is at least one.
    unsafe { Arc::increment_strong_count(untag(data).0) };
    RawWaker::new(data, &VTABLE)
}

unsafe fn wake_raw(data: *const ()) {
    // SAFETY: an owned waker holds a strong reference, released after the
    // wake.
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
    // SAFETY: every `Waker` other than the borrowed ones (never dropped)
    // owns one strong reference, given back here.
    unsafe { Arc::decrement_strong_count(untag(data).0) };
}
