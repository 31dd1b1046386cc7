//! Drop in place: every concurrent combinator drops its children
//! where they were pinned, on every exit path (completion, end of stream,
//! `clear`, drop of the set, cancellation, `remove`, abort), and drops each
//! exactly once. The children are `rill_test` probes, which record a move
//! after pinning as a violation; `assert_all_dropped` fails on a violation
//! or a leak.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::pin::Pin;
use std::task::Poll;

use children::{block_bounded, collect_bounded, next_bounded, sorted};
use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered, SelectAll, StreamMap};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_test::poll_next_once;
use rill_test::{ProbeFuture, ProbeStream, ProbeWake, Probes};

/// Enough polls for any test here to make progress.
const MAX: usize = 10_000;

/// A probe future that stays pending (holding its waker) until dropped.
fn parked<T>(probes: &Probes, value: T) -> ProbeFuture<T> {
    probes
        .future(value)
        .pending(usize::MAX)
        .wake(ProbeWake::Stored)
}

/// A probe stream that stays pending (holding its waker) until dropped.
fn parked_stream(probes: &Probes) -> ProbeStream<std::iter::Empty<u32>> {
    probes
        .stream(std::iter::empty())
        .pending(usize::MAX)
        .wake(ProbeWake::Stored)
}

/// Probe futures completing with `0..n` after 0, 1 or 2 self-woken pendings.
fn busy(probes: &Probes, n: u32) -> Vec<ProbeFuture<u32>> {
    (0..n)
        .map(|i| probes.future(i).pending(i as usize % 3))
        .collect()
}

// --- FuturesUnordered

#[test]
fn futures_unordered_completion() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = busy(&probes, 20).into_iter().collect();
    let out = collect_bounded(&mut set, MAX);
    assert_eq!(sorted(out), (0..20).collect::<Vec<_>>());
    probes.assert_all_dropped();
}

#[test]
fn futures_unordered_clear() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..10).map(|i| parked(&probes, i)).collect();
    assert!(poll_next_once(&mut set).is_pending());
    assert_eq!(probes.total_polls(), 10);
    set.clear();
    assert!(set.is_empty());
    probes.assert_all_dropped();
    // The set is usable afterwards, in the same (reused) slots.
    set.push(parked(&probes, 10));
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    probes.assert_all_dropped();
}

#[test]
fn futures_unordered_drop() {
    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..70).map(|i| parked(&probes, i)).collect();
    assert!(poll_next_once(&mut set).is_pending());
    assert_eq!(probes.live(), 70);
    drop(set);
    probes.assert_all_dropped();
}

// --- FuturesOrdered, buffered, buffer_unordered and their try_ forms

#[test]
fn futures_ordered_completion() {
    let probes = Probes::new();
    // Later futures finish first: their outputs wait for the earlier ones.
    let mut queue: FuturesOrdered<_> = (0..12u32)
        .map(|i| probes.future(i).pending(12 - i as usize))
        .collect();
    assert_eq!(
        collect_bounded(&mut queue, MAX),
        (0..12).collect::<Vec<_>>()
    );
    probes.assert_all_dropped();
}

#[test]
fn futures_ordered_drop() {
    let probes = Probes::new();
    let mut queue: FuturesOrdered<_> = (0..6).map(|i| parked(&probes, i)).collect();
    assert!(poll_next_once(&mut queue).is_pending());
    drop(queue);
    probes.assert_all_dropped();
}

#[test]
fn buffered_completion() {
    let probes = Probes::new();
    let mut s = stream::iter(busy(&probes, 20)).buffered(4);
    assert_eq!(collect_bounded(&mut s, MAX), (0..20).collect::<Vec<_>>());
    probes.assert_all_dropped();
}

#[test]
fn buffered_drop() {
    let probes = Probes::new();
    let mut s = stream::iter((0..6).map(|i| parked(&probes, i))).buffered(3);
    assert!(poll_next_once(&mut s).is_pending());
    assert_eq!(probes.total_polls(), 3);
    drop(s);
    probes.assert_all_dropped();
}

#[test]
fn buffer_unordered_completion() {
    let probes = Probes::new();
    let mut s = stream::iter(busy(&probes, 20)).buffer_unordered(4);
    let out = collect_bounded(&mut s, MAX);
    assert_eq!(sorted(out), (0..20).collect::<Vec<_>>());
    probes.assert_all_dropped();
}

#[test]
fn buffer_unordered_drop() {
    let probes = Probes::new();
    let mut s = stream::iter((0..6).map(|i| parked(&probes, i))).buffer_unordered(None);
    assert!(poll_next_once(&mut s).is_pending());
    assert_eq!(probes.total_polls(), 6);
    drop(s);
    probes.assert_all_dropped();
}

