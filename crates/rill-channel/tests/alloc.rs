//! `BroadcastStream` and `WatchStream` box their receive future once per
//! stream and reuse it: receiving messages allocates nothing. Counted with
//! a global allocator that counts the allocations of the current thread.
#![cfg(feature = "tokio")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use rill_channel::IntoStream;
use rill_test::{assert_stream_next, assert_stream_pending};

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

struct CountingAllocator;

// SAFETY: every call is forwarded unchanged to the system allocator, which
// upholds `GlobalAlloc`'s contract; counting touches only a const-initialised
// thread-local `Cell` without destructor, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's guarantees for `layout` are passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout` above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
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
