//! A global allocator that counts: allocations per thread, live and peak
//! heap bytes per process.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use std::alloc::System;
use std::sync::atomic::{AtomicUsize, Ordering};

std::thread_local! {
    /// Allocations of this thread. A `Cell` with a const initialiser and no
    /// destructor: touching it never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// A global allocator that forwards every call to [`System`] and counts:
/// the allocations each thread makes, and the heap bytes live in the
/// process (now and at the peak).
///
/// Install it in a test binary, then measure around the code under test:
/// [`thread_allocations`](Self::thread_allocations) for "no allocation per
/// item" (counted per thread, so tests running in parallel do not disturb
/// each other), [`peak_bytes`](Self::peak_bytes) for "constant memory"
/// (for the whole process: measure in a test binary of its own). Without
/// the allocator installed, the counters stay at 0.
///
/// ```rust,standalone_crate
/// use rill_test::CountingAllocator;
///
/// #[global_allocator]
/// static ALLOC: CountingAllocator = CountingAllocator::new();
///
/// fn main() {
///     let before = CountingAllocator::thread_allocations();
///     let v: Vec<u64> = Vec::with_capacity(128);
///     assert_eq!(CountingAllocator::thread_allocations() - before, 1);
///
///     let base = CountingAllocator::reset_peak();
///     let w = vec![0u8; 4096];
///     drop(w);
///     assert!(CountingAllocator::peak_bytes() - base >= 4096);
///     assert!(CountingAllocator::live_bytes() >= v.capacity() * 8);
/// }
/// ```
#[derive(Debug, Default, Clone, Copy)]
pub struct CountingAllocator {
    _private: (),
}

impl CountingAllocator {
    /// The allocator, for a `#[global_allocator]` static.
    ///
    /// ```
    /// static ALLOC: rill_test::CountingAllocator = rill_test::CountingAllocator::new();
    /// # let _ = &ALLOC;
    /// // Not installed here: nothing is counted.
    /// let v = vec![1u8; 16];
    /// assert_eq!(rill_test::CountingAllocator::thread_allocations(), 0);
    /// # drop(v);
    /// ```
    pub const fn new() -> Self {
        CountingAllocator { _private: () }
    }

    /// The allocations (`alloc`, `alloc_zeroed` and `realloc` calls) this
    /// thread has made so far.
    ///
    /// ```rust,standalone_crate
    /// #[global_allocator]
    /// static ALLOC: rill_test::CountingAllocator = rill_test::CountingAllocator::new();
    ///
    /// fn main() {
    ///     let before = rill_test::CountingAllocator::thread_allocations();
    ///     let boxed = std::hint::black_box(Box::new(5));
    ///     assert_eq!(rill_test::CountingAllocator::thread_allocations() - before, 1);
    ///     # drop(boxed);
    /// }
    /// ```
    pub fn thread_allocations() -> usize {
        ALLOCATIONS.with(Cell::get)
    }

    /// The heap bytes allocated and not yet freed, by all threads.
    ///
    /// ```rust,standalone_crate
    /// #[global_allocator]
    /// static ALLOC: rill_test::CountingAllocator = rill_test::CountingAllocator::new();
    ///
    /// fn main() {
    ///     let before = rill_test::CountingAllocator::live_bytes();
    ///     let v = std::hint::black_box(vec![0u8; 1000]);
    ///     assert!(rill_test::CountingAllocator::live_bytes() >= before + 1000);
    ///     # drop(v);
    /// }
    /// ```
    pub fn live_bytes() -> usize {
        LIVE.load(Ordering::SeqCst)
    }

    /// The highest [`live_bytes`](Self::live_bytes) since the last
    /// [`reset_peak`](Self::reset_peak) (or since the start).
    ///
    /// ```rust,standalone_crate
    /// #[global_allocator]
    /// static ALLOC: rill_test::CountingAllocator = rill_test::CountingAllocator::new();
    ///
    /// fn main() {
    ///     let base = rill_test::CountingAllocator::reset_peak();
    ///     drop(std::hint::black_box(vec![0u8; 10_000]));
    ///     let extra = rill_test::CountingAllocator::peak_bytes() - base;
    ///     assert!(extra >= 10_000, "{extra}");
    /// }
    /// ```
    pub fn peak_bytes() -> usize {
        PEAK.load(Ordering::SeqCst)
    }

    /// Sets the peak to the bytes live now, and returns that: the baseline
    /// to subtract from a later [`peak_bytes`](Self::peak_bytes).
    ///
    /// ```rust,standalone_crate
    /// #[global_allocator]
    /// static ALLOC: rill_test::CountingAllocator = rill_test::CountingAllocator::new();
    ///
    /// fn main() {
    ///     let v = std::hint::black_box(vec![0u8; 10_000]);
    ///     drop(v);
    ///     let base = rill_test::CountingAllocator::reset_peak();
    ///     assert_eq!(rill_test::CountingAllocator::peak_bytes(), base);
    /// }
    /// ```
    pub fn reset_peak() -> usize {
        let live = LIVE.load(Ordering::SeqCst);
        PEAK.store(live, Ordering::SeqCst);
        live
    }
}

fn count_allocation() {
    // `try_with`: a thread-local being torn down still allocates.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

fn grow(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::SeqCst) + bytes;
    PEAK.fetch_max(live, Ordering::SeqCst);
}

fn shrink(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::SeqCst);
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, and `System` upholds `GlobalAlloc`'s contract. The counting
// touches neither the memory nor the allocator: a const-initialised
// thread-local `Cell` without destructor and two atomics.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `alloc`'s contract; passed on as is.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `alloc_zeroed`'s contract; passed on.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` (every method forwards to
        // it) with this `layout`, as the caller guarantees.
        unsafe { System.dealloc(ptr, layout) };
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `realloc`'s contract (`ptr` from this
        // allocator, that is from `System`, with `layout`); passed on.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            shrink(layout.size());
            grow(new_size);
        }
        new
    }
}
