use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Creates a stream that starts with `first` and computes each next item
/// from the previous one, like [`core::iter::successors`].
///
/// Every poll is ready. The stream yields `first` (if `Some`), then
/// `succ(&first)`, and so on, until `succ` returns `None`. The successor of
/// an item is computed when that item is yielded. `size_hint` is `(1, None)`
/// while an item is waiting and `(0, Some(0))` after; polling after the end
/// keeps returning `Ready(None)`.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::successors(Some(1u32), |n| n.checked_mul(10).filter(|&m| m < 5000));
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 10, 100, 1000]);
/// ```
pub fn successors<T, F>(first: Option<T>, succ: F) -> Successors<T, F>
where
    F: FnMut(&T) -> Option<T>,
{
    Successors {
        next: first,
        succ,
        ended: false,
    }
}

/// A stream where each item is computed from the previous one: see
/// [`successors`].
///
/// ```
/// use rill_combinators::stream;
///
/// let mut s = stream::successors(Some(2u8), |&n| n.checked_mul(n));
/// rill_test::assert_stream_next!(s, 2);
/// rill_test::assert_stream_next!(s, 4);
/// ```
#[derive(Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct Successors<T, F> {
    next: Option<T>,
    succ: F,
    ended: bool,
}

impl<T: fmt::Debug, F> fmt::Debug for Successors<T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Successors")
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

// Nothing is pinned: polling moves the item out and calls the closure.
impl<T, F> Unpin for Successors<T, F> {}

impl<T, F> Stream for Successors<T, F>
where
    F: FnMut(&T) -> Option<T>,
{
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = &mut *self;
        match this.next.take() {
            Some(item) => {
                this.next = (this.succ)(&item);
                Poll::Ready(Some(item))
            }
            None => {
                this.ended = true;
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.next.is_some() {
            (1, None)
        } else {
            (0, Some(0))
        }
    }
}

impl<T, F> FusedStream for Successors<T, F>
where
    F: FnMut(&T) -> Option<T>,
{
    fn is_terminated(&self) -> bool {
        self.ended
    }
}
