//! Real children: tokio futures that register their own address
//! in an intrusive list (`Notify::notified()`, broadcast `recv()`, timers
//! through `sleep` and `timeout`) and mpsc `recv()`, put into every set type
//! and cleared, dropped, cancelled, aborted or completed; then the list is
//! used again. A child moved before its drop leaves a dangling pointer in
//! the list: these tests then corrupt memory, which valgrind
//! (`cargo xtask valgrind`) and AddressSanitizer (`cargo xtask asan`)
//! report, and which tokio's own assertions often catch.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::future::poll_fn;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use children::tokio_children::{assert_notify_works, notified_stream};
use children::{scaled, sorted};
use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered, SelectAll, StreamMap};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::Stream;
use rill_test::poll_next_once;
use tokio::sync::{Notify, broadcast, mpsc};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime")
}

/// The runtime's timers still work after the set is gone: sleeps of several
/// lengths all complete, none before its deadline. (Not their order: on a
/// slow machine, under valgrind, they may all expire before the next poll.)
async fn assert_timers_work() {
    let mut set = FuturesUnordered::new();
    let start = tokio::time::Instant::now();
    for ms in [3u64, 1, 2] {
        set.push(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            assert!(
                start.elapsed() >= Duration::from_millis(ms),
                "a timer fired early"
            );
            ms
        });
    }
    assert_eq!(sorted(set.collect::<Vec<_>>().await), [1, 2, 3]);
    let mut interval = tokio::time::interval(Duration::from_millis(1));
    for _ in 0..3 {
        interval.tick().await;
    }
}

// --- Notify

