//! Inputs of the combinator tests, beside rill-test's: a stream
//! that records its drop, the same items from three kinds of source, and a
//! `TestSource` with `Pending` where a property test says; and the panic of
//! a future polled after completion.
#![allow(dead_code)] // each test file uses a subset

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::string::String;
use std::task::{Context, Poll};

use rill_combinators::stream;
use rill_core::{LocalBoxStream, Stream};
use rill_test::TestSource;

/// `items` from a [`TestSource`] that returns `Pending` (waking itself)
/// before each item whose flag in `pendings` is set (the flag after the
/// last item: before the end), and panics when polled after its end.
pub(crate) fn scripted<T: Clone>(items: &[T], pendings: &[bool]) -> TestSource<T> {
    let at = pendings
        .iter()
        .enumerate()
        .filter(|(_, p)| **p)
        .map(|(i, _)| i);
    TestSource::new(items.to_vec())
        .pending_before(at)
        .panic_after_end(true)
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

/// The same items as a plain `iter` stream, through `interleave_pending`,
/// and from a `TestSource` that pends before every item and its end.
pub(crate) fn sources<T: Clone + 'static>(items: &[T]) -> [LocalBoxStream<'static, T>; 3] {
    [
        Box::pin(stream::iter(items.to_vec())),
        Box::pin(rill_test::interleave_pending(stream::iter(items.to_vec()))),
        Box::pin(TestSource::new(items.to_vec()).pending(true)),
    ]
}

/// Polls `future` to completion with a no-op waker (it must never stay
/// pending without waking), then once more, and returns the panic message
/// of that extra poll.
pub(crate) fn message_of_poll_after_completion<F: Future>(future: F) -> String {
    let mut future = Box::pin(future);
    while rill_test::poll_once(&mut future).is_pending() {}
    rill_test::panic_site(move || {
        let _ = rill_test::poll_once(&mut future);
    })
    .message
}
