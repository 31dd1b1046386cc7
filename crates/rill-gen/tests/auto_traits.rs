//! `Send`, `Sync` and `Unpin` exactly when the body allows, checked at
//! compile time (positive and negative).

use core::cell::Cell;
use core::future::ready;
use std::rc::Rc;

use rill_core::Stream;
use rill_gen::{Yield, Yielder, stream_fn, try_stream_fn};

fn assert_send<T: Send>(_: &T) {}
fn assert_sync<T: Sync>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}

// Streams are built in their own functions: the auto traits of an `async`
// block are only known outside the function that contains it.

fn plain() -> impl Stream<Item = String> {
    stream_fn(|mut y| async move {
        y.yield_item(String::from("a")).await;
    })
}

fn plain_try() -> impl Stream<Item = Result<u8, String>> {
    try_stream_fn(|mut y| async move {
        y.yield_item(1u8).await;
        Err::<(), String>(String::new())
    })
}

fn rc_body() -> impl Stream<Item = u32> {
    stream_fn(|mut y| async move {
        let rc = Rc::new(1u32);
        y.yield_item(*rc).await;
        drop(rc);
    })
}

fn rc_body_try() -> impl Stream<Item = Result<u32, ()>> {
    try_stream_fn(|mut y| async move {
        let rc = Rc::new(1u32);
        y.yield_item(*rc).await;
        drop(rc);
        Ok::<(), ()>(())
    })
}

fn cell_body() -> impl Stream<Item = u32> {
    stream_fn(|mut y| async move {
        let c = Cell::new(1u32);
        y.yield_item(c.get()).await;
        c.set(2);
    })
}

fn rc_items() -> impl Stream<Item = Rc<u8>> {
    stream_fn(|mut y| async move {
        y.yield_item(Rc::new(1u8)).await;
    })
}

fn rc_error() -> impl Stream<Item = Result<u8, Rc<()>>> {
    try_stream_fn(|_y: Yielder<u8>| ready(Err::<(), _>(Rc::new(()))))
}

/// Compiles only if the value's type does NOT implement the trait: with the
/// trait implemented, two impls apply and the call is ambiguous.
macro_rules! assert_not {
    ($value:expr, $trait:path) => {{
        trait AmbiguousIfImpl<A> {
            fn check(&self) {}
        }
        impl<T: ?Sized> AmbiguousIfImpl<()> for T {}
        #[allow(dead_code)]
        struct Implemented;
        impl<T: ?Sized + $trait> AmbiguousIfImpl<Implemented> for T {}
        AmbiguousIfImpl::check(&$value);
    }};
}

#[test]
fn plain_body_is_send_and_sync_but_not_unpin() {
    let s = plain();
    assert_send(&s);
    assert_sync(&s);
    assert_not!(s, Unpin); // an `async` block is never `Unpin`
    let t = plain_try();
    assert_send(&t);
    assert_sync(&t);
    assert_not!(t, Unpin);
}

#[test]
fn unpin_body_gives_an_unpin_stream() {
    let s = stream_fn(|_y: Yielder<u8>| ready(()));
    assert_unpin(&s);
    assert_send(&s);
    assert_sync(&s);
    let t = try_stream_fn(|_y: Yielder<u8>| ready(Ok::<(), ()>(())));
    assert_unpin(&t);
}

#[test]
fn body_holding_an_rc_across_an_await_is_neither_send_nor_sync() {
    let s = rc_body();
    assert_not!(s, Send);
    assert_not!(s, Sync);
    let t = rc_body_try();
    assert_not!(t, Send);
    assert_not!(t, Sync);
}

#[test]
fn body_holding_a_cell_across_an_await_is_send_but_not_sync() {
    let s = cell_body();
    assert_send(&s);
    assert_not!(s, Sync);
}

#[test]
fn items_that_are_not_send_make_the_stream_not_send() {
    let s = rc_items();
    assert_not!(s, Send);
    assert_not!(s, Sync);
}

#[test]
fn error_type_that_is_not_send_makes_the_try_stream_not_send() {
    let t = rc_error();
    assert_not!(t, Send);
    assert_unpin(&t);
}

#[test]
fn yielder_and_yield_follow_the_item_type() {
    let _s = stream_fn(|mut y: Yielder<String>| async move {
        assert_send(&y);
        assert_sync(&y);
        assert_unpin(&y);
        let fut: Yield<'_, String> = y.yield_item(String::new());
        assert_send(&fut);
        assert_sync(&fut);
        assert_unpin(&fut);
    });
    let _r = stream_fn(|mut y: Yielder<Rc<u8>>| async move {
        assert_not!(y, Send);
        assert_not!(y, Sync);
        let fut = y.yield_item(Rc::new(0));
        assert_not!(fut, Send);
        assert_unpin(&fut); // `Yield` is `Unpin` whatever the item
    });
}