#[test]
fn futures_unordered_clear_then_notify_waiters() {
    let notify = Notify::new();
    let mut set: FuturesUnordered<_> = (0..3).map(|_| notify.notified()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    // Walks the waiter list: dangling entries if `clear` moved the waiters.
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn futures_unordered_clear_drop_then_notify_waiters() {
    // The heap-use-after-free: with one waiter, the moved copy's
    // drop finds nothing to unlink (tokio's list checks pass), and the list
    // keeps pointing into the slot, freed with the set.
    let notify = Notify::new();
    let mut set: FuturesUnordered<_> = (0..1).map(|_| notify.notified()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    drop(set);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn futures_unordered_clear_drop_two_waiters_then_notify_waiters() {
    // With two waiters, tokio's own linked-list assertion fires (debug).
    let notify = Notify::new();
    let mut set: FuturesUnordered<_> = (0..2).map(|_| notify.notified()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    drop(set);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn futures_unordered_clear_then_notify_one() {
    let notify = Notify::new();
    let mut set: FuturesUnordered<_> = (0..2).map(|_| notify.notified()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    // Reuse the slots with new waiters, then wake them one by one.
    set.extend((0..2).map(|_| notify.notified()));
    assert!(poll_next_once(&mut set).is_pending());
    notify.notify_one();
    notify.notify_one();
    assert_eq!(children::collect_bounded(&mut set, 100).len(), 2);
}

#[test]
fn futures_ordered_and_buffered_drop_waiters() {
    let notify = Notify::new();
    let mut queue: FuturesOrdered<_> = (0..3).map(|_| notify.notified()).collect();
    assert!(poll_next_once(&mut queue).is_pending());
    drop(queue);
    let mut s = stream::iter((0..3).map(|_| notify.notified())).buffered(2);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    let mut s = stream::iter((0..3).map(|_| notify.notified())).buffer_unordered(2);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn select_all_clear_then_notify_waiters() {
    let notify = Arc::new(Notify::new());
    let mut all: SelectAll<_> = (0..3).map(|_| notified_stream(notify.clone())).collect();
    assert!(poll_next_once(&mut all).is_pending());
    all.clear();
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn select_all_woken_streams_yield_then_end_of_waiters() {
    let notify = Arc::new(Notify::new());
    let mut all = stream::select_all((0..3).map(|_| notified_stream(notify.clone()).take(1)));
    assert!(poll_next_once(&mut all).is_pending());
    notify.notify_waiters();
    // Each stream yields once and ends (released by the set).
    assert_eq!(children::collect_bounded(&mut all, 100), [1, 1, 1]);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn stream_map_clear_and_remove_then_notify_waiters() {
    let notify = Arc::new(Notify::new());
    let mut map = StreamMap::new();
    for k in 0..4 {
        map.insert(k, Box::pin(notified_stream(notify.clone())));
    }
    assert!(poll_next_once(&mut map).is_pending());
    drop(map.remove(&1));
    map.clear();
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn flatten_unordered_drop_then_notify_waiters() {
    let notify = Arc::new(Notify::new());
    let inner: Vec<_> = (0..3).map(|_| notified_stream(notify.clone())).collect();
    let mut s = stream::iter(inner).flatten_unordered(None);
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    let mut s =
        stream::iter(0..3).flat_map_unordered(2, |_| notified_stream(notify.clone()).take(1));
    assert!(poll_next_once(&mut s).is_pending());
    notify.notify_waiters();
    // Two streams yield and end; the third replaces one and waits.
    assert_eq!(children::next_bounded(&mut s, 100), Some(1));
    assert_eq!(children::next_bounded(&mut s, 100), Some(1));
    assert!(poll_next_once(&mut s).is_pending());
    drop(s);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn abort_streams_waiting_on_notify() {
    let notify = Arc::new(Notify::new());
    let mut all = SelectAll::new();
    let mut handles = vec![];
    for _ in 0..3 {
        let (s, h) = stream::abortable(notified_stream(notify.clone()));
        all.push(s);
        handles.push(h);
    }
    assert!(poll_next_once(&mut all).is_pending());
    for h in &handles {
        h.abort();
    }
    // Aborted streams end and are released.
    assert_eq!(children::next_bounded(&mut all, 100), None);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

#[test]
fn try_for_each_concurrent_cancels_waiters() {
    let notify = Notify::new();
    let mut fut = Box::pin(
        stream::iter(0..4)
            .map(Ok)
            .try_for_each_concurrent(None, |i| {
                let notify = &notify;
                async move {
                    if i == 3 {
                        return Err(i);
                    }
                    notify.notified().await;
                    Ok(())
                }
            }),
    );
    assert_eq!(children::block_bounded(&mut fut, 100), Err(3));
    drop(fut);
    notify.notify_waiters();
    assert_notify_works(&notify);
}

// --- broadcast (an intrusive waiter list per channel)

#[test]
fn broadcast_receivers_cleared_then_send() {
    let (tx, _keep) = broadcast::channel::<u32>(4);
    let mut receivers: Vec<_> = (0..3).map(|_| tx.subscribe()).collect();
    let mut set: FuturesUnordered<_> = receivers.iter_mut().map(|rx| rx.recv()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    drop(set);
    // Wakes the waiter list.
    tx.send(1).unwrap();
    for rx in &mut receivers {
        assert_eq!(rx.try_recv(), Ok(1));
    }
}

// --- mpsc

#[test]
fn mpsc_recv_futures_cleared_and_dropped() {
    let channels: Vec<_> = (0..4).map(|_| mpsc::channel::<u32>(1)).collect();
    let (senders, mut receivers): (Vec<_>, Vec<_>) = channels.into_iter().unzip();
    let mut set: FuturesUnordered<_> = receivers.iter_mut().map(|rx| rx.recv()).collect();
    assert!(poll_next_once(&mut set).is_pending());
    set.clear();
    drop(set);
    for (i, tx) in senders.iter().enumerate() {
        tx.try_send(i as u32).unwrap();
    }
    let mut all = stream::select_all(
        receivers
            .into_iter()
            .map(|mut rx| stream::poll_fn(move |cx| rx.poll_recv(cx))),
    );
    let got: Vec<u32> = (0..4)
        .map(|_| children::next_bounded(&mut all, 100).unwrap())
        .collect();
    assert_eq!(sorted(got), [0, 1, 2, 3]);
    drop(senders);
    assert_eq!(children::next_bounded(&mut all, 100), None);
}

#[test]
fn mpsc_recv_futures_in_buffer_unordered_complete() {
    let rt = rt();
    rt.block_on(async {
        let (tx, rx) = mpsc::unbounded_channel::<u32>();
        let rx = Arc::new(tokio::sync::Mutex::new(rx));
        let n = scaled(200, 20) as u32;
        let sender = async {
            for i in 0..n {
                tx.send(i).unwrap();
                tokio::task::yield_now().await;
            }
        };
        let recv = stream::iter(0..n)
            .map(|_| {
                let rx = rx.clone();
                async move { rx.lock().await.recv().await }
            })
            .buffer_unordered(8)
            .collect::<Vec<_>>();
        let ((), got) = tokio::join!(sender, recv);
        let got: Vec<u32> = got.into_iter().map(Option::unwrap).collect();
        assert_eq!(sorted(got), (0..n).collect::<Vec<_>>());
    });
}

// --- timers

#[test]
fn try_for_each_concurrent_error_while_others_sleep() {
    // The issue: the cancelled `Sleep`s corrupt tokio's timer wheel.
    let rt = rt();
    rt.block_on(async {
        let out = stream::iter(0..8u64)
            .map(Ok)
            .try_for_each_concurrent(None, |i| async move {
                if i == 5 {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                    return Err(i);
                }
                tokio::time::sleep(Duration::from_secs(3600)).await;
                Ok(())
            })
            .await;
        assert_eq!(out, Err(5));
        assert_timers_work().await;
    });
    drop(rt);
}

#[test]
fn futures_unordered_clear_sleeping_children() {
    let rt = rt();
    rt.block_on(async {
        let mut set: FuturesUnordered<_> = (1..=8u64)
            .map(|s| tokio::time::sleep(Duration::from_secs(s * 100)))
            .collect();
        poll_fn(|cx| {
            assert!(Pin::new(&mut set).poll_next(cx).is_pending());
            Poll::Ready(())
        })
        .await;
        set.clear();
        assert_timers_work().await;
        // Reused slots, new timers.
        set.extend((1..=3u64).map(|ms| tokio::time::sleep(Duration::from_millis(ms))));
        assert_eq!(set.count().await, 3);
        assert_timers_work().await;
    });
}

#[test]
fn timeouts_completing_first_release_a_registered_timer() {
    // `timeout` keeps its `Sleep` registered in the timer wheel when the
    // inner future wins; the set drops it on completion.
    let rt = rt();
    rt.block_on(async {
        let n = scaled(64, 8) as u64;
        let job = |i: u64| {
            tokio::time::timeout(Duration::from_secs(3600), async move {
                tokio::task::yield_now().await;
                i
            })
        };
        let out: Vec<u64> = stream::iter(0..n)
            .map(job)
            .buffer_unordered(4)
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(sorted(out), (0..n).collect::<Vec<_>>());
        let out: Vec<u64> = stream::iter(0..n)
            .map(job)
            .buffered(4)
            .map(Result::unwrap)
            .collect()
            .await;
        assert_eq!(out, (0..n).collect::<Vec<_>>());
        stream::iter(0..n)
            .for_each_concurrent(4, |i| async move {
                assert_eq!(job(i).await, Ok(i));
            })
            .await;
        let set: FuturesUnordered<_> = (0..n).map(job).collect();
        assert_eq!(set.count().await, n as usize);
        assert_timers_work().await;
    });
}

#[test]
fn select_all_and_flatten_of_sleeping_streams_cleared_and_dropped() {
    let rt = rt();
    rt.block_on(async {
        let ticking = |ms: u64| {
            stream::unfold(ms, |ms| async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                Some((ms, ms))
            })
        };
        let mut all = stream::select_all([ticking(1), ticking(3_600_000), ticking(3_600_000)]);
        assert_eq!(all.next().await, Some(1));
        all.clear();
        assert_timers_work().await;

        let mut s = stream::iter([1, 3_600_000, 3_600_000])
            .flat_map_unordered(None, |ms| ticking(ms).take(2));
        assert_eq!(s.next().await, Some(1));
        drop(s);
        let mut map = StreamMap::new();
        map.insert("slow", Box::pin(ticking(3_600_000)));
        map.insert("fast", Box::pin(ticking(1)));
        assert_eq!(map.next().await, Some(("fast", 1)));
        drop(map.remove("slow"));
        map.clear();
        assert_timers_work().await;
    });
}
