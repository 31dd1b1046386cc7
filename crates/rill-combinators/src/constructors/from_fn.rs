use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Creates a stream whose every item is the next result of the closure `f`,
/// like [`core::iter::from_fn`]: `Some(item)` is yielded, `None` ends the
/// stream.
///
/// This is async-std's `stream::from_fn`: `f` is a plain closure, so every
/// poll is ready at once (for a closure that returns a future, see
/// [`unfold`](super::unfold()); for one that gets the task context, see
/// [`poll_fn`](super::poll_fn())). Nothing is remembered between calls but
/// the closure's own state, so polling after the end calls `f` again and
/// returns whatever it returns. `size_hint` is `(0, None)`.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut count = 0;
/// let s = stream::from_fn(move || {
///     count += 1;
///     (count <= 3).then_some(count)
/// });
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3]);
/// ```
pub fn from_fn<T, F>(f: F) -> FromFn<F>
where
    F: FnMut() -> Option<T>,
{
    FromFn { f }
}

/// A stream that calls a closure for every item: see [`from_fn`].
///
/// ```
/// use rill_combinators::stream;
///
/// let mut s = stream::from_fn(|| Some('x'));
/// rill_test::assert_stream_next!(s, 'x');
/// ```
#[derive(Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct FromFn<F> {
    f: F,
}

impl<F> fmt::Debug for FromFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FromFn").finish_non_exhaustive()
    }
}

// The closure is never pinned: polling only calls it.
impl<F> Unpin for FromFn<F> {}

impl<T, F> Stream for FromFn<F>
where
    F: FnMut() -> Option<T>,
{
    type Item = T;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Ready((self.f)())
    }
}
