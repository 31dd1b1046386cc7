//! Sequential combinators: the same pipelines built with rill, with
//! futures-util and as a plain `Iterator`, in one run.
//!
//! The `Iterator` rows show how far async streams are from the vectorised
//! synchronous loop; futures-util is the peer rill must at least match.

use core::future::ready;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rill_test::block_on;

const N: u64 = 1_000_000;

fn map_filter_fold(c: &mut Criterion) {
    let mut group = c.benchmark_group("combinators/iter(0..1M).map.filter.fold");
    group.bench_function("rill", |b| {
        b.iter(|| {
            use rill::StreamExt as _;
            let s = rill::stream::iter(0..black_box(N))
                .map(|x| x * 3)
                .filter(|x| ready(x % 2 == 0));
            black_box(block_on(s.fold(0u64, |acc, x| ready(acc.wrapping_add(x)))))
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            use futures_util::StreamExt as _;
            let s = futures_util::stream::iter(0..black_box(N))
                .map(|x| x * 3)
                .filter(|x| ready(x % 2 == 0));
            black_box(block_on(s.fold(0u64, |acc, x| ready(acc.wrapping_add(x)))))
        })
    });
    group.bench_function("iterator", |b| {
        b.iter(|| {
            let it = (0..black_box(N)).map(|x| x * 3).filter(|x| x % 2 == 0);
            black_box(it.fold(0u64, |acc, x| acc.wrapping_add(x)))
        })
    });
    group.finish();
}

fn chain_zip_take(c: &mut Criterion) {
    let mut group = c.benchmark_group("combinators/chain+zip+take");
    let half = N / 2;
    group.bench_function("rill", |b| {
        b.iter(|| {
            use rill::StreamExt as _;
            let left = rill::stream::iter(0..black_box(half)).chain(rill::stream::iter(half..N));
            let s = left.zip(rill::stream::iter(0..N)).take(black_box(750_000));
            black_box(block_on(
                s.fold(0u64, |acc, (a, b)| ready(acc.wrapping_add(a ^ b))),
            ))
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            use futures_util::StreamExt as _;
            let left = futures_util::stream::iter(0..black_box(half))
                .chain(futures_util::stream::iter(half..N));
            let s = left
                .zip(futures_util::stream::iter(0..N))
                .take(black_box(750_000));
            black_box(block_on(
                s.fold(0u64, |acc, (a, b)| ready(acc.wrapping_add(a ^ b))),
            ))
        })
    });
    group.bench_function("iterator", |b| {
        b.iter(|| {
            let left = (0..black_box(half)).chain(half..N);
            let it = left.zip(0..N).take(black_box(750_000));
            black_box(it.fold(0u64, |acc, (a, b)| acc.wrapping_add(a ^ b)))
        })
    });
    group.finish();
}

fn chunks(c: &mut Criterion) {
    let mut group = c.benchmark_group("combinators/chunks(64) of 1M");
    group.bench_function("rill", |b| {
        b.iter(|| {
            use rill::StreamExt as _;
            let s = rill::stream::iter(0..black_box(N)).chunks(64);
            black_box(block_on(s.fold(0u64, |acc, chunk| {
                ready(acc.wrapping_add(chunk[chunk.len() - 1]))
            })))
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            use futures_util::StreamExt as _;
            let s = futures_util::stream::iter(0..black_box(N)).chunks(64);
            black_box(block_on(s.fold(0u64, |acc, chunk| {
                ready(acc.wrapping_add(chunk[chunk.len() - 1]))
            })))
        })
    });
    group.bench_function("iterator", |b| {
        // The synchronous equivalent: fill a 64-item Vec, hand it on, repeat.
        b.iter(|| {
            let mut acc = 0u64;
            let mut chunk = Vec::with_capacity(64);
            for x in 0..black_box(N) {
                chunk.push(x);
                if chunk.len() == 64 {
                    let full = std::mem::replace(&mut chunk, Vec::with_capacity(64));
                    acc = acc.wrapping_add(full[63]);
                }
            }
            if let Some(last) = chunk.last() {
                acc = acc.wrapping_add(*last);
            }
            black_box(acc)
        })
    });
    group.finish();
}

criterion_group!(benches, map_filter_fold, chain_zip_take, chunks);
criterion_main!(benches);
