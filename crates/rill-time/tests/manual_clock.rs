//! Every adapter on rill-test's `ManualClock`: exact times without a
//! runtime, without waiting, and through rill-test's checkers.
//!
//! These tests link the same rill-time library as rill-test does (an
//! integration test, not a unit test inside the lib: see rill-test's
//! Cargo.toml on the dev-dependency cycle).

mod gapped;

use core::pin::pin;
use core::time::Duration;

use gapped::{Gapped, ms, plan_strategy};
use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    ManualClock, TestSource, TestTimer, assert_stream_done, assert_stream_next,
    assert_stream_pending, block_on, check_fused_adapter,
};
use rill_time::{ChunksTimeout, Debounce, Delay, Elapsed, Interval, Throttle, Timeout};

type Plan<I> = Gapped<TestTimer, I>;

/// A fresh clock, entered on this thread while the guard lives.
fn clock() -> (ManualClock, rill_test::EnterGuard) {
    let clock = ManualClock::new();
    let guard = clock.enter();
    (clock, guard)
}

/// Drives `s` to its end on `block_on` (which moves the entered clock when
/// idle) and records each item with the clock time at which it came out.
fn timed<S: Stream>(clock: &ManualClock, s: S) -> Vec<(Duration, S::Item)> {
    let start = clock.now();
    let mut s = pin!(s);
    let mut out = Vec::new();
    while let Some(item) = block_on(s.next()) {
        out.push((clock.now() - start, item));
    }
    out
}

#[test]
fn timeout_one_error_per_gap() {
    let (clock, _g) = clock();
    let src = Plan::new([(ms(0), 1), (ms(250), 2), (ms(50), 3)]);
    let got = timed(&clock, Timeout::<_, TestTimer>::new(src, ms(100)));
    assert_eq!(
        got,
        [
            (ms(0), Ok(1)),
            (ms(100), Err(Elapsed::new())),
            (ms(250), Ok(2)),
            (ms(300), Ok(3)),
        ]
    );
    // The first gap counts from the first poll; silence before the end.
    let got = timed(
        &clock,
        Timeout::<_, TestTimer>::new(Plan::new([(ms(150), 7)]), ms(100)),
    );
    assert_eq!(got, [(ms(100), Err(Elapsed::new())), (ms(150), Ok(7))]);
}

#[test]
fn timeout_repeating_errors_every_period() {
    let (clock, _g) = clock();
    let src = Plan::new([(ms(0), 'a'), (ms(350), 'b')]);
    let got = timed(&clock, Timeout::<_, TestTimer>::new_repeating(src, ms(100)));
    let e = Err(Elapsed::new());
    assert_eq!(
        got,
        [
            (ms(0), Ok('a')),
            (ms(100), e),
            (ms(200), e),
            (ms(300), e),
            (ms(350), Ok('b')),
        ]
    );
}

#[test]
fn throttle_spaces_items_and_drops_none() {
    let (clock, _g) = clock();
    let src = Plan::new([(ms(0), 1), (ms(0), 2), (ms(0), 3), (ms(500), 4), (ms(0), 5)]);
    let got = timed(&clock, Throttle::<_, TestTimer>::new(src, ms(100)));
    // The source is not polled during the wait after 3, so its 500 ms gap
    // for 4 starts at 300 ms.
    let want = [(0, 1), (100, 2), (200, 3), (800, 4), (900, 5)];
    assert_eq!(got, want.map(|(t, i)| (ms(t), i)));
    // A zero period lets everything through at once.
    let got = timed(
        &clock,
        Throttle::<_, TestTimer>::new(stream::iter(1..=3), Duration::ZERO),
    );
    assert_eq!(got, [(ms(0), 1), (ms(0), 2), (ms(0), 3)]);
}

