//! loom models of the task set's waker protocol, driven through
//! `FuturesUnordered` (every concurrent combinator shares the same set).
//!
//! Run with
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 CARGO_TARGET_DIR=target/loom
//!  cargo test -p rill-combinators --release --test 'loom_*'`.
#![cfg(loom)]

#[path = "loom_children/mod.rs"]
mod children;

use core::pin::Pin;
use core::task::Context;

use children::{Gate, WaitGate, WakeOnDrop, next};
use loom::sync::atomic::Ordering::SeqCst;
use loom::thread;
use rill_combinators::stream::FuturesUnordered;
use rill_core::Stream;

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

        let w1 = gate.take_waker().expect("the child registered");
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
        assert!(rill_test::poll_next_once(&mut set).is_pending());
        let waker = gate.take_waker().expect("the child registered");
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
        assert!(rill_test::poll_next_once(&mut set).is_pending());
        let th = thread::spawn(move || a.open());
        // Pushing while the other thread wakes slot 0.
        set.push(WaitGate(Gate::new(true), 2));
        let mut got = [next(&mut set), next(&mut set)];
        got.sort();
        assert_eq!(got, [Some(1), Some(2)]);
        th.join().unwrap();
    });
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
        let _ = rill_test::poll_next_once(&mut probe);
        let waker = gate.take_waker().unwrap();
        let th = thread::spawn(move || waker.wake());
        drop(set);
        drop(probe);
        th.join().unwrap();
    });
}