fn ok_probe(probes: &Probes, i: u32) -> Result<ProbeFuture<Result<u32, String>>, String> {
    Ok(probes.future(Ok(i)).pending(i as usize % 3))
}

#[test]
fn try_buffered_completion() {
    let probes = Probes::new();
    let mut s = stream::iter((0..10).map(|i| ok_probe(&probes, i))).try_buffered(3);
    let want: Vec<Result<u32, String>> = (0..10).map(Ok).collect();
    assert_eq!(collect_bounded(&mut s, MAX), want);
    probes.assert_all_dropped();
}

#[test]
fn try_buffer_unordered_completion() {
    let probes = Probes::new();
    let mut s = stream::iter((0..10).map(|i| ok_probe(&probes, i))).try_buffer_unordered(3);
    let out: Vec<u32> = collect_bounded(&mut s, MAX)
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(sorted(out), (0..10).collect::<Vec<_>>());
    probes.assert_all_dropped();
}

#[test]
fn try_buffered_and_try_buffer_unordered_drop() {
    let probes = Probes::new();
    let parked_ok = |i| Ok::<_, String>(parked(&probes, Ok::<u32, String>(i)));
    let mut s = stream::iter((0..4).map(parked_ok)).try_buffered(2);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    let mut s = stream::iter((0..4).map(parked_ok)).try_buffer_unordered(2);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    assert_eq!(probes.created(), 4);
    probes.assert_all_dropped();
}

// --- for_each_concurrent, try_for_each_concurrent

#[test]
fn for_each_concurrent_completion() {
    let probes = Probes::new();
    let mut fut = Box::pin(
        stream::iter(0..20u32)
            .for_each_concurrent(4, |i| probes.future(()).pending(i as usize % 3)),
    );
    block_bounded(&mut fut, MAX);
    drop(fut);
    assert_eq!(probes.created(), 20);
    probes.assert_all_dropped();
}

#[test]
fn for_each_concurrent_drop() {
    let probes = Probes::new();
    let mut fut = Box::pin(stream::iter(0..20u32).for_each_concurrent(4, |_| parked(&probes, ())));
    assert!(rill_test::poll_once(&mut fut).is_pending());
    assert_eq!(probes.live(), 4);
    drop(fut);
    probes.assert_all_dropped();
}

