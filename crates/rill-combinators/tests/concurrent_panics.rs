//! Panics in children: a child that panics in `poll` is dropped
//! and removed before the panic propagates; a child whose `Drop` panics
//! leaves the set consistent. In every case the caller catches the panic,
//! polls again, and the set goes on and ends normally: nothing leaks,
//! nothing is dropped twice, nothing hangs.
//!
//! Children are `rill_test` probes (`panic_in_poll`, `panic_in_drop`), whose
//! tracker counts drops and catches double drops and moves.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use children::sorted;
use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered, SelectAll, StreamMap};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::Stream;
use rill_test::{ProbeFuture, ProbeStream, ProbeWake, Probes, panic_message};

/// Polls of the set (panics included) after which a test counts as hung.
const MAX: usize = 10_000;

/// What one `next` of the set gave.
#[derive(Debug, PartialEq)]
enum Next<T> {
    Item(T),
    Panic(String),
    End,
}

/// Polls until an item, the end or a panic (caught). Fails instead of
/// hanging: `Pending` without a wake-up, or `MAX` polls.
#[track_caller]
fn next<S: Stream + Unpin>(s: &mut S) -> Next<S::Item> {
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    for _ in 0..MAX {
        let before = wakes.get();
        match catch_unwind(AssertUnwindSafe(|| Pin::new(&mut *s).poll_next(&mut cx))) {
            Err(payload) => return Next::Panic(panic_message(&*payload)),
            Ok(Poll::Ready(Some(item))) => return Next::Item(item),
            Ok(Poll::Ready(None)) => return Next::End,
            Ok(Poll::Pending) if wakes.get() == before => {
                panic!("Pending without a wake-up after a child panicked: the set hangs")
            }
            Ok(Poll::Pending) => {}
        }
    }
    panic!("no progress in {MAX} polls")
}

/// Everything the set gives until its end: items and caught panics.
#[track_caller]
fn drain<S: Stream + Unpin>(s: &mut S) -> (Vec<S::Item>, Vec<String>) {
    let (mut items, mut panics) = (vec![], vec![]);
    for _ in 0..MAX {
        match next(s) {
            Next::Item(item) => items.push(item),
            Next::Panic(msg) => panics.push(msg),
            Next::End => return (items, panics),
        }
    }
    panic!("the set did not end")
}

/// [`next`] for a future: polls to completion, catching panics.
#[track_caller]
fn complete<F: Future + Unpin>(f: &mut F) -> (F::Output, Vec<String>) {
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut panics = vec![];
    for _ in 0..MAX {
        let before = wakes.get();
        match catch_unwind(AssertUnwindSafe(|| Pin::new(&mut *f).poll(&mut cx))) {
            Err(payload) => panics.push(panic_message(&*payload)),
            Ok(Poll::Ready(out)) => return (out, panics),
            Ok(Poll::Pending) if wakes.get() == before && panics.is_empty() => {
                panic!("Pending without a wake-up: the future hangs")
            }
            Ok(Poll::Pending) if wakes.get() == before => {
                panic!("Pending without a wake-up after a child panicked: the future hangs")
            }
            Ok(Poll::Pending) => {}
        }
    }
    panic!("no progress in {MAX} polls")
}

fn only_probe_panics(panics: &[String], n: usize) {
    assert_eq!(panics.len(), n, "{panics:#?}");
    for p in panics {
        assert!(p.contains("as asked by"), "an unexpected panic: {p}");
    }
}

// --- a child that panics in poll

#[test]
fn futures_unordered_panicking_child_is_removed() {
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    set.push(probes.future(0).panic_in_poll());
    set.push(probes.future(1));
    assert!(matches!(next(&mut set), Next::Panic(_)));
    assert_eq!(set.len(), 1, "the panicking child was removed");
    assert_eq!(probes.live(), 1, "...and dropped");
    assert_eq!(next(&mut set), Next::Item(1));
    assert_eq!(next(&mut set), Next::End);
    assert_eq!(set.len(), 0);
    probes.assert_all_dropped();
}

#[test]
fn futures_unordered_many_panicking_children() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..40u32)
        .map(|i| {
            let f = probes.future(i).pending(i as usize % 3);
            if i % 4 == 1 { f.panic_in_poll() } else { f }
        })
        .collect();
    let (items, panics) = drain(&mut set);
    only_probe_panics(&panics, 10);
    assert_eq!(
        sorted(items),
        (0..40).filter(|i| i % 4 != 1).collect::<Vec<_>>()
    );
    assert!(set.is_empty());
    probes.assert_all_dropped();
}

