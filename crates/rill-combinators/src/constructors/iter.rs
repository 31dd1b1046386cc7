use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Converts an iterator into a stream that is always ready.
///
/// The stream yields the iterator's items in order and ends when the
/// iterator does. Its `size_hint` is the iterator's, so it is exact for an
/// [`ExactSizeIterator`]. As in futures-util, `Iter` does not implement
/// `FusedStream`: polling after the end calls the iterator's `next` again,
/// which for a [`FusedIterator`](core::iter::FusedIterator) returns `None`.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
/// use rill_core::Stream as _; // for `size_hint`
///
/// let s = stream::iter(vec![17, 19]);
/// assert_eq!(s.size_hint(), (2, Some(2)));
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [17, 19]);
/// ```
pub fn iter<I: IntoIterator>(i: I) -> Iter<I::IntoIter> {
    Iter {
        iter: i.into_iter(),
    }
}

/// A stream over the items of an iterator: see [`iter`].
#[derive(Debug, Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct Iter<I> {
    iter: I,
}

impl<I> Iter<I> {
    /// Returns a shared reference to the iterator.
    ///
    /// ```
    /// let s = rill_combinators::stream::iter(0..3);
    /// assert_eq!(s.get_ref().len(), 3);
    /// ```
    pub fn get_ref(&self) -> &I {
        &self.iter
    }

    /// Returns a mutable reference to the iterator.
    ///
    /// ```
    /// let mut s = rill_combinators::stream::iter(0..3);
    /// assert_eq!(s.get_mut().next(), Some(0));
    /// ```
    pub fn get_mut(&mut self) -> &mut I {
        &mut self.iter
    }

    /// Returns the iterator.
    ///
    /// ```
    /// let s = rill_combinators::stream::iter(0..3);
    /// assert_eq!(s.into_inner().sum::<i32>(), 3);
    /// ```
    pub fn into_inner(self) -> I {
        self.iter
    }
}

// An iterator is never pinned in place: polling only calls `next`.
impl<I> Unpin for Iter<I> {}

impl<I: Iterator> Stream for Iter<I> {
    type Item = I::Item;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<I::Item>> {
        Poll::Ready(self.iter.next())
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.iter.size_hint()
    }
}
