//! Model checks of `stream_fn` and its `Yielder` under misuse: a yielder
//! that escaped the body yields from another thread while the stream polls
//! its body (which may also yield, or panic) on this one. loom explores the
//! interleavings and fails on any unsynchronised access to an item (a data
//! race would be UB); each test checks that the items come out in order,
//! at most once, and are never dropped twice. (A yielder used from another
//! thread while its stream polls may, in one interleaving, leak its item:
//! see `slot.rs`. Without such a race nothing leaks: the drop counts are
//! exact there.) Run with `cargo xtask loom`.
#![cfg(loom)]

use core::future::{Future, poll_fn};
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::panic::{AssertUnwindSafe, catch_unwind};

use std::cell::Cell;

use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, Ordering};
use rill_core::Stream;
use rill_gen::{Yielder, stream_fn};

thread_local! {
    /// Items made and dropped in the current execution. loom runs all the
    /// threads of a model on the test's own thread, one execution at a
    /// time; tests run on separate threads.
    static MADE: Cell<usize> = const { Cell::new(0) };
    static DROPPED: Cell<usize> = const { Cell::new(0) };
}

/// An item that counts its drops.
#[derive(Debug)]
struct Item(u32);

impl Item {
    fn new(v: u32) -> Self {
        MADE.set(MADE.get() + 1);
        Item(v)
    }
}

impl Drop for Item {
    fn drop(&mut self) {
        DROPPED.set(DROPPED.get() + 1);
    }
}

/// Runs `f` as a loom model, checking after each execution that no item
/// was dropped twice, and (`exact`) that none leaked.
fn model(exact: bool, f: impl Fn() + Sync + Send + 'static) {
    // The refused yields panic on purpose, thousands of times over the
    // explored executions: keep their messages out of the output, and show
    // any other (a loom failure may abort the process, losing the captured
    // output: run with `-- --nocapture` to see it).
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("");
        if !msg.contains("`Yielder` used") && !msg.contains("boom") {
            eprintln!("{info}");
        }
    }));
    loom::model(move || {
        MADE.set(0);
        DROPPED.set(0);
        f();
        let (made, dropped) = (MADE.get(), DROPPED.get());
        assert!(
            dropped <= made,
            "an item was dropped twice: {dropped} drops of {made}"
        );
        if exact {
            assert_eq!(dropped, made, "an item leaked");
        }
    });
}

fn noop_cx() -> Context<'static> {
    Context::from_waker(Waker::noop())
}

/// Polls `fut` once with a no-op context; `None` if it panicked (the
/// yielder was refused as used outside its stream).
fn poll_catching<F: Future + Unpin>(fut: &mut F) -> Option<Poll<F::Output>> {
    catch_unwind(AssertUnwindSafe(|| Pin::new(fut).poll(&mut noop_cx()))).ok()
}

/// A body that returns `Pending` `n` times (waking itself), then finishes.
async fn pend(n: usize) {
    let mut left = n;
    poll_fn(|cx| {
        if left == 0 {
            return Poll::Ready(());
        }
        left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    })
    .await;
}

/// What the escaped yielder's thread saw: the values whose first poll did
/// not panic (they were handed over or queued).
fn yield_from_another_thread(mut y: Yielder<Item>, values: &[u32]) -> Vec<u32> {
    let mut handed = Vec::new();
    for &v in values {
        let mut fut = y.yield_item(Item::new(v));
        if poll_catching(&mut fut).is_some() {
            handed.push(v);
        }
    }
    handed
}

/// Polls `s` until it ends, a bounded number of times; the items it
/// yielded (in order) and whether a poll panicked.
fn drain<S: Stream<Item = Item> + Unpin>(s: &mut S, polls: usize) -> (Vec<u32>, bool) {
    let mut got = Vec::new();
    for _ in 0..polls {
        match catch_unwind(AssertUnwindSafe(|| {
            Pin::new(&mut *s).poll_next(&mut noop_cx())
        })) {
            Ok(Poll::Ready(Some(item))) => got.push(item.0),
            Ok(Poll::Ready(None)) => return (got, false),
            Ok(Poll::Pending) => {}
            Err(_) => return (got, true),
        }
    }
    (got, false)
}

#[test]
fn escaped_yielder_racing_with_polls() {
    model(false, || {
        let mut stash = None;
        let s = stream_fn(|y: Yielder<Item>| {
            stash = Some(y);
            pend(2)
        });
        let y = stash.take().unwrap();
        let producer = loom::thread::spawn(move || yield_from_another_thread(y, &[1, 2]));
        let mut s = Box::pin(s);
        let (got, panicked) = drain(&mut s, 4);
        let handed = producer.join().unwrap();
        assert!(!panicked);
        // Items come out in order, at most once each, and only if handed
        // over (the others were refused with a panic, or are dropped with
        // the stream: loom checks that none leaks).
        assert!(got.windows(2).all(|w| w[0] < w[1]), "out of order: {got:?}");
        assert!(
            got.iter().all(|v| handed.contains(v)),
            "{got:?} vs {handed:?}"
        );
        drop(s);
    });
}