#[test]
fn futures_ordered_skips_the_lost_output() {
    let probes = Probes::new();
    let mut queue = FuturesOrdered::new();
    queue.push_back(probes.future(0));
    queue.push_back(probes.future(1).pending(1).panic_in_poll());
    queue.push_back(probes.future(2));
    queue.push_back(probes.future(3));
    assert_eq!(next(&mut queue), Next::Item(0));
    assert!(matches!(next(&mut queue), Next::Panic(_)));
    assert_eq!(next(&mut queue), Next::Item(2));
    assert_eq!(next(&mut queue), Next::Item(3));
    assert_eq!(next(&mut queue), Next::End);
    assert!(queue.is_empty());
    probes.assert_all_dropped();
}

#[test]
fn buffered_and_buffer_unordered_end_after_a_panic() {
    let probes = Probes::new();
    let input = |probes: &Probes| -> Vec<ProbeFuture<u32>> {
        (0..12u32)
            .map(|i| {
                let f = probes.future(i).pending(i as usize % 2);
                if i == 5 { f.panic_in_poll() } else { f }
            })
            .collect()
    };
    let want: Vec<u32> = (0..12).filter(|&i| i != 5).collect();

    let mut s = stream::iter(input(&probes)).buffer_unordered(3);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(sorted(items), want);
    drop(s);

    let mut s = stream::iter(input(&probes)).buffered(3);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(
        items, want,
        "buffered keeps the order, skipping the lost one"
    );
    drop(s);
    probes.assert_all_dropped();
}

#[test]
fn try_buffered_and_try_buffer_unordered_end_after_a_panic() {
    let probes = Probes::new();
    let input = |probes: &Probes| -> Vec<Result<ProbeFuture<Result<u32, u32>>, u32>> {
        (0..8u32)
            .map(|i| {
                let f = probes.future(Ok(i)).pending(1);
                Ok(if i == 2 { f.panic_in_poll() } else { f })
            })
            .collect()
    };
    let want: Vec<Result<u32, u32>> = (0..8).filter(|&i| i != 2).map(Ok).collect();
    let mut s = stream::iter(input(&probes)).try_buffered(3);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(items, want);
    let mut s = stream::iter(input(&probes)).try_buffer_unordered(3);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(sorted(items), want);
    probes.assert_all_dropped();
}

#[test]
fn for_each_concurrent_goes_on_after_a_panic() {
    let probes = Probes::new();
    let mut fut = Box::pin(stream::iter(0..10u32).for_each_concurrent(3, |i| {
        let f = probes.future(()).pending(i as usize % 2);
        if i == 4 { f.panic_in_poll() } else { f }
    }));
    let ((), panics) = complete(&mut fut);
    only_probe_panics(&panics, 1);
    drop(fut);
    assert_eq!(probes.created(), 10);
    probes.assert_all_dropped();
}

#[test]
fn try_for_each_concurrent_goes_on_after_a_panic() {
    let probes = Probes::new();
    let mut fut = Box::pin(
        stream::iter(0..10u32)
            .map(Ok::<_, u32>)
            .try_for_each_concurrent(3, |i| {
                let f = probes.future(Ok(())).pending(i as usize % 2);
                if i == 4 { f.panic_in_poll() } else { f }
            }),
    );
    let (out, panics) = complete(&mut fut);
    assert_eq!(out, Ok(()));
    only_probe_panics(&panics, 1);
    drop(fut);
    probes.assert_all_dropped();
}

fn streams(probes: &Probes, panicking: u32) -> Vec<ProbeStream<std::vec::IntoIter<u32>>> {
    (0..5u32)
        .map(|i| {
            let s = probes.stream(vec![i; 3]).pending(1);
            if i == panicking { s.panic_in_poll() } else { s }
        })
        .collect()
}

#[test]
fn select_all_drops_a_panicking_stream() {
    let probes = Probes::new();
    let mut all = stream::select_all(streams(&probes, 2));
    let (items, panics) = drain(&mut all);
    only_probe_panics(&panics, 1);
    // The panicking stream is dropped with its items.
    assert_eq!(sorted(items), [0, 0, 0, 1, 1, 1, 3, 3, 3, 4, 4, 4]);
    assert!(all.is_empty());
    probes.assert_all_dropped();
}

