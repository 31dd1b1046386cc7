use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::vec::Vec;

use futures_sink::Sink;

/// A test sink that records what it is given and checks that it is driven
/// by the `Sink` protocol: `start_send` only after a `poll_ready` that
/// returned `Ready(Ok(()))`, nothing after `poll_close`.
///
/// With [`pending`](TestSink::pending) on, `poll_ready`, `poll_flush` and
/// `poll_close` return `Pending` (waking the task) once before each time
/// they are ready: a sink adapter under test must not lose or repeat an item
/// when its sink says "not yet". With [`fail_at`](TestSink::fail_at), the
/// n-th `start_send` fails with [`TestSinkError`].
///
/// Drive it through `&mut sink` to read the results afterwards.
///
/// # Panics
///
/// On a protocol violation, with a message naming it: `start_send` without
/// a ready `poll_ready`, or any call after `poll_close` returned `Ready`.
///
/// ```
/// use core::pin::Pin;
/// use futures_sink::Sink;
/// use rill_test::{TestSink, block_on};
///
/// let mut sink = TestSink::new().pending(true);
/// block_on(core::future::poll_fn(|cx| Pin::new(&mut sink).poll_ready(cx))).unwrap();
/// Pin::new(&mut sink).start_send(1).unwrap();
/// block_on(core::future::poll_fn(|cx| Pin::new(&mut sink).poll_close(cx))).unwrap();
/// assert_eq!(sink.items(), [1]);
/// assert_eq!(sink.flushed(), 1);
/// assert!(sink.is_closed());
/// ```
#[derive(Clone)]
#[must_use = "sinks do nothing unless polled"]
pub struct TestSink<T> {
    items: Vec<T>,
    flushed: usize,
    ready: bool,
    closed: bool,
    pending: bool,
    pended: bool,
    fail_at: Option<usize>,
    sends: usize,
}

/// The error of a [`TestSink`] set to [`fail_at`](TestSink::fail_at) a
/// `start_send`; it holds the index of the failed send.
///
/// ```
/// let e = rill_test::TestSinkError(3);
/// assert_eq!(e.to_string(), "`TestSink`: start_send number 3 failed (as asked)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestSinkError(pub usize);

impl fmt::Display for TestSinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`TestSink`: start_send number {} failed (as asked)",
            self.0
        )
    }
}

impl std::error::Error for TestSinkError {}

impl<T> TestSink<T> {
    /// An empty sink that is always ready and never fails.
    ///
    /// ```
    /// let sink = rill_test::TestSink::<u8>::new();
    /// assert!(sink.items().is_empty());
    /// ```
    pub fn new() -> Self {
        TestSink {
            items: Vec::new(),
            flushed: 0,
            ready: false,
            closed: false,
            pending: false,
            pended: false,
            fail_at: None,
            sends: 0,
        }
    }

    /// Turns returning `Pending` (once, waking the task) before each ready
    /// `poll_ready`, `poll_flush` and `poll_close` on or off.
    ///
    /// ```
    /// use core::pin::Pin;
    /// use futures_sink::Sink;
    /// let mut sink = rill_test::TestSink::<u8>::new().pending(true);
    /// let mut cx = rill_test::noop_context();
    /// assert!(Pin::new(&mut sink).poll_flush(&mut cx).is_pending());
    /// assert!(Pin::new(&mut sink).poll_flush(&mut cx).is_ready());
    /// ```
    pub fn pending(mut self, on: bool) -> Self {
        self.pending = on;
        self
    }

    /// Makes the `n`-th `start_send` (counting from 0) fail with
    /// [`TestSinkError`]`(n)`; the item is dropped, not recorded.
    ///
    /// ```
    /// use core::pin::Pin;
    /// use futures_sink::Sink;
    /// let mut sink = rill_test::TestSink::new().fail_at(0);
    /// let mut cx = rill_test::noop_context();
    /// assert!(Pin::new(&mut sink).poll_ready(&mut cx).is_ready());
    /// assert_eq!(Pin::new(&mut sink).start_send(5), Err(rill_test::TestSinkError(0)));
    /// ```
    pub fn fail_at(mut self, n: usize) -> Self {
        self.fail_at = Some(n);
        self
    }

    /// The items given to `start_send` so far, in order.
    ///
    /// ```
    /// assert!(rill_test::TestSink::<u8>::new().items().is_empty());
    /// ```
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// How many of [`items`](TestSink::items) were flushed (by a ready
    /// `poll_flush` or `poll_close`).
    ///
    /// ```
    /// assert_eq!(rill_test::TestSink::<u8>::new().flushed(), 0);
    /// ```
    pub fn flushed(&self) -> usize {
        self.flushed
    }

    /// Whether `poll_close` returned `Ready`.
    ///
    /// ```
    /// assert!(!rill_test::TestSink::<u8>::new().is_closed());
    /// ```
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Consumes the sink and returns its items.
    ///
    /// ```
    /// assert!(rill_test::TestSink::<u8>::new().into_items().is_empty());
    /// ```
    pub fn into_items(self) -> Vec<T> {
        self.items
    }

    /// The "once `Pending` before ready" switch shared by the poll methods.
    fn pend(&mut self, cx: &mut Context<'_>) -> bool {
        if self.pending && !self.pended {
            self.pended = true;
            cx.waker().wake_by_ref();
            return true;
        }
        self.pended = false;
        false
    }

    #[track_caller]
    fn assert_open(&self, call: &str) {
        assert!(
            !self.closed,
            "`TestSink`: {call} after poll_close returned Ready"
        );
    }
}

impl<T> Default for TestSink<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Unpin for TestSink<T> {}

impl<T> Sink<T> for TestSink<T> {
    type Error = TestSinkError;

    fn poll_ready(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), TestSinkError>> {
        self.assert_open("poll_ready");
        if self.pend(cx) {
            return Poll::Pending;
        }
        self.ready = true;
        Poll::Ready(Ok(()))
    }

    fn start_send(mut self: Pin<&mut Self>, item: T) -> Result<(), TestSinkError> {
        self.assert_open("start_send");
        assert!(
            self.ready,
            "`TestSink`: start_send without a poll_ready that returned Ready(Ok(()))"
        );
        self.ready = false;
        let n = self.sends;
        self.sends += 1;
        if self.fail_at == Some(n) {
            return Err(TestSinkError(n));
        }
        self.items.push(item);
        Ok(())
    }

    fn poll_flush(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), TestSinkError>> {
        self.assert_open("poll_flush");
        if self.pend(cx) {
            return Poll::Pending;
        }
        self.flushed = self.items.len();
        Poll::Ready(Ok(()))
    }

    fn poll_close(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), TestSinkError>> {
        self.assert_open("poll_close");
        if self.pend(cx) {
            return Poll::Pending;
        }
        self.flushed = self.items.len();
        self.closed = true;
        Poll::Ready(Ok(()))
    }
}

impl<T: fmt::Debug> fmt::Debug for TestSink<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestSink")
            .field("items", &self.items)
            .field("flushed", &self.flushed)
            .field("closed", &self.closed)
            .field("pending", &self.pending)
            .field("fail_at", &self.fail_at)
            .finish()
    }
}
