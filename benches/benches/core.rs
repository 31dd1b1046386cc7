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

/// Defines a counter from 0 to `end` (exclusive) implementing one
/// library's `Stream` trait: the same code for both, so that the bench
/// measures the trait and the `next()` around it, nothing else.
macro_rules! counter {
    ($(#[$doc:meta])* $name:ident: $stream:path) => {
        $(#[$doc])*
        struct $name {
            n: u64,
            end: u64,
        }

        impl $stream for $name {
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
    };
}

counter!(
    /// The counter as a rill stream.
    RillCounter: rill::Stream
);
counter!(
    /// The counter as a futures-core stream.
    FuturesCounter: futures_core::Stream
);

/// Drains `$stream` with `next()` of the trait in scope, summing the items.
macro_rules! drain {
    ($stream:expr) => {
        block_on(async {
            let mut s = $stream;
            let mut sum = 0u64;
            while let Some(x) = s.next().await {
                sum = sum.wrapping_add(black_box(x));
            }
            black_box(sum)
        })
    };
}

fn poll_overhead(c: &mut Criterion) {
    let mut group = c.benchmark_group("core/drain a 1,000,000-item counter with next()");
    group.bench_function("rill", |b| {
        b.iter(|| {
            drain!(RillCounter {
                n: 0,
                end: black_box(N)
            })
        })
    });
    group.bench_function("rill compat", |b| {
        b.iter(|| {
            drain!(Compat::new(FuturesCounter {
                n: 0,
                end: black_box(N)
            }))
        })
    });
    group.bench_function("futures-util", |b| {
        use futures_util::StreamExt as _;
        b.iter(|| {
            drain!(FuturesCounter {
                n: 0,
                end: black_box(N)
            })
        })
    });
    group.finish();
}

criterion_group!(benches, poll_overhead);
criterion_main!(benches);
