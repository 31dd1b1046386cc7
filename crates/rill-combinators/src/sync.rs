//! The one place the crate takes its synchronisation primitives from.
//!
//! Under `cfg(loom)` every atomic, `Arc` and `UnsafeCell` is loom's, so that
//! the loom tests (`tests/loom_*.rs`) explore every interleaving of the task
//! set's waker protocol. Other modules never import atomics from `core` or
//! `alloc` directly.
//!
//! Without `alloc` the crate has no task set: only the static counter below
//! is used then.
#![cfg_attr(not(feature = "alloc"), allow(unused_imports, dead_code))]

#[cfg(loom)]
pub(crate) use loom::cell::UnsafeCell;
#[cfg(loom)]
pub(crate) use loom::hint::spin_loop;
#[cfg(loom)]
pub(crate) use loom::sync::Arc;
#[cfg(loom)]
pub(crate) use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[cfg(all(not(loom), feature = "alloc"))]
pub(crate) use alloc::sync::Arc;
#[cfg(not(loom))]
pub(crate) use core::hint::spin_loop;
#[cfg(not(loom))]
pub(crate) use core::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The atomic of a `static` that takes part in no synchronisation protocol
/// (the seed counter of `race` without `std`): core's under loom too, since
/// loom's atomics cannot live in a `static` and there is nothing to model.
#[cfg(not(feature = "std"))]
pub(crate) use core::sync::atomic::{AtomicUsize as StaticAtomicUsize, Ordering as StaticOrdering};

/// `core::cell::UnsafeCell` with loom's closure-based access API, so that the
/// same code compiles against both.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T>(core::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    pub(crate) const fn new(value: T) -> Self {
        Self(core::cell::UnsafeCell::new(value))
    }

    /// Calls `f` with a raw pointer to the contents; the caller of `f`
    /// upholds the aliasing rules (see each call site's `SAFETY`).
    #[inline]
    pub(crate) fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.0.get())
    }

    /// Unwraps the value (loom's cell has the same method).
    #[inline]
    pub(crate) fn into_inner(self) -> T {
        self.0.into_inner()
    }
}