#[test]
fn chunks_timeout_by_size_by_age_and_rest() {
    let (clock, _g) = clock();
    let gaps = [0, 0, 0, 10, 200, 20, 30];
    let src = Plan::new(gaps.iter().zip(1..).map(|(g, i)| (ms(*g), i)));
    let got = timed(&clock, ChunksTimeout::<_, TestTimer>::new(src, 3, ms(100)));
    assert_eq!(
        got,
        [
            (ms(0), vec![1, 2, 3]),
            // 4 arrived at 10 ms: its batch is due at 110 ms.
            (ms(110), vec![4]),
            // 5 at 210, 6 at 230, 7 at 260, then the end.
            (ms(260), vec![5, 6, 7]),
        ]
    );
}

#[test]
fn debounce_last_of_each_burst() {
    let (clock, _g) = clock();
    let gaps = [0, 30, 30, 200, 10, 10];
    let src = Plan::new(gaps.iter().zip(1..).map(|(g, i)| (ms(*g), i)));
    let got = timed(&clock, Debounce::<_, TestTimer>::new(src, ms(50)));
    // 3 at 60 ms, quiet until 110 ms; 6 at 280 ms is still waiting when the
    // stream ends, and comes out at once.
    assert_eq!(got, [(ms(110), 3), (ms(280), 6)]);
}

#[test]
fn delay_starts_late_then_passes_through() {
    let (clock, _g) = clock();
    let src = Plan::new([(ms(0), 1), (ms(10), 2)]);
    let got = timed(&clock, Delay::<_, TestTimer>::new(src, ms(100)));
    assert_eq!(got, [(ms(100), 1), (ms(110), 2)]);
}

#[test]
fn interval_ticks_exactly_and_skips_missed() {
    let (clock, _g) = clock();
    let start = clock.now();
    let mut ticks = Interval::<TestTimer>::new(ms(100));
    assert_stream_next!(ticks, start);
    assert_stream_pending!(ticks);
    assert_eq!(clock.next_deadline(), Some(start + ms(100)));
    clock.advance(ms(99));
    assert_stream_pending!(ticks);
    clock.advance(ms(1));
    assert_stream_next!(ticks, start + ms(100));
    // Fall 250 ms behind: the late tick comes at once, then the cadence
    // restarts from it.
    clock.advance(ms(250));
    assert_stream_next!(ticks, start + ms(200));
    assert_stream_pending!(ticks);
    assert_eq!(clock.next_deadline(), Some(start + ms(450)));
    assert!(!ticks.is_terminated());
}

#[test]
fn the_checkers_pass_on_every_adapter() {
    // `check_fused_adapter` runs each adapter over an always-ready source
    // and one that says "not yet" before every item, through
    // `interleave_pending` too, checking size_hint at every step and
    // `is_terminated`; `block_on` moves the clock whenever the adapter
    // waits, so every run is exact and instant.
    let (clock, _g) = clock();
    let items: Vec<u32> = (0..7).collect();
    let d = ms(10);
    let ok: Vec<Result<u32, Elapsed>> = items.iter().copied().map(Ok).collect();
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            Timeout::<_, TestTimer>::new(s, d)
        }),
        ok
    );
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            Timeout::<_, TestTimer>::new_repeating(s, d)
        }),
        ok
    );
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            Throttle::<_, TestTimer>::new(s, d)
        }),
        items
    );
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            ChunksTimeout::<_, TestTimer>::new(s, 3, d)
        }),
        [vec![0, 1, 2], vec![3, 4, 5], vec![6]]
    );
    // One burst: only its last item survives.
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            Debounce::<_, TestTimer>::new(s, d)
        }),
        [6]
    );
    assert_eq!(
        check_fused_adapter(items.clone(), |s: TestSource<u32>| {
            Delay::<_, TestTimer>::new(s, d)
        }),
        items
    );
    // Throttle alone took 6 periods per run; the clock is far ahead.
    assert!(clock.now().since_start() >= d * 6);
    // Empty inputs end at once, without a batch or an item.
    let none: Vec<Vec<u32>> = Vec::new();
    assert_eq!(
        check_fused_adapter(Vec::<u32>::new(), |s: TestSource<u32>| {
            ChunksTimeout::<_, TestTimer>::new(s, 3, d)
        }),
        none
    );
    assert_eq!(
        check_fused_adapter(Vec::<u32>::new(), |s: TestSource<u32>| Debounce::<
            _,
            TestTimer,
        >::new(s, d)),
        Vec::<u32>::new()
    );
}

