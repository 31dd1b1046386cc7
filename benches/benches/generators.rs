//! Generators: yielding 1,000,000 `u64`s through rill's `stream!` and
//! `stream_fn`, async-stream's `stream!`, and a hand-written `Stream`.
//!
//! Every contender is drained by the same loop (`drain`), run by
//! `rill_test::block_on`; async-stream's stream is a `futures_core::Stream`,
//! which is rill's `Stream`, so it goes to `drain` as it is.

use core::future::poll_fn;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rill::Stream;

const N: u64 = 1_000_000;

/// The one consumer loop: pulls every item and sums them.
fn drain<S: Stream<Item = u64>>(stream: S) -> u64 {
    rill_test::block_on(async move {
        let mut stream = pin!(stream);
        let mut sum = 0u64;
        while let Some(v) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            sum = sum.wrapping_add(v);
        }
        sum
    })
}

/// The hand-written baseline: what `for i in 0..n { yield i }` does.
struct Counter {
    next: u64,
    end: u64,
}

impl Stream for Counter {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next == self.end {
            return Poll::Ready(None);
        }
        self.next += 1;
        Poll::Ready(Some(self.next - 1))
    }
}

fn yield_many(c: &mut Criterion) {
    let expected = N * (N - 1) / 2;
    let mut group = c.benchmark_group("generators/yield 1,000,000 u64");
    group.throughput(Throughput::Elements(N));
    group.sample_size(20);

    group.bench_function("rill", |b| {
        b.iter(|| {
            let n = black_box(N);
            // `rill::stream!` is this macro, re-exported by the facade.
            let s = rill_gen::stream! {
                for i in 0..n {
                    yield i;
                }
            };
            assert_eq!(drain(s), expected);
        });
    });
    group.bench_function("rill stream_fn", |b| {
        b.iter(|| {
            let n = black_box(N);
            let s = rill::stream_fn(move |mut y| async move {
                for i in 0..n {
                    y.yield_item(i).await;
                }
            });
            assert_eq!(drain(s), expected);
        });
    });
    group.bench_function("async-stream", |b| {
        b.iter(|| {
            let n = black_box(N);
            let s = async_stream::stream! {
                for i in 0..n {
                    yield i;
                }
            };
            assert_eq!(drain(s), expected);
        });
    });
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            let s = Counter {
                next: 0,
                end: black_box(N),
            };
            assert_eq!(drain(s), expected);
        });
    });
    group.finish();
}

criterion_group!(benches, yield_many);
criterion_main!(benches);
