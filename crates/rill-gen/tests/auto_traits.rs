//! `Send`, `Sync` and `Unpin` exactly when the body allows, checked at
//! compile time (positive and negative).

use core::cell::Cell;
use core::future::ready;
use std::rc::Rc;

use rill_core::Stream;
use rill_gen::{Yield, Yielder, stream_fn, try_stream_fn};
use rill_test::{assert_impl, assert_not_impl};

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

#[test]
fn plain_body_is_send_and_sync_but_not_unpin() {
    let s = plain();
    assert_impl!(value = s => Send);
    assert_impl!(value = s => Sync);
    assert_not_impl!(value = s => Unpin); // an `async` block is never `Unpin`
    let t = plain_try();
    assert_impl!(value = t => Send);
    assert_impl!(value = t => Sync);
    assert_not_impl!(value = t => Unpin);
}

#[test]
fn unpin_body_gives_an_unpin_stream() {
    let s = stream_fn(|_y: Yielder<u8>| ready(()));
    assert_impl!(value = s => Unpin);
    assert_impl!(value = s => Send);
    assert_impl!(value = s => Sync);
    let t = try_stream_fn(|_y: Yielder<u8>| ready(Ok::<(), ()>(())));
    assert_impl!(value = t => Unpin);
}

#[test]
fn body_holding_an_rc_across_an_await_is_neither_send_nor_sync() {
    let s = rc_body();
    assert_not_impl!(value = s => Send);
    assert_not_impl!(value = s => Sync);
    let t = rc_body_try();
    assert_not_impl!(value = t => Send);
    assert_not_impl!(value = t => Sync);
}

#[test]
fn body_holding_a_cell_across_an_await_is_send_but_not_sync() {
    let s = cell_body();
    assert_impl!(value = s => Send);
    assert_not_impl!(value = s => Sync);
}

#[test]
fn items_that_are_not_send_make_the_stream_not_send() {
    let s = rc_items();
    assert_not_impl!(value = s => Send);
    assert_not_impl!(value = s => Sync);
}

#[test]
fn error_type_that_is_not_send_makes_the_try_stream_not_send() {
    let t = rc_error();
    assert_not_impl!(value = t => Send);
    assert_impl!(value = t => Unpin);
}

#[test]
fn yielder_and_yield_follow_the_item_type() {
    let _s = stream_fn(|mut y: Yielder<String>| async move {
        assert_impl!(value = y => Send);
        assert_impl!(value = y => Sync);
        assert_impl!(value = y => Unpin);
        let fut: Yield<'_, String> = y.yield_item(String::new());
        assert_impl!(value = fut => Send);
        assert_impl!(value = fut => Sync);
        assert_impl!(value = fut => Unpin);
    });
    let _r = stream_fn(|mut y: Yielder<Rc<u8>>| async move {
        assert_not_impl!(value = y => Send);
        assert_not_impl!(value = y => Sync);
        let fut = y.yield_item(Rc::new(0));
        assert_not_impl!(value = fut => Send);
        assert_impl!(value = fut => Unpin); // `Yield` is `Unpin` whatever the item
    });
}
