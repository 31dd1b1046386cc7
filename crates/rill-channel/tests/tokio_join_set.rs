//! `JoinSetStream`: a `JoinSet`'s results as a stream.
#![cfg(feature = "tokio")]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rill_channel::tokio::JoinSetStream;
use rill_combinators::StreamExt;
use rill_core::Stream;
use tokio::task::JoinSet;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[tokio::test(start_paused = true)]
async fn results_come_in_completion_order_with_exact_hints() {
    let mut set = JoinSet::new();
    for (i, delay) in [(0u32, 50u64), (1, 10), (2, 30), (3, 20)] {
        set.spawn(async move {
            tokio::time::sleep(ms(delay)).await;
            i
        });
    }
    let mut s = JoinSetStream::new(set);
    let mut got = Vec::new();
    loop {
        let hint = s.size_hint();
        match s.next().await {
            Some(r) => {
                assert_eq!(hint, (4 - got.len(), Some(4 - got.len())));
                got.push(r.unwrap());
            }
            None => {
                assert_eq!(hint, (0, Some(0)));
                break;
            }
        }
    }
    assert_eq!(got, [1, 3, 2, 0]);
    // Empty: the end again, at once.
    assert!(s.next().await.is_none());
}

#[tokio::test]
async fn a_panicking_or_aborted_task_is_an_error_and_the_stream_goes_on() {
    let mut set = JoinSet::new();
    set.spawn(async { panic!("boom") });
    set.spawn(std::future::pending::<u8>());
    set.spawn(async { 7u8 });
    let mut s = JoinSetStream::from(set);
    let mut oks = Vec::new();
    let mut panics = 0;
    let mut cancelled = 0;
    // Two results come by themselves; then the pending task is aborted.
    for _ in 0..2 {
        match s.next().await.unwrap() {
            Ok(v) => oks.push(v),
            Err(e) if e.is_panic() => panics += 1,
            Err(e) => panic!("unexpected {e}"),
        }
    }
    s.as_mut().abort_all();
    while let Some(r) = s.next().await {
        assert!(r.unwrap_err().is_cancelled());
        cancelled += 1;
    }
    assert_eq!((oks, panics, cancelled), (vec![7], 1, 1));
}

#[test]
fn the_contract_holds_outside_the_runtime_thread() {
    // Tasks run on a multi-thread runtime; the stream is driven by
    // rill-test's block_on on this thread, through collect_checked (size
    // hints checked before every result).
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let _entered = rt.enter();
    let set: JoinSet<usize> = (0..50).map(|i| async move { i }).collect();
    let mut got: Vec<usize> =
        rill_test::collect_checked(JoinSetStream::new(set).map(Result::unwrap));
    got.sort();
    assert_eq!(got, (0..50).collect::<Vec<_>>());
    // Through `interleave_pending`: the same results.
    let set: JoinSet<usize> = (0..50).map(|i| async move { i }).collect();
    let mut got: Vec<usize> =
        rill_test::collect_checked(rill_test::interleave_pending(JoinSetStream::new(set)))
            .into_iter()
            .map(Result::unwrap)
            .collect();
    got.sort();
    assert_eq!(got, (0..50).collect::<Vec<_>>());
}

#[tokio::test(start_paused = true)]
async fn a_dropped_next_loses_no_result() {
    let mut set = JoinSet::new();
    for i in 0..3u8 {
        set.spawn(async move {
            tokio::time::sleep(ms(10 * u64::from(i) + 10)).await;
            i
        });
    }
    let mut s = JoinSetStream::new(set);
    let mut got = Vec::new();
    // Give up on `next()` often: every result still arrives, once.
    while got.len() < 3 {
        if let Ok(r) = tokio::time::timeout(ms(3), s.next()).await {
            got.push(r.unwrap().unwrap());
        }
    }
    assert_eq!(got, [0, 1, 2]);
    assert!(s.next().await.is_none());
}

#[tokio::test]
async fn dropping_the_stream_aborts_its_tasks() {
    struct SetOnDrop(Arc<AtomicBool>);
    impl Drop for SetOnDrop {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }
    let dropped = Arc::new(AtomicBool::new(false));
    let guard = SetOnDrop(Arc::clone(&dropped));
    let mut set = JoinSet::new();
    set.spawn(async move {
        let _guard = guard;
        std::future::pending::<()>().await;
    });
    let s = JoinSetStream::new(set);
    assert_eq!(format!("{s:?}"), "JoinSetStream { len: 1 }");
    drop(s);
    // The abort runs on the runtime: give it a turn.
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    assert!(dropped.load(Ordering::SeqCst));
}

#[test]
fn auto_traits() {
    rill_test::assert_impl!(JoinSetStream<u8>: Send, Sync);
    rill_test::assert_impl!(JoinSetStream<std::rc::Rc<u8>>: Unpin);
}
