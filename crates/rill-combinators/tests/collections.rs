//! `merge`, `zip` and `chain` over tuples, arrays and `Vec`s of streams
//! (`rill_combinators::collections`): items against an `Iterator` model on
//! random inputs, ready and pending (rill-test's checkers); the task-set
//! rules of `merge` (only woken streams polled, first-woken first-polled,
//! budget, no allocation per item); ends, drops, panics and auto traits.

// The merge's ready queue uses loom's atomics under `--cfg loom`, which
// only work inside `loom::model`.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::cell::Cell;
use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll};

use children::{JobStream, Manual};
use proptest::prelude::*;
use rill_combinators::collections::{Chain, Merge, Zip};
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    CountingAllocator, TestSource, assert_stream_done, assert_stream_next, block_on,
    check_fused_stream, counting_waker,
};

// Allocations counted per thread, so parallel tests do not disturb each
// other.
#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator::new();

fn allocations() -> usize {
    CountingAllocator::thread_allocations()
}

/// Up to 6 streams of up to 8 items; each stream's items are tagged with
/// its number.
fn lists() -> impl Strategy<Value = Vec<Vec<(usize, u16)>>> {
    prop::collection::vec(prop::collection::vec(any::<u16>(), 0..8), 0..6).prop_map(|lists| {
        lists
            .into_iter()
            .enumerate()
            .map(|(id, items)| items.into_iter().map(|x| (id, x)).collect())
            .collect()
    })
}

/// `TestSource`s over the lists, pending before every item where `pending`
/// says so.
fn sources<T: Clone>(lists: &[Vec<T>], pending: &[bool]) -> Vec<TestSource<T>> {
    lists
        .iter()
        .zip(pending.iter().cycle())
        .map(|(items, &p)| TestSource::new(items.clone()).pending(p))
        .collect()
}

/// Readiness patterns: all ready, all pending, and mixed.
const PATTERNS: [&[bool]; 4] = [&[false], &[true], &[true, false], &[false, false, true]];

/// The items of stream `id`, in the order the merge gave them.
fn stream_items(merged: &[(usize, u16)], id: usize) -> Vec<(usize, u16)> {
    merged.iter().copied().filter(|m| m.0 == id).collect()
}

/// Round robin over the lists, skipping those that ran out: what a merge
/// of always-ready streams yields.
fn round_robin<T: Clone>(lists: &[Vec<T>]) -> Vec<T> {
    let mut queues: VecDeque<VecDeque<T>> =
        lists.iter().map(|l| l.iter().cloned().collect()).collect();
    let mut out = Vec::new();
    while let Some(mut q) = queues.pop_front() {
        if let Some(x) = q.pop_front() {
            out.push(x);
            queues.push_back(q);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merge_of_a_vec_keeps_every_item_and_each_stream_order(lists in lists()) {
        for pattern in PATTERNS {
            let merged = check_fused_stream(|| sources(&lists, pattern).merge());
            prop_assert_eq!(merged.len(), lists.iter().map(Vec::len).sum::<usize>());
            for (id, items) in lists.iter().enumerate() {
                prop_assert_eq!(&stream_items(&merged, id), items);
            }
        }
        // Always ready: the streams take turns in order.
        let ready: Vec<_> = lists.iter().map(|l| stream::iter(l.clone())).collect();
        prop_assert_eq!(block_on(ready.merge().collect::<Vec<_>>()), round_robin(&lists));
    }

    #[test]
    fn zip_of_a_vec_matches_the_transposed_lists(
        lists in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..6), 1..5)
    ) {
        let shortest = lists.iter().map(Vec::len).min().unwrap();
        let want: Vec<Vec<u8>> = (0..shortest)
            .map(|i| lists.iter().map(|l| l[i]).collect())
            .collect();
        for pattern in PATTERNS {
            prop_assert_eq!(&check_fused_stream(|| sources(&lists, pattern).zip()), &want);
        }
    }

    #[test]
    fn chain_of_a_vec_matches_iterator_flatten(lists in lists()) {
        let want: Vec<_> = lists.iter().flatten().copied().collect();
        for pattern in PATTERNS {
            prop_assert_eq!(&check_fused_stream(|| sources(&lists, pattern).chain()), &want);
        }
    }

    #[test]
    fn arrays_and_tuples_match_the_vec_form(
        a in prop::collection::vec(any::<u8>(), 0..6),
        b in prop::collection::vec(any::<u8>(), 0..6),
        c in prop::collection::vec(any::<u8>(), 0..6),
        p in any::<[bool; 3]>(),
    ) {
        let src = |items: &Vec<u8>, pending| TestSource::new(items.clone()).pending(pending);
        let lists = [a.clone(), b.clone(), c.clone()];

        let want: Vec<u8> = lists.iter().flatten().copied().collect();
        prop_assert_eq!(
            check_fused_stream(|| (src(&a, p[0]), src(&b, p[1]), src(&c, p[2])).chain()),
            want.clone()
        );
        prop_assert_eq!(
            check_fused_stream(|| [src(&a, p[0]), src(&b, p[1]), src(&c, p[2])].chain()),
            want
        );

        let shortest = a.len().min(b.len()).min(c.len());
        let tuples: Vec<(u8, u8, u8)> = (0..shortest).map(|i| (a[i], b[i], c[i])).collect();
        prop_assert_eq!(
            check_fused_stream(|| (src(&a, p[0]), src(&b, p[1]), src(&c, p[2])).zip()),
            tuples.clone()
        );
        let arrays: Vec<[u8; 3]> = tuples.iter().map(|&(x, y, z)| [x, y, z]).collect();
        prop_assert_eq!(
            check_fused_stream(|| [src(&a, p[0]), src(&b, p[1]), src(&c, p[2])].zip()),
            arrays
        );

        let mut merged = check_fused_stream(|| (src(&a, p[0]), src(&b, p[1]), src(&c, p[2])).merge());
        let mut all: Vec<u8> = lists.iter().flatten().copied().collect();
        merged.sort_unstable();
        all.sort_unstable();
        prop_assert_eq!(&merged, &all);
        let mut merged = check_fused_stream(|| [src(&a, p[0]), src(&b, p[1]), src(&c, p[2])].merge());
        merged.sort_unstable();
        prop_assert_eq!(merged, all);
    }
}