#[test]
fn a_last_batch_or_item_comes_before_the_end() {
    // The rest batch of `chunks_timeout` and the waiting item of `debounce`
    // come out in the poll that sees the input end; `is_terminated` turns
    // true only with the `Ready(None)` of the next poll.
    let (_clock, _g) = clock();
    let mut c = ChunksTimeout::<_, TestTimer>::new(TestSource::new([1, 2, 3]), 2, ms(10));
    assert_stream_next!(c, vec![1, 2]);
    assert_stream_next!(c, vec![3]);
    assert!(!c.is_terminated());
    assert_eq!(c.size_hint(), (0, Some(0)));
    assert_stream_done!(c);
    assert!(c.is_terminated());
    assert_stream_done!(c);
    let mut d = Debounce::<_, TestTimer>::new(TestSource::new([1, 2]), ms(10));
    assert_stream_next!(d, 2);
    assert!(!d.is_terminated());
    assert_stream_done!(d);
    assert!(d.is_terminated());
}

#[test]
fn dropping_or_ending_an_adapter_cancels_its_timer() {
    let (clock, _g) = clock();
    let silent = || Plan::new([(Duration::from_secs(3600), 0u8)]);
    // Waiting: the source's own sleep and the adapter's.
    let mut t = Timeout::<_, TestTimer>::new(silent(), ms(100));
    assert_stream_pending!(t);
    assert_eq!(clock.waiting_sleeps(), 2);
    drop(t);
    assert_eq!(clock.waiting_sleeps(), 0);
    let mut i = Interval::<TestTimer>::new(ms(100));
    assert_stream_next!(i, clock.now());
    assert_stream_pending!(i);
    assert_eq!(clock.waiting_sleeps(), 1);
    drop(i);
    assert_eq!(clock.waiting_sleeps(), 0);
    // An adapter that ends drops its sleep, even though it is still alive.
    let mut t = Timeout::<_, TestTimer>::new(Plan::new([(ms(0), 1u8), (ms(50), 2)]), ms(100));
    assert_stream_next!(t, Ok(1));
    assert_stream_pending!(t);
    clock.advance(ms(50));
    assert_stream_next!(t, Ok(2));
    assert_stream_done!(t);
    assert_eq!(clock.waiting_sleeps(), 0);
}

