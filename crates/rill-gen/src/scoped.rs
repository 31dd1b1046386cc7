//! The yielder of the `stream!` / `try_stream!` macros: [`ScopedYielder`],
//! whose lifetime ties it to the body, so that it cannot escape and its
//! hand-off needs no run-time check.
//!
//! The macros expand to [`stream_fn_scoped`] / [`try_stream_fn_scoped`]
//! with an async closure, `async move |mut y| { .. }`. Their bound,
//! `for<'a> AsyncFnOnce(ScopedYielder<'a, T>)`, makes `'a` a lifetime the
//! body knows nothing about: the body cannot store the yielder anywhere
//! that outlives it, send it to a thread that is not joined before its poll
//! returns, or return it. So every yield runs inside a poll (or the drop)
//! of the body, which the stream is running.
//!
//! (`stream_fn(|mut y| async move { .. })`, a closure returning an `async`
//! block, cannot have such a bound: the future it returns would borrow the
//! closure's argument, which a closure's return type cannot express. So
//! the public [`Yielder`](crate::Yielder) is `'static` and checked at run
//! time instead.)

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::consumer::Consumer;
use crate::kind::Scoped;
use crate::slot::ScopedSlot;
use crate::yielder::Hand;
use crate::{StreamFn, TryStreamFn};

/// The yielder the macros pass to the body. Not public API.
///
/// Invariant in `'a` and `T`; `Send` and `Sync` when `T: Send`.
pub struct ScopedYielder<'a, T> {
    slot: ScopedSlot<T>,
    _scope: PhantomData<fn(&'a ()) -> &'a ()>,
    _item: PhantomData<fn(T) -> T>,
}

impl<T> ScopedYielder<'_, T> {
    /// Yields `item`, as [`Yielder::yield_item`](crate::Yielder::yield_item)
    /// does (same hand-off, no run-time check).
    #[inline]
    pub fn yield_item(&mut self, item: T) -> ScopedYield<'_, T> {
        ScopedYield {
            slot: self.slot,
            hand: Hand::new(item),
            _yielder: PhantomData,
        }
    }
}

impl<T> fmt::Debug for ScopedYielder<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScopedYielder").finish_non_exhaustive()
    }
}

/// The future returned by [`ScopedYielder::yield_item`]. Not public API.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ScopedYield<'y, T> {
    slot: ScopedSlot<T>,
    hand: Hand<T>,
    _yielder: PhantomData<&'y mut ()>,
}

impl<T> Unpin for ScopedYield<'_, T> {}

impl<T> Future for ScopedYield<'_, T> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        this.hand.poll::<false>(this.slot.get())
    }
}

impl<T> fmt::Debug for ScopedYield<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.hand.debug("ScopedYield", f)
    }
}

/// A new slot for [`stream_fn_scoped`] / [`try_stream_fn_scoped`], made
/// before the body's closure (so that the constructor has nothing to clean
/// up if making the slot unwinds: less code for every `stream!`). Not
/// public API; a slot not given to one of them leaks.
pub struct NewSlot<T>(ScopedSlot<T>);

impl<T> fmt::Debug for NewSlot<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewSlot").finish_non_exhaustive()
    }
}

/// See [`NewSlot`]. Not public API.
#[inline]
pub fn new_slot<T>() -> NewSlot<T> {
    NewSlot(ScopedSlot::new_slot())
}

/// What `stream!` expands to: [`stream_fn`](crate::stream_fn) for an async
/// closure taking a [`ScopedYielder`]. Not public API.
#[inline]
pub fn stream_fn_scoped<T, F>(
    NewSlot(slot): NewSlot<T>,
    f: F,
) -> StreamFn<T, impl Future<Output = ()>, Scoped>
where
    F: for<'a> AsyncFnOnce(ScopedYielder<'a, T>),
{
    // No handle owns the slot while `f` runs (it only builds the body),
    // and nothing after it can unwind: no cleanup code in here.
    let body = f(ScopedYielder {
        slot,
        _scope: PhantomData,
        _item: PhantomData,
    });
    StreamFn {
        body,
        // SAFETY: once per slot. The yielder is in the body, which the
        // stream drops before its consumer (field order), and the body
        // cannot move it anywhere else: `f` must accept a yielder of any
        // lifetime (module docs). So it is used only while the consumer
        // is alive, inside a poll or the drop of the body.
        consumer: Consumer::new(unsafe { slot.into_consumer() }),
    }
}

/// What `try_stream!` expands to: [`try_stream_fn`](crate::try_stream_fn)
/// for an async closure taking a [`ScopedYielder`]. Not public API.
#[inline]
pub fn try_stream_fn_scoped<T, E, F>(
    NewSlot(slot): NewSlot<T>,
    f: F,
) -> TryStreamFn<T, E, impl Future<Output = Result<(), E>>, Scoped>
where
    F: for<'a> AsyncFnOnce(ScopedYielder<'a, T>) -> Result<(), E>,
{
    let body = f(ScopedYielder {
        slot,
        _scope: PhantomData,
        _item: PhantomData,
    });
    TryStreamFn {
        body,
        // SAFETY: as in `stream_fn_scoped`.
        consumer: Consumer::new(unsafe { slot.into_consumer() }),
        error: None,
    }
}