#[test]
fn every_tuple_arity_from_1_to_12() {
    let one = || stream::iter([1u8]);
    assert_eq!(block_on((one(),).merge().count()), 1);
    assert_eq!(block_on((one(),).zip().collect::<Vec<_>>()), [(1,)]);
    assert_eq!(block_on((one(),).chain().count()), 1);
    let twelve = || {
        (
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
            one(),
        )
    };
    assert_eq!(block_on(twelve().merge().count()), 12);
    assert_eq!(block_on(twelve().chain().count()), 12);
    assert_eq!(block_on(twelve().zip().count()), 1);
    // Zipping a tuple mixes item types.
    let mixed = (
        stream::iter([1u8]),
        stream::iter(["two"]),
        stream::iter([3.0f32]),
        stream::iter(['4']),
        stream::iter([5i64]),
        stream::iter([()]),
        stream::iter([Some(7)]),
        stream::iter([8u16]),
        stream::iter([vec![9]]),
        stream::iter([10usize]),
        stream::iter([false]),
        stream::iter([String::from("12")]),
    )
        .zip();
    let (a, b, _, d, _, _, g, _, i, _, k, l) = block_on(mixed.collect::<Vec<_>>()).pop().unwrap();
    assert_eq!(
        (a, b, d, g, i, k, l.as_str()),
        (1, "two", '4', Some(7), vec![9], false, "12")
    );
}

#[test]
fn collections_of_no_streams_end_at_once() {
    let mut s = Vec::<stream::Iter<std::vec::IntoIter<u8>>>::new().merge();
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
    assert!(s.is_terminated());
    let mut s = <[stream::Empty<u8>; 0]>::default().zip();
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
    assert!(s.is_terminated());
    let mut s = Vec::<stream::Empty<u8>>::new().chain();
    assert_stream_done!(s);
    assert!(s.is_terminated());
}

#[test]
fn merge_polls_only_woken_streams() {
    let (streams, states): (Vec<_>, Vec<_>) = (0..200).map(Manual::new).unzip();
    let (waker, _) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut merged = pin!(streams.merge());
    // The first poll gives every stream its first turn (in budgets of 32).
    while states.iter().any(|s| s.polls() == 0) {
        assert!(merged.as_mut().poll_next(&mut cx).is_pending());
    }
    let before: Vec<usize> = states.iter().map(|s| s.polls()).collect();
    states[57].wake();
    states[3].wake();
    assert_eq!(merged.as_mut().poll_next(&mut cx), Poll::Ready(Some(3001)));
    assert_eq!(merged.as_mut().poll_next(&mut cx), Poll::Ready(Some(57001)));
    // Each woken stream is polled again after its item (it may have
    // more), and is pending then; no other stream was polled at all.
    assert!(merged.as_mut().poll_next(&mut cx).is_pending());
    for (i, s) in states.iter().enumerate() {
        let extra = if i == 3 || i == 57 { 2 } else { 0 };
        assert_eq!(s.polls(), before[i] + extra, "stream {i}");
    }
}

