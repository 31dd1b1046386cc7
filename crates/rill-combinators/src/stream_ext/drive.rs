//! The polling loops shared by the consuming futures (`count`, `fold`,
//! `any`, `find`, ...), so that each of them only says what it does with an
//! item.
//!
//! Every consuming future keeps its stream in a pinned `Option`: the stream
//! is dropped as soon as the future completes, and a `None` there means
//! "completed", which the loops turn into a panic naming the future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Returns the stream of a consuming future that has not completed yet.
///
/// # Panics
///
/// When the future already completed, with a message naming it.
#[inline]
fn live<'a, St>(stream: Pin<&'a mut Option<St>>, name: &str) -> Pin<&'a mut St> {
    match stream.as_pin_mut() {
        Some(stream) => stream,
        None => panic!("`{name}` polled after completion"),
    }
}

/// Pulls items and hands each to `on_item` until it returns `Some(output)`
/// (the stream is not polled again) or the stream ends (`on_end` gives the
/// output). On completion the stream is dropped.
#[inline]
pub(super) fn poll_items<St: Stream, C, R>(
    mut stream: Pin<&mut Option<St>>,
    state: &mut C,
    cx: &mut Context<'_>,
    name: &str,
    mut on_item: impl FnMut(&mut C, St::Item) -> Option<R>,
    on_end: impl FnOnce(&mut C) -> R,
) -> Poll<R> {
    let mut items = live(stream.as_mut(), name);
    let output = loop {
        match items.as_mut().poll_next(cx) {
            Poll::Ready(Some(item)) => {
                if let Some(output) = on_item(state, item) {
                    break output;
                }
            }
            Poll::Ready(None) => break on_end(state),
            Poll::Pending => return Poll::Pending,
        }
    };
    stream.set(None);
    Poll::Ready(output)
}

pin_project_lite::pin_project! {
    /// The core of the consumers whose closure returns a future (`fold`,
    /// `any`, `find`, ...): the stream, the closure and the future in
    /// flight. At most one such future runs at a time, and the next item is
    /// only pulled once it has resolved.
    pub(super) struct Drive<St, Fut, F> {
        #[pin]
        stream: Option<St>,
        f: F,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, F> Drive<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        Drive {
            stream: Some(stream),
            f,
            future: None,
        }
    }

    /// Whether the consumer completed (the stream is dropped then): its
    /// `FusedFuture::is_terminated`.
    #[inline]
    pub(super) fn is_done(&self) -> bool {
        self.stream.is_none()
    }

    /// Adds the stream and whether a closure future runs to a consumer's
    /// `Debug` output (the closure and the future are left out).
    pub(super) fn debug_fields<'a, 'b>(
        &self,
        mut out: fmt::DebugStruct<'a, 'b>,
    ) -> fmt::DebugStruct<'a, 'b>
    where
        St: fmt::Debug,
    {
        out.field("stream", &self.stream)
            .field("running", &self.future.is_some());
        out
    }

    /// Each item goes to `start` (with the closure), which returns the
    /// future to run; its output goes to `on_output`, which returns
    /// `Some(output)` to complete (the stream is not polled again). When the
    /// stream ends first, `on_end` gives the output. On completion the
    /// stream is dropped.
    #[inline]
    pub(super) fn poll_drive<C, R>(
        self: Pin<&mut Self>,
        state: &mut C,
        cx: &mut Context<'_>,
        name: &str,
        mut start: impl FnMut(&mut F, &mut C, St::Item) -> Fut,
        mut on_output: impl FnMut(&mut C, Fut::Output) -> Option<R>,
        on_end: impl FnOnce(&mut C) -> R,
    ) -> Poll<R>
    where
        St: Stream,
        Fut: Future,
    {
        let this = self.project();
        let (mut stream, mut future, f) = (this.stream, this.future, this.f);
        let mut items = live(stream.as_mut(), name);
        let output = loop {
            if let Some(running) = future.as_mut().as_pin_mut() {
                let Poll::Ready(out) = running.poll(cx) else {
                    return Poll::Pending;
                };
                future.set(None);
                if let Some(output) = on_output(state, out) {
                    break output;
                }
            }
            match items.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => future.set(Some(start(f, state, item))),
                Poll::Ready(None) => break on_end(state),
                Poll::Pending => return Poll::Pending,
            }
        };
        stream.set(None);
        Poll::Ready(output)
    }
}

impl<St, Fut, F> Drive<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    /// The loop of `any` (`stop_on == true`) and `all` (`false`): resolves
    /// to `stop_on` at the first item whose test gives `stop_on`, or to
    /// `!stop_on` when the stream ends first.
    #[inline]
    pub(super) fn poll_until(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        name: &str,
        stop_on: bool,
    ) -> Poll<bool> {
        self.poll_drive(
            &mut (),
            cx,
            name,
            |f, _, item| f(item),
            |_, hit| (hit == stop_on).then_some(stop_on),
            |_| !stop_on,
        )
    }
}
