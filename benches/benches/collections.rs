//! Combinators over collections of streams: `(a, b, c, d).merge()` and
//! `(a, b, c, d).zip()`, rill's `rill::collections` against
//! futures-concurrency's in one run (futures-util's `select_all` as a third
//! reference for the merge).
//!
//! The inputs are four iterator-backed streams of 250,000 `u64` each: rill's
//! `stream::iter` on the rill side, futures-lite's `stream::iter` (a
//! futures-core stream) on the futures-concurrency side, futures-util's on
//! the futures-util side; all three are the same thin wrapper over
//! `Range<u64>`. A second merge group puts a `Pending` (with an immediate
//! self-wake) before every item, so the cost of the wake tracking shows: on
//! the rill side through `rill_test::interleave_pending`, on the others
//! through `PendingEach` below, which does the same thing.
//!
//! Every variant is drained by the same `poll_fn` loop under
//! `rill_test::block_on`, summing the items (checked against the expected
//! sum).

use core::future::poll_fn;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rill_test::block_on;

const PER_STREAM: u64 = 250_000;
const PENDING_PER_STREAM: u64 = 62_500;

/// Sum of the items of four streams over `k * n .. (k + 1) * n`.
fn expected(n: u64) -> u64 {
    let all = 4 * n;
    all * (all - 1) / 2
}

/// Drains a rill stream, summing its items.
fn drain_rill<S: rill::Stream<Item = u64>>(stream: S) -> u64 {
    let mut stream = core::pin::pin!(stream);
    block_on(async {
        let mut sum = 0u64;
        while let Some(x) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            sum = sum.wrapping_add(black_box(x));
        }
        sum
    })
}

/// The same loop for a `futures_core::Stream`.
fn drain_futures<S: futures_core::Stream<Item = u64>>(stream: S) -> u64 {
    let mut stream = core::pin::pin!(stream);
    block_on(async {
        let mut sum = 0u64;
        while let Some(x) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
            sum = sum.wrapping_add(black_box(x));
        }
        sum
    })
}

/// `rill_test::interleave_pending` for futures-core streams: `Pending` with
/// a self-wake before every item.
struct PendingEach<S> {
    stream: S,
    pended: bool,
}

impl<S: futures_core::Stream + Unpin> futures_core::Stream for PendingEach<S> {
    type Item = S::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        if !self.pended {
            self.pended = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let poll = Pin::new(&mut self.stream).poll_next(cx);
        if poll.is_ready() {
            self.pended = false;
        }
        poll
    }
}

fn pending_each<S>(stream: S) -> PendingEach<S> {
    PendingEach {
        stream,
        pended: false,
    }
}

fn range(k: u64, n: u64) -> core::ops::Range<u64> {
    k * n..(k + 1) * n
}

fn merge(c: &mut Criterion) {
    let n = PER_STREAM;
    let mut group = c.benchmark_group("collections/merge 4 streams of 250,000 items");
    group.bench_function("rill", |b| {
        use rill::collections::Merge as _;
        use rill::stream::iter;
        b.iter(|| {
            let s = (
                iter(range(0, n)),
                iter(range(1, n)),
                iter(range(2, n)),
                iter(range(3, n)),
            );
            assert_eq!(drain_rill(black_box(s).merge()), expected(n));
        })
    });
    group.bench_function("futures-concurrency", |b| {
        use futures_concurrency::stream::Merge as _;
        use futures_lite::stream::iter;
        b.iter(|| {
            let s = (
                iter(range(0, n)),
                iter(range(1, n)),
                iter(range(2, n)),
                iter(range(3, n)),
            );
            assert_eq!(drain_futures(black_box(s).merge()), expected(n));
        })
    });
    group.bench_function("futures-util select_all", |b| {
        use futures_util::stream::{iter, select_all};
        b.iter(|| {
            let s = [
                iter(range(0, n)),
                iter(range(1, n)),
                iter(range(2, n)),
                iter(range(3, n)),
            ];
            assert_eq!(drain_futures(select_all(black_box(s))), expected(n));
        })
    });
    group.finish();
}

fn merge_pending(c: &mut Criterion) {
    let n = PENDING_PER_STREAM;
    let mut group =
        c.benchmark_group("collections/merge 4 streams of 62,500 items, pending before every item");
    group.bench_function("rill", |b| {
        use rill::collections::Merge as _;
        let src = |k| rill_test::interleave_pending(rill::stream::iter(range(k, n)));
        b.iter(|| {
            let s = (src(0), src(1), src(2), src(3));
            assert_eq!(drain_rill(black_box(s).merge()), expected(n));
        })
    });
    group.bench_function("futures-concurrency", |b| {
        use futures_concurrency::stream::Merge as _;
        let src = |k| pending_each(futures_lite::stream::iter(range(k, n)));
        b.iter(|| {
            let s = (src(0), src(1), src(2), src(3));
            assert_eq!(drain_futures(black_box(s).merge()), expected(n));
        })
    });
    group.bench_function("futures-util select_all", |b| {
        let src = |k| pending_each(futures_util::stream::iter(range(k, n)));
        b.iter(|| {
            let s = [src(0), src(1), src(2), src(3)];
            assert_eq!(
                drain_futures(futures_util::stream::select_all(black_box(s))),
                expected(n)
            );
        })
    });
    group.finish();
}

fn zip(c: &mut Criterion) {
    let n = PER_STREAM;
    // Each tuple is summed, so the total is the same as the merge's.
    let mut group = c.benchmark_group("collections/zip 4 streams of 250,000 items");
    group.bench_function("rill", |b| {
        use rill::StreamExt as _;
        use rill::collections::Zip as _;
        use rill::stream::iter;
        b.iter(|| {
            let s = (
                iter(range(0, n)),
                iter(range(1, n)),
                iter(range(2, n)),
                iter(range(3, n)),
            );
            let sums = black_box(s).zip().map(|(a, b, c, d)| a + b + c + d);
            assert_eq!(drain_rill(sums), expected(n));
        })
    });
    group.bench_function("futures-concurrency", |b| {
        use futures_concurrency::stream::Zip as _;
        use futures_lite::StreamExt as _;
        use futures_lite::stream::iter;
        b.iter(|| {
            let s = (
                iter(range(0, n)),
                iter(range(1, n)),
                iter(range(2, n)),
                iter(range(3, n)),
            );
            let sums = black_box(s).zip().map(|(a, b, c, d)| a + b + c + d);
            assert_eq!(drain_futures(sums), expected(n));
        })
    });
    group.finish();
}

criterion_group!(benches, merge, merge_pending, zip);
criterion_main!(benches);
