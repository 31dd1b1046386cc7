use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// A future that returns `Pending` once (waking its task first), then
/// `Ready(value)`: made by [`yield_once`].
///
/// Use it where a closure of the adapter under test returns a future (the
/// adapter must keep its state while that future says "not yet"), or to
/// let other tasks run once.
#[derive(Debug, Clone)]
#[must_use = "futures do nothing unless polled"]
pub struct YieldOnce<T> {
    value: Option<T>,
    yielded: bool,
}

/// Returns a future that is `Pending` once (it wakes its waker before
/// returning `Pending`, so an executor polls it again) and then resolves to
/// `value`.
///
/// # Panics
///
/// Polling it again after it returned `Ready` panics.
///
/// ```
/// use core::task::Poll;
///
/// let mut fut = rill_test::yield_once('x');
/// let (waker, wakes) = rill_test::counting_waker();
/// let mut cx = core::task::Context::from_waker(&waker);
/// assert_eq!(core::pin::Pin::new(&mut fut).poll(&mut cx), Poll::Pending);
/// assert_eq!(wakes.get(), 1);
/// assert_eq!(rill_test::poll_once(&mut fut), Poll::Ready('x'));
///
/// assert_eq!(rill_test::block_on(rill_test::yield_once(7)), 7);
/// # use core::future::Future;
/// ```
pub fn yield_once<T>(value: T) -> YieldOnce<T> {
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
                .expect("`YieldOnce` polled after it returned `Poll::Ready`"),
        )
    }
}
