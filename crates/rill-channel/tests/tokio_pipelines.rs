//! Receivers inside combinator pipelines: `buffer_unordered`,
//! `for_each_concurrent` and `interleave_pending` over channel streams give
//! every item exactly once, on a multi-thread runtime with real producers.
#![cfg(feature = "tokio")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rill_channel::IntoStream;
use rill_combinators::StreamExt;

const PRODUCERS: u64 = 4;
const PER_PRODUCER: u64 = 250;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a tokio runtime")
}

/// Spawns the producers on `rt`'s context; returns the receiver.
fn produce(capacity: usize) -> tokio::sync::mpsc::Receiver<u64> {
    let (tx, rx) = tokio::sync::mpsc::channel(capacity);
    for p in 0..PRODUCERS {
        let tx = tx.clone();
        tokio::spawn(async move {
            for i in 0..PER_PRODUCER {
                tx.send(p * PER_PRODUCER + i).await.expect("receiver alive");
            }
        });
    }
    rx
}

fn expected() -> Vec<u64> {
    (0..PRODUCERS * PER_PRODUCER).collect()
}

#[test]
fn buffer_unordered_over_a_receiver_gives_every_item_once() {
    let rt = runtime();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max_seen = Arc::new(AtomicUsize::new(0));
    let mut got: Vec<u64> = rt.block_on(async {
        let (in_flight, max_seen) = (Arc::clone(&in_flight), Arc::clone(&max_seen));
        produce(8)
            .into_stream()
            .map(move |x| {
                let (in_flight, max_seen) = (Arc::clone(&in_flight), Arc::clone(&max_seen));
                async move {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    max_seen.fetch_max(now, Ordering::SeqCst);
                    tokio::task::yield_now().await;
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    x * 2
                }
            })
            .buffer_unordered(16)
            .collect()
            .await
    });
    got.sort_unstable();
    assert_eq!(
        got,
        expected().into_iter().map(|x| x * 2).collect::<Vec<_>>()
    );
    assert!(max_seen.load(Ordering::SeqCst) <= 16);
}

#[test]
fn interleaved_receiver_through_buffer_unordered_is_the_same() {
    let rt = runtime();
    let mut got: Vec<u64> = rt.block_on(async {
        rill_test::interleave_pending(produce(4).into_stream())
            .map(|x| async move {
                tokio::task::yield_now().await;
                x
            })
            .buffer_unordered(None)
            .collect()
            .await
    });
    got.sort_unstable();
    assert_eq!(got, expected());
}

#[test]
fn for_each_concurrent_over_a_receiver_sees_every_item_once() {
    let rt = runtime();
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    rt.block_on(async {
        let seen = Arc::clone(&seen);
        produce(2)
            .into_stream()
            .for_each_concurrent(5, move |x| {
                let seen = Arc::clone(&seen);
                async move {
                    tokio::task::yield_now().await;
                    seen.lock().unwrap().push(x);
                }
            })
            .await;
    });
    let mut seen = Arc::try_unwrap(seen).unwrap().into_inner().unwrap();
    seen.sort_unstable();
    assert_eq!(seen, expected());
}

#[test]
fn buffered_keeps_the_order_of_one_producer() {
    let rt = runtime();
    let got: Vec<u64> = rt.block_on(async {
        let (tx, rx) = tokio::sync::mpsc::channel(3);
        tokio::spawn(async move {
            for i in 0..500u64 {
                tx.send(i).await.expect("receiver alive");
            }
        });
        rx.into_stream()
            .map(|x| async move {
                if x % 3 == 0 {
                    tokio::task::yield_now().await;
                }
                x
            })
            .buffered(7)
            .collect()
            .await
    });
    assert_eq!(got, (0..500).collect::<Vec<_>>());
}
