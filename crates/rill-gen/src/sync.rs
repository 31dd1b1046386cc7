//! The atomics and cell the slot is built from: std's normally,
//! loom's under `--cfg loom` (model checking in `tests/loom_*.rs`). Other
//! modules import them from here, never from `core`/`alloc` directly.

#[cfg(loom)]
pub(crate) use loom::cell::UnsafeCell;
#[cfg(loom)]
pub(crate) use loom::sync::atomic::{AtomicPtr, AtomicU8, Ordering, fence};

#[cfg(not(loom))]
pub(crate) use core::sync::atomic::{AtomicPtr, AtomicU8, Ordering, fence};

/// `core::cell::UnsafeCell`, accessed through [`with_mut!`] as loom's is,
/// so that the slot's code is the same under loom, which checks every
/// access.
#[cfg(not(loom))]
#[derive(Debug)]
pub(crate) struct UnsafeCell<T>(core::cell::UnsafeCell<T>);

#[cfg(not(loom))]
impl<T> UnsafeCell<T> {
    #[inline]
    pub(crate) const fn new(value: T) -> Self {
        UnsafeCell(core::cell::UnsafeCell::new(value))
    }

    /// A raw pointer to the contents (see [`with_mut!`]).
    #[inline(always)]
    pub(crate) fn get(&self) -> *mut T {
        self.0.get()
    }
}

/// `with_mut!(cell, |p| body)`: runs `body` with `p`, a raw pointer to the
/// contents of `cell`. Under loom, through loom's `with_mut`, which checks
/// every access; otherwise directly, without a closure (every crate with a
/// stream compiles this code: a closure per access would be one more
/// function each).
#[cfg(not(loom))]
macro_rules! with_mut {
    ($cell:expr, |$p:ident| $body:expr) => {{
        let $p = $cell.get();
        $body
    }};
}

#[cfg(loom)]
macro_rules! with_mut {
    ($cell:expr, |$p:ident| $body:expr) => {
        $cell.with_mut(|$p| $body)
    };
}

pub(crate) use with_mut;
