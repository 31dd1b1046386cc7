//! Compile-time checks: every adapter is `Send`, `Sync` and `Unpin` exactly
//! when its parts are. A failing check is a compile error, not a test
//! failure.
//!
//! Positive checks are plain trait bounds. Negative checks use the
//! "ambiguous impl" trick: `Probe<A>` is implemented for every type with
//! `A = ()` and for types with the trait with `A = u8`; calling a method of
//! it with `A` left to inference compiles only when exactly one impl
//! applies, i.e. when the type does NOT have the trait.

use core::cell::Cell;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::task::{Context, Poll};
use std::rc::Rc;
use std::sync::MutexGuard;

use rill_combinators::StreamExt;
use rill_core::Stream;

/// Asserts at compile time that the value's type has all the listed
/// traits.
macro_rules! has {
    ($e:expr => $($tr:path),+) => {{
        fn check<T: ?Sized $(+ $tr)+>(_: &T) {}
        check(&$e);
    }};
}

/// Asserts at compile time that the value's type does not have the trait.
macro_rules! lacks {
    ($e:expr => $tr:path) => {{
        trait Probe<A> {
            fn probe(&self) {}
        }
        impl<T: ?Sized> Probe<()> for T {}
        impl<T: ?Sized + $tr> Probe<u8> for T {}
        Probe::probe(&$e);
    }};
}

/// Markers: every auto trait but the one named.
type NotSend = PhantomData<MutexGuard<'static, ()>>; // Sync + Unpin
type NotSync = PhantomData<Cell<u8>>; // Send + Unpin
type NotUnpin = PhantomPinned; // Send + Sync

/// A stream whose auto traits are those of `M`, yielding `I`s.
struct Src<M, I = u8>(PhantomData<(M, I)>, M);

impl<M, I> Stream for Src<M, I> {
    type Item = I;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<I>> {
        Poll::Ready(None)
    }
}

/// A future whose auto traits are those of `M`, resolving to `O`.
struct Fut<M, O>(PhantomData<O>, M);

impl<M, O> Future for Fut<M, O> {
    type Output = O;
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<O> {
        Poll::Pending
    }
}

fn src<M: Default, I>() -> Src<M, I> {
    Src(PhantomData, M::default())
}

fn fut<M: Default, O>() -> Fut<M, O> {
    Fut(PhantomData, M::default())
}

/// A value whose auto traits are those of `M`, for closures to capture.
fn marker<M: Default>() -> M {
    M::default()
}

/// Checks an adapter built by `$build` from a stream: all three traits with
/// a plain stream, and each one missing exactly when the stream lacks it.
macro_rules! stream_part {
    (|$s:ident| $build:expr) => {{
        has!({ let $s = src::<(), u8>(); $build } => Send, Sync, Unpin);
        lacks!({ let $s = src::<NotSend, u8>(); $build } => Send);
        has!({ let $s = src::<NotSend, u8>(); $build } => Sync, Unpin);
        lacks!({ let $s = src::<NotSync, u8>(); $build } => Sync);
        has!({ let $s = src::<NotSync, u8>(); $build } => Send, Unpin);
        lacks!({ let $s = src::<NotUnpin, u8>(); $build } => Unpin);
        has!({ let $s = src::<NotUnpin, u8>(); $build } => Send, Sync);
    }};
}

#[test]
fn stream_only_adapters() {
    stream_part!(|s| s.enumerate());
    stream_part!(|s| s.fuse());
    stream_part!(|s| s.skip(1));
    stream_part!(|s| s.take(1));
    stream_part!(|s| s.step_by(1));
    stream_part!(|s| s.peekable());
    stream_part!(|s| s.chunks(1));
    stream_part!(|s| s.ready_chunks(1));
    stream_part!(|s| s.catch_unwind());
    stream_part!(|s| s.map(|x| x));
    stream_part!(|s| s.inspect(|_| {}));
    stream_part!(|s| s.map_while(Some));
    stream_part!(|s| s.filter(|_| core::future::ready(true)));
    stream_part!(|s| s.filter_map(|x| core::future::ready(Some(x))));
    stream_part!(|s| s.then(core::future::ready));
    stream_part!(|s| s.skip_while(|_| core::future::ready(true)));
    stream_part!(|s| s.take_while(|_| core::future::ready(true)));
    stream_part!(|s| s.scan(0, |_, x| core::future::ready(Some(x))));
    stream_part!(|s| s.take_until(core::future::ready(())));
}

#[test]
fn into_future_needs_an_unpin_stream() {
    has!(src::<(), u8>().into_future() => Send, Sync, Unpin);
    lacks!(src::<NotSend, u8>().into_future() => Send);
    lacks!(src::<NotSync, u8>().into_future() => Sync);
}

