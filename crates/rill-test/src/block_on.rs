use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Wake, Waker};
use std::thread::{self, Thread};

use rill_core::Stream;

/// Wakes the thread that runs `block_on`.
struct Unparker {
    /// Set by a wake, cleared by the blocked thread before it polls again.
    /// Guards against spurious `park` returns and against a wake that lands
    /// before the thread parks.
    woken: AtomicBool,
    thread: Thread,
}

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.woken.swap(true, Ordering::Release) {
            self.thread.unpark();
        }
    }
}

/// Runs a future to completion on the current thread and returns its output.
///
/// While the future is pending, the thread is parked until the future's waker
/// is woken (from any thread). A future that is never woken therefore blocks
/// forever, exactly as it would hang on a real executor: `block_on` never
/// busy-polls.
///
/// Calls may nest: a future may itself call `block_on`.
///
/// With the `time` feature and a [`ManualClock`](crate::ManualClock)
/// entered on this thread, an idle `block_on` (the future pending and not
/// woken) first moves that clock to its earliest waiting sleep, as tokio's
/// paused clock does; it parks only when no sleep waits.
///
/// # Example
///
/// ```
/// use std::sync::mpsc;
/// use std::task::Poll;
/// use std::thread;
///
/// // A future that is completed from another thread.
/// let (tx, rx) = mpsc::channel::<u32>();
/// let mut waker_sent = false;
/// let (wtx, wrx) = mpsc::channel::<std::task::Waker>();
/// let helper = thread::spawn(move || {
///     let waker = wrx.recv().unwrap();
///     tx.send(42).unwrap();
///     waker.wake();
/// });
/// let v = rill_test::block_on(core::future::poll_fn(|cx| {
///     if !waker_sent {
///         waker_sent = true;
///         wtx.send(cx.waker().clone()).unwrap();
///     }
///     match rx.try_recv() {
///         Ok(v) => Poll::Ready(v),
///         Err(_) => Poll::Pending,
///     }
/// }));
/// assert_eq!(v, 42);
/// helper.join().unwrap();
/// ```
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let unparker = Arc::new(Unparker {
        woken: AtomicBool::new(false),
        thread: thread::current(),
    });
    let waker = Waker::from(Arc::clone(&unparker));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        // `Acquire` pairs with the waker's `Release`: whatever the waking
        // thread wrote before `wake` is visible to the next poll.
        while !unparker.woken.swap(false, Ordering::Acquire) {
            // Idle: with a `ManualClock` entered, time jumps to the next
            // sleep (which may wake the future) instead of never passing.
            #[cfg(feature = "time")]
            if crate::clock::advance_idle() {
                continue;
            }
            thread::park();
        }
    }
}

/// Turns a stream into a blocking [`Iterator`]: each `next` runs
/// [`block_on`] until the stream yields an item or ends.
///
/// The iterator's `size_hint` is the stream's.
///
/// # Example
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::Stream;
///
/// struct Evens(u32);
/// impl Stream for Evens {
///     type Item = u32;
///     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
///         self.0 += 2;
///         Poll::Ready((self.0 <= 6).then_some(self.0))
///     }
/// }
///
/// let v: Vec<u32> = rill_test::block_on_stream(Evens(0)).collect();
/// assert_eq!(v, [2, 4, 6]);
/// ```
pub fn block_on_stream<S: Stream + Unpin>(stream: S) -> BlockingStream<S> {
    BlockingStream { stream }
}

/// An [`Iterator`] over a stream, made by [`block_on_stream`].
#[derive(Debug)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct BlockingStream<S> {
    stream: S,
}

impl<S> BlockingStream<S> {
    /// Returns the stream back.
    ///
    /// ```
    /// # use core::{pin::Pin, task::{Context, Poll}};
    /// # struct Nothing;
    /// # impl rill_core::Stream for Nothing {
    /// #     type Item = ();
    /// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> {
    /// #         Poll::Ready(None)
    /// #     }
    /// # }
    /// let it = rill_test::block_on_stream(Nothing);
    /// let _stream: Nothing = it.into_inner();
    /// ```
    pub fn into_inner(self) -> S {
        self.stream
    }
}

impl<S: Stream + Unpin> Iterator for BlockingStream<S> {
    type Item = S::Item;

    fn next(&mut self) -> Option<S::Item> {
        let stream = &mut self.stream;
        block_on(core::future::poll_fn(|cx| {
            Pin::new(&mut *stream).poll_next(cx)
        }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}
