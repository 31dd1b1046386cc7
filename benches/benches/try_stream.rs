//! `try_filter_map` + `try_fold` over 1,000,000 items, rill against
//! futures-util (and a plain `Iterator` for scale), both driven by
//! `rill_test::block_on`: once with every item `Ok`, once with an `Err`
//! every 1,000 items. `try_fold` stops at an error, so the error case
//! restarts the fold on the same stream after each one, as a caller that
//! logs and skips errors does; every item is processed in both cases.

use core::future::ready;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rill_test::block_on;

const N: u64 = 1_000_000;

/// The input: `0..N`, with `Err(i)` in place of every `ERR_EVERY`-th item
/// (none when it is 0). A constant, so that the test costs a multiply, not
/// a division, and the input does not drown the difference being measured.
fn input<const ERR_EVERY: u64>() -> impl Iterator<Item = Result<u64, u64>> {
    (0..black_box(N)).map(|i| {
        if ERR_EVERY != 0 && i % ERR_EVERY == ERR_EVERY - 1 {
            Err(i)
        } else {
            Ok(i)
        }
    })
}

/// The filter_map step: keep non-multiples of 3, doubled.
#[inline]
fn keep(x: u64) -> Option<u64> {
    (!x.is_multiple_of(3)).then_some(x * 2)
}

/// Folds segment after segment until the end: `fold(sum)` folds the rest
/// of the stream from `sum` and stops at the end (`Ok(total)`) or at an
/// error (`Err(e)`), which is counted and added in before the next segment.
fn drain(mut fold: impl FnMut(u64) -> Result<u64, u64>) -> (u64, u64) {
    let (mut sum, mut errors) = (0u64, 0u64);
    loop {
        match fold(sum) {
            Ok(total) => return (total, errors),
            Err(e) => {
                errors += 1;
                sum = sum.wrapping_add(e);
            }
        }
    }
}

fn run_rill<const ERR_EVERY: u64>() -> (u64, u64) {
    use rill::TryStreamExt as _;
    let mut s = rill::stream::iter(input::<ERR_EVERY>()).try_filter_map(|x| ready(Ok(keep(x))));
    drain(|sum| block_on((&mut s).try_fold(sum, |acc, x| ready(Ok(acc.wrapping_add(x))))))
}

fn run_futures_util<const ERR_EVERY: u64>() -> (u64, u64) {
    use futures_util::TryStreamExt as _;
    let mut s =
        futures_util::stream::iter(input::<ERR_EVERY>()).try_filter_map(|x| ready(Ok(keep(x))));
    drain(|sum| block_on((&mut s).try_fold(sum, |acc, x| ready(Ok(acc.wrapping_add(x))))))
}

fn run_iterator<const ERR_EVERY: u64>() -> (u64, u64) {
    let mut it = input::<ERR_EVERY>().filter_map(|r| r.map(keep).transpose());
    drain(|sum| it.try_fold(sum, |acc, r| r.map(|x| acc.wrapping_add(x))))
}

fn group<const ERR_EVERY: u64>(c: &mut Criterion, case: &str) {
    // The three agree before anything is timed.
    let want = run_iterator::<ERR_EVERY>();
    assert_eq!(run_rill::<ERR_EVERY>(), want);
    assert_eq!(run_futures_util::<ERR_EVERY>(), want);

    let mut group = c.benchmark_group(format!("try_stream/filter_map+fold {case}"));
    group.bench_function("rill", |b| b.iter(|| black_box(run_rill::<ERR_EVERY>())));
    group.bench_function("futures-util", |b| {
        b.iter(|| black_box(run_futures_util::<ERR_EVERY>()))
    });
    group.bench_function("iterator", |b| {
        b.iter(|| black_box(run_iterator::<ERR_EVERY>()))
    });
    group.finish();
}

fn filter_map_fold(c: &mut Criterion) {
    group::<0>(c, "all Ok");
    group::<1000>(c, "Err every 1000");
}

criterion_group!(benches, filter_map_fold);
criterion_main!(benches);
