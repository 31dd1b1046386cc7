//! `CountingAllocator` installed as this binary's allocator: allocations
//! counted per thread (another thread's do not count), `realloc` and
//! `alloc_zeroed` included; live and peak bytes follow the heap.

use std::hint::black_box;
use std::thread;

use rill_test::CountingAllocator;

#[global_allocator]
static ALLOC: CountingAllocator = CountingAllocator::new();

#[test]
fn every_allocation_of_this_thread_counts_once() {
    let before = CountingAllocator::thread_allocations();
    let mut v: Vec<u8> = black_box(Vec::with_capacity(4));
    assert_eq!(CountingAllocator::thread_allocations() - before, 1);
    v.reserve_exact(4096); // a `realloc`
    assert_eq!(CountingAllocator::thread_allocations() - before, 2);
    let zeroed = black_box(vec![0u64; 32]); // `alloc_zeroed`
    assert_eq!(CountingAllocator::thread_allocations() - before, 3);
    drop((v, zeroed));
    assert_eq!(CountingAllocator::thread_allocations() - before, 3);
}

#[test]
fn other_threads_allocations_are_theirs() {
    let before = CountingAllocator::thread_allocations();
    let theirs = thread::scope(|s| {
        s.spawn(|| {
            let before = CountingAllocator::thread_allocations();
            let boxes: Vec<Box<u32>> = (0..10).map(|i| black_box(Box::new(i))).collect();
            let n = CountingAllocator::thread_allocations() - before;
            drop(boxes);
            n
        })
        .join()
        .unwrap()
    });
    // Ten boxes and the vector (its growth may take more than one call).
    assert!(theirs >= 11, "{theirs}");
    // Spawning a thread allocates here; the other thread's boxes do not.
    let mine = CountingAllocator::thread_allocations() - before;
    assert!(mine < 10, "{mine}");
}

#[test]
fn live_and_peak_bytes_follow_the_heap() {
    // Other tests run in parallel in this process: only lower bounds hold.
    let base = CountingAllocator::reset_peak();
    assert!(CountingAllocator::peak_bytes() >= base);
    let big = black_box(vec![1u8; 1 << 20]);
    assert!(CountingAllocator::live_bytes() >= big.len());
    drop(big);
    assert!(CountingAllocator::peak_bytes() - base >= 1 << 20);
}
