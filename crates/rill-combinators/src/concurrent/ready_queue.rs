//! The ready queue: which children of a concurrent combinator were woken,
//! and in which order they are polled. The task set is a slab of children
//! on top of it; combinators over a fixed collection of children can use it
//! directly.
//!
//! # Waker protocol
//!
//! Children are numbered `0..capacity` and grouped in blocks of [`BITS`]
//! (64 on 64-bit targets). Each block has one reference-counted
//! [`WakeBlock`]: a `ready` word with one bit per child, the block's index
//! and a handle to the queue's [`Shared`] part (a `summary` word and the
//! parent's [`AtomicWaker`]). The waker of child `i` of a block is a
//! pointer to that block's `WakeBlock` with `i` in its low six bits (the
//! block is 64-byte aligned), so cloning it is one reference-count
//! increment and no waker is allocated per child. Waking it:
//!
//! 1. `ready.fetch_or(1 << i)`. If the word was non-zero, stop: either this
//!    child is already marked, or another child of the block is and the
//!    waker that marked it has flagged the block (step 2) or is about to.
//! 2. `summary.fetch_or(1 << (block % BITS))`. If the summary was non-zero,
//!    stop: the waker that made it non-zero wakes the parent (step 3).
//! 3. Wake the parent through the `AtomicWaker`.
//!
//! So a child woken twice is marked once, and the parent is woken once per
//! batch of wakes, not once per child.
//!
//! The owner, in [`ReadyQueue::poll`], first registers the parent's waker,
//! then takes the batch: `summary.swap(0)`, then `ready.swap(0)` of every
//! block the summary points at (blocks `b`, `b + BITS`, `b + 2 * BITS`, ...
//! share summary bit `b`), appending the marked children to its local FIFO
//! order. Because the swap happens after registration, a wake that lands
//! after the swap finds a zero summary and wakes the new registration: no
//! wake-up is lost. `tests/loom_*.rs` check this.
//!
//! # Fairness
//!
//! Woken children and children that became ready by themselves (a stream
//! child that yielded an item, a child just inserted) share one FIFO order.
//! Before a child is put at the back of the order for either reason, the
//! wakes that arrived so far are taken from the atomic words and go first.
//! So a child whose wake was observed is polled before any child that
//! became ready after that observation: an always-ready sibling cannot
//! starve it. Each child is in the order at most once (a child that leaves
//! is taken out of it: [`ReadyQueue::forget`]), so a woken child is polled
//! after at most `n - 1` other child polls, `n` being the number of
//! children when its wake was observed.
//! Wakes that land between two observations are ordered by child number
//! among themselves (the bitmaps do not record time).
//!
//! # Budget
//!
//! One poll of the owner polls at most [`BUDGET`] children in all: the
//! owner starts a budget of [`BUDGET`] and passes it to every [`poll`]
//! call it makes in that poll (an adapter that loops, refilling from its
//! input between calls, shares one budget across them). Every child poll
//! spends one unit, whether it produced an item or not. If children are
//! still in the order when the budget is spent, `poll` wakes the owner's
//! task and returns: a set whose children are always ready cannot starve
//! the executor. A child that wakes itself while being polled is marked in
//! the atomic words and waits for the owner's next `poll` call.
//!
//! [`poll`]: ReadyQueue::poll
//!
//! # Lifetimes
//!
//! Wakers own a strong reference to their `WakeBlock`, which owns one to
//! `Shared`: a waker that outlives the queue only sets bits nobody reads
//! (and wakes nobody: the queue takes the parent waker out when dropped).
//! A waker kept by a child whose number was reused may cause one spurious
//! poll of the new child, which futures and streams must tolerate.

use alloc::collections::VecDeque;
use alloc::vec::Vec;
use core::fmt;
use core::task::Context;

pub(crate) use super::wake_block::BITS;
use super::wake_block::{Shared, WakeBlock, borrowed_waker};
use crate::sync::{Arc, Ordering};

/// Child polls per [`ReadyQueue::poll`] before the owner yields to the
/// executor (small under loom, so that models reach the self-wake).
#[cfg(not(loom))]
pub(crate) const BUDGET: usize = 32;
#[cfg(loom)]
pub(crate) const BUDGET: usize = 3;

/// What the owner made of one child's turn in [`ReadyQueue::poll`].
pub(crate) enum Turn<R> {
    /// There is no child with this number (it left after it was woken): not
    /// counted against the budget.
    Vacant,
    /// No item: the child is pending (it arranged its own wake-up) or
    /// ended. The next child gets its turn.
    Pending,
    /// The child produced `R` and is ready again (a stream): it goes to the
    /// back of the order, behind the wakes observed so far.
    Yield(R),
    /// The child produced `R` and is finished: it is not queued again.
    Done(R),
}

struct Block {
    wake: Arc<WakeBlock>,
    /// Bit `i` set: child `i` of the block is in `order` (owner-side, so no
    /// child is in the order twice).
    queued: usize,
}

