//! The tokio backend on tokio's paused clock: exact times, no waiting.
//!
//! The exact timing of each adapter is tested runtime-free on rill-test's
//! `ManualClock` (tests/manual_clock.rs); here, what depends on tokio: its
//! clock and `Sleep` (a few exact timings, cancellation on drop, auto
//! traits) and the properties over random plans on tokio's timer.
#![cfg(feature = "tokio")]

mod gapped;

use core::pin::pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::rc::Rc;

use gapped::{Gapped, ms, plan_strategy};
use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_time::Elapsed;
use rill_time::tokio::{StreamTimeExt, TokioTimer, interval};
use tokio::time::Instant;

type Plan<I> = Gapped<TokioTimer, I>;

/// Drives `s` to its end and records each item with the paused-clock time
/// (since the start) at which it came out.
async fn timed<S: Stream>(s: S) -> Vec<(Duration, S::Item)> {
    let start = Instant::now();
    let mut s = pin!(s);
    let mut out = Vec::new();
    while let Some(item) = s.next().await {
        out.push((start.elapsed(), item));
    }
    out
}

#[tokio::test(start_paused = true)]
async fn timeout_one_error_per_gap() {
    let src = Plan::new([(ms(0), 1), (ms(250), 2), (ms(50), 3)]);
    let got = timed(src.timeout(ms(100))).await;
    assert_eq!(
        got,
        [
            (ms(0), Ok(1)),
            (ms(100), Err(Elapsed::new())),
            (ms(250), Ok(2)),
            (ms(300), Ok(3)),
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn throttle_spaces_items_and_drops_none() {
    let src = Plan::new([(ms(0), 1), (ms(0), 2), (ms(0), 3), (ms(500), 4), (ms(0), 5)]);
    let got = timed(src.throttle(ms(100))).await;
    // The source is not polled during the wait after 3, so its 500 ms gap
    // for 4 starts at 300 ms.
    assert_eq!(
        got,
        [
            (ms(0), 1),
            (ms(100), 2),
            (ms(200), 3),
            (ms(800), 4),
            (ms(900), 5)
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn throttle_zero_passes_everything_at_once() {
    let got = timed(stream::iter(1..=3).throttle(Duration::ZERO)).await;
    assert_eq!(got, [(ms(0), 1), (ms(0), 2), (ms(0), 3)]);
}

#[tokio::test(start_paused = true)]
async fn interval_ticks_exactly_and_skips_missed() {
    let start = Instant::now();
    let mut ticks = pin!(interval(ms(100)));
    assert_eq!(ticks.next().await, Some(start));
    assert_eq!(ticks.next().await, Some(start + ms(100)));
    // Fall 250 ms behind: the late tick comes at once, then the cadence
    // restarts from it.
    tokio::time::sleep(ms(250)).await;
    assert_eq!(ticks.next().await, Some(start + ms(200)));
    assert_eq!(ticks.next().await, Some(start + ms(450)));
    assert_eq!(ticks.size_hint(), (usize::MAX, None));
    assert!(!ticks.is_terminated());
}

#[test]
#[should_panic(expected = "`interval` called with a zero period")]
fn interval_zero_panics() {
    let _ = interval(Duration::ZERO);
}

#[test]
#[should_panic(expected = "`chunks_timeout` called with a batch size of 0")]
fn chunks_timeout_zero_panics() {
    let _ = stream::iter([1]).chunks_timeout(0, ms(1));
}

#[tokio::test(start_paused = true)]
async fn adapters_over_an_ended_stream_end() {
    async fn ends<S: FusedStream>(s: S) {
        let mut s = pin!(s);
        assert!(!s.is_terminated());
        assert!(s.next().await.is_none());
        assert!(s.is_terminated());
        assert!(s.next().await.is_none(), "poll after the end");
        assert_eq!(s.size_hint(), (0, Some(0)));
    }
    let empty = || stream::iter(Vec::<u8>::new());
    ends(empty().timeout(ms(10))).await;
    ends(empty().timeout_repeating(ms(10))).await;
    ends(empty().throttle(ms(10))).await;
    ends(empty().chunks_timeout(2, ms(10))).await;
    ends(empty().debounce(ms(10))).await;
    // `delay` forwards to its stream after the delay; `iter` is not fused.
    let mut d = pin!(empty().delay(ms(10)));
    assert_eq!(d.next().await, None);
}

#[tokio::test(start_paused = true)]
async fn size_hints_bound_the_items() {
    let batches = rill_test::collect_checked(stream::iter(0..7).chunks_timeout(3, ms(1)));
    assert_eq!(batches.len(), 3);
    let items = rill_test::collect_checked(stream::iter(0..7).timeout(ms(1)));
    assert_eq!(items.len(), 7);
    assert_eq!(stream::iter(0..7).throttle(ms(0)).size_hint(), (7, Some(7)));
    assert_eq!(stream::iter(0..7).timeout(ms(1)).size_hint(), (7, Some(15)));
    assert_eq!(
        stream::iter(0..7).timeout_repeating(ms(1)).size_hint(),
        (7, None)
    );
    assert_eq!(
        stream::iter(0..7).chunks_timeout(3, ms(1)).size_hint(),
        (3, Some(7))
    );
    assert_eq!(stream::iter(0..7).debounce(ms(1)).size_hint(), (1, Some(7)));
    assert_eq!(stream::iter(0..7).delay(ms(1)).size_hint(), (7, Some(7)));
}

/// Polls `s` once inside the runtime with a counting waker, drops it, lets
/// the paused clock run far past every deadline and returns how often the
/// waker was woken after the drop.
async fn wakes_after_drop<S: Stream>(s: S, keep: bool) -> usize {
    let (waker, count) = rill_test::counting_waker();
    let mut s = Box::pin(s);
    let mut cx = Context::from_waker(&waker);
    // Take what is ready until the adapter waits (on its timer).
    while let Poll::Ready(item) = s.as_mut().poll_next(&mut cx) {
        assert!(item.is_some(), "the stream ended early");
    }
    if !keep {
        drop(s);
    }
    tokio::time::sleep(Duration::from_secs(10)).await;
    count.get()
}

#[tokio::test(start_paused = true)]
async fn a_dropped_timer_cancels_cleanly() {
    let silent = || Plan::new([(Duration::from_secs(3600), 0u8)]);
    // Positive control: kept alive, the timeout's timer does wake.
    assert_eq!(wakes_after_drop(silent().timeout(ms(100)), true).await, 1);
    assert_eq!(wakes_after_drop(silent().timeout(ms(100)), false).await, 0);
    assert_eq!(
        wakes_after_drop(silent().timeout_repeating(ms(100)), false).await,
        0
    );
    assert_eq!(wakes_after_drop(silent().delay(ms(100)), false).await, 0);
    assert_eq!(wakes_after_drop(interval(ms(100)), false).await, 0);
    let burst = || Plan::new([(ms(0), 1u8), (ms(0), 2), (Duration::from_secs(3600), 3)]);
    assert_eq!(wakes_after_drop(burst().throttle(ms(100)), false).await, 0);
    assert_eq!(
        wakes_after_drop(burst().chunks_timeout(5, ms(100)), false).await,
        0
    );
    assert_eq!(wakes_after_drop(burst().debounce(ms(100)), false).await, 0);
    // Positive control for the throttle: it does wake when kept.
    assert_eq!(wakes_after_drop(burst().throttle(ms(100)), true).await, 1);
}

#[test]
fn auto_traits_follow_the_parts() {
    use rill_test::{assert_impl, assert_not_impl};
    type Src = rill_combinators::stream::Iter<std::vec::IntoIter<u8>>;
    assert_impl!(rill_time::Timeout<Src, TokioTimer>: Send, Sync);
    assert_impl!(rill_time::Throttle<Src, TokioTimer>: Send, Sync);
    assert_impl!(rill_time::ChunksTimeout<Src, TokioTimer>: Send, Sync);
    assert_impl!(rill_time::Debounce<Src, TokioTimer>: Send, Sync);
    assert_impl!(rill_time::Delay<Src, TokioTimer>: Send, Sync);
    assert_impl!(rill_time::Interval<TokioTimer>: Send, Sync);
    // tokio's `Sleep` is `!Unpin`, so are the adapters that hold it.
    assert_not_impl!(rill_time::Timeout<Src, TokioTimer>: Unpin);
    assert_not_impl!(rill_time::Interval<TokioTimer>: Unpin);
    // A `!Send` item makes the batch adapter `!Send`.
    type RcSrc = rill_combinators::stream::Iter<std::vec::IntoIter<Rc<u8>>>;
    assert_not_impl!(rill_time::ChunksTimeout<RcSrc, TokioTimer>: Send);
    assert_not_impl!(rill_time::Debounce<RcSrc, TokioTimer>: Send);
    assert_impl!(Src: Unpin);
}

/// Runs `f` on a fresh current-thread runtime with a paused clock.
fn paused<F: core::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap()
        .block_on(f)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_item_once_and_in_order(gaps in plan_strategy(), d in 1u64..200, max in 1usize..5) {
        let n = gaps.len();
        let all: Vec<usize> = (0..n).collect();
        paused(async {
            // timeout / timeout_repeating: the Ok items are all the items.
            for repeat in [false, true] {
                let s = if repeat {
                    Plan::from_gaps(&gaps).timeout_repeating(ms(d))
                } else {
                    Plan::from_gaps(&gaps).timeout(ms(d))
                };
                let got = timed(s).await;
                let oks: Vec<usize> = got.iter().filter_map(|(_, r)| r.ok()).collect();
                assert_eq!(oks, all);
                if !repeat {
                    // Never two errors in a row.
                    assert!(got.windows(2).all(|w| w[0].1.is_ok() || w[1].1.is_ok()));
                }
            }
            // throttle: all items, at least `d` apart.
            let got = timed(Plan::from_gaps(&gaps).throttle(ms(d))).await;
            assert_eq!(got.iter().map(|(_, i)| *i).collect::<Vec<_>>(), all);
            assert!(got.windows(2).all(|w| w[1].0 - w[0].0 >= ms(d)));
            // chunks_timeout: all items, batches of 1..=max.
            let got = timed(Plan::from_gaps(&gaps).chunks_timeout(max, ms(d))).await;
            assert!(got.iter().all(|(_, b)| !b.is_empty() && b.len() <= max));
            assert_eq!(got.into_iter().flat_map(|(_, b)| b).collect::<Vec<_>>(), all);
            // debounce: an increasing subsequence that ends with the last item.
            let got: Vec<usize> = timed(Plan::from_gaps(&gaps).debounce(ms(d))).await.into_iter().map(|(_, i)| i).collect();
            assert!(got.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(got.last(), all.last());
            // delay: all items.
            let got = timed(Plan::from_gaps(&gaps).delay(ms(d))).await;
            assert_eq!(got.iter().map(|(_, i)| *i).collect::<Vec<_>>(), all);
            assert!(got.first().is_none_or(|(t, _)| *t >= ms(d)));
        });
    }

    #[test]
    fn interleaved_pending_changes_nothing(gaps in plan_strategy(), d in 1u64..200, max in 1usize..5) {
        // However often the inner stream says "not yet" (waking at once),
        // every adapter gives the same items in the same order. Where an
        // item arrives at the very instant a deadline fires (tokio's timer
        // has millisecond resolution, so such ties happen), "not yet" may
        // legitimately let the deadline win: for `timeout`,
        // `chunks_timeout` and `debounce` only the items are compared.
        // `throttle` and `delay` only ever wait for an item, so for them
        // the times are exactly the same, too.
        let pend = |g: &[u64]| rill_test::interleave_pending(Plan::from_gaps(g));
        fn oks<T: Clone, E>(v: Vec<(Duration, Result<T, E>)>) -> Vec<T> {
            v.into_iter().filter_map(|(_, r)| r.ok()).collect()
        }
        paused(async {
            assert_eq!(
                oks(timed(Plan::from_gaps(&gaps).timeout(ms(d))).await),
                oks(timed(pend(&gaps).timeout(ms(d))).await)
            );
            assert_eq!(
                oks(timed(Plan::from_gaps(&gaps).timeout_repeating(ms(d))).await),
                oks(timed(pend(&gaps).timeout_repeating(ms(d))).await)
            );
            assert_eq!(timed(Plan::from_gaps(&gaps).throttle(ms(d))).await, timed(pend(&gaps).throttle(ms(d))).await);
            let flat = |v: Vec<(Duration, Vec<usize>)>| v.into_iter().flat_map(|(_, b)| b).collect::<Vec<_>>();
            assert_eq!(
                flat(timed(Plan::from_gaps(&gaps).chunks_timeout(max, ms(d))).await),
                flat(timed(pend(&gaps).chunks_timeout(max, ms(d))).await)
            );
            let plain_last = timed(Plan::from_gaps(&gaps).debounce(ms(d))).await.last().map(|(_, i)| *i);
            let pend_debounced: Vec<usize> = timed(pend(&gaps).debounce(ms(d))).await.into_iter().map(|(_, i)| i).collect();
            assert!(pend_debounced.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(pend_debounced.last().copied(), plain_last);
            assert_eq!(timed(Plan::from_gaps(&gaps).delay(ms(d))).await, timed(pend(&gaps).delay(ms(d))).await);
        });
    }
}

#[tokio::test(start_paused = true)]
async fn debounce_yields_to_the_executor_over_an_endless_ready_stream() {
    let (waker, count) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut s = Box::pin(stream::iter(0u64..).debounce(ms(10)));
    // Always ready: the adapter takes a bounded number of items, wakes
    // itself and returns `Pending` instead of looping for ever.
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    assert_eq!(count.get(), 1);
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    assert_eq!(count.get(), 2);
}

#[tokio::test(start_paused = true)]
async fn an_ended_adapter_drops_its_timer() {
    // Items at 0 and 50 ms, then the end; the timeout's sleep was armed for
    // 100 ms while it waited for the second item.
    let (waker, count) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut s = Box::pin(Plan::new([(ms(0), 1u8), (ms(50), 2)]).timeout(ms(100)));
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(Ok(1))));
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    tokio::time::sleep(ms(60)).await;
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(Ok(2))));
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(None));
    let before = count.get();
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(count.get(), before, "no stray wake-up after the end");
}

#[tokio::test(start_paused = true)]
async fn interval_stream_follows_tokios_missed_tick_behavior() {
    use rill_time::tokio::IntervalStream;
    use tokio::time::MissedTickBehavior;

    // Fall 350 ms behind a 100 ms interval, then take four ticks.
    async fn after_a_stall(behavior: MissedTickBehavior) -> Vec<Duration> {
        let start = Instant::now();
        let mut interval = tokio::time::interval(ms(100));
        interval.set_missed_tick_behavior(behavior);
        let mut ticks = IntervalStream::new(interval);
        assert_eq!(ticks.next().await, Some(start));
        tokio::time::sleep(ms(350)).await;
        let mut out = Vec::new();
        for _ in 0..4 {
            out.push(ticks.next().await.unwrap() - start);
        }
        out
    }
    // Burst: the missed ticks at once, on the original schedule.
    assert_eq!(
        after_a_stall(MissedTickBehavior::Burst).await,
        [ms(100), ms(200), ms(300), ms(400)]
    );
    // Delay: one late tick, then a period from it.
    assert_eq!(
        after_a_stall(MissedTickBehavior::Delay).await,
        [ms(100), ms(450), ms(550), ms(650)]
    );
    // Skip: one late tick, then the original grid.
    assert_eq!(
        after_a_stall(MissedTickBehavior::Skip).await,
        [ms(100), ms(400), ms(500), ms(600)]
    );
}

#[tokio::test(start_paused = true)]
async fn interval_stream_contract() {
    use rill_time::tokio::IntervalStream;

    let start = Instant::now() + ms(30);
    let mut ticks = IntervalStream::from(tokio::time::interval_at(start, ms(10)));
    assert_eq!(ticks.size_hint(), (usize::MAX, None));
    assert!(!ticks.is_terminated());
    assert_eq!(ticks.next().await, Some(start));
    assert_eq!(ticks.as_ref().period(), ms(10));
    ticks.as_mut().reset_immediately();
    assert_eq!(ticks.next().await, Some(start));
    assert!(format!("{ticks:?}").starts_with("IntervalStream"));
    // Dropped while waiting: its timer is cancelled.
    assert_eq!(
        wakes_after_drop(IntervalStream::new(tokio::time::interval(ms(100))), false).await,
        0
    );
    assert_eq!(
        wakes_after_drop(IntervalStream::new(tokio::time::interval(ms(100))), true).await,
        1
    );
    rill_test::assert_impl!(IntervalStream: Unpin, Send, Sync);
}
