//! loom models of the task set's waker protocol, driven through
//! `FuturesUnordered` (every concurrent combinator shares the same set).
//!
//! Run with
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 CARGO_TARGET_DIR=target/loom
//!  cargo test -p rill-combinators --release --test 'loom_*'`.
#![cfg(loom)]

use core::future::{Future, poll_fn};
use core::pin::Pin;
use core::task::{Context, Poll};

use loom::future::AtomicWaker;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use loom::thread;
use rill_combinators::stream::FuturesUnordered;
use rill_core::Stream;

/// A one-shot signal set from another thread.
struct Gate {
    open: AtomicBool,
    waker: AtomicWaker,
    polls: AtomicUsize,
}

impl Gate {
    fn new(open: bool) -> Arc<Gate> {
        Arc::new(Gate {
            open: AtomicBool::new(open),
            waker: AtomicWaker::new(),
            polls: AtomicUsize::new(0),
        })
    }

    fn open(&self) {
        self.open.store(true, SeqCst);
        self.waker.wake();
    }
}

/// Completes with `id` once its gate is open.
struct WaitGate(Arc<Gate>, u8);

impl Future for WaitGate {
    type Output = u8;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        self.0.polls.fetch_add(1, SeqCst);
        self.0.waker.register_by_ref(cx.waker());
        if self.0.open.load(SeqCst) {
            Poll::Ready(self.1)
        } else {
            Poll::Pending
        }
    }
}

fn next(set: &mut FuturesUnordered<WaitGate>) -> Option<u8> {
    loom::future::block_on(poll_fn(|cx| Pin::new(&mut *set).poll_next(cx)))
}

#[test]
fn wake_racing_with_poll_is_never_lost() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(gate.clone(), 1));
        let th = thread::spawn(move || gate.open());
        // A lost wake-up would leave `block_on` parked forever: loom reports
        // that as a deadlock.
        assert_eq!(next(&mut set), Some(1));
        assert_eq!(next(&mut set), None);
        th.join().unwrap();
    });
}

#[test]
fn two_children_woken_from_two_threads_both_complete() {
    loom::model(|| {
        let (a, b) = (Gate::new(false), Gate::new(false));
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(a.clone(), 1));
        set.push(WaitGate(b.clone(), 2));
        let ta = thread::spawn(move || a.open());
        let tb = thread::spawn(move || b.open());
        let mut got = [next(&mut set), next(&mut set)];
        got.sort();
        assert_eq!(got, [Some(1), Some(2)]);
        assert_eq!(next(&mut set), None);
        ta.join().unwrap();
        tb.join().unwrap();
    });
}

#[test]
fn slot_woken_twice_is_queued_once() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(gate.clone(), 1));
        let (parent, parent_wakes) = rill_test::counting_waker();
        let mut cx = Context::from_waker(&parent);
        assert!(Pin::new(&mut set).poll_next(&mut cx).is_pending());
        assert_eq!(gate.polls.load(SeqCst), 1);

        let w1 = gate.waker.take_waker().expect("the child registered");
        let w2 = w1.clone();
        let t1 = thread::spawn(move || w1.wake());
        let t2 = thread::spawn(move || w2.wake());
        t1.join().unwrap();
        t2.join().unwrap();

        // Two wakes of one slot: the parent is woken once...
        assert_eq!(parent_wakes.get(), 1);
        // ...and the child is polled once.
        assert!(Pin::new(&mut set).poll_next(&mut cx).is_pending());
        assert_eq!(gate.polls.load(SeqCst), 2);
        // Not woken since: not polled again.
        assert!(Pin::new(&mut set).poll_next(&mut cx).is_pending());
        assert_eq!(gate.polls.load(SeqCst), 2);
    });
}

#[test]
fn waker_outliving_the_set_is_harmless() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(gate.clone(), 1));
        assert!(
            Pin::new(&mut set)
                .poll_next(&mut rill_test::noop_context())
                .is_pending()
        );
        let waker = gate.waker.take_waker().expect("the child registered");
        // The wake races with the drop of the set (and of the child).
        let th = thread::spawn(move || {
            waker.wake_by_ref();
            waker.wake();
        });
        drop(set);
        th.join().unwrap();
    });
}

#[test]
fn push_during_wake_is_sound() {
    loom::model(|| {
        let a = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(a.clone(), 1));
        assert!(
            Pin::new(&mut set)
                .poll_next(&mut rill_test::noop_context())
                .is_pending()
        );
        let th = thread::spawn(move || a.open());
        // Pushing while the other thread wakes slot 0.
        set.push(WaitGate(Gate::new(true), 2));
        let mut got = [next(&mut set), next(&mut set)];
        got.sort();
        assert_eq!(got, [Some(1), Some(2)]);
        th.join().unwrap();
    });
}

/// A child whose destructor wakes its own (cloned) waker: the wake lands
/// while the set is being dropped.
struct WakeOnDrop(Option<core::task::Waker>);

impl Future for WakeOnDrop {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.0 = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        if let Some(w) = self.0.take() {
            w.wake();
        }
    }
}

#[test]
fn wake_during_drop_is_sound() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WakeOnDrop(None));
        set.push(WakeOnDrop(None));
        let (parent, _wakes) = rill_test::counting_waker();
        assert!(
            Pin::new(&mut set)
                .poll_next(&mut Context::from_waker(&parent))
                .is_pending()
        );
        // Another thread holds a waker of the same block and wakes it while
        // the set (and with it both children, waking themselves) drops.
        let mut probe = FuturesUnordered::new();
        probe.push(WaitGate(gate.clone(), 0));
        let _ = Pin::new(&mut probe).poll_next(&mut rill_test::noop_context());
        let waker = gate.waker.take_waker().unwrap();
        let th = thread::spawn(move || waker.wake());
        drop(set);
        drop(probe);
        th.join().unwrap();
    });
}
