//! [`StreamSet`]: what `merge`, `zip` and `chain` need from a collection of
//! streams (a tuple of 1 to 12 streams, an array, a `Vec`), and the
//! projection from the pinned collection to one pinned stream.
//!
//! # Pinning
//!
//! A combinator keeps its collection in a pinned field and reaches stream
//! `i` through [`StreamSet::poll_at`] / [`StreamSet::poll_into`], which
//! project `Pin<&mut C>` to `Pin<&mut S>` (the only `unsafe` of the
//! module). That is sound because a stream, once polled, is never moved
//! before it is dropped:
//!
//! - these traits live in a private module, so no code outside the crate
//!   can call the projections (and so pin a stream it could move later);
//! - the combinators never move a stream out of the collection, and give
//!   out `&mut C` (and the collection by value) only through `&mut self` /
//!   `self`, which safe code has only while the combinator is not pinned or
//!   is `Unpin`;
//! - a combinator is `Unpin` only when every stream is: it carries a pinned
//!   `PhantomData<C::Pins>`, and `Pins` is the collection itself for tuples
//!   and arrays (`Unpin` exactly when the streams are) and the element type
//!   for a `Vec` (which is `Unpin` whatever it holds, as its elements live on
//!   the heap);
//! - a `Vec` is never pushed to, popped or reallocated while pinned, and
//!   tuples, arrays and `Vec`s all drop their elements in place.

use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// A fixed collection of streams, numbered `0..count()`.
///
/// Public in a private module: nameable in bounds, unreachable from outside
/// the crate (see the module docs for why that matters).
pub trait StreamSet {
    /// A type that is `Unpin` exactly when every stream is.
    type Pins;
    /// One item of every stream, as `zip` yields them: a tuple, an array or
    /// a `Vec`.
    type Items;
    /// Where `zip` keeps the items of the tuple it is assembling.
    type Slots;

    /// The number of streams.
    fn count(&self) -> usize;

    /// The `size_hint` of stream `index`.
    fn size_hint_at(&self, index: usize) -> (usize, Option<usize>);

    /// Slots with no item in them.
    fn empty_slots(&self) -> Self::Slots;

    /// Whether the slot of stream `index` holds an item.
    fn is_filled(slots: &Self::Slots, index: usize) -> bool;

    /// Drops every item held in the slots.
    fn clear(slots: &mut Self::Slots);

    /// Polls stream `index` and puts its item in its slot:
    /// `Ready(Some(()))` when it did, `Ready(None)` when the stream ended.
    fn poll_into(
        self: Pin<&mut Self>,
        index: usize,
        cx: &mut Context<'_>,
        slots: &mut Self::Slots,
    ) -> Poll<Option<()>>;

    /// Takes the items out of the slots, which must all be filled.
    fn take_items(slots: &mut Self::Slots) -> Self::Items;
}

/// A [`StreamSet`] whose streams all yield one item type, as `merge` and
/// `chain` need.
pub trait SameItems: StreamSet {
    /// The item of every stream.
    type Item;

    /// Polls stream `index`.
    fn poll_at(
        self: Pin<&mut Self>,
        index: usize,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Self::Item>>;
}

const TAKEN: &str = "a `zip` slot was empty when the tuple was taken";

/// Implements the set traits for the tuple of the given arity.
///
/// A macro because Rust has no variadic generics (std implements its tuple
/// traits the same way); the combinators themselves are written once, as
/// plain generic structs.
macro_rules! tuple_set {
    ($count:literal: $($index:tt $S:ident),+) => {
        impl<$($S: Stream),+> StreamSet for ($($S,)+) {
            type Pins = Self;
            type Items = ($(<$S as Stream>::Item,)+);
            type Slots = ($(Option<<$S as Stream>::Item>,)+);

            #[inline]
            fn count(&self) -> usize {
                $count
            }

            fn size_hint_at(&self, index: usize) -> (usize, Option<usize>) {
                match index {
                    $($index => self.$index.size_hint(),)+
                    _ => unreachable!("stream {index} of a tuple of {}", $count),
                }
            }

            fn empty_slots(&self) -> Self::Slots {
                ($(None::<<$S as Stream>::Item>,)+)
            }

            #[inline]
            fn is_filled(slots: &Self::Slots, index: usize) -> bool {
                match index {
                    $($index => slots.$index.is_some(),)+
                    _ => unreachable!("stream {index} of a tuple of {}", $count),
                }
            }

            fn clear(slots: &mut Self::Slots) {
                $(slots.$index = None;)+
            }

            #[inline]
            fn poll_into(
                self: Pin<&mut Self>,
                index: usize,
                cx: &mut Context<'_>,
                slots: &mut Self::Slots,
            ) -> Poll<Option<()>> {
                match index {
                    $($index => {
                        // SAFETY: structural pinning of a tuple field; see
                        // the module docs: the field is never moved while
                        // the tuple is pinned.
                        let stream = unsafe { self.map_unchecked_mut(|set| &mut set.$index) };
                        stream
                            .poll_next(cx)
                            .map(|item| item.map(|item| slots.$index = Some(item)))
                    })+
                    _ => unreachable!("stream {index} of a tuple of {}", $count),
                }
            }

            #[inline]
            fn take_items(slots: &mut Self::Slots) -> Self::Items {
                ($(slots.$index.take().expect(TAKEN),)+)
            }
        }

        impl<T, $($S: Stream<Item = T>),+> SameItems for ($($S,)+) {
            type Item = T;

            #[inline]
            fn poll_at(
                self: Pin<&mut Self>,
                index: usize,
                cx: &mut Context<'_>,
            ) -> Poll<Option<T>> {
                match index {
                    $($index => {
                        // SAFETY: structural pinning of a tuple field; see
                        // the module docs.
                        unsafe { self.map_unchecked_mut(|set| &mut set.$index) }.poll_next(cx)
                    })+
                    _ => unreachable!("stream {index} of a tuple of {}", $count),
                }
            }
        }
    };
}

tuple_set!(1: 0 S0);
tuple_set!(2: 0 S0, 1 S1);
tuple_set!(3: 0 S0, 1 S1, 2 S2);
tuple_set!(4: 0 S0, 1 S1, 2 S2, 3 S3);
tuple_set!(5: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4);
tuple_set!(6: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5);
tuple_set!(7: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6);
tuple_set!(8: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6, 7 S7);
tuple_set!(9: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6, 7 S7, 8 S8);
tuple_set!(10: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6, 7 S7, 8 S8, 9 S9);
tuple_set!(11: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6, 7 S7, 8 S8, 9 S9, 10 S10);
tuple_set!(12: 0 S0, 1 S1, 2 S2, 3 S3, 4 S4, 5 S5, 6 S6, 7 S7, 8 S8, 9 S9, 10 S10, 11 S11);

/// Projects a pinned slice to its element `index`.
#[inline]
fn pin_element<S>(slice: Pin<&mut [S]>, index: usize) -> Pin<&mut S> {
    // SAFETY: structural pinning of a slice element (of an array or a
    // `Vec`); see the module docs: no element moves while the collection is
    // pinned.
    unsafe { slice.map_unchecked_mut(|slice| &mut slice[index]) }
}

impl<S: Stream, const N: usize> StreamSet for [S; N] {
    type Pins = Self;
    type Items = [S::Item; N];
    type Slots = [Option<S::Item>; N];