#[test]
fn a_woken_stream_is_polled_before_an_always_ready_one_yields_twice() {
    let (manual, state) = Manual::new(1);
    let ready = stream::iter(0..).map(|n| n * 10);
    let mut merged = pin!(
        (
            stream::iter(0..).map(|n| n * 10 + 1_000_000),
            manual,
            ready.map(|n| n + 2_000_000)
        )
            .merge()
    );
    let mut cx = rill_test::noop_context();
    for _ in 0..10 {
        assert!(merged.as_mut().poll_next(&mut cx).is_ready());
    }
    state.wake();
    // Two always-ready siblings: the woken stream comes after at most one
    // item of each.
    let next: Vec<usize> = (0..3)
        .map(|_| match merged.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => x,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(next.contains(&1001), "{next:?}");
}

#[test]
fn one_poll_polls_at_most_32_streams_then_yields() {
    // Streams that wake themselves and stay pending: a poll gives 32 of
    // them a turn, then wakes its task and returns.
    struct Spin(Rc<Cell<usize>>);
    impl Stream for Spin {
        type Item = u8;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
            self.0.set(self.0.get() + 1);
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
    let polls = Rc::new(Cell::new(0));
    let mut merged = pin!(
        (0..100)
            .map(|_| Spin(Rc::clone(&polls)))
            .collect::<Vec<_>>()
            .merge()
    );
    let (waker, wakes) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(merged.as_mut().poll_next(&mut cx).is_pending());
    assert_eq!(polls.get(), 32);
    assert!(wakes.get() >= 1, "the task was not woken");
}

#[test]
fn merging_allocates_nothing_per_item() {
    let streams: [_; 4] =
        std::array::from_fn(|i| stream::iter((0..1_000u32).map(move |x| x + i as u32)));
    let mut merged = pin!(streams.merge());
    let mut cx = rill_test::noop_context();
    let before = allocations();
    let mut n = 0;
    while let Poll::Ready(Some(_)) = merged.as_mut().poll_next(&mut cx) {
        n += 1;
    }
    assert_eq!(n, 4_000);
    assert_eq!(allocations(), before);

    // With streams that wake themselves between items, too.
    let streams: Vec<_> = (0..8).map(|id| JobStream::new(id, 50, 1, false)).collect();
    let mut merged = pin!(streams.merge());
    let before = allocations();
    let mut n = 0;
    loop {
        match merged.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(_)) => n += 1,
            Poll::Ready(None) => break,
            Poll::Pending => {}
        }
    }
    assert_eq!(n, 400);
    assert_eq!(allocations(), before);
}

#[test]
fn ended_streams_are_never_polled_again() {
    // `TestSource` counts polls; an ended one must not be polled more.
    let mut merged = pin!([TestSource::new([1]), TestSource::new([2, 3, 4])].merge());
    assert_eq!(block_on(merged.as_mut().collect::<Vec<_>>()), [1, 2, 3, 4]);
    assert_stream_done!(merged);
    let [a, b] = Pin::into_inner(merged).get_ref();
    assert_eq!((a.polls(), b.polls()), (2, 4));

    // Zip: the first stream to end stops the zip; no stream is polled
    // after that.
    let mut zipped = [TestSource::new([1, 2]), TestSource::new([3])].zip();
    assert_stream_next!(zipped, [1, 3]);
    assert_stream_done!(zipped);
    assert_stream_done!(zipped);
    let [a, b] = zipped.get_ref();
    assert_eq!((a.polls(), b.polls()), (2, 2));
}

#[test]
fn zip_drops_the_items_it_holds_when_a_stream_ends() {
    let item = Rc::new(());
    let (waker, _) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let (manual, state) = Manual::new(0);
    let mut zipped = pin!((stream::iter([Rc::clone(&item)]), manual.take(0)).zip());
    assert_eq!(zipped.as_mut().poll_next(&mut cx), Poll::Ready(None));
    assert_eq!(Rc::strong_count(&item), 1);
    drop(state);

    // Held while the partner is pending, dropped with the zip.
    let (manual, _state) = Manual::new(0);
    let mut zipped = Box::pin((stream::iter([Rc::clone(&item)]), manual).zip());
    assert!(zipped.as_mut().poll_next(&mut cx).is_pending());
    assert_eq!(Rc::strong_count(&item), 2);
    drop(zipped);
    assert_eq!(Rc::strong_count(&item), 1);
}

