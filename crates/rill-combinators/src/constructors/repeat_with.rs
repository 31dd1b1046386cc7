use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Creates a stream that calls `f` for every item, forever.
///
/// Every poll is ready with `f()`; the stream never ends, so `size_hint`
/// is `(usize::MAX, None)` and `is_terminated` is always `false`. A panic
/// in `f` propagates to the poller.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut n = 1;
/// let mut powers = stream::repeat_with(move || {
///     let cur = n;
///     n *= 2;
///     cur
/// });
/// rill_test::block_on(async {
///     assert_eq!(powers.next().await, Some(1));
///     assert_eq!(powers.next().await, Some(2));
///     assert_eq!(powers.next().await, Some(4));
/// });
/// ```
pub fn repeat_with<A, F: FnMut() -> A>(f: F) -> RepeatWith<F> {
    RepeatWith { f }
}

/// A stream that calls a closure for every item: see [`repeat_with`].
///
/// ```
/// use rill_combinators::stream;
///
/// let mut s = stream::repeat_with(|| 4);
/// rill_test::assert_stream_next!(s, 4);
/// ```
#[derive(Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct RepeatWith<F> {
    f: F,
}

impl<F> fmt::Debug for RepeatWith<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RepeatWith").finish_non_exhaustive()
    }
}

// The closure is never pinned: polling only calls it.
impl<F> Unpin for RepeatWith<F> {}

impl<A, F: FnMut() -> A> Stream for RepeatWith<F> {
    type Item = A;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<A>> {
        Poll::Ready(Some((self.f)()))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::MAX, None)
    }
}

impl<A, F: FnMut() -> A> FusedStream for RepeatWith<F> {
    fn is_terminated(&self) -> bool {
        false
    }
}
