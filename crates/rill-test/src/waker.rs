use core::task::{Context, Waker};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::Wake;

/// Counts the wakes of the wakers made by [`counting_waker`].
#[derive(Debug, Clone)]
pub struct WakeCounter {
    count: Arc<Counter>,
}

#[derive(Debug)]
struct Counter(AtomicUsize);

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl WakeCounter {
    /// How many times the waker (or any clone of it) was woken so far.
    ///
    /// ```
    /// let (waker, counter) = rill_test::counting_waker();
    /// waker.wake_by_ref();
    /// waker.clone().wake();
    /// assert_eq!(counter.get(), 2);
    /// ```
    pub fn get(&self) -> usize {
        self.count.0.load(Ordering::SeqCst)
    }
}

/// Returns a waker that counts how often it (or any clone) is woken, and the
/// counter to read the count from.
///
/// Use it to check that a stream arranges a wake-up when it returns `Pending`
/// (and does not wake needlessly).
///
/// # Example
///
/// ```
/// use core::task::Context;
///
/// let (waker, counter) = rill_test::counting_waker();
/// let mut cx = Context::from_waker(&waker);
/// assert_eq!(counter.get(), 0);
/// cx.waker().wake_by_ref();
/// assert_eq!(counter.get(), 1);
/// ```
pub fn counting_waker() -> (Waker, WakeCounter) {
    let count = Arc::new(Counter(AtomicUsize::new(0)));
    (Waker::from(Arc::clone(&count)), WakeCounter { count })
}

/// A context whose waker does nothing, for polling by hand.
///
/// ```
/// use core::pin::pin;
/// use core::future::Future;
/// use core::task::Poll;
///
/// let mut cx = rill_test::noop_context();
/// let fut = pin!(async { 7 });
/// assert_eq!(fut.poll(&mut cx), Poll::Ready(7));
/// ```
pub fn noop_context() -> Context<'static> {
    Context::from_waker(Waker::noop())
}
