//! loom models of the task set's paths that other models do not reach: the re-queue of
//! streams that yield (SelectAll, StreamMap, flatten_unordered) racing with
//! a wake from another thread, the budget self-wake, and two blocks whose
//! wake bits share one summary bit.
//!
//! Under `cfg(loom)` the task set uses blocks of `BITS = 2` children and a
//! budget of `BUDGET = 3` child polls per poll, so that these small models
//! reach several blocks and the budget. A lost wake-up shows as a deadlock
//! (`block_on` parked forever), which loom reports.
//!
//! Run with `cargo xtask loom` (`LOOM_MAX_PREEMPTIONS=2`).
#![cfg(loom)]

#[path = "loom_children/mod.rs"]
mod children;

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use children::{Child, Gate, WaitGate, drain, next, sorted};
use loom::thread;
use rill_combinators::StreamExt;
use rill_combinators::stream::{self, FuturesUnordered, StreamMap};
use rill_test::{YieldOnce, yield_once};

#[test]
fn select_all_requeue_races_with_a_wake() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut all = stream::select_all([Child::Busy(1, 2), Child::Gated(gate.clone(), 2, false)]);
        let th = thread::spawn(move || gate.open());
        assert_eq!(sorted(drain(&mut all)), [1, 1, 2]);
        assert!(all.is_empty());
        th.join().unwrap();
    });
}

#[test]
fn stream_map_requeue_races_with_a_wake() {
    loom::model(|| {
        let gate = Gate::new(false);
        let mut map = StreamMap::new();
        map.insert('g', Child::Gated(gate.clone(), 2, false));
        map.insert('b', Child::Busy(1, 2));
        let th = thread::spawn(move || gate.open());
        let got = drain(&mut map);
        assert_eq!(sorted(got), [('b', 1), ('b', 1), ('g', 2)]);
        th.join().unwrap();
    });
}

#[test]
fn flatten_unordered_requeue_races_with_a_wake() {
    loom::model(|| {
        let gate = Gate::new(false);
        let inner = vec![Child::Gated(gate.clone(), 2, false), Child::Busy(1, 2)];
        let mut s = stream::iter(inner).flatten_unordered(None);
        let th = thread::spawn(move || gate.open());
        assert_eq!(sorted(drain(&mut s)), [1, 1, 2]);
        th.join().unwrap();
    });
}

enum Job {
    Gate(WaitGate),
    Later(YieldOnce<u8>),
}

impl Future for Job {
    type Output = u8;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        // SAFETY: structural pinning of the variants; never moved out.
        match unsafe { self.get_unchecked_mut() } {
            Job::Gate(g) => Pin::new(g).poll(cx),
            Job::Later(l) => Pin::new(l).poll(cx),
        }
    }
}

#[test]
fn budget_self_wake_races_with_a_wake() {
    // Four children, budget three: the first poll gives three turns (all
    // pending) and must wake its own task for the fourth, while another
    // thread opens the gate of the first.
    loom::model(|| {
        let gate = Gate::new(false);
        let mut set = FuturesUnordered::new();
        set.push(Job::Gate(WaitGate(gate.clone(), 0)));
        for id in 1..4 {
            set.push(Job::Later(yield_once(id)));
        }
        let th = thread::spawn(move || gate.open());
        assert_eq!(sorted(drain(&mut set)), [0, 1, 2, 3]);
        th.join().unwrap();
    });
}

#[test]
fn aliasing_blocks_woken_from_two_threads() {
    // Five children in blocks of two: blocks 0 and 2 share summary bit 0.
    // Children 0 (block 0) and 4 (block 2) are woken from two threads; the
    // others stay pending. A wake whose summary bit was already set by the
    // other block must still be taken.
    loom::model(|| {
        let gates: Vec<_> = (0..5).map(|_| Gate::new(false)).collect();
        let mut set: FuturesUnordered<_> = gates
            .iter()
            .enumerate()
            .map(|(i, g)| WaitGate(g.clone(), i as u8))
            .collect();
        assert_eq!(
            set.capacity(),
            6,
            "the model needs blocks of 2 children under cfg(loom) (BITS = 2)"
        );
        let (g0, g4) = (gates[0].clone(), gates[4].clone());
        let t0 = thread::spawn(move || g0.open());
        let t4 = thread::spawn(move || g4.open());
        let got = [next(&mut set), next(&mut set)];
        assert_eq!(sorted(got.to_vec()), [Some(0), Some(4)]);
        assert_eq!(set.len(), 3);
        t0.join().unwrap();
        t4.join().unwrap();
    });
}

#[test]
fn select_all_aliasing_blocks_with_a_busy_stream() {
    // Streams 0 and 4 (blocks 0 and 2: one summary bit) are woken from two
    // threads while stream 2 yields and is re-queued; 1 and 3 stay pending.
    loom::model(|| {
        let gates: Vec<_> = (0..5).map(|_| Gate::new(false)).collect();
        let mut all = stream::select_all((0..5u8).map(|i| match i {
            2 => Child::Busy(2, 2),
            _ => Child::Gated(gates[i as usize].clone(), i, false),
        }));
        let (g0, g4) = (gates[0].clone(), gates[4].clone());
        let t0 = thread::spawn(move || g0.open());
        let t4 = thread::spawn(move || g4.open());
        let got: Vec<u8> = (0..4).map(|_| next(&mut all).unwrap()).collect();
        assert_eq!(sorted(got), [0, 2, 2, 4]);
        t0.join().unwrap();
        t4.join().unwrap();
    });
}
