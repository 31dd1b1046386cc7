//! Drop in place for the collection combinators (`merge`, `zip` and `chain`
//! over tuples, arrays and `Vec`s, whose projections to one pinned stream
//! are the `unsafe` of `collections/set.rs`): every stream is polled and
//! dropped where it was first polled, on every exit path (the end, a drop
//! midway, a stream that panics), and exactly once. The streams are
//! `rill_test` probes, which record a move after pinning; then real tokio
//! children (`Notify` waiters, which link their own address into the
//! `Notify`) are dropped while registered, which valgrind and ASan check.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::task::Poll;

use children::tokio_children::{assert_notify_works, notified_stream};
use rill_combinators::StreamExt;
use rill_combinators::collections::{Chain, Merge, Zip};
use rill_core::Stream;
use rill_test::{ProbeStream, ProbeWake, Probes, block_on, poll_next_once};
use tokio::sync::Notify;

/// A probe stream of `items`, pending (and waking itself) `pending` times
/// before each item.
fn busy(probes: &Probes, items: Range<u32>, pending: usize) -> ProbeStream<Range<u32>> {
    probes.stream(items).pending(pending)
}

/// A probe stream that stays pending (holding its waker) until dropped.
fn parked(probes: &Probes) -> ProbeStream<Range<u32>> {
    probes
        .stream(0..0)
        .pending(usize::MAX)
        .wake(ProbeWake::Stored)
}

fn sorted(mut items: Vec<u32>) -> Vec<u32> {
    items.sort_unstable();
    items
}

/// Polls `stream` `n` times (with a no-op waker: the probes that wake
/// themselves only re-queue inside the combinator).
fn poll_times<S: Stream + Unpin>(stream: &mut S, n: usize) -> Vec<S::Item> {
    (0..n)
        .filter_map(|_| match poll_next_once(stream) {
            Poll::Ready(item) => item,
            Poll::Pending => None,
        })
        .collect()
}

#[test]
fn merge_to_the_end_over_a_tuple_an_array_and_a_vec() {
    let probes = Probes::new();
    let tuple = (
        busy(&probes, 0..3, 1),
        busy(&probes, 10..12, 2),
        busy(&probes, 20..21, 0),
    )
        .merge();
    assert_eq!(
        sorted(block_on(tuple.collect())),
        [0, 1, 2, 10, 11, 20],
        "tuple"
    );
    let array = [busy(&probes, 0..3, 1), busy(&probes, 3..5, 2)].merge();
    assert_eq!(sorted(block_on(array.collect())), [0, 1, 2, 3, 4], "array");
    let vec: Vec<_> = (0..6u32)
        .map(|i| busy(&probes, i * 10..i * 11, i as usize % 3))
        .collect();
    assert_eq!(block_on(vec.merge().count()), 15, "vec");
    assert_eq!(probes.created(), 11);
    probes.assert_all_dropped();
}

#[test]
fn merge_dropped_midway_drops_every_stream_in_place() {
    let probes = Probes::new();
    {
        let mut merged = pin!(
            (
                busy(&probes, 0..100, 1),
                parked(&probes),
                busy(&probes, 0..100, 0)
            )
                .merge()
        );
        assert!(!poll_times(&mut merged, 10).is_empty());
    }
    {
        let mut merged = pin!([busy(&probes, 0..100, 1), parked(&probes)].merge());
        assert!(!poll_times(&mut merged, 10).is_empty());
    }
    {
        // A `Vec`'s streams live on the heap: the merge is pinned in a box
        // here, and moving the box must not matter.
        let streams = vec![
            busy(&probes, 0..100, 2),
            parked(&probes),
            busy(&probes, 0..1, 0),
        ];
        let mut merged = Box::pin(streams.merge());
        assert!(!poll_times(&mut merged, 10).is_empty());
        let mut moved: Pin<Box<_>> = merged;
        assert!(!poll_times(&mut moved, 10).is_empty());
    }
    probes.assert_all_dropped();
}

#[test]
fn merge_goes_on_after_a_stream_panics_and_drops_it_in_place() {
    let probes = Probes::new();
    let mut merged = Box::pin(
        (
            busy(&probes, 0..3, 1),
            probes.stream(100..103u32).panic_in_poll(),
            busy(&probes, 10..13, 0),
        )
            .merge(),
    );
    let mut items = Vec::new();
    let mut panics = 0;
    let mut polls = 0;
    loop {
        polls += 1;
        assert!(polls < 1_000, "the merge does not end after a panic");
        match catch_unwind(AssertUnwindSafe(|| poll_next_once(&mut merged))) {
            Ok(Poll::Ready(Some(item))) => items.push(item),
            Ok(Poll::Ready(None)) => break,
            Ok(Poll::Pending) => {}
            Err(_) => panics += 1,
        }
    }
    assert_eq!(panics, 1);
    // The stream that panicked counts as ended: none of its items.
    assert_eq!(sorted(items), [0, 1, 2, 10, 11, 12]);
    probes.assert_clean();
    drop(merged);
    probes.assert_all_dropped();
}

