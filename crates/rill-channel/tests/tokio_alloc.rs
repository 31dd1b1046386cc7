//! `BroadcastStream` and `WatchStream` box their receive future once per
//! stream and reuse it: receiving messages allocates nothing. Counted with
//! rill-test's `CountingAllocator`, which counts the allocations of the
//! current thread.
#![cfg(feature = "tokio")]

use rill_channel::IntoStream;
use rill_test::{CountingAllocator, assert_stream_next, assert_stream_pending};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator::new();

fn allocations() -> usize {
    CountingAllocator::thread_allocations()
}

#[test]
fn broadcast_stream_allocates_nothing_per_message() {
    let (tx, rx) = tokio::sync::broadcast::channel::<u64>(16);
    let mut stream = rx.into_stream();
    // Warm up: the first wait registers the receiver.
    assert_stream_pending!(stream);
    tx.send(0).unwrap();
    assert_stream_next!(stream, Ok(0));
    let before = allocations();
    for i in 1..=1000 {
        tx.send(i).unwrap();
        assert_stream_next!(stream, Ok(i));
        if i % 100 == 0 {
            assert_stream_pending!(stream);
        }
    }
    assert_eq!(allocations() - before, 0, "allocations for 1000 messages");
}

#[test]
fn watch_stream_allocates_nothing_per_value() {
    let (tx, rx) = tokio::sync::watch::channel(0u64);
    let mut stream = rx.into_stream();
    assert_stream_next!(stream, 0);
    assert_stream_pending!(stream);
    let before = allocations();
    for i in 1..=1000 {
        tx.send(i).unwrap();
        assert_stream_next!(stream, i);
        assert_stream_pending!(stream);
    }
    assert_eq!(allocations() - before, 0, "allocations for 1000 values");
}

#[test]
fn the_counter_sees_allocations() {
    let before = allocations();
    let v = std::hint::black_box(vec![1u8; 64]);
    assert_eq!(allocations() - before, 1);
    drop(v);
}