#[test]
fn try_for_each_concurrent_cancel() {
    let probes = Probes::new();
    // Item 3 fails at once while the others wait forever: the error
    // cancels (drops) them. The failing one is the only one completed.
    let mut fut = Box::pin(
        stream::iter(0..6u32)
            .map(Ok)
            .try_for_each_concurrent(None, |i| {
                if i == 3 {
                    probes.future(Err(i)).pending(2)
                } else {
                    parked(&probes, Ok(()))
                }
            }),
    );
    assert_eq!(block_bounded(&mut fut, MAX), Err(3));
    assert_eq!(probes.live(), 0, "the error dropped the futures in flight");
    drop(fut);
    let violations = probes.take_violations();
    // The cancelled ones (ids 0, 1, 2, 4, 5) must not have moved; the
    // failed one (#3) completed, which is the completion path.
    let cancelled: Vec<&String> = violations.iter().filter(|v| !v.contains("#3 ")).collect();
    assert!(
        cancelled.is_empty(),
        "cancelled futures moved: {cancelled:#?}"
    );
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn try_for_each_concurrent_completion() {
    let probes = Probes::new();
    let mut fut = Box::pin(
        stream::iter(0..10u32)
            .map(Ok::<_, u32>)
            .try_for_each_concurrent(3, |i| probes.future(Ok(())).pending(i as usize % 3)),
    );
    assert_eq!(block_bounded(&mut fut, MAX), Ok(()));
    probes.assert_all_dropped();
}

// --- flatten_unordered, flat_map_unordered, try_flatten_unordered

#[test]
fn flatten_unordered_end() {
    let probes = Probes::new();
    let inner: Vec<_> = (0..8u32)
        .map(|i| probes.stream([i, i + 100]).pending(i as usize % 2))
        .collect();
    let mut s = stream::iter(inner).flatten_unordered(3);
    let out = collect_bounded(&mut s, MAX);
    assert_eq!(out.len(), 16);
    probes.assert_all_dropped();
}

#[test]
fn flatten_unordered_drop() {
    let probes = Probes::new();
    let mut s = stream::iter((0..5).map(|_| parked_stream(&probes))).flatten_unordered(None);
    assert!(poll_next_once(&mut s).is_pending());
    assert_eq!(probes.total_polls(), 5);
    drop(s);
    probes.assert_all_dropped();
}

#[test]
fn flat_map_unordered_end() {
    let probes = Probes::new();
    let mut s = stream::iter(0..6u32).flat_map_unordered(2, |i| probes.stream(0..i).pending(1));
    assert_eq!(collect_bounded(&mut s, MAX).len(), 15);
    probes.assert_all_dropped();
}

#[test]
fn flat_map_unordered_drop() {
    let probes = Probes::new();
    let mut s = stream::iter(0..6u32).flat_map_unordered(None, |_| parked_stream(&probes));
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    assert_eq!(probes.created(), 6);
    probes.assert_all_dropped();
}

#[test]
fn try_flatten_unordered_end() {
    let probes = Probes::new();
    let inner: Vec<_> = (0..6u32)
        .map(|i| Ok::<_, u32>(probes.stream([Ok(i), Err(i)]).pending(1)))
        .collect();
    let mut s = stream::iter(inner).try_flatten_unordered(2);
    let out = collect_bounded(&mut s, MAX);
    assert_eq!(out.len(), 12);
    probes.assert_all_dropped();
}

#[test]
fn try_flatten_unordered_drop() {
    let probes = Probes::new();
    let inner: Vec<Result<_, u32>> = (0..4).map(|_| Ok(parked_results(&probes))).collect();
    let mut s = stream::iter(inner).try_flatten_unordered(None);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    probes.assert_all_dropped();
}

fn parked_results(probes: &Probes) -> ProbeStream<std::vec::IntoIter<Result<u32, u32>>> {
    probes
        .stream(vec![])
        .pending(usize::MAX)
        .wake(ProbeWake::Stored)
}

// --- select_all, StreamMap

#[test]
fn select_all_end() {
    let probes = Probes::new();
    let mut all = stream::select_all((0..6u32).map(|i| probes.stream(0..i).pending(1)));
    assert_eq!(collect_bounded(&mut all, MAX).len(), 15);
    probes.assert_all_dropped();
}

#[test]
fn select_all_clear() {
    let probes = Probes::new();
    let mut all: SelectAll<_> = (0..5).map(|_| parked_stream(&probes)).collect();
    assert!(poll_next_once(&mut all).is_pending());
    all.clear();
    assert!(all.is_empty());
    probes.assert_all_dropped();
    all.push(parked_stream(&probes));
    assert!(poll_next_once(&mut all).is_pending());
    all.clear();
    probes.assert_all_dropped();
}

#[test]
fn select_all_drop() {
    let probes = Probes::new();
    let mut all: SelectAll<_> = (0..5).map(|_| parked_stream(&probes)).collect();
    assert!(poll_next_once(&mut all).is_pending());
    drop(all);
    probes.assert_all_dropped();
}

type Boxed = Pin<Box<ProbeStream<std::vec::IntoIter<u32>>>>;

fn parked_boxed(probes: &Probes) -> Boxed {
    Box::pin(
        probes
            .stream(vec![])
            .pending(usize::MAX)
            .wake(ProbeWake::Stored),
    )
}

/// StreamMap asks for `Unpin` streams (tokio-stream's API), so a probe goes
/// in boxed and cannot be moved by the map: these check that the map drops
/// each entry exactly once, on every path.
#[test]
fn stream_map_end() {
    let probes = Probes::new();
    let mut map = StreamMap::new();
    for k in 0..6u32 {
        let s: Boxed = Box::pin(probes.stream(vec![k; k as usize]).pending(1));
        map.insert(k, s);
    }
    assert_eq!(collect_bounded(&mut map, MAX).len(), 15);
    probes.assert_all_dropped();
}

#[test]
fn stream_map_remove_clear_and_drop() {
    let probes = Probes::new();
    let mut map = StreamMap::new();
    for k in 0..6u32 {
        map.insert(k, parked_boxed(&probes));
    }
    assert!(poll_next_once(&mut map).is_pending());
    drop(map.remove(&2).expect("present"));
    // Replacing a key drops the old stream.
    drop(map.insert(3, parked_boxed(&probes)));
    assert_eq!(probes.live(), 5);
    map.clear();
    probes.assert_all_dropped();
    map.insert(9, Box::pin(probes.stream(vec![1])));
    map.insert(8, parked_boxed(&probes));
    assert_eq!(next_bounded(&mut map, MAX), Some((9, 1)));
    drop(map);
    probes.assert_all_dropped();
}

// --- Abortable

#[test]
fn abort_in_futures_unordered() {
    let probes = Probes::new();
    // Aborted futures complete with `Err(Aborted)` and are released.
    let mut handles = vec![];
    let mut set = FuturesUnordered::new();
    for i in 0..6u32 {
        let (handle, reg) = stream::AbortHandle::new_pair();
        set.push(stream::Abortable::new(parked(&probes, i), reg));
        handles.push(handle);
    }
    assert!(poll_next_once(&mut set).is_pending());
    for h in &handles[..3] {
        h.abort();
    }
    for _ in 0..3 {
        assert_eq!(next_bounded(&mut set, MAX), Some(Err(stream::Aborted)));
    }
    assert_eq!(set.len(), 3);
    assert_eq!(probes.live(), 3);
    probes.assert_clean();
    drop(set);
    probes.assert_all_dropped();
}

#[test]
fn abort_in_select_all() {
    let probes = Probes::new();
    // An aborted stream ends and is released by select_all.
    let mut all = SelectAll::new();
    let mut handles = vec![];
    for _ in 0..4 {
        let (s, h) = stream::abortable(parked_boxed(&probes));
        all.push(s);
        handles.push(h);
    }
    let counting: Boxed = Box::pin(probes.stream(vec![0, 1, 2]).pending(1));
    all.push(stream::abortable(counting).0);
    let mut got = vec![];
    for _ in 0..3 {
        got.push(next_bounded(&mut all, MAX).unwrap());
    }
    assert_eq!(got, [0, 1, 2]);
    probes.assert_clean();
    for h in &handles {
        h.abort();
    }
    assert_eq!(next_bounded(&mut all, MAX), None);
    probes.assert_all_dropped();
}

#[test]
fn abort_of_unboxed_streams_in_select_all() {
    let probes = Probes::new();
    let mut all = SelectAll::new();
    let mut handles = vec![];
    for _ in 0..4 {
        let (s, h) = stream::abortable(parked_stream(&probes));
        all.push(s);
        handles.push(h);
    }
    assert!(poll_next_once(&mut all).is_pending());
    for h in &handles {
        h.abort();
    }
    assert_eq!(next_bounded(&mut all, MAX), None);
    probes.assert_all_dropped();
}

#[test]
fn abortable_alone_drops_in_place() {
    let probes = Probes::new();
    let (s, handle) = stream::abortable(parked_stream(&probes));
    let mut s = Box::pin(s);
    assert!(rill_test::poll_next_once(&mut s).is_pending());
    handle.abort();
    assert_eq!(next_bounded(&mut s, MAX), None);
    assert_eq!(
        probes.live(),
        1,
        "abort ends the stream; the inner drops with it"
    );
    drop(s);
    probes.assert_all_dropped();
}

// --- growth

#[test]
fn growing_the_set_never_moves_pinned_children() {
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    let mut all = SelectAll::new();
    let (mut outputs, mut items) = (vec![], 0);
    for round in 0..4u32 {
        // Children polled (pinned) in earlier rounds stay while new ones
        // add blocks of slots behind them.
        for i in 0..50 {
            set.push(probes.future(round * 50 + i).pending(2));
            all.push(probes.stream(vec![i; 2]).pending(1));
        }
        for _ in 0..3 {
            if let Poll::Ready(Some(out)) = poll_next_once(&mut set) {
                outputs.push(out);
            }
            if let Poll::Ready(Some(_)) = poll_next_once(&mut all) {
                items += 1;
            }
        }
    }
    assert!(set.capacity() >= 200);
    outputs.extend(collect_bounded(&mut set, MAX));
    items += collect_bounded(&mut all, MAX).len();
    assert_eq!(sorted(outputs), (0..200).collect::<Vec<_>>());
    assert_eq!(items, 400);
    probes.assert_all_dropped();
}

// --- slots freed while their child is queued

#[test]
fn child_inserted_into_a_slot_freed_while_queued_is_polled() {
    let probes = Probes::new();
    let mut set = FuturesUnordered::new();
    let a = parked(&probes, 0);
    let a_id = a.id();
    set.push(a);
    assert!(poll_next_once(&mut set).is_pending());
    // `a` is woken, then taken into the order by the next push; then it
    // leaves with `clear`, and its slot goes to a new child.
    assert!(probes.wake(a_id));
    set.push(parked(&probes, 1));
    set.clear();
    set.push(probes.future(7));
    assert_eq!(next_bounded(&mut set, MAX), Some(7));
    assert_eq!(next_bounded(&mut set, MAX), None);
    probes.assert_all_dropped();

    // The same through StreamMap's `remove`.
    let mut map = StreamMap::new();
    let a: Pin<Box<ProbeStream<std::vec::IntoIter<u32>>>> = Box::pin(
        probes
            .stream(vec![])
            .pending(usize::MAX)
            .wake(ProbeWake::Stored),
    );
    let a_id = a.id();
    map.insert('a', a);
    assert!(poll_next_once(&mut map).is_pending());
    assert!(probes.wake(a_id));
    map.insert('b', Box::pin(probes.stream(vec![])));
    drop(map.remove(&'a'));
    map.insert('c', Box::pin(probes.stream(vec![3])));
    let mut got = children::collect_bounded(&mut map, MAX);
    got.sort();
    assert_eq!(got, [('c', 3)]);
    probes.assert_all_dropped();
}
