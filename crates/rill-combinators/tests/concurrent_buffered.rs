//! `buffer_unordered`, `buffered` and `for_each_concurrent`: limits counted
//! with live futures, every item exactly once, order, cancellation.

// The crate uses loom's atomics under `--cfg loom`, which only work inside
// `loom::model`: these tests run in the normal build only.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::sync::Arc;

use children::{InFlight, Job, Rng, sorted};
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::block_on;

/// Input of `n` counted jobs with the given yields (lazily built, like a
/// `map` over the input would).
fn jobs(
    yields: Vec<usize>,
    counter: &Arc<InFlight>,
    threads: bool,
) -> impl Stream<Item = Job> + Unpin + use<> {
    let counter = counter.clone();
    let mut i = 0;
    stream::iter(std::iter::from_fn(move || {
        let y = *yields.get(i)?;
        let job = Job::new(i, y).counted(&counter);
        i += 1;
        Some(if threads { job.woken_by_thread() } else { job })
    }))
}

fn limits(rng: &mut Rng) -> Option<usize> {
    match rng.below(6) {
        0 => None,
        1 => Some(0),
        _ => Some(1 + rng.below(8)),
    }
}

#[test]
fn buffer_unordered_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let n = rng.below(120);
        let yields: Vec<usize> = (0..n).map(|_| rng.below(4)).collect();
        let limit = limits(&mut rng);
        let counter = InFlight::new();
        let out = rill_test::check_fused_stream(|| {
            jobs(yields.clone(), &counter, false).buffer_unordered(limit)
        });
        assert_eq!(sorted(out), (0..n).collect::<Vec<_>>(), "seed {seed}");
        if let Some(l) = limit.filter(|&l| l > 0) {
            assert!(
                counter.peak() <= l,
                "seed {seed}: peak {} > limit {l}",
                counter.peak()
            );
        }
        assert_eq!(counter.now(), 0);
    }
}

#[test]
fn buffered_model_keeps_order() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let n = rng.below(120);
        let yields: Vec<usize> = (0..n).map(|_| rng.below(5)).collect();
        let limit = limits(&mut rng);
        let counter = InFlight::new();
        let out =
            rill_test::check_fused_stream(|| jobs(yields.clone(), &counter, false).buffered(limit));
        assert_eq!(out, (0..n).collect::<Vec<_>>(), "seed {seed}");
        if let Some(l) = limit.filter(|&l| l > 0) {
            assert!(
                counter.peak() <= l,
                "seed {seed}: peak {} > limit {l}",
                counter.peak()
            );
        }
    }
}

#[test]
fn woken_from_other_threads() {
    let counter = InFlight::new();
    let yields: Vec<usize> = (0..150).map(|i| i % 3).collect();
    let out: Vec<_> = block_on(
        jobs(yields.clone(), &counter, true)
            .buffer_unordered(7)
            .collect(),
    );
    assert_eq!(sorted(out), (0..150).collect::<Vec<_>>());
    assert!(counter.peak() <= 7);
    let out: Vec<_> = block_on(jobs(yields, &counter, true).buffered(5).collect());
    assert_eq!(out, (0..150).collect::<Vec<_>>());
    assert!(counter.peak() <= 7);
}

#[test]
fn pipeline_is_refilled_in_the_same_poll() {
    let counter = InFlight::new();
    let mut s = jobs(vec![0; 20], &counter, false).buffer_unordered(4);
    rill_test::assert_stream_next!(s, 0);
    // The slot freed by job 0 was refilled before the item was returned.
    assert_eq!(counter.now(), 4);
    rill_test::assert_stream_next!(s, 1);
    assert_eq!(counter.now(), 4);
}

#[test]
fn limit_zero_and_none_are_unlimited() {
    for limit in [None, Some(0)] {
        let counter = InFlight::new();
        let out: Vec<_> = block_on(
            jobs(vec![20; 100], &counter, false)
                .buffer_unordered(limit)
                .collect(),
        );
        assert_eq!(out.len(), 100);
        assert_eq!(
            counter.peak(),
            100,
            "limit {limit:?}: every future in flight at once"
        );
        let out: Vec<_> = block_on(
            jobs(vec![20; 100], &counter, false)
                .buffered(limit)
                .collect(),
        );
        assert_eq!(out, (0..100).collect::<Vec<_>>());
    }
}