#[test]
fn size_hints() {
    let mut s = (stream::iter([1, 2]), stream::iter([3])).merge();
    assert_eq!(s.size_hint(), (3, Some(3)));
    assert_stream_next!(s, 1);
    assert_eq!(s.size_hint(), (2, Some(2)));
    let s = [stream::iter(0..3), stream::iter(0..7)].zip();
    assert_eq!(s.size_hint(), (3, Some(3)));
    let s = (stream::iter(0..3), stream::repeat(1)).zip();
    assert_eq!(s.size_hint(), (3, Some(3)));
    let mut s = vec![stream::iter(0..3), stream::iter(0..2)].chain();
    assert_eq!(s.size_hint(), (5, Some(5)));
    for _ in 0..4 {
        assert!(block_on(s.next()).is_some());
    }
    assert_eq!(s.size_hint(), (1, Some(1)));
    let s = (stream::iter([1]), stream::repeat(2)).chain();
    assert_eq!(s.size_hint(), (usize::MAX, None));
}

#[test]
fn a_stream_that_panics_counts_as_ended() {
    struct Panics(Rc<Cell<usize>>);
    impl Stream for Panics {
        type Item = u8;
        fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
            self.0.set(self.0.get() + 1);
            panic!("always");
        }
    }
    let polls = Rc::new(Cell::new(0));
    let quiet = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut merged = Box::pin((Panics(Rc::clone(&polls)), stream::iter([7u8, 8])).merge());
    let mut cx = rill_test::noop_context();
    let first = panic::catch_unwind(AssertUnwindSafe(|| merged.as_mut().poll_next(&mut cx)));
    panic::set_hook(quiet);
    assert!(first.is_err());
    // The merge goes on without it and ends when the other stream ends;
    // the stream that panicked is not polled again.
    assert_eq!(merged.as_mut().poll_next(&mut cx), Poll::Ready(Some(7)));
    assert_eq!(merged.as_mut().poll_next(&mut cx), Poll::Ready(Some(8)));
    assert_stream_done!(merged);
    assert!(merged.is_terminated());
    assert_eq!(polls.get(), 1);
    assert_eq!(merged.size_hint(), (0, Some(0)));
}

#[test]
fn streams_are_woken_from_other_threads() {
    let streams: Vec<_> = (0..20).map(|id| JobStream::new(id, 5, 2, true)).collect();
    let mut out: Vec<(usize, usize)> = block_on(streams.merge().collect());
    out.sort();
    let want: Vec<(usize, usize)> = (0..20)
        .flat_map(|id| (1..=5).map(move |n| (id, n)))
        .collect();
    assert_eq!(out, want);
}

#[test]
fn debug_output() {
    let s = [stream::iter([1])].merge();
    assert_eq!(
        format!("{s:?}"),
        "MergeStreams { streams: [Iter { iter: IntoIter([1]) }], live: 1, .. }"
    );
    let s = (stream::iter([1]),).zip();
    assert_eq!(
        format!("{s:?}"),
        "ZipStreams { streams: (Iter { iter: IntoIter([1]) },), done: false, .. }"
    );
    let s = vec![stream::iter([1])].chain();
    assert_eq!(
        format!("{s:?}"),
        "ChainStreams { streams: [Iter { iter: IntoIter([1]) }], current: 0 }"
    );
}

mod auto_traits {
    //! Send / Sync / Unpin exactly when the streams are; in particular a
    //! `Vec` of `!Unpin` streams gives a `!Unpin` combinator (its streams
    //! are pinned in place), though the `Vec` itself is `Unpin`.
    use rill_test::assert_auto_traits_follow;
    use rill_test::auto_traits::Plain;

    use rill_combinators::collections::{ChainStreams, MergeStreams, ZipStreams};

    #[test]
    fn collections() {
        assert_auto_traits_follow!(pinned X => MergeStreams<Vec<X>>);
        assert_auto_traits_follow!(pinned X => MergeStreams<[X; 2]>);
        assert_auto_traits_follow!(pinned X => MergeStreams<(Plain, X)>);
        assert_auto_traits_follow!(pinned X => ZipStreams<Vec<X>>);
        assert_auto_traits_follow!(pinned X => ZipStreams<[X; 3]>);
        assert_auto_traits_follow!(pinned X => ZipStreams<(X, Plain, Plain)>);
        assert_auto_traits_follow!(pinned X => ChainStreams<Vec<X>>);
        assert_auto_traits_follow!(pinned X => ChainStreams<[X; 1]>);
        assert_auto_traits_follow!(pinned X => ChainStreams<(Plain, Plain, X)>);
    }
}
