//! Poll overhead of the core trait: one counter written against
//! `rill::Stream` (which is `futures_core::Stream`), drained with each
//! library's `next()`.

use core::pin::Pin;
use core::task::{Context, Poll};
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rill_test::block_on;

const N: u64 = 1_000_000;

/// Counts from 0 to `end` (exclusive). Both libraries drain the same type,
/// so the bench measures `next()` around the trait, nothing else.
struct Counter {
    n: u64,
    end: u64,
}

impl rill::Stream for Counter {
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

/// Drains `$stream` with `$next` (one library's `StreamExt::next`, named in
/// full: both traits apply to the counter), summing the items.
macro_rules! drain {
    ($next:path, $stream:expr) => {
        block_on(async {
            let mut s = $stream;
            let mut sum = 0u64;
            while let Some(x) = $next(&mut s).await {
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
            drain!(
                rill::StreamExt::next,
                Counter {
                    n: 0,
                    end: black_box(N)
                }
            )
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            drain!(
                futures_util::StreamExt::next,
                Counter {
                    n: 0,
                    end: black_box(N)
                }
            )
        })
    });
    group.finish();
}

criterion_group!(benches, poll_overhead);
criterion_main!(benches);
