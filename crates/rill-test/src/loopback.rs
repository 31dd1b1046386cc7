use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::collections::VecDeque;
use std::convert::Infallible;

use futures_sink::Sink;
use rill_core::{FusedStream, Stream};

/// A stream and a sink in one value, like a socket to an echo server: every
/// item sent into it comes back out of it, in order. The stream ends once
/// the sink was closed and every item was read back.
///
/// Reading from an empty, open loopback returns `Pending`, and the task is
/// woken by the next send or the close: the value to `split` in tests of
/// split/forward pipelines. Sending never waits (the buffer is unbounded);
/// it is a [`FusedStream`].
///
/// # Panics
///
/// Sending after `poll_close` panics ("`Loopback`: send after close").
///
/// ```
/// use core::pin::Pin;
/// use futures_sink::Sink;
/// use rill_test::{Loopback, assert_stream_done, assert_stream_next, assert_stream_pending};
///
/// let mut lo = Loopback::new();
/// assert_stream_pending!(lo);
/// Pin::new(&mut lo).start_send(7).unwrap();
/// assert_stream_next!(lo, 7);
/// let _ = Pin::new(&mut lo).poll_close(&mut rill_test::noop_context());
/// assert_stream_done!(lo);
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct Loopback<T> {
    queue: VecDeque<T>,
    closed: bool,
    done: bool,
    reader: Option<Waker>,
}

impl<T> Loopback<T> {
    /// An empty, open loopback.
    ///
    /// ```
    /// use rill_core::Stream;
    /// let lo = rill_test::Loopback::<u8>::new();
    /// assert_eq!(lo.size_hint(), (0, None));
    /// ```
    pub fn new() -> Self {
        Loopback {
            queue: VecDeque::new(),
            closed: false,
            done: false,
            reader: None,
        }
    }

    fn wake_reader(&mut self) {
        if let Some(w) = self.reader.take() {
            w.wake();
        }
    }
}

impl<T> Default for Loopback<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Unpin for Loopback<T> {}

impl<T> Stream for Loopback<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if let Some(item) = self.queue.pop_front() {
            return Poll::Ready(Some(item));
        }
        if self.closed {
            self.done = true;
            return Poll::Ready(None);
        }
        self.reader = Some(cx.waker().clone());
        Poll::Pending
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.queue.len();
        (n, self.closed.then_some(n))
    }
}

impl<T> FusedStream for Loopback<T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<T> Sink<T> for Loopback<T> {
    type Error = Infallible;

    fn poll_ready(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn start_send(mut self: Pin<&mut Self>, item: T) -> Result<(), Infallible> {
        assert!(!self.closed, "`Loopback`: send after close");
        self.queue.push_back(item);
        self.wake_reader();
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.closed = true;
        self.wake_reader();
        Poll::Ready(Ok(()))
    }
}
