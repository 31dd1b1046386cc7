//! Helpers shared by the combinator integration tests.
#![allow(dead_code)] // each test file uses a subset

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use rill_core::Stream;

/// One step of a [`Scripted`] stream.
#[derive(Debug, Clone)]
pub(crate) enum Step<T> {
    /// Return `Pending` once (waking the task first).
    Pending,
    /// Yield this item.
    Item(T),
}

/// A stream that plays a script of items and `Pending`s, then ends.
/// Polling after the end panics, so a combinator that polls an ended input
/// again is caught.
#[derive(Debug, Clone)]
pub(crate) struct Scripted<T> {
    script: VecDeque<Step<T>>,
    ended: bool,
}

impl<T> Scripted<T> {
    pub(crate) fn new(script: impl IntoIterator<Item = Step<T>>) -> Self {
        Scripted {
            script: script.into_iter().collect(),
            ended: false,
        }
    }

    /// Items in order, with a `Pending` before each item whose flag is set.
    pub(crate) fn with_pendings(items: &[T], pendings: &[bool]) -> Self
    where
        T: Clone,
    {
        let mut script = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if pendings.get(i).copied().unwrap_or(false) {
                script.push(Step::Pending);
            }
            script.push(Step::Item(item.clone()));
        }
        if pendings.get(items.len()).copied().unwrap_or(false) {
            script.push(Step::Pending);
        }
        Scripted::new(script)
    }
}

impl<T> Unpin for Scripted<T> {}

impl<T> Stream for Scripted<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        assert!(
            !self.ended,
            "`Scripted` polled after it returned `Poll::Ready(None)`"
        );
        match self.script.pop_front() {
            Some(Step::Pending) => {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            Some(Step::Item(item)) => Poll::Ready(Some(item)),
            None => {
                self.ended = true;
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .script
            .iter()
            .filter(|s| matches!(s, Step::Item(_)))
            .count();
        (n, Some(n))
    }
}

/// A future that returns `Pending` once (waking its task), then `value`.
#[derive(Debug)]
pub(crate) struct YieldOnce<T> {
    value: Option<T>,
    yielded: bool,
}

pub(crate) fn yield_once<T>(value: T) -> YieldOnce<T> {
    YieldOnce {
        value: Some(value),
        yielded: false,
    }
}

impl<T> Unpin for YieldOnce<T> {}

impl<T> Future for YieldOnce<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        if !self.yielded {
            self.yielded = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(
            self.value
                .take()
                .expect("`YieldOnce` polled after completion"),
        )
    }
}
// Helpers of the combining and consuming tests.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;
use std::string::String;

use rill_combinators::stream;
use rill_core::LocalBoxStream;

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

/// The same items as a plain `iter` stream, through `interleave_pending`,
/// and from a `TestSource` that pends before every item and its end.
pub(crate) fn sources<T: Clone + 'static>(items: &[T]) -> [LocalBoxStream<'static, T>; 3] {
    [
        Box::pin(stream::iter(items.to_vec())),
        Box::pin(rill_test::interleave_pending(stream::iter(items.to_vec()))),
        Box::pin(rill_test::TestSource::new(items.to_vec()).pending(true)),
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
