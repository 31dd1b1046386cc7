//! A yielder used outside its stream panics with a clear message; it never
//! causes undefined behaviour (these tests also run clean under valgrind).

use core::cell::RefCell;
use core::future::poll_fn;
use core::pin::{Pin, pin};
use core::task::Poll;
use std::rc::Rc;

use rill_core::Stream;
use rill_gen::{Yielder, stream_fn, try_stream_fn};
use rill_test::{assert_stream_done, assert_stream_next, block_on, noop_context};

type Stash = Rc<RefCell<Option<Yielder<u32>>>>;

/// A stream whose closure hands its yielder out instead of using it.
fn leaky(stash: &Stash) -> impl Stream<Item = u32> {
    let stash = Rc::clone(stash);
    stream_fn(move |y| {
        *stash.borrow_mut() = Some(y);
        async {}
    })
}

#[test]
#[should_panic(expected = "`Yielder` used outside its stream")]
fn yielder_moved_into_another_task() {
    let stash = Stash::default();
    let _s = leaky(&stash);
    let mut y = stash.borrow_mut().take().unwrap();
    // Another task (here: a future run by block_on) yields through it.
    block_on(y.yield_item(1));
}

#[test]
#[should_panic(expected = "`Yielder` used outside its stream")]
fn yielder_moved_into_another_stream() {
    let stash = Stash::default();
    let _owner = leaky(&stash);
    let stolen = stash.borrow_mut().take().unwrap();
    let other = stream_fn(move |_own: Yielder<u32>| async move {
        let mut y = stolen;
        y.yield_item(5).await;
    });
    let mut other = pin!(other);
    let _ = other.as_mut().poll_next(&mut noop_context());
}

#[test]
#[should_panic(expected = "`Yielder` used after its stream was dropped or finished")]
fn yielder_used_after_its_stream_was_dropped() {
    let stash = Stash::default();
    drop(leaky(&stash));
    let mut y = stash.borrow_mut().take().unwrap();
    block_on(y.yield_item(1));
}

#[test]
#[should_panic(expected = "`Yielder` used after its stream was dropped or finished")]
fn yielder_used_after_its_stream_finished() {
    let stash = Stash::default();
    let s = leaky(&stash);
    let mut s = pin!(s);
    assert_stream_done!(s);
    let mut y = stash.borrow_mut().take().unwrap();
    block_on(y.yield_item(1));
}

#[test]
#[should_panic(expected = "`Yielder` used after its stream was dropped or finished")]
fn try_stream_yielder_used_after_drop() {
    let stash: Rc<RefCell<Option<Yielder<u8>>>> = Rc::default();
    let st = Rc::clone(&stash);
    let s = try_stream_fn(move |y| {
        *st.borrow_mut() = Some(y);
        async { Ok::<(), ()>(()) }
    });
    drop(s);
    let mut y = stash.borrow_mut().take().unwrap();
    block_on(y.yield_item(1));
}

#[test]
fn yielder_moved_to_another_thread_panics_there() {
    let (tx, rx) = std::sync::mpsc::channel();
    let s = stream_fn(move |y: Yielder<u32>| {
        tx.send(y).unwrap();
        async {}
    });
    let mut y = rx.recv().unwrap();
    let err = std::thread::spawn(move || block_on(y.yield_item(3)))
        .join()
        .unwrap_err();
    let msg = rill_test::panic_message(&*err);
    assert!(msg.contains("`Yielder` used outside its stream"), "{msg}");
    drop(s);
}

#[test]
fn a_yield_future_carried_out_of_the_stream_panics_at_its_next_yield() {
    // The body starts a sub-future that yields, polls it once inside the
    // body (fine: 9 is handed over), then smuggles it out. Polled after the
    // stream is gone, its pending yield completes (9 was already delivered)
    // and its next yield panics.
    type BoxFuture = Pin<Box<dyn core::future::Future<Output = ()>>>;
    let stash: Rc<RefCell<Option<BoxFuture>>> = Rc::default();
    let st = Rc::clone(&stash);
    let s = stream_fn(move |mut y: Yielder<u8>| async move {
        let mut fut: Option<BoxFuture> = Some(Box::pin(async move {
            y.yield_item(9).await;
            y.yield_item(10).await;
        }));
        poll_fn(|cx| {
            let mut f = fut.take().unwrap();
            assert!(f.as_mut().poll(cx).is_pending());
            *st.borrow_mut() = Some(f);
            Poll::Ready(())
        })
        .await;
    });
    let mut s = Box::pin(s);
    assert_stream_next!(s, 9);
    assert_stream_done!(s);
    drop(s);
    let mut fut = stash.borrow_mut().take().unwrap();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = fut.as_mut().poll(&mut noop_context());
    }));
    let err = result.unwrap_err();
    let msg = rill_test::panic_message(&*err);
    assert!(
        msg.contains("after its stream was dropped or finished"),
        "{msg}"
    );
}

#[test]
fn yielder_lent_to_a_nested_stream_polled_inside_the_body_yields_to_its_owner() {
    // Not a misuse that can be detected without thread-locals: the nested
    // stream runs inside the owner's poll, so the item goes to the owner.
    // Defined behaviour, no UB.
    let make = || {
        stream_fn(|y: Yielder<u32>| async move {
            let mut y = y;
            let inner = stream_fn(|_own: Yielder<u32>| async move {
                y.yield_item(1).await;
                y.yield_item(2).await;
            });
            let mut inner = pin!(inner);
            let own = poll_fn(|cx| inner.as_mut().poll_next(cx)).await;
            assert_eq!(own, None, "the inner stream yields nothing of its own");
        })
    };
    assert_eq!(rill_test::check_fused_stream(make), [1, 2]);
}
