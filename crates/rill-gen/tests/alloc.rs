//! Allocations: a generator allocates its slot when it is created and
//! nothing per item; an item whose yield finds earlier items still waiting
//! (the body polled several yields in one poll of the stream) costs one
//! allocation, for that item only. Counted with a global allocator that
//! counts the allocations of the current thread.

use core::future::{Future, poll_fn};
use core::pin::{Pin, pin};
use core::task::Poll;

use rill_core::Stream;
use rill_gen::{Yielder, stream_fn};
use rill_test::{CountingAllocator, noop_context};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator::new();

/// Allocations made by this thread so far.
fn allocations() -> usize {
    CountingAllocator::thread_allocations()
}

/// Drains `s` (created beforehand: its slot is not counted); the items and
/// the allocations made while polling it.
fn drain<S: Stream<Item = u32>>(s: S) -> (Vec<u32>, usize) {
    let mut s = pin!(s);
    let cx = &mut noop_context();
    let mut items = Vec::with_capacity(2000);
    let before = allocations();
    loop {
        match s.as_mut().poll_next(cx) {
            Poll::Ready(Some(x)) => items.push(x),
            Poll::Ready(None) => break,
            Poll::Pending => {}
        }
    }
    (items, allocations() - before)
}

/// Polls a fresh yield of `item` once and drops it, as a `select!` that
/// another branch won would: the item is handed over.
async fn poll_once_and_drop(y: &mut Yielder<u32>, item: u32) {
    let mut fut = y.yield_item(item);
    poll_fn(|cx| {
        assert!(Pin::new(&mut fut).poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
}

#[test]
fn stream_fn_allocates_nothing_per_item() {
    let s = stream_fn(|mut y| async move {
        for i in 0..1000 {
            y.yield_item(i).await;
        }
    });
    let (items, allocs) = drain(s);
    assert_eq!(items, (0..1000).collect::<Vec<_>>());
    assert_eq!(allocs, 0);
}

#[test]
fn stream_fn_after_a_lost_yield_allocates_for_the_queued_item_only() {
    // 0 is handed over and its future dropped; 1, polled in the same poll
    // of the stream, is queued (one allocation). The 998 items after it
    // must go through the slot again, not through the queue.
    let s = stream_fn(|mut y| async move {
        poll_once_and_drop(&mut y, 0).await;
        for i in 1..1000 {
            y.yield_item(i).await;
        }
    });
    let (items, allocs) = drain(s);
    assert_eq!(items, (0..1000).collect::<Vec<_>>());
    assert_eq!(allocs, 1, "one allocation, for item 1");
}

#[test]
fn stream_fn_one_allocation_per_queued_item() {
    // Twice, three yields in one poll of the stream: two queued each time.
    let s = stream_fn(|mut y| async move {
        for round in 0..2 {
            poll_once_and_drop(&mut y, round * 500).await;
            poll_once_and_drop(&mut y, round * 500 + 1).await;
            for i in 2..500 {
                y.yield_item(round * 500 + i).await;
            }
        }
    });
    let (items, allocs) = drain(s);
    assert_eq!(items, (0..1000).collect::<Vec<_>>());
    assert_eq!(allocs, 4);
}

/// Polls `async { $body }` once, then drops it: a `yield` inside hands its
/// item over and is abandoned, as when it loses a `select!`.
#[cfg(feature = "macros")]
macro_rules! poll_once_then_drop {
    ($($body:tt)*) => {{
        let mut fut = ::core::pin::pin!(async { $($body)* });
        ::core::future::poll_fn(|cx| {
            assert!(fut.as_mut().poll(cx).is_pending());
            Poll::Ready(())
        })
        .await
    }};
}

#[cfg(feature = "macros")]
#[test]
fn stream_macro_allocates_nothing_per_item() {
    let s = rill_gen::stream! {
        for i in 0..1000u32 {
            yield i;
        }
    };
    let (items, allocs) = drain(s);
    assert_eq!(items, (0..1000).collect::<Vec<_>>());
    assert_eq!(allocs, 0);
}

#[cfg(feature = "macros")]
#[test]
fn stream_macro_after_a_lost_yield_allocates_for_the_queued_item_only() {
    let s = rill_gen::stream! {
        poll_once_then_drop!(yield 0u32);
        for i in 1..1000 {
            yield i;
        }
    };
    let (items, allocs) = drain(s);
    assert_eq!(items, (0..1000).collect::<Vec<_>>());
    assert_eq!(allocs, 1, "one allocation, for item 1");
}
