//! [`SelectAll`], [`select_all`] and the iterators over a `SelectAll`'s
//! streams.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::ready_queue::BUDGET;
pub use super::set_iter::{IntoIter, Iter, IterMut};
use super::task_set::{Step, TaskSet};

/// Merges any number of streams into one, yielding items as they become
/// ready: see [`SelectAll`].
///
/// An empty iterator gives a stream that ends at once.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let merged = stream::select_all([stream::iter(vec![1, 2]), stream::iter(vec![3])]);
/// let mut out: Vec<i32> = rill_test::block_on(merged.collect());
/// out.sort();
/// assert_eq!(out, [1, 2, 3]);
/// ```
pub fn select_all<I>(streams: I) -> SelectAll<I::Item>
where
    I: IntoIterator,
    I::Item: Stream,
{
    streams.into_iter().collect()
}

/// A set of streams polled together, yielding each item as soon as its
/// stream produces it.
///
/// Built on the crate's task set: a stream is polled only after it was
/// woken (or was just added, or just yielded an item), so one ready stream
/// among a thousand costs one poll, not a thousand. A stream that yields an
/// item goes to the back of the line behind the other ready streams (round
/// robin), so no stream can starve the others. After 32 polls without an
/// item the set yields to the executor. Streams that end are dropped. The
/// merged stream ends whenever the set is empty; [`push`](Self::push)
/// revives it. It does not require `Send` streams and is `Send` when they
/// are.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
/// use rill_combinators::stream::SelectAll;
///
/// let mut all = SelectAll::new();
/// all.push(stream::iter(vec!["a"]));
/// all.push(stream::iter(vec!["b"]));
/// assert_eq!(all.len(), 2);
/// let mut out: Vec<&str> = rill_test::block_on(all.collect());
/// out.sort();
/// assert_eq!(out, ["a", "b"]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct SelectAll<St> {
    set: TaskSet<St>,
    terminated: bool,
}

impl<St> SelectAll<St> {
    /// Creates an empty set (which ends at once when polled).
    ///
    /// ```
    /// use rill_combinators::stream::{Iter, SelectAll};
    ///
    /// let all = SelectAll::<Iter<std::vec::IntoIter<u8>>>::new();
    /// assert!(all.is_empty());
    /// ```
    pub fn new() -> Self {
        Self {
            set: TaskSet::new(),
            terminated: false,
        }
    }

    /// The number of streams in the set.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let all = stream::select_all([stream::iter(0..1), stream::iter(1..2)]);
    /// assert_eq!(all.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether the set holds no streams.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let all = stream::select_all(Vec::<stream::Iter<std::ops::Range<u8>>>::new());
    /// assert!(all.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.set.len() == 0
    }

    /// Adds a stream; it is polled on the next poll of the set. Revives a
    /// set that had ended.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut all = stream::select_all([stream::iter(0..1)]);
    /// assert_eq!(rill_test::block_on(all.next()), Some(0));
    /// assert_eq!(rill_test::block_on(all.next()), None);
    /// all.push(stream::iter(5..6));
    /// assert_eq!(rill_test::block_on(all.next()), Some(5));
    /// ```
    pub fn push(&mut self, stream: St) {
        self.terminated = false;
        self.set.insert(stream);
    }

    /// Iterates over the streams, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let all = stream::select_all([stream::iter(0..1), stream::iter(1..3)]);
    /// assert_eq!(all.iter().map(|s| s.get_ref().len()).sum::<usize>(), 3);
    /// ```
    pub fn iter(&self) -> Iter<'_, St> {
        Iter(self.set.iter())
    }

    /// Drops every stream in the set, each where it lives (never moved
    /// first). Like a new set, the set is not terminated afterwards until
    /// it is polled empty. If a stream's destructor panics, the panic
    /// propagates; the streams after it stay in the set.
    ///
    /// ```
    /// use rill_combinators::stream;
    /// use rill_core::FusedStream;
    ///
    /// let mut all = stream::select_all([stream::iter(0..1)]);
    /// all.clear();
    /// assert!(all.is_empty());
    /// assert!(!all.is_terminated());
    /// ```
    pub fn clear(&mut self) {
        self.terminated = false;
        self.set.clear();
    }
}

impl<St: Unpin> SelectAll<St> {
    /// Iterates mutably over the streams, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let mut all = stream::select_all([stream::iter(0..3)]);
    /// for s in all.iter_mut() {
    ///     s.get_mut().next();
    /// }
    /// assert_eq!(all.iter().next().unwrap().get_ref().len(), 2);
    /// ```
    pub fn iter_mut(&mut self) -> IterMut<'_, St> {
        IterMut(self.set.iter_pin_mut())
    }
}

impl<St> Default for SelectAll<St> {
    fn default() -> Self {
        Self::new()
    }
}

impl<St: Stream> Stream for SelectAll<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = Pin::get_mut(self);
        let poll = this.set.poll_with(cx, &mut BUDGET.clone(), poll_member);
        if let Poll::Ready(None) = poll {
            this.terminated = true;
        }
        poll
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let mut lower = 0usize;
        let mut upper = Some(0usize);
        for (_, s) in self.set.iter() {
            let (l, u) = s.size_hint();
            lower = lower.saturating_add(l);
            upper = upper.zip(u).and_then(|(a, b)| a.checked_add(b));
        }
        (lower, upper)
    }
}

/// One turn of a member stream: an item keeps it (queued again behind the
/// others), the end drops it.
pub(crate) fn poll_member<S: Stream + ?Sized>(
    stream: Pin<&mut S>,
    cx: &mut Context<'_>,
) -> Step<S::Item> {
    match stream.poll_next(cx) {
        Poll::Ready(Some(item)) => Step::Yield(item),
        Poll::Ready(None) => Step::Done(None),
        Poll::Pending => Step::Pending,
    }
}

impl<St: Stream> FusedStream for SelectAll<St> {
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<St: fmt::Debug> fmt::Debug for SelectAll<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SelectAll")
            .field("streams", &self.set)
            .finish()
    }
}

impl<St> FromIterator<St> for SelectAll<St> {
    fn from_iter<I: IntoIterator<Item = St>>(iter: I) -> Self {
        let mut all = Self::new();
        all.extend(iter);
        all
    }
}

impl<St> Extend<St> for SelectAll<St> {
    fn extend<I: IntoIterator<Item = St>>(&mut self, iter: I) {
        for stream in iter {
            self.push(stream);
        }
    }
}

impl<St: Unpin> IntoIterator for SelectAll<St> {
    type Item = St;
    type IntoIter = IntoIter<St>;

    /// The streams, in no particular order.
    fn into_iter(mut self) -> IntoIter<St> {
        IntoIter(self.set.drain().into_iter())
    }
}

impl<'a, St> IntoIterator for &'a SelectAll<St> {
    type Item = &'a St;
    type IntoIter = Iter<'a, St>;

    /// The streams, in no particular order.
    fn into_iter(self) -> Iter<'a, St> {
        self.iter()
    }
}

impl<'a, St: Unpin> IntoIterator for &'a mut SelectAll<St> {
    type Item = &'a mut St;
    type IntoIter = IterMut<'a, St>;

    /// The streams, in no particular order.
    fn into_iter(self) -> IterMut<'a, St> {
        self.iter_mut()
    }
}
