//! The poll loops of the consuming futures (`count`, `fold`, `any`,
//! `try_fold`, `try_all`, ...) and of the adapters that run one future per
//! item (`and_then`, `or_else`, `try_filter_map`), so that each of them only
//! says what it does with an item.
//!
//! [`poll_each`] is the loop of those that run one future per item, one at
//! a time (`Drive` keeps a copy of it, for speed); the rest of this module
//! says where the items come from and what "completed" means:
//!
//! - `StreamExt`'s consumers keep their stream in a pinned `Option`
//!   ([`poll_items`], [`Drive`]): the stream is dropped as soon as the
//!   future completes, and a `None` there means "completed", which the
//!   loops turn into a panic naming the future.
//! - `TryStreamExt`'s consumers ([`TryDrive`]) keep their stream (as
//!   futures-util's do): the first `Err` of the stream completes them, and
//!   each consumer says what polling it again does.

use core::fmt;
use core::future::Future;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{Stream, TryStream};

/// The loop of everything that runs one future per item, one at a time.
///
/// Polls the future in flight and hands its output to `on_output`, which
/// returns `Some(output)` to complete. Then pulls the next item with
/// `next_item` and hands it to `on_item`, which starts the next future
/// (`Continue`) or completes (`Break`). When the items end, `on_end` gives
/// the output. The next item is only pulled once the future in flight has
/// resolved; `state` is what the callbacks share.
#[inline]
pub(crate) fn poll_each<I, Fut, C, R>(
    mut future: Pin<&mut Option<Fut>>,
    state: &mut C,
    cx: &mut Context<'_>,
    mut next_item: impl FnMut(&mut Context<'_>) -> Poll<Option<I>>,
    mut on_item: impl FnMut(&mut C, I) -> ControlFlow<R, Fut>,
    mut on_output: impl FnMut(&mut C, Fut::Output) -> Option<R>,
    on_end: impl FnOnce(&mut C) -> R,
) -> Poll<R>
where
    Fut: Future,
{
    loop {
        if let Some(running) = future.as_mut().as_pin_mut() {
            let out = ready!(running.poll(cx));
            future.set(None);
            if let Some(output) = on_output(state, out) {
                return Poll::Ready(output);
            }
        }
        match ready!(next_item(cx)) {
            Some(item) => match on_item(state, item) {
                ControlFlow::Continue(next) => future.set(Some(next)),
                ControlFlow::Break(output) => return Poll::Ready(output),
            },
            None => return Poll::Ready(on_end(state)),
        }
    }
}

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
pub(crate) fn poll_items<St: Stream, C, R>(
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
    /// The core of `StreamExt`'s consumers whose closure returns a future
    /// (`fold`, `any`, `find`, ...): the stream, the closure and the future
    /// in flight. At most one such future runs at a time, and the next item
    /// is only pulled once it has resolved.
    pub(crate) struct Drive<St, Fut, F> {
        #[pin]
        stream: Option<St>,
        f: F,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, F> Drive<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        Drive {
            stream: Some(stream),
            f,
            future: None,
        }
    }

    /// Whether the consumer completed (the stream is dropped then): its
    /// `FusedFuture::is_terminated`.
    #[inline]
    pub(crate) fn is_done(&self) -> bool {
        self.stream.is_none()
    }

    /// Adds the stream and whether a closure future runs to a consumer's
    /// `Debug` output (the closure and the future are left out).
    pub(crate) fn debug_fields<'a, 'b>(
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
    pub(crate) fn poll_drive<C, R>(
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
        // The loop of `poll_each`, written out: through `poll_each`,
        // `race(..).fold(..)` costs about 4 instructions more per item
        // (callgrind), though most pipelines cost the same.
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
    pub(crate) fn poll_until(
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

pin_project_lite::pin_project! {
    /// The core of `TryStreamExt`'s consumers whose closure returns a
    /// future (`try_fold`, `try_for_each`, `try_all`, `try_any`): the
    /// stream, the closure and the future in flight, as in [`Drive`], but
    /// the stream stays in place when the consumer completes.
    pub(crate) struct TryDrive<St, Fut, F> {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St, Fut, F> TryDrive<St, Fut, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        TryDrive {
            stream,
            f,
            future: None,
        }
    }

    /// The stream, for the consumer's `Debug` output.
    #[inline]
    pub(crate) fn stream(&self) -> &St {
        &self.stream
    }

    /// Whether a closure future is in flight.
    #[inline]
    pub(crate) fn is_running(&self) -> bool {
        self.future.is_some()
    }

    /// Each `Ok` value goes to `start` (with the closure), which returns
    /// the future to run; its output goes to `on_output`, which returns
    /// `Some(output)` to complete. The first `Err` of the stream completes
    /// with that error; when the stream ends, `on_end` gives the output.
    /// The stream is not polled past the item that completes.
    #[inline]
    pub(crate) fn try_poll_drive<C, R>(
        self: Pin<&mut Self>,
        state: &mut C,
        cx: &mut Context<'_>,
        mut start: impl FnMut(&mut F, &mut C, St::Ok) -> Fut,
        on_output: impl FnMut(&mut C, Fut::Output) -> Option<Result<R, St::Error>>,
        on_end: impl FnOnce(&mut C) -> R,
    ) -> Poll<Result<R, St::Error>>
    where
        St: TryStream,
        Fut: Future,
    {
        let this = self.project();
        let (mut stream, f) = (this.stream, this.f);
        poll_each(
            this.future,
            state,
            cx,
            |cx| stream.as_mut().try_poll_next(cx),
            |state, item| match item {
                Ok(value) => ControlFlow::Continue(start(f, state, value)),
                Err(e) => ControlFlow::Break(Err(e)),
            },
            on_output,
            |state| Ok(on_end(state)),
        )
    }
}

impl<St, Fut, F> TryDrive<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = bool>,
{
    /// The loop of `try_any` (`stop_on == true`) and `try_all` (`false`):
    /// resolves to `Ok(stop_on)` at the first value whose test gives
    /// `stop_on`, to the first error met before it, or to `Ok(!stop_on)`
    /// when the stream ends first.
    #[inline]
    pub(crate) fn try_poll_until(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        stop_on: bool,
    ) -> Poll<Result<bool, St::Error>> {
        self.try_poll_drive(
            &mut (),
            cx,
            |f, _, value| f(value),
            |_, hit| (hit == stop_on).then_some(Ok(stop_on)),
            |_| !stop_on,
        )
    }
}

/// The loop of the adapters that turn some items into a future and yield
/// what the future gives (`and_then`, `or_else`, `try_filter_map`).
///
/// `start` routes each item of the stream either into a future
/// (`Continue`), or straight out as an output (`Break`); `finish` turns
/// the output of the future into an output, or into nothing (the item is
/// dropped and the loop goes on).
#[inline]
pub(crate) fn poll_then<St, Fut, F, Out>(
    mut stream: Pin<&mut St>,
    future: Pin<&mut Option<Fut>>,
    f: &mut F,
    cx: &mut Context<'_>,
    mut finish: impl FnMut(Fut::Output) -> Option<Out>,
    mut start: impl FnMut(&mut F, Result<St::Ok, St::Error>) -> ControlFlow<Out, Fut>,
) -> Poll<Option<Out>>
where
    St: TryStream,
    Fut: Future,
{
    poll_each(
        future,
        &mut (),
        cx,
        |cx| stream.as_mut().try_poll_next(cx),
        |_, item| start(f, item).map_break(Some),
        |_, out| finish(out).map(Some),
        |_| None,
    )
}
