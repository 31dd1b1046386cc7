//! Helpers shared by the combining and consuming tests.
#![allow(dead_code, reason = "each test file uses a part of the helpers")]

use std::cell::Cell;
use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::rc::Rc;
use std::string::String;
use std::task::{Context, Poll};

use rill_combinators::stream;
use rill_core::{FusedStream, LocalBoxStream, Stream};

/// A fused stream over an iterator: after its end, `is_terminated` is true
/// and it keeps returning `None` without touching the iterator.
#[derive(Debug, Clone)]
pub(crate) struct Fused<I> {
    iter: I,
    done: bool,
}

pub(crate) fn fused<I: IntoIterator>(items: I) -> Fused<I::IntoIter> {
    Fused {
        iter: items.into_iter(),
        done: false,
    }
}

impl<I: Iterator + Unpin> Stream for Fused<I> {
    type Item = I::Item;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<I::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        let next = self.iter.next();
        self.done = next.is_none();
        Poll::Ready(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            self.iter.size_hint()
        }
    }
}

impl<I: Iterator + Unpin> FusedStream for Fused<I> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

/// Counts how often the wrapped stream is polled.
#[derive(Debug, Clone)]
pub(crate) struct Counted<S> {
    stream: S,
    polls: Rc<Cell<usize>>,
}

pub(crate) fn counted<S>(stream: S) -> (Counted<S>, Rc<Cell<usize>>) {
    let polls = Rc::new(Cell::new(0));
    let stream = Counted {
        stream,
        polls: Rc::clone(&polls),
    };
    (stream, polls)
}

impl<S: Stream + Unpin> Stream for Counted<S> {
    type Item = S::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.polls.set(self.polls.get() + 1);
        Pin::new(&mut self.stream).poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

/// Like `rill_test::interleave_pending`, but `Clone` (for `cycle`): returns
/// `Pending` (and wakes) before every result of the inner stream.
#[derive(Debug, Clone)]
pub(crate) struct PendingFirst<S> {
    stream: S,
    pended: bool,
}

pub(crate) fn pending_first<S>(stream: S) -> PendingFirst<S> {
    PendingFirst {
        stream,
        pended: false,
    }
}

impl<S: Stream + Unpin> Stream for PendingFirst<S> {
    type Item = S::Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        if !self.pended {
            self.pended = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let poll = Pin::new(&mut self.stream).poll_next(cx);
        if poll.is_ready() {
            self.pended = false;
        }
        poll
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

/// A stream that yields nothing and records when it is dropped.
#[derive(Debug)]
pub(crate) struct DropFlag {
    pub(crate) dropped: Rc<Cell<bool>>,
    /// Returns `Pending` (without waking) while `true`.
    pub(crate) stuck: bool,
    pub(crate) items: Vec<u8>,
}

pub(crate) fn drop_flag(items: Vec<u8>, stuck: bool) -> (DropFlag, Rc<Cell<bool>>) {
    let dropped = Rc::new(Cell::new(false));
    let stream = DropFlag {
        dropped: Rc::clone(&dropped),
        stuck,
        items,
    };
    (stream, dropped)
}

impl Stream for DropFlag {
    type Item = u8;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        if self.items.is_empty() && self.stuck {
            return Poll::Pending;
        }
        Poll::Ready(self.items.pop())
    }
}

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

/// A future that returns `Pending` once (waking its task) and then `()`.
pub(crate) fn yield_once() -> impl Future<Output = ()> {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
}

/// The same items as a plain `iter` stream and through `interleave_pending`.
pub(crate) fn both<T: Clone + 'static>(items: &[T]) -> [LocalBoxStream<'static, T>; 2] {
    [
        Box::pin(stream::iter(items.to_vec())),
        Box::pin(rill_test::interleave_pending(stream::iter(items.to_vec()))),
    ]
}

/// The message of the panic that `f` raises.
pub(crate) fn panic_message(f: impl FnOnce()) -> String {
    let payload = panic::catch_unwind(AssertUnwindSafe(f)).expect_err("expected a panic");
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).into()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<non-string panic>")
    }
}

/// Polls `future` to completion with a no-op waker (it must never stay
/// pending without waking), then once more, and returns the panic message
/// of that extra poll.
pub(crate) fn message_of_poll_after_completion<F: Future>(future: F) -> String {
    let mut future = Box::pin(future);
    let mut cx = rill_test::noop_context();
    while future.as_mut().poll(&mut cx).is_pending() {}
    panic_message(move || {
        let _ = future.as_mut().poll(&mut cx);
    })
}