#[test]
fn into_remainder_takes_the_partial_batch() {
    let (clock, _g) = clock();
    let src = Plan::new([(ms(0), 1), (ms(0), 2), (ms(500), 3)]);
    let mut s = pin!(ChunksTimeout::<_, TestTimer>::new(src, 10, ms(100)));
    let mut cx = rill_test::noop_context();
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    assert_eq!(s.as_mut().into_remainder(), [1, 2]);
    // No batch timer is left for the taken items: the next wake-up is the
    // source's, and the next batch starts with item 3.
    assert_eq!(clock.next_deadline(), Some(clock.now() + ms(500)));
    let got = timed(&clock, s);
    // 3 arrives at 500 ms, and the end right after it.
    assert_eq!(got, [(ms(500), vec![3])]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_item_once_in_order_and_on_time(gaps in plan_strategy(), d in 1u64..200, max in 1usize..5) {
        let (clock, _g) = clock();
        let all: Vec<usize> = (0..gaps.len()).collect();
        let d = ms(d);
        // timeout: the Ok items are all the items, never two errors in a
        // row, and an error only after `d` of silence.
        let got = timed(&clock, Timeout::<_, TestTimer>::new(Plan::from_gaps(&gaps), d));
        let oks: Vec<usize> = got.iter().filter_map(|(_, r)| r.ok()).collect();
        prop_assert_eq!(&oks, &all);
        prop_assert!(got.windows(2).all(|w| w[0].1.is_ok() || w[1].1.is_ok()));
        let mut last = Duration::ZERO;
        for (t, r) in &got {
            if r.is_err() {
                prop_assert_eq!(*t - last, d);
            }
            last = *t;
        }
        // throttle: all items, at least `d` apart.
        let got = timed(&clock, Throttle::<_, TestTimer>::new(Plan::from_gaps(&gaps), d));
        prop_assert_eq!(got.iter().map(|(_, i)| *i).collect::<Vec<_>>(), all.clone());
        prop_assert!(got.windows(2).all(|w| w[1].0 - w[0].0 >= d));
        // chunks_timeout: all items, batches of 1..=max.
        let got = timed(&clock, ChunksTimeout::<_, TestTimer>::new(Plan::from_gaps(&gaps), max, d));
        prop_assert!(got.iter().all(|(_, b)| !b.is_empty() && b.len() <= max));
        prop_assert_eq!(got.into_iter().flat_map(|(_, b)| b).collect::<Vec<_>>(), all.clone());
        // debounce: increasing, ending with the last item.
        let got: Vec<usize> = timed(&clock, Debounce::<_, TestTimer>::new(Plan::from_gaps(&gaps), d)).into_iter().map(|(_, i)| i).collect();
        prop_assert!(got.windows(2).all(|w| w[0] < w[1]));
        prop_assert_eq!(got.last(), all.last());
        // delay: all items, the first not before `d`.
        let got = timed(&clock, Delay::<_, TestTimer>::new(Plan::from_gaps(&gaps), d));
        prop_assert!(got.first().is_none_or(|(t, _)| *t >= d));
        prop_assert_eq!(got.into_iter().map(|(_, i)| i).collect::<Vec<_>>(), all);
    }

    #[test]
    fn interleaved_pending_changes_nothing(gaps in plan_strategy(), d in 1u64..200, max in 1usize..5) {
        // "Not yet" from the source wakes at once, so the clock does not
        // move for it. `throttle` and `delay` only ever wait for an item:
        // the same items at the same times. The others may see a deadline
        // win a tie against an item that was "not yet" ready at the same
        // instant (ties are common on a clock of whole milliseconds): their
        // items are compared.
        let (clock, _g) = clock();
        let pend = |g: &[u64]| rill_test::interleave_pending(Plan::from_gaps(g));
        let d = ms(d);
        fn oks<T, E>(v: Vec<(Duration, Result<T, E>)>) -> Vec<T> {
            v.into_iter().filter_map(|(_, r)| r.ok()).collect()
        }
        fn flat(v: Vec<(Duration, Vec<usize>)>) -> Vec<usize> {
            v.into_iter().flat_map(|(_, b)| b).collect()
        }
        prop_assert_eq!(
            timed(&clock, Throttle::<_, TestTimer>::new(Plan::from_gaps(&gaps), d)),
            timed(&clock, Throttle::<_, TestTimer>::new(pend(&gaps), d))
        );
        prop_assert_eq!(
            timed(&clock, Delay::<_, TestTimer>::new(Plan::from_gaps(&gaps), d)),
            timed(&clock, Delay::<_, TestTimer>::new(pend(&gaps), d))
        );
        prop_assert_eq!(
            oks(timed(&clock, Timeout::<_, TestTimer>::new(Plan::from_gaps(&gaps), d))),
            oks(timed(&clock, Timeout::<_, TestTimer>::new(pend(&gaps), d)))
        );
        prop_assert_eq!(
            oks(timed(&clock, Timeout::<_, TestTimer>::new_repeating(Plan::from_gaps(&gaps), d))),
            oks(timed(&clock, Timeout::<_, TestTimer>::new_repeating(pend(&gaps), d)))
        );
        prop_assert_eq!(
            flat(timed(&clock, ChunksTimeout::<_, TestTimer>::new(Plan::from_gaps(&gaps), max, d))),
            flat(timed(&clock, ChunksTimeout::<_, TestTimer>::new(pend(&gaps), max, d)))
        );
        let plain = timed(&clock, Debounce::<_, TestTimer>::new(Plan::from_gaps(&gaps), d));
        let pended = timed(&clock, Debounce::<_, TestTimer>::new(pend(&gaps), d));
        prop_assert_eq!(plain.last().map(|(_, i)| *i), pended.last().map(|(_, i)| *i));
    }
}
