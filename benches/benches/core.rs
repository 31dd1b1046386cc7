//! Poll overhead of the core trait: the same counter written as a rill
//! `Stream` and as a `futures_core::Stream`, drained with each library's
//! `next()`; and a futures-core stream used by rill through `Compat`.

use core::pin::Pin;
use core::task::{Context, Poll};
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rill::StreamExt as _;
use rill::compat::Compat;
use rill_test::block_on;

const N: u64 = 1_000_000;

/// Counts from 0 to `end` (exclusive), as a rill stream.
struct RillCounter {
    n: u64,
    end: u64,
}

impl rill::Stream for RillCounter {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.n == self.end {
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n - 1))
    }
}

/// The same counter as a futures-core stream.
struct FuturesCounter {
    n: u64,
    end: u64,
}

impl futures_core::Stream for FuturesCounter {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.n == self.end {
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n - 1))
    }
}

fn poll_overhead(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/drain a 1,000,000-item counter with next()");
    group.bench_function("rill", |b| {
        b.iter(|| {
            block_on(async {
                let mut s = RillCounter {
                    n: 0,
                    end: black_box(N),
                };
                let mut sum = 0u64;
                while let Some(x) = s.next().await {
                    sum = sum.wrapping_add(black_box(x));
                }
                black_box(sum)
            })
        })
    });
    group.bench_function("rill compat", |b| {
        b.iter(|| {
            block_on(async {
                let mut s = Compat::new(FuturesCounter {
                    n: 0,
                    end: black_box(N),
                });
                let mut sum = 0u64;
                while let Some(x) = s.next().await {
                    sum = sum.wrapping_add(black_box(x));
                }
                black_box(sum)
            })
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            block_on(async {
                use futures_util::StreamExt as _;
                let mut s = FuturesCounter {
                    n: 0,
                    end: black_box(N),
                };
                let mut sum = 0u64;
                while let Some(x) = s.next().await {
                    sum = sum.wrapping_add(black_box(x));
                }
                black_box(sum)
            })
        })
    });
    group.finish();
}

criterion_group!(benches, poll_overhead);
criterion_main!(benches);
