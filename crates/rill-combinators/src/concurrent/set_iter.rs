//! The iterators over the children of a [`FuturesUnordered`] or a
//! [`SelectAll`]: both are a task set, so they share these types (as
//! `futures_unordered::Iter`, `select_all::Iter`, ...).
//!
//! [`FuturesUnordered`]: super::FuturesUnordered
//! [`SelectAll`]: super::SelectAll

use core::fmt;
use core::iter::FusedIterator;
use core::pin::Pin;

use super::slab;

/// Shared references to the children of a set: see
/// [`FuturesUnordered::iter`](super::FuturesUnordered::iter) and
/// [`SelectAll::iter`](super::SelectAll::iter).
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Iter<'a, T>(pub(super) slab::Iter<'a, T>);

/// Mutable references to the children of a set (`Unpin` children): see
/// [`FuturesUnordered::iter_mut`](super::FuturesUnordered::iter_mut) and
/// [`SelectAll::iter_mut`](super::SelectAll::iter_mut).
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct IterMut<'a, T>(pub(super) slab::IterPinMut<'a, T>);

/// Pinned mutable references to the children of a set: see
/// [`FuturesUnordered::iter_pin_mut`](super::FuturesUnordered::iter_pin_mut).
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct IterPinMut<'a, T>(pub(super) slab::IterPinMut<'a, T>);

/// The children of a set, by value (`Unpin` children): see the
/// `IntoIterator` impls of [`FuturesUnordered`](super::FuturesUnordered)
/// and [`SelectAll`](super::SelectAll).
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct IntoIter<T>(pub(super) alloc::vec::IntoIter<T>);

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        self.0.next().map(|(_, child)| child)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a, T: Unpin> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;
    fn next(&mut self) -> Option<&'a mut T> {
        self.0.next().map(|(_, child)| Pin::get_mut(child))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<'a, T> Iterator for IterPinMut<'a, T> {
    type Item = Pin<&'a mut T>;
    fn next(&mut self) -> Option<Pin<&'a mut T>> {
        self.0.next().map(|(_, child)| child)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<T> Iterator for IntoIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        self.0.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T: Unpin> ExactSizeIterator for IterMut<'_, T> {}
impl<T> ExactSizeIterator for IterPinMut<'_, T> {}
impl<T> ExactSizeIterator for IntoIter<T> {}
impl<T> FusedIterator for Iter<'_, T> {}
impl<T: Unpin> FusedIterator for IterMut<'_, T> {}
impl<T> FusedIterator for IterPinMut<'_, T> {}
impl<T> FusedIterator for IntoIter<T> {}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> fmt::Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Iter").field("len", &self.0.len()).finish()
    }
}

impl<T> fmt::Debug for IterMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IterMut")
            .field("len", &self.0.len())
            .finish()
    }
}

impl<T> fmt::Debug for IterPinMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IterPinMut")
            .field("len", &self.0.len())
            .finish()
    }
}

impl<T> fmt::Debug for IntoIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoIter")
            .field("len", &self.0.len())
            .finish()
    }
}
