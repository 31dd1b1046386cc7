//! 1,000,000 `u64` through a bounded channel (capacity 1024) on a tokio
//! runtime, from one producer and from four: rill's
//! `ReceiverStream` against tokio-stream's and against a raw
//! `recv().await` loop; and rill's async-channel wrapper against the
//! async-channel receiver used directly.
//!
//! The streams are drained by the same small hand-written `next` loop
//! (rill's `Stream` is `futures_core::Stream`, so one loop serves every
//! wrapper), so only the wrapper differs between variants.
//!
//! The runtime is tokio's current-thread one: producers fill the buffer,
//! the consumer drains it, with no cross-thread wake-ups whose cost (and
//! noise on a shared machine) would dwarf the per-item cost of the wrapper
//! that these groups compare.

use core::future::poll_fn;
use std::hint::black_box;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use rill_channel::IntoStream;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

const ITEMS: u64 = 1_000_000;
const CAPACITY: usize = 1024;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime")
}

/// Sums a stream with a plain `next` loop.
async fn drain<S: rill::Stream<Item = u64>>(stream: S) -> u64 {
    let mut stream = core::pin::pin!(stream);
    let mut sum = 0u64;
    while let Some(x) = poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

/// Spawns `producers` tasks that together send 0..ITEMS into `tx`.
fn spawn_tokio_producers(tx: mpsc::Sender<u64>, producers: u64) {
    let share = ITEMS / producers;
    for p in 0..producers {
        let tx = tx.clone();
        tokio::spawn(async move {
            for i in p * share..(p + 1) * share {
                tx.send(i).await.expect("the consumer is alive");
            }
        });
    }
}

const EXPECTED: u64 = ITEMS * (ITEMS - 1) / 2;

fn tokio_group(group: &mut BenchmarkGroup<'_, WallTime>, rt: &Runtime, producers: u64) {
    group.bench_function("rill", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (tx, rx) = mpsc::channel(CAPACITY);
                spawn_tokio_producers(tx, producers);
                let sum = drain(rx.into_stream()).await;
                assert_eq!(sum, EXPECTED);
            })
        })
    });
    group.bench_function("tokio-stream", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (tx, rx) = mpsc::channel(CAPACITY);
                spawn_tokio_producers(tx, producers);
                let sum = drain(tokio_stream::wrappers::ReceiverStream::new(rx)).await;
                assert_eq!(sum, EXPECTED);
            })
        })
    });
    group.bench_function("raw loop", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (tx, mut rx) = mpsc::channel(CAPACITY);
                spawn_tokio_producers(tx, producers);
                let mut sum = 0u64;
                while let Some(x) = rx.recv().await {
                    sum = sum.wrapping_add(black_box(x));
                }
                assert_eq!(sum, EXPECTED);
            })
        })
    });
}

fn tokio_mpsc(c: &mut Criterion) {
    let rt = runtime();
    for (producers, name) in [
        (1, "channel/tokio mpsc 1 producer"),
        (4, "channel/tokio mpsc 4 producers"),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(20);
        tokio_group(&mut group, &rt, producers);
        group.finish();
    }
}

fn spawn_async_channel_producer(tx: async_channel::Sender<u64>) {
    tokio::spawn(async move {
        for i in 0..ITEMS {
            tx.send(i).await.expect("the consumer is alive");
        }
    });
}

fn async_channel_bench(c: &mut Criterion) {
    let rt = runtime();
    let mut group = c.benchmark_group("channel/async-channel 1 producer");
    group.sample_size(20);
    group.bench_function("rill", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (tx, rx) = async_channel::bounded(CAPACITY);
                spawn_async_channel_producer(tx);
                let sum = drain(rx.into_stream()).await;
                assert_eq!(sum, EXPECTED);
            })
        })
    });
    group.bench_function("raw loop", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (tx, rx) = async_channel::bounded(CAPACITY);
                spawn_async_channel_producer(tx);
                let mut sum = 0u64;
                while let Ok(x) = rx.recv().await {
                    sum = sum.wrapping_add(black_box(x));
                }
                assert_eq!(sum, EXPECTED);
            })
        })
    });
    group.finish();
}

criterion_group!(benches, tokio_mpsc, async_channel_bench);
criterion_main!(benches);
