//! async-std's `from_fn` and futures-lite's `or` / `race`: items against
//! the `Iterator` model on random inputs (with `Pending` interleaved
//! through rill-test's checkers), each side's order, the preference of
//! `or`, the fairness and reproducibility of `race`, fusing, `size_hint`
//! and auto traits.

use std::cell::Cell;

use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    TestSource, assert_stream_done, assert_stream_next, assert_stream_pending, block_on,
    check_fused_stream, check_stream,
};

/// Splits merged items (tagged 0 / 1 by side) back into the two sides.
fn sides(merged: &[(u8, u16)]) -> (Vec<u16>, Vec<u16>) {
    let pick = |side| merged.iter().filter(|m| m.0 == side).map(|m| m.1).collect();
    (pick(0), pick(1))
}

fn tagged(side: u8, items: &[u16]) -> Vec<(u8, u16)> {
    items.iter().map(|&x| (side, x)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn from_fn_matches_iter_from_fn(v in prop::collection::vec(any::<u8>(), 0..16)) {
        let make = || {
            let mut items = v.clone().into_iter();
            stream::from_fn(move || items.next())
        };
        let mut items = v.clone().into_iter();
        let want: Vec<u8> = std::iter::from_fn(move || items.next()).collect();
        prop_assert_eq!(check_stream(make), want);
    }

    #[test]
    fn or_keeps_every_item_and_each_side_order(
        a in prop::collection::vec(any::<u16>(), 0..12),
        b in prop::collection::vec(any::<u16>(), 0..12),
    ) {
        let (ta, tb) = (tagged(0, &a), tagged(1, &b));
        // Every combination of ready and pending inputs: the interleaving
        // depends on readiness, each side's items and order do not.
        for (pa, pb) in [(false, false), (true, false), (false, true), (true, true)] {
            let merged = check_fused_stream(|| {
                TestSource::new(ta.clone()).pending(pa).or(TestSource::new(tb.clone()).pending(pb))
            });
            prop_assert_eq!(sides(&merged), (a.clone(), b.clone()));
        }
        // Both ready: the first stream drains before the second gets a turn.
        let ready = block_on(stream::iter(ta.clone()).or(stream::iter(tb.clone())).collect::<Vec<_>>());
        prop_assert_eq!(ready, ta.iter().chain(&tb).copied().collect::<Vec<_>>());
    }

    #[test]
    fn race_keeps_every_item_and_each_side_order(
        a in prop::collection::vec(any::<u16>(), 0..12),
        b in prop::collection::vec(any::<u16>(), 0..12),
        seed in any::<u64>(),
    ) {
        let (ta, tb) = (tagged(0, &a), tagged(1, &b));
        for (pa, pb) in [(false, false), (true, false), (false, true), (true, true)] {
            let merged = check_fused_stream(|| {
                let left = TestSource::new(ta.clone()).pending(pa);
                stream::race_with_seed(left, TestSource::new(tb.clone()).pending(pb), seed)
            });
            prop_assert_eq!(sides(&merged), (a.clone(), b.clone()));
        }
        let unseeded = block_on(stream::iter(ta.clone()).race(stream::iter(tb.clone())).collect::<Vec<_>>());
        prop_assert_eq!(sides(&unseeded), (a, b));
    }

    #[test]
    fn race_with_a_seed_is_reproducible(seed in any::<u64>()) {
        let run = || {
            let s = stream::race_with_seed(stream::iter(0..20), stream::iter(100..120), seed);
            block_on(s.collect::<Vec<_>>())
        };
        prop_assert_eq!(run(), run());
    }
}

#[test]
fn race_shares_turns_fairly_between_ready_streams() {
    // Two endless ready streams: each gets about half of the items, and no
    // run of one side is long.
    let s = stream::race_with_seed(stream::repeat(0u8), stream::repeat(1u8), 42);
    let items: Vec<u8> = rill_test::block_on_stream(s).take(10_000).collect();
    let ones = items.iter().filter(|&&x| x == 1).count();
    assert!(
        (4_500..=5_500).contains(&ones),
        "{ones} of 10000 from the second stream"
    );
    let longest_run = items
        .chunk_by(|a, b| a == b)
        .map(<[u8]>::len)
        .max()
        .unwrap();
    assert!(
        longest_run < 40,
        "a run of {longest_run} items from one side"
    );

    // Different seeds, different interleavings (and unseeded races differ
    // from each other too).
    let first = |seed| {
        let s = stream::race_with_seed(stream::repeat(0u8), stream::repeat(1u8), seed);
        rill_test::block_on_stream(s).take(64).collect::<Vec<_>>()
    };
    assert_ne!(first(1), first(2));
    let unseeded = || {
        let s = stream::repeat(0u8).race(stream::repeat(1u8));
        rill_test::block_on_stream(s).take(64).collect::<Vec<_>>()
    };
    assert_ne!(unseeded(), unseeded());
}

#[test]
fn or_prefers_the_first_stream_and_lets_the_second_through_when_it_waits() {
    let mut s = stream::or(
        TestSource::new([1, 2])
            .pending_before([1])
            .panic_after_end(true),
        stream::iter([10, 20, 30]),
    );
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 10); // the first is pending
    assert_stream_next!(s, 2);
    assert_stream_next!(s, 20); // the first has ended
    assert_stream_next!(s, 30);
    assert_stream_done!(s);
    assert!(s.is_terminated());
    // The first source panics when polled after its end: it is not.
    assert_stream_done!(s);
}