/// Wake tracking for children numbered `0..capacity`; see the module docs.
pub(crate) struct ReadyQueue {
    blocks: Vec<Block>,
    /// Children to poll, oldest first.
    order: VecDeque<usize>,
    shared: Arc<Shared>,
}

impl ReadyQueue {
    pub(crate) fn new() -> Self {
        Self {
            blocks: Vec::new(),
            order: VecDeque::new(),
            shared: Arc::new(Shared::new()),
        }
    }

    /// Numbers children can have: a multiple of [`BITS`].
    pub(crate) fn capacity(&self) -> usize {
        self.blocks.len() * BITS
    }

    /// Adds a block of [`BITS`] child numbers (`capacity..capacity + BITS`).
    pub(crate) fn grow(&mut self) {
        let index = self.blocks.len();
        self.blocks.push(Block {
            wake: Arc::new(WakeBlock::new(index, Arc::clone(&self.shared))),
            queued: 0,
        });
        self.order.reserve(BITS);
    }

    /// Puts `child` at the back of the order (no-op if it is in it), after
    /// the wakes observed so far: used for a child that became ready by
    /// itself (inserted, or yielded an item).
    #[inline]
    pub(crate) fn push(&mut self, child: usize) {
        self.take_woken();
        self.enqueue(child);
    }

    /// Takes `child` out of the order, wherever it is: the owner calls this
    /// when a queued child leaves other than through its own turn (removed
    /// by key), so that a new child given the same number is queued at the
    /// back, not in the old child's place. O(queued children), like the key
    /// lookup that precedes a removal.
    pub(crate) fn forget(&mut self, child: usize) {
        let block = &mut self.blocks[child / BITS];
        let bit = 1 << (child % BITS);
        if block.queued & bit != 0 {
            block.queued &= !bit;
            if let Some(at) = self.order.iter().position(|&c| c == child) {
                self.order.remove(at);
            }
        }
    }

    /// Empties the order: every child left (the set was cleared or
    /// drained).
    pub(crate) fn forget_all(&mut self) {
        self.order.clear();
        for block in &mut self.blocks {
            block.queued = 0;
        }
    }

    #[inline]
    fn enqueue(&mut self, child: usize) {
        let block = &mut self.blocks[child / BITS];
        let bit = 1 << (child % BITS);
        if block.queued & bit == 0 {
            block.queued |= bit;
            self.order.push_back(child);
        }
    }

    /// The oldest child of the order.
    #[inline]
    fn pop(&mut self) -> Option<usize> {
        let child = self.order.pop_front()?;
        self.blocks[child / BITS].queued &= !(1 << (child % BITS));
        Some(child)
    }

    /// Moves every child marked in the atomic words to the back of the
    /// order (in child-number order: the words do not record time).
    #[inline]
    fn take_woken(&mut self) {
        // A plain load first: most calls find nothing, and a swap is a
        // read-modify-write. A wake that this load misses made the summary
        // non-zero after it, so it wakes the parent (step 3).
        if self.shared.summary.load(Ordering::Acquire) != 0 {
            self.take_woken_batch();
        }
    }

    /// The part of [`take_woken`](Self::take_woken) that finds something:
    /// out of line, so that the check above stays small where it is
    /// inlined.
    #[inline(never)]
    fn take_woken_batch(&mut self) {
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

    /// Registers the parent's waker, takes the wakes, then gives queued
    /// children their turns (`turn(child, cx)`, with `cx` carrying that
    /// child's waker) until one produces an item, the order is empty or
    /// `budget` is spent (each turn spends one; see the module docs).
    /// `None`: no item this time; if the budget ran out with children still
    /// queued, the parent's task was woken.
    ///
    /// If `turn` panics, the child whose turn it was is out of the order (it
    /// is not queued again unless woken); the owner decides what happens to
    /// it.
    #[inline]
    pub(crate) fn poll<R>(
        &mut self,
        cx: &mut Context<'_>,
        budget: &mut usize,
        mut turn: impl FnMut(usize, &mut Context<'_>) -> Turn<R>,
    ) -> Option<R> {
        self.shared.parent.register(cx.waker());
        self.take_woken();
        while *budget > 0 {
            let child = self.pop()?;
            let waker = borrowed_waker(&self.blocks[child / BITS].wake, child % BITS);
            let turn = turn(child, &mut Context::from_waker(&waker));
            if !matches!(turn, Turn::Vacant) {
                *budget -= 1;
            }
            match turn {
                Turn::Vacant | Turn::Pending => {}
                Turn::Yield(item) => {
                    self.push(child);
                    return Some(item);
                }
                Turn::Done(item) => return Some(item),
            }
        }
        if !self.order.is_empty() {
            cx.waker().wake_by_ref();
        }
        None
    }
}

impl Drop for ReadyQueue {
    fn drop(&mut self) {
        // Wakers that outlive the queue must not keep the parent's waker
        // alive (nor wake it).
        drop(self.shared.parent.take());
    }
}

impl fmt::Debug for ReadyQueue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReadyQueue")
            .field("capacity", &self.capacity())
            .field("queued", &self.order.len())
            .finish_non_exhaustive()
    }
}
