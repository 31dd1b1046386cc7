//! Behaviour of `FuturesUnordered` (and so of the task set under every
//! concurrent combinator).

// The crate uses loom's atomics under `--cfg loom`, which only work inside
// `loom::model`: these tests run in the normal build only.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::cell::Cell;
use std::future::{Future, ready};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use children::{InFlight, Job, Rng, sorted};
use rill_combinators::StreamExt;
use rill_combinators::stream::FuturesUnordered;
use rill_core::{FusedStream, Stream};
use rill_test::{assert_stream_done, assert_stream_next, assert_stream_pending, block_on};

#[test]
fn every_output_exactly_once_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let n = rng.below(200);
        let jobs: Vec<(usize, usize)> = (0..n).map(|i| (i, rng.below(4))).collect();
        let make = || {
            jobs.iter()
                .map(|&(i, y)| Job::new(i, y))
                .collect::<FuturesUnordered<_>>()
        };
        let out = rill_test::check_fused_stream(make);
        assert_eq!(sorted(out), (0..n).collect::<Vec<_>>(), "seed {seed}");
    }
}

#[test]
fn futures_woken_from_other_threads() {
    let set: FuturesUnordered<_> = (0..200)
        .map(|i| Job::new(i, i % 3).woken_by_thread())
        .collect();
    let out = rill_test::collect_checked(rill_test::interleave_pending(set));
    assert_eq!(sorted(out), (0..200).collect::<Vec<_>>());
}

#[test]
fn terminated_only_after_none_and_push_revives() {
    let mut set = FuturesUnordered::new();
    assert!(!set.is_terminated());
    assert_stream_done!(set);
    assert!(set.is_terminated());
    set.push(ready(5));
    assert!(!set.is_terminated());
    assert_eq!(set.size_hint(), (1, Some(1)));
    assert_stream_next!(set, 5);
    assert!(!set.is_terminated());
    assert_stream_done!(set);
    assert!(set.is_terminated());
}

#[test]
fn children_are_polled_only_when_woken() {
    let counter = InFlight::new();
    let mut set = FuturesUnordered::new();
    // Never-woken children: pending forever, polled exactly once each.
    for i in 0..100 {
        set.push(PendingForever(counter.clone(), i));
    }
    for _ in 0..5 {
        assert_stream_pending!(set);
    }
    assert_eq!(counter.polls.load(std::sync::atomic::Ordering::SeqCst), 100);
}

struct PendingForever(std::sync::Arc<InFlight>, #[allow(dead_code)] usize);

impl Future for PendingForever {
    type Output = usize;
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<usize> {
        self.0
            .polls
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Poll::Pending
    }
}

/// Always-pending children that wake themselves: each poll of the set polls
/// at most the budget (32), then yields with a wake of its own task.
#[test]
fn budget_yields_to_the_executor() {
    let counter = InFlight::new();
    let mut set: FuturesUnordered<_> = (0..100)
        .map(|i| Job::new(i, usize::MAX).counted(&counter))
        .collect();
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(Pin::new(&mut set).poll_next(&mut cx).is_pending());
    assert_eq!(counter.polls.load(std::sync::atomic::Ordering::SeqCst), 32);
    assert!(
        wakes.get() >= 1,
        "the set must wake itself when it stops for the budget"
    );
    // The next poll goes on with the children not polled yet.
    assert!(Pin::new(&mut set).poll_next(&mut cx).is_pending());
    assert_eq!(counter.polls.load(std::sync::atomic::Ordering::SeqCst), 64);
}

/// Round-robin: with every child waking itself, every child is polled once
/// before any child is polled twice.
#[test]
fn fairness_round_robin() {
    let log = Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut set: FuturesUnordered<_> = (0..10).map(|i| Logger(i, log.clone())).collect();
    let mut cx = rill_test::noop_context();
    for _ in 0..4 {
        let _ = Pin::new(&mut set).poll_next(&mut cx);
    }
    let log = log.borrow();
    assert_eq!(log.len(), 40);
    for round in log.chunks(10) {
        assert_eq!(sorted(round.to_vec()), (0..10).collect::<Vec<_>>());
    }
}

struct Logger(usize, Rc<std::cell::RefCell<Vec<usize>>>);

impl Future for Logger {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.1.borrow_mut().push(self.0);
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// Counts drops, panics when polled if asked to.
struct Bomb {
    explode: bool,
    drops: Rc<Cell<usize>>,
}

impl Future for Bomb {
    type Output = u8;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        if self.explode {
            panic!("child panicked");
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

impl Drop for Bomb {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

#[test]
fn panicking_child_propagates_without_leak_or_double_drop() {
    let drops = Rc::new(Cell::new(0));
    let mut set = FuturesUnordered::new();
    for i in 0..10 {
        set.push(Bomb {
            explode: i == 4,
            drops: drops.clone(),
        });
    }
    let res = catch_unwind(AssertUnwindSafe(|| {
        let _ = rill_test::poll_next_once(&mut set);
    }));
    assert!(res.is_err(), "the panic propagates");
    // The panicking child was dropped (in place) and removed before the
    // panic left the set, as in futures-util.
    assert_eq!(drops.get(), 1);
    assert_eq!(set.len(), 9);
    // The set is still usable: the others are polled.
    assert_stream_pending!(set);
    drop(set);
    assert_eq!(drops.get(), 10, "every child dropped exactly once");
}

#[test]
fn clear_iter_and_into_iter() {
    let mut set: FuturesUnordered<_> = (0..70).map(ready).collect();
    assert_eq!(set.len(), 70);
    assert_eq!(
        sorted(set.iter().map(|f| f.clone().into_inner()).collect()),
        (0..70).collect::<Vec<_>>()
    );
    assert_eq!(set.iter_mut().len(), 70);
    assert_eq!(Pin::new(&mut set).iter_pin_mut().count(), 70);
    assert_stream_next!(set, 0);
    let rest: Vec<_> = set.into_iter().map(|f| f.into_inner()).collect();
    assert_eq!(sorted(rest), (1..70).collect::<Vec<_>>());

    let mut set: FuturesUnordered<_> = (0..5).map(ready).collect();
    set.clear();
    assert!(set.is_empty());
    assert_stream_done!(set);
    set.extend([ready(9)]);
    assert_eq!(block_on(set.next()), Some(9));
}

#[test]
fn slots_are_reused() {
    let mut set = FuturesUnordered::new();
    for round in 0..10 {
        for i in 0..100 {
            set.push(ready(round * 100 + i));
        }
        let out: Vec<_> = rill_test::block_on_stream(&mut set).collect();
        assert_eq!(out.len(), 100);
    }
    assert!(
        set.capacity() <= 128,
        "capacity {} grew past need",
        set.capacity()
    );
}

#[test]
fn auto_traits() {
    use rill_test::{assert_impl, assert_not_impl};
    assert_impl!(FuturesUnordered<Job>: Send, Sync);
    assert_impl!(FuturesUnordered<std::future::Pending<()>>: Unpin);
    assert_impl!(FuturesUnordered<std::marker::PhantomPinned>: Unpin);
    // !Send children (an Rc inside) make a !Send set.
    assert_not_impl!(FuturesUnordered<Logger>: Send);
    assert_impl!(FuturesUnordered<Job>: Send);
}

#[test]
fn debug_output() {
    let set: FuturesUnordered<_> = (0..2).map(ready).collect();
    assert_eq!(
        format!("{set:?}"),
        "FuturesUnordered { len: 2, terminated: false, .. }"
    );
}
