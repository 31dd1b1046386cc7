//! [`Slab`]: where the task set's children live, pinned.
//!
//! Children live in blocks of [`BITS`] slots. A block is one boxed slice
//! that is never reallocated (the `Vec` of blocks may move the boxes, not
//! what they point to), so a child keeps its address from insertion until it
//! leaves. That is what makes handing out `Pin<&mut T>` sound without a
//! `Box` per child. A child leaves its slot in one of two ways only:
//!
//! - dropped in place: [`Slab::release`] writes `None` over
//!   the slot, which runs the child's destructor where it lives; dropping
//!   the slab drops the boxed slices, whose elements are dropped in place
//!   too;
//! - moved out, only when `T: Unpin` ([`Slab::remove`], [`Slab::drain`]),
//!   where pinning promises nothing.
//!
//! Freed slots go on a free list and are reused, so once the slab has grown,
//! inserting allocates nothing.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::iter::Enumerate;
use core::pin::Pin;

use super::ready_queue::BITS;

pub(crate) struct Slab<T> {
    blocks: Vec<Box<[Option<T>]>>,
    free: Vec<usize>,
    len: usize,
}

impl<T> Slab<T> {
    pub(crate) fn new() -> Self {
        Self {
            blocks: Vec::new(),
            free: Vec::new(),
            len: 0,
        }
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn capacity(&self) -> usize {
        self.blocks.len() * BITS
    }

    /// Adds a block of [`BITS`] free slots.
    pub(crate) fn grow(&mut self) {
        let index = self.blocks.len();
        self.blocks.push((0..BITS).map(|_| None).collect());
        // Lowest index on top, so slots fill in order.
        self.free.extend((index * BITS..(index + 1) * BITS).rev());
    }

    /// A free slot's index, if there is one (the caller grows otherwise).
    #[inline]
    pub(crate) fn vacant(&self) -> Option<usize> {
        self.free.last().copied()
    }

    /// Puts `value` in the free slot `index` (from [`vacant`](Self::vacant)).
    #[inline]
    pub(crate) fn fill(&mut self, index: usize, value: T) {
        debug_assert_eq!(self.free.last(), Some(&index));
        self.free.pop();
        let slot = &mut self.blocks[index / BITS][index % BITS];
        debug_assert!(slot.is_none());
        *slot = Some(value);
        self.len += 1;
    }

    /// The child in `index`, pinned, or `None` if the slot is free.
    #[inline]
    pub(crate) fn get_pin_mut(&mut self, index: usize) -> Option<Pin<&mut T>> {
        let value = self.blocks[index / BITS][index % BITS].as_mut()?;
        // SAFETY: the child lives in a boxed slice that is never reallocated
        // and leaves it only by being dropped in place, or, when `T: Unpin`,
        // by a move (see the module docs).
        Some(unsafe { Pin::new_unchecked(value) })
    }

    /// Drops the child in `index` in place and frees its slot (no-op if
    /// free). The bookkeeping comes first: if the child's destructor
    /// panics, the slot is already free and the slab consistent.
    #[inline]
    pub(crate) fn release(&mut self, index: usize) {
        let slot = &mut self.blocks[index / BITS][index % BITS];
        if slot.is_none() {
            return;
        }
        self.len -= 1;
        self.free.push(index);
        // Assigning drops the old value where it lives (never moved), and
        // leaves `None` there even if that destructor panics.
        *slot = None;
    }

    pub(crate) fn iter(&self) -> Iter<'_, T> {
        Iter {
            blocks: self.blocks.iter().enumerate(),
            slots: [].iter(),
            base: 0,
            left: self.len,
        }
    }

    pub(crate) fn iter_pin_mut(&mut self) -> IterPinMut<'_, T> {
        IterPinMut {
            blocks: self.blocks.iter_mut().enumerate(),
            slots: [].iter_mut(),
            base: 0,
            left: self.len,
        }
    }
}

impl<T: Unpin> Slab<T> {
    /// Moves the child out of `index` and frees the slot.
    pub(crate) fn remove(&mut self, index: usize) -> Option<T> {
        let value = self.blocks[index / BITS][index % BITS].take()?;
        self.len -= 1;
        self.free.push(index);
        Some(value)
    }

    /// Moves every child out, emptying the slab.
    pub(crate) fn drain(&mut self) -> Vec<T> {
        let mut out = Vec::with_capacity(self.len);
        for index in 0..self.capacity() {
            out.extend(self.remove(index));
        }
        out
    }
}

/// The children of a slab with their slot indices.
pub(crate) struct Iter<'a, T> {
    blocks: Enumerate<core::slice::Iter<'a, Box<[Option<T>]>>>,
    slots: core::slice::Iter<'a, Option<T>>,
    /// Index of the first slot of the block `slots` walks.
    base: usize,
    /// Children not yet returned.
    left: usize,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = (usize, &'a T);

    fn next(&mut self) -> Option<Self::Item> {
        while self.left > 0 {
            let consumed = BITS - self.slots.len();
            match self.slots.next() {
                Some(Some(value)) => {
                    self.left -= 1;
                    return Some((self.base + consumed, value));
                }
                Some(None) => {}
                None => {
                    let (index, block) = self.blocks.next()?;
                    self.base = index * BITS;
                    self.slots = block.iter();
                }
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

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

/// The children of a slab, pinned, with their slot indices.
pub(crate) struct IterPinMut<'a, T> {
    blocks: Enumerate<core::slice::IterMut<'a, Box<[Option<T>]>>>,
    slots: core::slice::IterMut<'a, Option<T>>,
    base: usize,
    left: usize,
}

impl<'a, T> Iterator for IterPinMut<'a, T> {
    type Item = (usize, Pin<&'a mut T>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.left > 0 {
            let consumed = BITS - self.slots.len();
            match self.slots.next() {
                Some(Some(value)) => {
                    self.left -= 1;
                    // SAFETY: as in `Slab::get_pin_mut`: slots never move.
                    return Some((self.base + consumed, unsafe { Pin::new_unchecked(value) }));
                }
                Some(None) => {}
                None => {
                    let (index, block) = self.blocks.next()?;
                    self.base = index * BITS;
                    self.slots = block.iter_mut();
                }
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T> ExactSizeIterator for IterPinMut<'_, T> {}
