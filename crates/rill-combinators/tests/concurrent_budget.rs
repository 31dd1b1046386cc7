//! One poll of a concurrent set or adapter polls at most 32 children and
//! pulls at most 32 input items in all, however often its own loop goes
//! round (found by the review: a loop of 32 around a 32-poll set gave 1024);
//! and a waker whose `clone` panics leaves the set working.
#![cfg(not(loom))]

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::Stream;
use rill_test::counting_waker;

const BUDGET: usize = 32;

/// Counts its polls; ready at once or pending (without waking) for ever.
struct Counted {
    polls: Rc<Cell<usize>>,
    ready: bool,
}

impl Future for Counted {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        self.polls.set(self.polls.get() + 1);
        if self.ready {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// Futures that are ready at once (one poll each).
fn ready_children(polls: &Rc<Cell<usize>>, n: usize) -> impl Iterator<Item = Counted> + '_ {
    (0..n).map(move |_| Counted {
        polls: polls.clone(),
        ready: true,
    })
}

#[test]
fn futures_ordered_polls_at_most_a_budget_of_children_per_poll() {
    let polls = Rc::new(Cell::new(0));
    // Every child but each 32nd stays pending: the old loop went on past
    // each ready one.
    let mut q: FuturesOrdered<_> = (0..2000)
        .map(|i| Counted {
            polls: polls.clone(),
            ready: i % 32 == 31,
        })
        .collect();
    let (waker, _) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let _ = Pin::new(&mut q).poll_next(&mut cx);
    assert!(
        polls.get() <= BUDGET,
        "{} child polls in one poll",
        polls.get()
    );
}

#[test]
fn for_each_concurrent_polls_and_pulls_at_most_a_budget_per_poll() {
    let polls = Rc::new(Cell::new(0));
    let pulled = Rc::new(Cell::new(0));
    let p = pulled.clone();
    let input = stream::iter(ready_children(&polls, 5000)).inspect(move |_| p.set(p.get() + 1));
    let mut f = input.for_each_concurrent(None, |child| child);
    let (waker, wakes) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Pending);
    assert!(polls.get() <= BUDGET, "{} child polls", polls.get());
    assert!(pulled.get() <= BUDGET, "{} input items", pulled.get());
    assert!(
        wakes.get() >= 1,
        "it yields to the executor and asks to come back"
    );
    // And it finishes.
    let mut n = 0;
    while Pin::new(&mut f).poll(&mut cx).is_pending() {
        n += 1;
        assert!(n < 10_000);
    }
    assert_eq!(polls.get(), 5000);
}

#[test]
fn try_for_each_concurrent_polls_and_pulls_at_most_a_budget_per_poll() {
    let polls = Rc::new(Cell::new(0));
    let pulled = Rc::new(Cell::new(0));
    let p = pulled.clone();
    let input = stream::iter(ready_children(&polls, 5000))
        .inspect(move |_| p.set(p.get() + 1))
        .map(Ok::<_, ()>);
    let mut f = input.try_for_each_concurrent(None, |child| async move {
        child.await;
        Ok(())
    });
    let mut cx = Context::from_waker(Waker::noop());
    assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Pending);
    assert!(polls.get() <= BUDGET, "{} child polls", polls.get());
    assert!(pulled.get() <= BUDGET, "{} input items", pulled.get());
}

#[test]
fn buffer_unordered_and_flatten_unordered_pull_at_most_a_budget_per_poll() {
    let pulled = Rc::new(Cell::new(0));
    let p = pulled.clone();
    let mut b = stream::iter(0..5000)
        .inspect(move |_| p.set(p.get() + 1))
        .map(|i| async move { i })
        .buffer_unordered(None);
    let mut cx = Context::from_waker(Waker::noop());
    assert!(matches!(
        Pin::new(&mut b).poll_next(&mut cx),
        Poll::Ready(Some(_))
    ));
    assert!(pulled.get() <= BUDGET, "{} input items", pulled.get());

    let pulled = Rc::new(Cell::new(0));
    let p = pulled.clone();
    let polls = Rc::new(Cell::new(0));
    let q = polls.clone();
    // Inner streams that are pending (without waking) at first.
    let mut f = stream::iter(0..5000)
        .inspect(move |_| p.set(p.get() + 1))
        .flat_map_unordered(None, move |_| {
            let q = q.clone();
            stream::poll_fn(move |_| {
                q.set(q.get() + 1);
                Poll::<Option<u8>>::Pending
            })
        });
    assert_eq!(Pin::new(&mut f).poll_next(&mut cx), Poll::Pending);
    assert!(pulled.get() <= BUDGET, "{} input items", pulled.get());
    assert!(polls.get() <= BUDGET, "{} inner polls", polls.get());
}

/// A waker whose `clone` panics (once), as a broken executor's might. It
/// owns a reference to `armed` (no leak: valgrind runs this test).
fn panicking_clone_waker(armed: Rc<Cell<bool>>) -> Waker {
    fn clone(data: *const ()) -> RawWaker {
        // SAFETY: `data` is an `Rc<Cell<bool>>` the waker owns a count of.
        let armed = unsafe { &*data.cast::<Cell<bool>>() };
        if armed.replace(false) {
            panic!("clone panics");
        }
        // SAFETY: as above; the clone owns one more count.
        unsafe { Rc::increment_strong_count(data.cast::<Cell<bool>>()) };
        RawWaker::new(data, &VTABLE)
    }
    fn wake(data: *const ()) {
        drop_waker(data);
    }
    fn wake_by_ref(_: *const ()) {}
    fn drop_waker(data: *const ()) {
        // SAFETY: gives back the count this waker owns.
        drop(unsafe { Rc::from_raw(data.cast::<Cell<bool>>()) });
    }
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop_waker);
    let data = Rc::into_raw(armed).cast::<()>();
    // SAFETY: the vtable's functions treat `data` as the `Rc` given here,
    // one count per waker.
    unsafe { Waker::from_raw(RawWaker::new(data, &VTABLE)) }
}

#[test]
fn a_waker_whose_clone_panics_leaves_the_set_working() {
    let mut set = FuturesUnordered::new();
    let woken_child = Rc::new(Cell::new(None::<Waker>));
    let w = woken_child.clone();
    let mut done = false;
    set.push(core::future::poll_fn(move |cx| {
        if done {
            return Poll::Ready(7);
        }
        done = true;
        w.set(Some(cx.waker().clone()));
        Poll::Pending
    }));
    let bad = panicking_clone_waker(Rc::new(Cell::new(true)));
    let mut cx = Context::from_waker(&bad);
    let polled = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut set).poll_next(&mut cx)));
    assert!(polled.is_err(), "the clone's panic propagates");
    // A good waker afterwards: the child's wake reaches it, and the set
    // does not spin (no self-wake without a reason).
    let (good, wakes) = counting_waker();
    let mut cx = Context::from_waker(&good);
    assert_eq!(Pin::new(&mut set).poll_next(&mut cx), Poll::Pending);
    assert_eq!(wakes.get(), 0, "no busy self-wake");
    woken_child.take().expect("the child was polled").wake();
    assert_eq!(wakes.get(), 1, "the child's wake reached the parent");
    assert_eq!(Pin::new(&mut set).poll_next(&mut cx), Poll::Ready(Some(7)));
}
