//! A panic in the body never leaks, double-drops or loses track of an item
//! already handed over, and leaves an escaped yielder rejected. Each test
//! counts drops; `cargo xtask valgrind` runs them too (no "definitely
//! lost").

use core::cell::{Cell, RefCell};
use core::future::{Future, poll_fn};
use core::pin::Pin;
use core::task::Poll;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use rill_core::Stream;
use rill_gen::{Yielder, stream_fn, try_stream_fn};
use rill_test::{block_on, noop_context};

/// An item that counts how often it is dropped (and owns heap memory, so
/// that valgrind reports it if it leaks).
#[derive(Debug)]
struct Counted {
    drops: Rc<Cell<usize>>,
    _heap: Box<u64>,
}

impl Counted {
    fn new(drops: &Rc<Cell<usize>>) -> Self {
        Counted {
            drops: Rc::clone(drops),
            _heap: Box::new(7),
        }
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

/// Polls `stream` once; `Err` with the panic message if it panicked.
fn poll_catching<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Result<Poll<Option<S::Item>>, String> {
    catch_unwind(AssertUnwindSafe(|| stream.poll_next(&mut noop_context())))
        .map_err(|e| rill_test::panic_message(&*e))
}

/// A body that hands `item` over through a `Yield` it polls itself (as
/// `join!`, `select!` or `poll_fn` do), then panics in the same poll.
async fn hand_over_then_panic<T>(y: &mut Yielder<T>, item: T) {
    let mut fut = y.yield_item(item);
    poll_fn(|cx| {
        assert!(Pin::new(&mut fut).poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
    panic!("boom after the hand-over");
}

#[test]
fn item_handed_over_in_the_poll_that_panics_is_dropped_once() {
    let drops = Rc::new(Cell::new(0));
    let d = Rc::clone(&drops);
    let s = stream_fn(move |mut y| async move {
        hand_over_then_panic(&mut y, Counted::new(&d)).await;
    });
    let mut s = Box::pin(s);
    let err = poll_catching(s.as_mut()).unwrap_err();
    assert!(err.contains("boom after the hand-over"), "{err}");
    drop(s);
    assert_eq!(drops.get(), 1, "the item was leaked or dropped twice");
}

#[test]
fn polling_again_after_the_panic_does_not_lose_the_item() {
    let drops = Rc::new(Cell::new(0));
    let d = Rc::clone(&drops);
    let s = stream_fn(move |mut y| async move {
        hand_over_then_panic(&mut y, Counted::new(&d)).await;
    });
    let mut s = Box::pin(s);
    assert!(poll_catching(s.as_mut()).is_err());
    // The body is poisoned: polling it again panics again (rustc's
    // "`async fn` resumed after panicking"), and must not clobber the
    // item still in the slot.
    assert!(poll_catching(s.as_mut()).is_err());
    drop(s);
    assert_eq!(drops.get(), 1, "the item was leaked or dropped twice");
}

#[test]
fn try_stream_item_handed_over_before_a_panic_is_dropped_once() {
    let drops = Rc::new(Cell::new(0));
    let d = Rc::clone(&drops);
    let s = try_stream_fn(move |mut y| async move {
        hand_over_then_panic(&mut y, Counted::new(&d)).await;
        Ok::<(), ()>(())
    });
    let mut s = Box::pin(s);
    assert!(poll_catching(s.as_mut()).is_err());
    assert!(poll_catching(s.as_mut()).is_err());
    drop(s);
    assert_eq!(drops.get(), 1, "the item was leaked or dropped twice");
}

#[test]
fn escaped_yielder_is_rejected_after_a_panicking_poll() {
    // The closure hands its yielder out; the body panics. The escaped
    // yielder must then be refused (as it is after any other poll), not
    // accepted because the stream was left "polling".
    let stash: Rc<RefCell<Option<Yielder<u32>>>> = Rc::default();
    let st = Rc::clone(&stash);
    let s = stream_fn(move |y| {
        *st.borrow_mut() = Some(y);
        async { panic!("boom in the body") }
    });
    let mut s = Box::pin(s);
    let err = poll_catching(s.as_mut()).unwrap_err();
    assert!(err.contains("boom in the body"), "{err}");
    let mut y = stash.borrow_mut().take().unwrap();
    let mut fut = y.yield_item(5);
    let result = catch_unwind(AssertUnwindSafe(|| {
        Pin::new(&mut fut).poll(&mut noop_context())
    }));
    let err = result.expect_err("the escaped yielder's yield was accepted");
    let msg = rill_test::panic_message(&*err);
    assert!(msg.contains("`Yielder` used outside its stream"), "{msg}");
    drop(fut);
    drop(s);
}

#[test]
fn items_of_a_stream_dropped_while_unwinding_are_dropped_once() {
    // The panic propagates through the owner of the stream, which drops
    // it during the unwinding.
    let drops = Rc::new(Cell::new(0));
    let d = Rc::clone(&drops);
    let result = catch_unwind(AssertUnwindSafe(|| {
        let s = stream_fn(move |mut y| async move {
            y.yield_item(Counted::new(&d)).await;
            hand_over_then_panic(&mut y, Counted::new(&d)).await;
        });
        let mut s = Box::pin(s);
        let first = block_on(poll_fn(|cx| s.as_mut().poll_next(cx)));
        drop(first);
        let _ = s.as_mut().poll_next(&mut noop_context());
    }));
    assert!(result.is_err());
    assert_eq!(drops.get(), 2, "an item was leaked or dropped twice");
}