#[test]
fn escaped_yielder_racing_with_a_body_that_yields() {
    model(true, || {
        let ready = Arc::new(AtomicBool::new(false));
        let r = Arc::clone(&ready);
        let s = stream_fn(move |y: Yielder<Item>| {
            // The body keeps its own yielder; a second stream's escaped
            // yielder is what races. Here the race is between this body's
            // yields and another thread polling the *other* stream's
            // yielder, so build the other stream inside the thread.
            let mut y = y;
            async move {
                y.yield_item(Item::new(1)).await;
                r.store(true, Ordering::Release);
                y.yield_item(Item::new(2)).await;
            }
        });
        let other = loom::thread::spawn(move || {
            let mut stash = None;
            let t = stream_fn(|y: Yielder<Item>| {
                stash = Some(y);
                pend(1)
            });
            let y = stash.take().unwrap();
            let mut t = Box::pin(t);
            let _ = Pin::new(&mut t).poll_next(&mut noop_cx());
            // The stream `t` is not being polled now: refused.
            let handed = yield_from_another_thread(y, &[7]);
            drop(t);
            handed
        });
        let mut s = Box::pin(s);
        let (got, panicked) = drain(&mut s, 4);
        assert!(!panicked);
        assert_eq!(got, [1, 2]);
        assert!(ready.load(Ordering::Acquire));
        assert!(other.join().unwrap().is_empty());
    });
}

#[test]
fn panic_in_the_body_while_an_escaped_yielder_races() {
    model(false, || {
        let mut stash = None;
        let s = stream_fn(|y: Yielder<Item>| {
            stash = Some(y);
            async {
                pend(1).await;
                panic!("boom in the body");
            }
        });
        let y = stash.take().unwrap();
        let producer = loom::thread::spawn(move || yield_from_another_thread(y, &[1, 2]));
        let mut s = Box::pin(s);
        let (got, panicked) = drain(&mut s, 3);
        let handed = producer.join().unwrap();
        assert!(panicked, "the body's panic propagates");
        assert!(
            got.iter().all(|v| handed.contains(v)),
            "{got:?} vs {handed:?}"
        );
        // Dropping the stream drops whatever was handed over and not
        // yielded (loom's leak check).
        drop(s);
    });
}

#[test]
fn escaped_yielder_queueing_and_resuming_while_the_stream_polls() {
    // As above, but each yield future that was accepted is polled a second
    // time, as an `.await` would: that poll reads the state to decide
    // whether the stream has returned the item (racing with the stream's
    // stores), and never panics.
    model(false, || {
        let mut stash = None;
        let s = stream_fn(|y: Yielder<Item>| {
            stash = Some(y);
            pend(3)
        });
        let mut y = stash.take().unwrap();
        let producer = loom::thread::spawn(move || {
            let mut handed = Vec::new();
            for v in [1, 2] {
                let mut fut = y.yield_item(Item::new(v));
                if poll_catching(&mut fut).is_some() {
                    handed.push(v);
                    assert!(
                        poll_catching(&mut fut).is_some(),
                        "a later poll of a yield never panics"
                    );
                }
            }
            handed
        });
        let mut s = Box::pin(s);
        let (got, panicked) = drain(&mut s, 5);
        let handed = producer.join().unwrap();
        assert!(!panicked);
        assert!(got.windows(2).all(|w| w[0] < w[1]), "out of order: {got:?}");
        assert!(
            got.iter().all(|v| handed.contains(v)),
            "{got:?} vs {handed:?}"
        );
        drop(s);
    });
}

/// Polls a fresh yield of `item` once and drops it, as a `select!` that
/// another branch won would: the item is handed over (or queued).
async fn poll_once_and_drop(y: &mut Yielder<Item>, item: Item) {
    let mut fut = y.yield_item(item);
    poll_fn(|cx| {
        assert!(Pin::new(&mut fut).poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
}

#[test]
fn queued_items_are_yielded_in_order_and_dropped_once() {
    // No race (the yielder stays in its body): loom checks every access to
    // the item cell, the queue and the backlog along the queued path (two
    // items queued behind a third, yields waiting for their items), and the
    // drop counts are exact, whether the stream is drained or dropped with
    // items still queued.
    for polls in [2, 8] {
        model(true, move || {
            let s = stream_fn(|mut y: Yielder<Item>| async move {
                poll_once_and_drop(&mut y, Item::new(1)).await;
                poll_once_and_drop(&mut y, Item::new(2)).await;
                y.yield_item(Item::new(3)).await;
                y.yield_item(Item::new(4)).await;
            });
            let mut s = Box::pin(s);
            let (got, panicked) = drain(&mut s, polls);
            assert!(!panicked);
            assert_eq!(got, [1, 2, 3, 4][..got.len()]);
            if polls == 8 {
                assert_eq!(got.len(), 4);
            }
            drop(s);
        });
    }
}
