//! loom models of `split`'s lock (src/sink/split_lock.rs): the two halves
//! polled from two threads never touch the value at the same time (loom's
//! `UnsafeCell` tracking fails the model otherwise), a half that finds the
//! value locked is always woken (a lost wake-up leaves `block_on` parked:
//! loom reports a deadlock), and dropping the halves on two threads drops
//! the value once.
//!
//! Run with `cargo xtask loom` (or
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 CARGO_TARGET_DIR=target/loom
//!  cargo test -p rill-combinators --release --test loom_split`).
#![cfg(loom)]

#[path = "loom_children/mod.rs"]
mod children;

use core::future::poll_fn;
use core::pin::Pin;
use core::task::Poll;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

use children::next;
use futures_sink::Sink;
use loom::thread;
use rill_combinators::StreamExt;
use rill_test::Loopback;

/// Sends `item` through the sink half and flushes it (`SinkExt::send`,
/// spelled out so that each poll is one lock).
fn send<S: Sink<u8> + Unpin>(sink: &mut S, item: u8) {
    loom::future::block_on(poll_fn(|cx| Pin::new(&mut *sink).poll_ready(cx))).ok();
    Pin::new(&mut *sink).start_send(item).ok();
    loom::future::block_on(poll_fn(|cx| Pin::new(&mut *sink).poll_flush(cx))).ok();
}

fn close<S: Sink<u8> + Unpin>(sink: &mut S) {
    loom::future::block_on(poll_fn(|cx| Pin::new(&mut *sink).poll_close(cx))).ok();
}

#[test]
fn echo_across_two_threads_never_loses_a_wake() {
    loom::model(|| {
        let (mut tx, mut rx) = Loopback::<u8>::new().split();
        let writer = thread::spawn(move || {
            send(&mut tx, 1);
            close(&mut tx);
            tx
        });
        // The reader waits on the value's own waker (empty loopback) and on
        // the lock (while the writer holds it).
        assert_eq!(next(&mut rx), Some(1));
        assert_eq!(next(&mut rx), None);
        let tx = writer.join().unwrap();
        assert!(tx.reunite(rx).is_ok());
    });
}

#[test]
fn both_halves_polled_at_once_take_turns() {
    loom::model(|| {
        let (mut tx, mut rx) = Loopback::<u8>::new().split();
        let reader = thread::spawn(move || {
            // Polls the stream half while this thread sends: the poll either
            // gets the lock or returns `Pending`.
            let first = rill_test::poll_next_once(&mut rx);
            (rx, first)
        });
        send(&mut tx, 7);
        close(&mut tx);
        let (mut rx, first) = reader.join().unwrap();
        let mut got = match first {
            Poll::Ready(Some(x)) => vec![x],
            _ => Vec::new(),
        };
        while let Some(x) = next(&mut rx) {
            got.push(x);
        }
        // Whatever the interleaving, the item came out exactly once.
        assert_eq!(got, [7]);
    });
}

#[test]
fn a_waiting_half_polled_again_with_another_waker_is_still_woken() {
    loom::model(|| {
        let (mut tx, mut rx) = Loopback::<u8>::new().split();
        let writer = thread::spawn(move || {
            send(&mut tx, 3);
            close(&mut tx);
            tx
        });
        // Two polls with throwaway wakers: if the writer holds the lock, the
        // second replaces the waker the first left in the lock.
        let mut got = Vec::new();
        for _ in 0..2 {
            if let Poll::Ready(Some(x)) = rill_test::poll_next_once(&mut rx) {
                got.push(x);
            }
        }
        while let Some(x) = next(&mut rx) {
            got.push(x);
        }
        assert_eq!(got, [3]);
        drop(writer.join().unwrap());
    });
}

/// Counts its drops.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_add(1, SeqCst);
    }
}

#[test]
fn halves_dropped_on_two_threads_drop_the_value_once() {
    loom::model(|| {
        let drops = Arc::new(AtomicUsize::new(0));
        let mut lo = Loopback::new();
        Pin::new(&mut lo).start_send(Counted(drops.clone())).ok();
        let (tx, rx) = lo.split::<Counted>();
        let th = thread::spawn(move || drop(tx));
        drop(rx);
        th.join().unwrap();
        assert_eq!(drops.load(SeqCst), 1);
    });
}