#[test]
fn flatten_unordered_drops_a_panicking_stream() {
    let probes = Probes::new();
    let mut s = stream::iter(streams(&probes, 0)).flatten_unordered(2);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(sorted(items), [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    drop(s);
    probes.assert_all_dropped();
}

#[test]
fn try_flatten_unordered_drops_a_panicking_stream() {
    let probes = Probes::new();
    let inner: Vec<Result<_, u32>> = (0..4u32)
        .map(|i| {
            let s = probes.stream(vec![Ok::<u32, u32>(i); 2]).pending(1);
            Ok(if i == 1 { s.panic_in_poll() } else { s })
        })
        .collect();
    let mut s = stream::iter(inner).try_flatten_unordered(None);
    let (items, panics) = drain(&mut s);
    only_probe_panics(&panics, 1);
    assert_eq!(sorted(items), [Ok(0), Ok(0), Ok(2), Ok(2), Ok(3), Ok(3)]);
    drop(s);
    probes.assert_all_dropped();
}

#[test]
fn stream_map_drops_a_panicking_stream() {
    let probes = Probes::new();
    let mut map = StreamMap::new();
    for (k, s) in streams(&probes, 3).into_iter().enumerate() {
        map.insert(k, Box::pin(s));
    }
    let (items, panics) = drain(&mut map);
    only_probe_panics(&panics, 1);
    assert_eq!(items.len(), 12);
    assert!(items.iter().all(|&(k, v)| k != 3 && k as u32 == v));
    assert!(map.is_empty());
    probes.assert_all_dropped();
}

// --- a child whose Drop panics

#[test]
fn futures_unordered_child_drop_panics_on_completion() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..6u32)
        .map(|i| {
            let f = probes.future(i).pending(i as usize % 2);
            if i == 3 { f.panic_in_drop() } else { f }
        })
        .collect();
    let (items, panics) = drain(&mut set);
    only_probe_panics(&panics, 1);
    // The output of the child whose drop panicked may be lost with the
    // panic; every other output comes out exactly once.
    let items = sorted(items);
    assert!(
        items == [0, 1, 2, 4, 5] || items == [0, 1, 2, 3, 4, 5],
        "{items:?}"
    );
    assert!(set.is_empty());
    probes.assert_all_dropped();
}

/// A completed future whose destructor panics must not stall the order
/// (found by the review: the place was neither waiting nor lost, and every
/// poll woke itself for ever). An output that was waiting keeps its place;
/// one whose turn it was may be lost with the panic.
#[test]
fn futures_ordered_and_buffered_go_on_after_a_completed_child_panics_in_drop() {
    for panicking in [0u32, 1, 2, 5] {
        let probes = Probes::new();
        let make = |i: u32| {
            // Later children complete first, so most outputs wait.
            let f = probes.future(i).pending(6 - i as usize);
            if i == panicking { f.panic_in_drop() } else { f }
        };
        let mut q: FuturesOrdered<_> = (0..6u32).map(make).collect();
        let (items, panics) = drain(&mut q);
        only_probe_panics(&panics, 1);
        let expected: Vec<u32> = (0..6).filter(|&i| i != panicking).collect();
        let all: Vec<u32> = (0..6).collect();
        assert!(items == expected || items == all, "{panicking}: {items:?}");
        assert!(q.is_empty());
        probes.assert_all_dropped();

        let probes = Probes::new();
        let mut b = stream::iter((0..6u32).map(|i| {
            let f = probes.future(i).pending(6 - i as usize);
            if i == panicking { f.panic_in_drop() } else { f }
        }))
        .buffered(3);
        let (items, panics) = drain(&mut b);
        only_probe_panics(&panics, 1);
        assert!(
            items == expected || items == all,
            "buffered {panicking}: {items:?}"
        );
        drop(b);
        probes.assert_all_dropped();
    }
}

#[test]
fn futures_unordered_clear_with_a_panicking_drop_stays_consistent() {
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    for i in 0..100u32 {
        let f = probes.future(i).pending(usize::MAX).wake(ProbeWake::Stored);
        set.push(if i == 40 { f.panic_in_drop() } else { f });
    }
    assert!(rill_test::poll_next_once(&mut set).is_pending());
    let caught = catch_unwind(AssertUnwindSafe(|| set.clear()));
    assert!(
        caught.is_err(),
        "the child's drop panic propagates out of clear"
    );
    assert_eq!(
        set.len(),
        set.iter().count(),
        "len matches the children left"
    );
    assert_eq!(set.len(), probes.live(), "len matches the live children");
    // Usable afterwards: new children run, old ones are still in place.
    set.push(probes.future(1000));
    assert_eq!(next(&mut set), Next::Item(1000));
    set.clear();
    assert!(set.is_empty());
    probes.assert_all_dropped();
}

