use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Creates a stream that yields clones of `item` forever.
///
/// Every poll is ready with a clone; the stream never ends, so
/// `size_hint` is `(usize::MAX, None)` and `is_terminated` is always
/// `false`. Bound it with an adapter such as `take`, or stop polling.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = stream::repeat("hi");
/// rill_test::block_on(async {
///     assert_eq!(s.next().await, Some("hi"));
///     assert_eq!(s.next().await, Some("hi"));
/// });
/// ```
pub fn repeat<T: Clone>(item: T) -> Repeat<T> {
    Repeat { item }
}

/// A stream that repeats one item: see [`repeat`].
///
/// ```
/// use rill_combinators::stream::{self, Repeat};
///
/// let mut s: Repeat<char> = stream::repeat('z');
/// rill_test::assert_stream_next!(s, 'z');
/// ```
#[derive(Debug, Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct Repeat<T> {
    item: T,
}

// The item is never pinned: polling only clones it.
impl<T> Unpin for Repeat<T> {}

impl<T: Clone> Stream for Repeat<T> {
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Ready(Some(self.item.clone()))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (usize::MAX, None)
    }
}

impl<T: Clone> FusedStream for Repeat<T> {
    fn is_terminated(&self) -> bool {
        false
    }
}