#[test]
fn empty_input_and_fused_end() {
    let counter = InFlight::new();
    let mut s = jobs(vec![], &counter, false).buffer_unordered(3);
    assert!(!s.is_terminated());
    rill_test::assert_stream_done!(s);
    assert!(s.is_terminated());
    rill_test::assert_stream_done!(s);
    let mut s = jobs(vec![], &counter, false).buffered(None);
    rill_test::assert_stream_done!(s);
    assert!(s.is_terminated());
}

#[test]
fn dropping_mid_stream_drops_the_futures_in_flight() {
    let counter = InFlight::new();
    let mut s = jobs(vec![3; 50], &counter, false).buffer_unordered(5);
    let first = block_on(s.next());
    assert!(first.is_some());
    assert_eq!(counter.now(), 5);
    drop(s);
    assert_eq!(counter.now(), 0);
    let mut s = jobs(vec![3; 50], &counter, false).buffered(5);
    assert_eq!(block_on(s.next()), Some(0));
    drop(s);
    assert_eq!(counter.now(), 0);
}

#[test]
fn for_each_concurrent_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let n = rng.below(120);
        let limit = limits(&mut rng);
        let counter = InFlight::new();
        let seen = std::sync::Mutex::new(Vec::new());
        let input = rill_test::interleave_pending(stream::iter(0..n));
        block_on(input.for_each_concurrent(limit, |i| {
            let job = Job::new(i, i % 3).counted(&counter);
            let seen = &seen;
            async move {
                let id = job.await;
                seen.lock().unwrap().push(id);
            }
        }));
        assert_eq!(
            sorted(seen.into_inner().unwrap()),
            (0..n).collect::<Vec<_>>(),
            "seed {seed}"
        );
        if let Some(l) = limit.filter(|&l| l > 0) {
            assert!(
                counter.peak() <= l,
                "seed {seed}: peak {} > limit {l}",
                counter.peak()
            );
        }
    }
}

#[test]
fn for_each_concurrent_unlimited_and_threads() {
    let counter = InFlight::new();
    block_on(stream::iter(0..64).for_each_concurrent(None, |i| {
        let job = Job::new(i, 10).counted(&counter).woken_by_thread();
        async move {
            job.await;
        }
    }));
    assert_eq!(counter.now(), 0);
    assert_eq!(counter.peak(), 64);
}

#[test]
fn for_each_concurrent_drop_cancels() {
    let counter = InFlight::new();
    let mut fut = Box::pin(stream::iter(0..10).for_each_concurrent(3, |i| {
        let job = Job::new(i, usize::MAX).counted(&counter);
        async move {
            job.await;
        }
    }));
    assert!(rill_test::poll_once(&mut fut).is_pending());
    assert_eq!(counter.now(), 3);
    drop(fut);
    assert_eq!(counter.now(), 0);
}

#[test]
fn auto_traits_and_debug() {
    use rill_test::{assert_impl, assert_not_impl};
    type Input = stream::Iter<std::vec::IntoIter<Job>>;
    assert_impl!(rill_combinators::stream::BufferUnordered<Input>: Send);
    assert_impl!(rill_combinators::stream::Buffered<Input>: Sync);
    assert_impl!(rill_combinators::stream::BufferUnordered<Input>: Unpin);
    type NotSend = stream::Iter<std::vec::IntoIter<std::future::Ready<std::rc::Rc<u8>>>>;
    assert_not_impl!(rill_combinators::stream::BufferUnordered<NotSend>: Send);
    let s = stream::iter(vec![std::future::ready(1)]).buffer_unordered(2);
    assert!(format!("{s:?}").starts_with("BufferUnordered {"));
    let s = stream::iter(vec![std::future::ready(1)]).buffered(2);
    assert!(format!("{s:?}").starts_with("Buffered {"));
}
