//! Generators: yielding `1..=N` (`N` = 1,000,000 `u64`s) through rill's
//! `stream!` and `stream_fn`, async-stream's `stream!`, and a hand-written
//! `Stream`, consumed as users consume streams: with rill's `fold` and
//! `for_each`, every item through `black_box`, run by `rill_test::block_on`.
//!
//! `cargo xtask bench generators` runs it in the `bench` profile;
//! `cargo xtask bench --lto generators` also in `bench-lto` (thin LTO, one
//! codegen unit: what performance-minded users ship), where the
//! per-item cost of the hand-off is not hidden behind call overhead.

use core::future::ready;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rill::{Stream, StreamExt as _};

const N: u64 = 1_000_000;

/// The sum of `1..=N`, which every contender must produce.
const SUM: u64 = N * (N + 1) / 2;

/// The hand-written baseline: what `for i in 1..=n { yield i }` does.
struct Counter {
    next: u64,
    end: u64,
}

impl Stream for Counter {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next > self.end {
            return Poll::Ready(None);
        }
        self.next += 1;
        Poll::Ready(Some(self.next - 1))
    }
}

/// Sums the items with `fold`.
fn fold_sum<S: Stream<Item = u64>>(s: S) -> u64 {
    rill_test::block_on(s.fold(0u64, |acc, x| async move { acc.wrapping_add(black_box(x)) }))
}

/// Sums the items with `for_each`.
fn for_each_sum<S: Stream<Item = u64>>(s: S) -> u64 {
    let mut sum = 0u64;
    rill_test::block_on(s.for_each(|x| {
        sum = sum.wrapping_add(black_box(x));
        ready(())
    }));
    sum
}

/// One criterion group: the four contenders, each drained by `$drain`
/// (a generic function, so that every contender gets its own inlined
/// copy of the consumer loop).
macro_rules! group {
    ($c:expr, $name:literal, $drain:ident) => {{
        let mut group = $c.benchmark_group(concat!("generators/", $name, " 1..=1,000,000 u64"));
        group.throughput(Throughput::Elements(N));
        group.sample_size(20);
        group.bench_function("rill", |b| {
            b.iter(|| {
                let n = black_box(N);
                // `rill::stream!` is this macro, re-exported by the facade.
                let s = rill_gen::stream! {
                    for i in 1..=n {
                        yield i;
                    }
                };
                assert_eq!($drain(s), SUM);
            });
        });
        group.bench_function("rill stream_fn", |b| {
            b.iter(|| {
                let n = black_box(N);
                let s = rill::stream_fn(move |mut y| async move {
                    for i in 1..=n {
                        y.yield_item(i).await;
                    }
                });
                assert_eq!($drain(s), SUM);
            });
        });
        group.bench_function("async-stream", |b| {
            b.iter(|| {
                let n = black_box(N);
                // A `futures_core::Stream`, so rill's `fold`/`for_each` apply.
                let s = async_stream::stream! {
                    for i in 1..=n {
                        yield i;
                    }
                };
                assert_eq!($drain(s), SUM);
            });
        });
        group.bench_function("hand-written", |b| {
            b.iter(|| {
                let s = Counter {
                    next: 1,
                    end: black_box(N),
                };
                assert_eq!($drain(s), SUM);
            });
        });
        group.finish();
    }};
}

fn generators(c: &mut Criterion) {
    group!(c, "fold", fold_sum);
    group!(c, "for_each", for_each_sum);
}

criterion_group!(benches, generators);
criterion_main!(benches);