#[test]
fn select_all_and_stream_map_clear_with_a_panicking_drop() {
    let probes = Probes::new();
    let parked = |p: &Probes, i: u32| {
        let s = p
            .stream(vec![0u32])
            .pending(usize::MAX)
            .wake(ProbeWake::Stored);
        if i == 2 { s.panic_in_drop() } else { s }
    };
    let mut all: SelectAll<_> = (0..70).map(|i| parked(&probes, i)).collect();
    assert!(rill_test::poll_next_once(&mut all).is_pending());
    assert!(catch_unwind(AssertUnwindSafe(|| all.clear())).is_err());
    assert_eq!(all.len(), all.iter().count());
    assert_eq!(all.len(), probes.live());
    all.push(probes.stream(vec![7]));
    assert_eq!(next(&mut all), Next::Item(7));
    drop(all);
    probes.assert_all_dropped();

    let mut map = StreamMap::new();
    for k in 0..6 {
        map.insert(k, Box::pin(parked(&probes, k)));
    }
    assert!(rill_test::poll_next_once(&mut map).is_pending());
    assert!(catch_unwind(AssertUnwindSafe(|| map.clear())).is_err());
    assert_eq!(map.len(), map.iter().count());
    assert_eq!(map.len(), probes.live());
    map.insert(9, Box::pin(probes.stream(vec![7])));
    assert_eq!(next(&mut map), Next::Item((9, 7)));
    map.clear();
    probes.assert_all_dropped();
}

#[test]
fn dropping_a_set_with_a_panicking_child_drops_the_others() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..100u32)
        .map(|i| {
            let f = probes.future(i).pending(usize::MAX).wake(ProbeWake::Stored);
            if i == 30 { f.panic_in_drop() } else { f }
        })
        .collect();
    assert!(rill_test::poll_next_once(&mut set).is_pending());
    assert!(catch_unwind(AssertUnwindSafe(move || drop(set))).is_err());
    probes.assert_all_dropped();
}

#[test]
fn panic_in_poll_and_in_drop() {
    // The child panics in poll; its destructor panics too unless it runs
    // during the unwinding (a probe does not panic twice). Either way the
    // set stays consistent and ends.
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    set.push(probes.future(0).panic_in_poll().panic_in_drop());
    set.push(probes.future(1).pending(1));
    set.push(probes.future(2).panic_in_poll().panic_in_drop());
    let (items, panics) = drain(&mut set);
    assert!((2..=4).contains(&panics.len()), "{panics:#?}");
    assert_eq!(items, [1]);
    assert!(set.is_empty());
    probes.assert_all_dropped();

    let mut queue = FuturesOrdered::new();
    queue.push_back(probes.future(0).panic_in_poll().panic_in_drop());
    queue.push_back(probes.future(1));
    let (items, _) = drain(&mut queue);
    assert_eq!(items, [1]);
    probes.assert_all_dropped();
}

// --- a panic in the caller's closure (not in a child)

#[test]
fn closure_panics_leave_the_pool_consistent() {
    let probes = Probes::new();
    let mut s = stream::iter(0..8u32).flat_map_unordered(3, |i| {
        assert!(i != 4, "the closure panics on 4");
        probes.stream(vec![i]).pending(1)
    });
    let (items, panics) = drain(&mut s);
    assert_eq!(panics.len(), 1, "{panics:?}");
    assert_eq!(sorted(items), [0, 1, 2, 3, 5, 6, 7]);
    drop(s);

    let mut fut = Box::pin(stream::iter(0..8u32).for_each_concurrent(3, |i| {
        assert!(i != 2, "the closure panics on 2");
        probes.future(()).pending(1)
    }));
    let ((), panics) = complete(&mut fut);
    assert_eq!(panics.len(), 1, "{panics:?}");
    drop(fut);
    assert_eq!(probes.created(), 14);
    probes.assert_all_dropped();
}

#[test]
fn set_dropped_right_after_a_caught_panic() {
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    set.push(probes.future(0).pending(1));
    set.push(probes.future(1).panic_in_poll());
    set.push(probes.future(2).pending(usize::MAX).wake(ProbeWake::Stored));
    let mut got = vec![];
    loop {
        match next(&mut set) {
            Next::Panic(_) => break,
            Next::Item(i) => got.push(i),
            Next::End => panic!("ended before the panic"),
        }
    }
    drop(set);
    assert!(got.iter().all(|&i| i == 0));
    probes.assert_all_dropped();
}