/// Checks an adapter over a plain stream whose closure captures `$m`: a
/// closure is moved, never pinned, so it decides `Send`/`Sync` only.
macro_rules! closure_part {
    (|$m:ident| $build:expr) => {{
        lacks!({ let $m = marker::<NotSend>(); $build } => Send);
        has!({ let $m = marker::<NotSend>(); $build } => Sync, Unpin);
        lacks!({ let $m = marker::<NotSync>(); $build } => Sync);
        has!({ let $m = marker::<NotSync>(); $build } => Send, Unpin);
        has!({ let $m = marker::<NotUnpin>(); $build } => Send, Sync, Unpin);
    }};
}

#[test]
fn closures_decide_send_and_sync_only() {
    let s = || src::<(), u8>();
    closure_part!(|m| s().map(move |x| {
        let _ = &m;
        x
    }));
    closure_part!(|m| s().inspect(move |_| {
        let _ = &m;
    }));
    closure_part!(|m| s().map_while(move |x| {
        let _ = &m;
        Some(x)
    }));
    closure_part!(|m| s().filter(move |_| {
        let _ = &m;
        core::future::ready(true)
    }));
    closure_part!(|m| s().then(move |x| {
        let _ = &m;
        core::future::ready(x)
    }));
    closure_part!(|m| s().scan((), move |_, x| {
        let _ = &m;
        core::future::ready(Some(x))
    }));
}

/// Checks an adapter over a plain stream whose closure returns a future
/// (or whose stopping future is) `Fut<$m, _>`: a future is pinned, so it
/// decides all three traits.
macro_rules! future_part {
    (|$m:ident| $build:expr) => {{
        {
            type $m = NotSend;
            lacks!($build => Send);
            has!($build => Sync, Unpin);
        }
        {
            type $m = NotSync;
            lacks!($build => Sync);
            has!($build => Send, Unpin);
        }
        {
            type $m = NotUnpin;
            lacks!($build => Unpin);
            has!($build => Send, Sync);
        }
    }};
}

#[test]
fn futures_decide_all_three() {
    let s = || src::<(), u8>();
    future_part!(|M| s().filter(|_| fut::<M, bool>()));
    future_part!(|M| s().filter_map(|_| fut::<M, Option<u8>>()));
    future_part!(|M| s().then(|_| fut::<M, u8>()));
    future_part!(|M| s().skip_while(|_| fut::<M, bool>()));
    future_part!(|M| s().take_while(|_| fut::<M, bool>()));
    future_part!(|M| s().scan((), |_, _| fut::<M, Option<u8>>()));
    future_part!(|M| s().take_until(fut::<M, ()>()));
}

#[test]
fn held_items_and_state_decide_send_and_sync() {
    // Adapters that hold an item (or a state) between polls.
    let s = || src::<(), Rc<u8>>();
    lacks!(s().peekable() => Send);
    lacks!(s().chunks(1) => Sync);
    lacks!(s().ready_chunks(1) => Send);
    lacks!(s().filter(|_| core::future::ready(true)) => Send);
    lacks!(s().skip_while(|_| core::future::ready(true)) => Sync);
    lacks!(s().take_while(|_| core::future::ready(true)) => Send);
    has!(s().peekable() => Unpin);
    let s = || src::<(), u8>();
    lacks!(s().scan(Rc::new(0), |_, x| core::future::ready(Some(x))) => Send);
    has!(s().scan(PhantomPinned, |_, x| core::future::ready(Some(x))) => Unpin);
    // The output of `take_until`'s future is kept until taken.
    lacks!(s().take_until(core::future::ready(Rc::new(0))) => Send);
}

#[test]
fn peekable_futures_follow_the_peekable() {
    let mut p = Box::pin(src::<(), u8>().peekable());
    has!(p.as_mut().peek() => Send, Sync, Unpin);
    has!(p.as_mut().peek_mut() => Send, Sync, Unpin);
    has!(p.as_mut().next_if_eq(&0) => Send, Sync, Unpin);
    // The closure of `next_if` is only moved: it is `Unpin` regardless.
    let m = marker::<NotUnpin>();
    has!(p.as_mut().next_if(move |_| {
        let _ = &m;
        true
    }) => Send, Sync, Unpin);
    let m = marker::<NotSend>();
    lacks!(p.as_mut().next_if(move |_| {
        let _ = &m;
        true
    }) => Send);

    let mut p = Box::pin(src::<NotSend, u8>().peekable());
    lacks!(p.as_mut().peek() => Send);
    let mut p = Box::pin(src::<NotSync, u8>().peekable());
    lacks!(p.as_mut().peek_mut() => Sync);
    // `&mut T` is `Send` when `T` is: a `Peekable` that is `Send` but not
    // `Sync` gives futures that are the same.
    lacks!(p.as_mut().next_if_eq(&0) => Sync);
    has!(p.as_mut().next_if_eq(&0) => Send, Unpin);
}
