use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Creates a stream whose `poll_next` is the closure `f`.
///
/// The closure receives the task context and returns what `poll_next`
/// returns: `Ready(Some(item))`, `Ready(None)` to end, or `Pending` (after
/// arranging for the waker to be woken). Nothing is remembered between
/// calls but the closure's own state, so polling after the end calls `f`
/// again and returns whatever it returns. `size_hint` is `(0, None)`.
///
/// # Example
///
/// ```
/// use core::task::Poll;
/// use rill_combinators::{StreamExt, stream};
///
/// let mut left = 3;
/// let s = stream::poll_fn(move |_cx| {
///     if left == 0 {
///         return Poll::Ready(None);
///     }
///     left -= 1;
///     Poll::Ready(Some(left))
/// });
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [2, 1, 0]);
/// ```
pub fn poll_fn<T, F>(f: F) -> PollFn<F>
where
    F: FnMut(&mut Context<'_>) -> Poll<Option<T>>,
{
    PollFn { f }
}

/// A stream driven by a closure: see [`poll_fn`].
///
/// ```
/// use core::task::Poll;
/// use rill_combinators::stream;
///
/// let mut s = stream::poll_fn(|_cx| Poll::Ready(None::<u8>));
/// rill_test::assert_stream_done!(s);
/// ```
#[derive(Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct PollFn<F> {
    f: F,
}

impl<F> fmt::Debug for PollFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PollFn").finish_non_exhaustive()
    }
}

// The closure is never pinned: polling only calls it.
impl<F> Unpin for PollFn<F> {}

impl<T, F> Stream for PollFn<F>
where
    F: FnMut(&mut Context<'_>) -> Poll<Option<T>>,
{
    type Item = T;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        (self.f)(cx)
    }
}
