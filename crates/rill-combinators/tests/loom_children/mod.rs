//! Children for the loom models (included with `#[path]`): gates opened
//! from another loom thread, as a channel or a timer would wake a child, and
//! a child that wakes itself while it is dropped; `next`/`drain` that park
//! the loom thread while a stream is pending.
#![allow(dead_code, unreachable_pub)]

use core::future::{Future, poll_fn};
use core::pin::Pin;
use core::task::{Context, Poll};

use loom::future::AtomicWaker;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use rill_core::Stream;

/// A one-shot signal set from another thread, with one waiter.
pub struct Gate {
    open: AtomicBool,
    waker: AtomicWaker,
    pub polls: AtomicUsize,
}

impl Gate {
    pub fn new(open: bool) -> Arc<Gate> {
        Arc::new(Gate {
            open: AtomicBool::new(open),
            waker: AtomicWaker::new(),
            polls: AtomicUsize::new(0),
        })
    }

    pub fn open(&self) {
        self.open.store(true, SeqCst);
        self.waker.wake();
    }

    /// The waker the waiter registered last (taken out).
    pub fn take_waker(&self) -> Option<core::task::Waker> {
        self.waker.take_waker()
    }

    fn poll_open(&self, cx: &mut Context<'_>) -> bool {
        self.polls.fetch_add(1, SeqCst);
        self.waker.register_by_ref(cx.waker());
        self.open.load(SeqCst)
    }
}

/// A child whose destructor wakes its own waker (the clone it kept): the
/// wake lands while its set clears or drops.
pub struct WakeOnDrop(pub Option<core::task::Waker>);

impl Future for WakeOnDrop {
    type Output = u8;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        self.0 = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        if let Some(w) = self.0.take() {
            w.wake();
        }
    }
}

/// Completes with its id once its gate is open.
pub struct WaitGate(pub Arc<Gate>, pub u8);

impl Future for WaitGate {
    type Output = u8;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        if self.0.poll_open(cx) {
            Poll::Ready(self.1)
        } else {
            Poll::Pending
        }
    }
}

/// A stream child: always ready with `left` items of `id` (`Busy`), or one
/// item once its gate opens (`Gated`), then the end.
pub enum Child {
    Busy(u8, u8),
    Gated(Arc<Gate>, u8, bool),
}

impl Stream for Child {
    type Item = u8;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u8>> {
        match &mut *self {
            Child::Busy(_, 0) => Poll::Ready(None),
            Child::Busy(id, left) => {
                *left -= 1;
                Poll::Ready(Some(*id))
            }
            Child::Gated(_, _, true) => Poll::Ready(None),
            Child::Gated(gate, id, done) => {
                if gate.poll_open(cx) {
                    *done = true;
                    Poll::Ready(Some(*id))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

/// The next item of `s`, parking the loom thread while it is pending: a lost
/// wake-up is a deadlock, which loom reports.
pub fn next<S: Stream + Unpin>(s: &mut S) -> Option<S::Item> {
    loom::future::block_on(poll_fn(|cx| Pin::new(&mut *s).poll_next(cx)))
}

/// Every item until the end.
pub fn drain<S: Stream + Unpin>(s: &mut S) -> Vec<S::Item> {
    let mut out = Vec::new();
    while let Some(item) = next(s) {
        out.push(item);
    }
    out
}

pub fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}
