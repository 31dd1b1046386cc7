//! loom models of the exits of children racing with wakes from other
//! threads: FuturesOrdered and buffered, Abortable (abort racing
//! with poll), and release/clear of a child while another thread wakes it.
//! A lost wake-up shows as a deadlock, an access to a freed waker block as a
//! loom error.
//!
//! Run with `cargo xtask loom` (`LOOM_MAX_PREEMPTIONS=2`).
#![cfg(loom)]

#[path = "loom_children/mod.rs"]
mod children;

use core::future::Future;
use core::pin::Pin;
use core::task::Poll;

use children::{Child, Gate, WaitGate, WakeOnDrop, drain, next};
use loom::thread;
use rill_combinators::StreamExt;
use rill_combinators::stream::{
    self, AbortHandle, Abortable, Aborted, FuturesOrdered, FuturesUnordered,
};
use rill_core::Stream;

#[test]
fn futures_ordered_woken_out_of_order() {
    loom::model(|| {
        let (g0, g1) = (Gate::new(false), Gate::new(false));
        let mut queue: FuturesOrdered<_> = [WaitGate(g0.clone(), 0), WaitGate(g1.clone(), 1)]
            .into_iter()
            .collect();
        let th = thread::spawn(move || {
            g1.open();
            g0.open();
        });
        assert_eq!(drain(&mut queue), [0, 1]);
        th.join().unwrap();
    });
}

#[test]
fn buffered_woken_out_of_order() {
    loom::model(|| {
        let (g0, g1) = (Gate::new(false), Gate::new(false));
        let input = vec![
            WaitGate(g0.clone(), 0),
            WaitGate(g1.clone(), 1),
            WaitGate(Gate::new(true), 2),
        ];
        let mut s = stream::iter(input).buffered(2);
        let th = thread::spawn(move || {
            g1.open();
            g0.open();
        });
        assert_eq!(drain(&mut s), [0, 1, 2]);
        th.join().unwrap();
    });
}

#[test]
fn abort_racing_with_poll() {
    loom::model(|| {
        let gate = Gate::new(false);
        let (handle, reg) = AbortHandle::new_pair();
        let fut = Abortable::new(WaitGate(gate.clone(), 1), reg);
        let th = thread::spawn(move || handle.abort());
        assert_eq!(loom::future::block_on(fut), Err(Aborted));
        th.join().unwrap();
    });
}

#[test]
fn abort_racing_with_completion_inside_a_set() {
    loom::model(|| {
        let gate = Gate::new(false);
        let (handle, reg) = AbortHandle::new_pair();
        let mut set = FuturesUnordered::new();
        set.push(Abortable::new(WaitGate(gate.clone(), 1), reg));
        let opener = thread::spawn(move || gate.open());
        let aborter = thread::spawn(move || handle.abort());
        let out = next(&mut set).expect("one output");
        assert!(out == Ok(1) || out == Err(Aborted), "{out:?}");
        assert_eq!(next(&mut set), None);
        opener.join().unwrap();
        aborter.join().unwrap();
    });
}

#[test]
fn aborted_stream_ends_in_select_all() {
    loom::model(|| {
        let gate = Gate::new(false);
        let (gated, handle) = stream::abortable(Child::Gated(gate, 2, false));
        let (busy, _keep) = stream::abortable(Child::Busy(1, 1));
        let mut all = stream::select_all([gated, busy]);
        let th = thread::spawn(move || handle.abort());
        assert_eq!(drain(&mut all), [1]);
        th.join().unwrap();
    });
}

#[test]
fn clear_racing_with_a_wake() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(gate.clone(), 0));
        set.push(WaitGate(Gate::new(false), 1));
        let noop = &mut rill_test::noop_context();
        assert!(Pin::new(&mut set).poll_next(noop).is_pending());
        // Wakes child 0's waker while it is dropped and its slot reused.
        let th = thread::spawn(move || gate.open());
        set.clear();
        assert!(set.is_empty());
        set.push(WaitGate(Gate::new(true), 9));
        assert_eq!(next(&mut set), Some(9));
        assert_eq!(next(&mut set), None);
        th.join().unwrap();
    });
}

#[test]
fn release_racing_with_a_stale_wake() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(WaitGate(gate.clone(), 0));
        let noop = &mut rill_test::noop_context();
        assert!(Pin::new(&mut set).poll_next(noop).is_pending());
        let stale = gate.take_waker().expect("child 0 registered");
        let again = stale.clone();
        gate.open();
        // The only wake of child 0; a second one lands after it completed
        // and its slot went to a new child.
        let th = thread::spawn(move || {
            stale.wake();
            again.wake();
        });
        assert_eq!(next(&mut set), Some(0));
        let later = Gate::new(false);
        set.push(WaitGate(later.clone(), 1));
        assert!(Pin::new(&mut set).poll_next(noop).is_pending());
        th.join().unwrap();
        // At most one spurious poll of the new child from the stale waker.
        assert!(Pin::new(&mut set).poll_next(noop).is_pending());
        assert!(later.polls.load(loom::sync::atomic::Ordering::SeqCst) <= 2);
        drop(set);
    });
}

#[test]
fn stream_map_remove_racing_with_a_wake() {
    // The removed stream's waker is woken while its slot goes to a new
    // stream: at most a spurious poll of the new one, no lost item.
    loom::model(|| {
        let gate = Gate::new(false);
        let mut map = rill_combinators::stream::StreamMap::new();
        map.insert('a', Child::Gated(gate.clone(), 1, false));
        map.insert('b', Child::Busy(2, 1));
        let noop = &mut rill_test::noop_context();
        assert_eq!(
            Pin::new(&mut map).poll_next(noop),
            Poll::Ready(Some(('b', 2)))
        );
        let th = thread::spawn(move || gate.open());
        assert!(map.remove(&'a').is_some());
        map.insert('c', Child::Busy(3, 1));
        assert_eq!(drain(&mut map), [('c', 3)]);
        th.join().unwrap();
    });
}

#[test]
fn clear_with_children_waking_in_drop_and_from_a_thread() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set: FuturesUnordered<Pin<Box<dyn Future<Output = u8>>>> = FuturesUnordered::new();
        set.push(Box::pin(WakeOnDrop(None)));
        set.push(Box::pin(WaitGate(gate.clone(), 1)));
        set.push(Box::pin(WakeOnDrop(None)));
        let noop = &mut rill_test::noop_context();
        assert!(Pin::new(&mut set).poll_next(noop).is_pending());
        let th = thread::spawn(move || gate.open());
        set.clear();
        set.push(Box::pin(WaitGate(Gate::new(true), 7)));
        assert_eq!(next(&mut set), Some(7));
        assert_eq!(next(&mut set), None);
        th.join().unwrap();
    });
}