#[test]
fn merged_streams_end_when_both_end_and_poll_no_ended_side() {
    for seed in 0..16 {
        let mut s = stream::race_with_seed(
            TestSource::new([1]).panic_after_end(true),
            TestSource::new([2, 3])
                .pending_before([0])
                .panic_after_end(true),
            seed,
        );
        let mut got = Vec::new();
        while let Some(x) = block_on(s.next()) {
            got.push(x);
        }
        got.sort();
        assert_eq!(got, [1, 2, 3]);
        assert!(s.is_terminated());
        assert_stream_done!(s);
    }
    let mut s = stream::or(stream::pending::<u8>(), stream::empty());
    assert_stream_pending!(s);
    assert!(!s.is_terminated());
    let mut s = stream::race(stream::empty::<u8>(), stream::empty());
    assert_stream_done!(s);
    assert!(s.is_terminated());
}

#[test]
fn size_hint_adds_the_live_sides() {
    let mut s = stream::iter([1, 2]).or(stream::iter([3]));
    assert_eq!(s.size_hint(), (3, Some(3)));
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert_eq!(s.size_hint(), (1, Some(1)));
    let s = stream::iter([1]).race(stream::repeat(2));
    assert_eq!(s.size_hint(), (usize::MAX, None));
    let s = stream::from_fn(|| Some(1));
    assert_eq!(s.size_hint(), (0, None));
}

#[test]
fn from_fn_calls_the_closure_again_after_none() {
    let calls = Cell::new(0);
    let mut s = stream::from_fn(|| {
        calls.set(calls.get() + 1);
        (calls.get() != 2).then_some(calls.get())
    });
    assert_stream_next!(s, 1);
    assert_stream_done!(s);
    assert_stream_next!(s, 3);
    assert_eq!(calls.get(), 3);
}

#[test]
fn debug_output() {
    let s = stream::from_fn(|| Some(1));
    assert_eq!(format!("{s:?}"), "FromFn { .. }");
    let s = stream::iter([1]).or(stream::iter([2]));
    assert_eq!(
        format!("{s:?}"),
        "Or { stream1: Iter { iter: IntoIter([1]) }, stream2: Iter { iter: IntoIter([2]) } }"
    );
    let s = stream::race_with_seed(stream::iter([1]), stream::iter([2]), 3);
    assert_eq!(
        format!("{s:?}"),
        "Race { stream1: Iter { iter: IntoIter([1]) }, stream2: Iter { iter: IntoIter([2]) }, done1: false, done2: false, .. }"
    );
}

mod auto_traits {
    //! Send / Sync / Unpin exactly when the parts are.
    use rill_test::assert_auto_traits_follow;
    use rill_test::auto_traits::Plain;

    use rill_combinators::stream::{FromFn, Or, Race};

    #[test]
    fn constructors() {
        assert_auto_traits_follow!(unpinned X => FromFn<X>);
        assert_auto_traits_follow!(pinned X => Or<X, Plain>);
        assert_auto_traits_follow!(pinned X => Or<Plain, X>);
        assert_auto_traits_follow!(pinned X => Race<X, Plain>);
        assert_auto_traits_follow!(pinned X => Race<Plain, X>);
    }
}