    #[inline]
    fn count(&self) -> usize {
        N
    }

    fn size_hint_at(&self, index: usize) -> (usize, Option<usize>) {
        self[index].size_hint()
    }

    fn empty_slots(&self) -> Self::Slots {
        core::array::from_fn(|_| None)
    }

    #[inline]
    fn is_filled(slots: &Self::Slots, index: usize) -> bool {
        slots[index].is_some()
    }

    fn clear(slots: &mut Self::Slots) {
        slots.iter_mut().for_each(|slot| *slot = None);
    }

    #[inline]
    fn poll_into(
        self: Pin<&mut Self>,
        index: usize,
        cx: &mut Context<'_>,
        slots: &mut Self::Slots,
    ) -> Poll<Option<()>> {
        let slice: Pin<&mut [S]> = self;
        pin_element(slice, index)
            .poll_next(cx)
            .map(|item| item.map(|item| slots[index] = Some(item)))
    }

    #[inline]
    fn take_items(slots: &mut Self::Slots) -> Self::Items {
        core::array::from_fn(|index| slots[index].take().expect(TAKEN))
    }
}

impl<S: Stream, const N: usize> SameItems for [S; N] {
    type Item = S::Item;

    #[inline]
    fn poll_at(self: Pin<&mut Self>, index: usize, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let slice: Pin<&mut [S]> = self;
        pin_element(slice, index).poll_next(cx)
    }
}

#[cfg(feature = "alloc")]
mod vec {
    use alloc::vec::Vec;
    use core::pin::Pin;
    use core::task::{Context, Poll};

    use rill_core::Stream;

    use super::{SameItems, StreamSet, TAKEN, pin_element};

    /// The elements as a pinned slice. The `Vec` itself is `Unpin`, so this
    /// goes through `get_unchecked_mut` rather than handing out `&mut Vec`.
    #[inline]
    fn pinned_slice<S>(vec: Pin<&mut Vec<S>>) -> Pin<&mut [S]> {
        // SAFETY: the slice is the `Vec`'s heap buffer, which does not move
        // while the `Vec` is pinned (it is never pushed to or reallocated
        // then; see the module docs).
        unsafe { vec.map_unchecked_mut(Vec::as_mut_slice) }
    }

    impl<S: Stream> StreamSet for Vec<S> {
        type Pins = S;
        type Items = Vec<S::Item>;
        type Slots = Vec<Option<S::Item>>;

        #[inline]
        fn count(&self) -> usize {
            self.len()
        }

        fn size_hint_at(&self, index: usize) -> (usize, Option<usize>) {
            self[index].size_hint()
        }

        fn empty_slots(&self) -> Self::Slots {
            (0..self.len()).map(|_| None).collect()
        }

        #[inline]
        fn is_filled(slots: &Self::Slots, index: usize) -> bool {
            slots[index].is_some()
        }

        fn clear(slots: &mut Self::Slots) {
            slots.iter_mut().for_each(|slot| *slot = None);
        }

        #[inline]
        fn poll_into(
            self: Pin<&mut Self>,
            index: usize,
            cx: &mut Context<'_>,
            slots: &mut Self::Slots,
        ) -> Poll<Option<()>> {
            pin_element(pinned_slice(self), index)
                .poll_next(cx)
                .map(|item| item.map(|item| slots[index] = Some(item)))
        }

        fn take_items(slots: &mut Self::Slots) -> Self::Items {
            slots
                .iter_mut()
                .map(|slot| slot.take().expect(TAKEN))
                .collect()
        }
    }

    impl<S: Stream> SameItems for Vec<S> {
        type Item = S::Item;

        #[inline]
        fn poll_at(
            self: Pin<&mut Self>,
            index: usize,
            cx: &mut Context<'_>,
        ) -> Poll<Option<S::Item>> {
            pin_element(pinned_slice(self), index).poll_next(cx)
        }
    }
}
