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
use rill_core::{LocalBoxStream, Stream};

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