#[test]
fn zip_to_the_end_and_dropped_midway() {
    let probes = Probes::new();
    let tuple = (busy(&probes, 0..3, 1), busy(&probes, 10..20, 2)).zip();
    assert_eq!(
        block_on(tuple.collect::<Vec<_>>()),
        [(0, 10), (1, 11), (2, 12)]
    );
    let array = [busy(&probes, 0..2, 0), busy(&probes, 5..9, 1)].zip();
    assert_eq!(block_on(array.collect::<Vec<_>>()), [[0, 5], [1, 6]]);
    let vec = vec![busy(&probes, 0..4, 1), busy(&probes, 0..2, 0)].zip();
    assert_eq!(block_on(vec.collect::<Vec<_>>()), [vec![0, 0], vec![1, 1]]);
    {
        // One stream never answers: the zip holds the others' items.
        let mut zipped = pin!((busy(&probes, 0..5, 1), parked(&probes)).zip());
        assert!(poll_times(&mut zipped, 10).is_empty());
    }
    {
        let mut zipped = Box::pin(vec![busy(&probes, 0..5, 2), parked(&probes)].zip());
        assert!(poll_times(&mut zipped, 10).is_empty());
    }
    probes.assert_all_dropped();
}

#[test]
fn chain_to_the_end_and_dropped_midway() {
    let probes = Probes::new();
    let tuple = (busy(&probes, 0..2, 1), busy(&probes, 2..4, 0)).chain();
    assert_eq!(block_on(tuple.collect::<Vec<_>>()), [0, 1, 2, 3]);
    let array = [busy(&probes, 0..1, 2), busy(&probes, 1..3, 1)].chain();
    assert_eq!(block_on(array.collect::<Vec<_>>()), [0, 1, 2]);
    let vec = vec![busy(&probes, 0..2, 0), busy(&probes, 2..3, 1)].chain();
    assert_eq!(block_on(vec.collect::<Vec<_>>()), [0, 1, 2]);
    {
        // Dropped while the second stream is pinned and waiting.
        let mut chained = pin!((busy(&probes, 0..2, 1), parked(&probes)).chain());
        assert_eq!(poll_times(&mut chained, 10), [0, 1]);
    }
    {
        let mut chained = Box::pin(vec![busy(&probes, 0..3, 0), parked(&probes)].chain());
        assert_eq!(poll_times(&mut chained, 10), [0, 1, 2]);
    }
    probes.assert_all_dropped();
}

#[test]
fn tokio_waiters_dropped_while_registered() {
    let notify = Arc::new(Notify::new());
    {
        let mut merged = pin!(
            (
                notified_stream(notify.clone()),
                notified_stream(notify.clone()),
                notified_stream(notify.clone())
            )
                .merge()
        );
        assert!(poll_next_once(&mut merged).is_pending());
        // Each stream yields once, then registers again.
        notify.notify_waiters();
        assert_eq!(poll_times(&mut merged, 10), [1, 1, 1]);
    }
    assert_notify_works(&notify);
    {
        let mut merged = Box::pin(
            [
                notified_stream(notify.clone()),
                notified_stream(notify.clone()),
            ]
            .merge(),
        );
        assert!(poll_next_once(&mut merged).is_pending());
    }
    assert_notify_works(&notify);
    {
        let mut merged = Box::pin(
            (0..4)
                .map(|_| notified_stream(notify.clone()))
                .collect::<Vec<_>>()
                .merge(),
        );
        assert!(poll_next_once(&mut merged).is_pending());
        notify.notify_waiters();
        assert_eq!(poll_times(&mut merged, 10), [1, 1, 1, 1]);
    }
    assert_notify_works(&notify);
    {
        let mut zipped = pin!(
            (
                notified_stream(notify.clone()),
                notified_stream(notify.clone())
            )
                .zip()
        );
        assert!(poll_next_once(&mut zipped).is_pending());
        notify.notify_waiters();
        assert_eq!(poll_times(&mut zipped, 10), [(1, 1)]);
    }
    assert_notify_works(&notify);
    {
        let mut chained = Box::pin(
            vec![
                notified_stream(notify.clone()),
                notified_stream(notify.clone()),
            ]
            .chain(),
        );
        assert!(poll_next_once(&mut chained).is_pending());
    }
    assert_notify_works(&notify);
}
