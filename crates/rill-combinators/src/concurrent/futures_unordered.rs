//! [`FuturesUnordered`] and its iterators.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::ready_queue::BUDGET;
pub use super::set_iter::{IntoIter, Iter, IterMut, IterPinMut};
use super::task_set::{Step, TaskSet};

/// A set of futures that run concurrently and yield their outputs in the
/// order they complete.
///
/// Only futures that were woken are polled (O(woken) work per poll), each at
/// most once per poll of the set, in round-robin order. Futures live in a slab
/// of slots that is reused: once the set has grown, [`push`](Self::push)
/// allocates nothing. After 32 polls of children without an output the set
/// wakes its task and returns `Pending`, so it never starves the executor.
///
/// The stream ends (`Ready(None)`) whenever the set is empty; pushing a new
/// future afterwards starts it again. [`FusedStream::is_terminated`] is
/// `true` only after `Ready(None)` was returned and until the next push.
///
/// Dropping the set drops every future in it. If a future panics while
/// polled, the panic propagates out of `poll_next`; the other futures are
/// untouched and are dropped with the set. Wakers held by futures may outlive
/// the set: waking them then does nothing.
///
/// # Example
///
/// ```
/// use rill_combinators::StreamExt;
/// use rill_combinators::stream::FuturesUnordered;
///
/// async fn double(x: i32) -> i32 {
///     x * 2
/// }
///
/// let mut set = FuturesUnordered::new();
/// set.push(double(1));
/// set.push(double(2));
/// assert_eq!(set.len(), 2);
/// let mut out: Vec<i32> = rill_test::block_on(set.collect());
/// out.sort();
/// assert_eq!(out, [2, 4]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct FuturesUnordered<Fut> {
    set: TaskSet<Fut>,
    terminated: bool,
}

impl<Fut> FuturesUnordered<Fut> {
    /// Creates an empty set. It allocates nothing until the first push.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let set = FuturesUnordered::<core::future::Ready<u8>>::new();
    /// assert!(set.is_empty());
    /// ```
    pub fn new() -> Self {
        Self {
            set: TaskSet::new(),
            terminated: false,
        }
    }

    /// Creates an empty set with room for at least `capacity` futures
    /// (rounded up to a whole block of slots).
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let set = FuturesUnordered::<core::future::Ready<u8>>::with_capacity(100);
    /// assert!(set.capacity() >= 100);
    /// ```
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            set: TaskSet::with_capacity(capacity),
            terminated: false,
        }
    }

    /// The number of slots allocated so far (free or occupied).
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let mut set = FuturesUnordered::new();
    /// assert_eq!(set.capacity(), 0);
    /// set.push(async {});
    /// assert!(set.capacity() >= 1);
    /// ```
    pub fn capacity(&self) -> usize {
        self.set.capacity()
    }

    /// The number of futures in the set.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let set: FuturesUnordered<_> = (0..3).map(core::future::ready).collect();
    /// assert_eq!(set.len(), 3);
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether the set holds no futures.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let mut set = FuturesUnordered::new();
    /// assert!(set.is_empty());
    /// set.push(core::future::ready(1));
    /// assert!(!set.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.set.len() == 0
    }

    /// Adds a future to the set. It is first polled by the next poll of the
    /// set (the set does not wake its task by itself). Revives a set that had
    /// ended: `is_terminated` becomes `false`.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let mut set = FuturesUnordered::new();
    /// set.push(core::future::ready("a"));
    /// assert_eq!(rill_test::block_on(set.next()), Some("a"));
    /// assert_eq!(rill_test::block_on(set.next()), None);
    /// set.push(core::future::ready("b"));
    /// assert_eq!(rill_test::block_on(set.next()), Some("b"));
    /// ```
    #[inline]
    pub fn push(&mut self, future: Fut) {
        self.terminated = false;
        self.set.insert(future);
    }

    /// Iterates over the futures in the set, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let set: FuturesUnordered<_> = (1..=3).map(core::future::ready).collect();
    /// assert_eq!(set.iter().count(), 3);
    /// ```
    pub fn iter(&self) -> Iter<'_, Fut> {
        Iter(self.set.iter())
    }

    /// Iterates over the futures, pinned, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// use core::pin::Pin;
    ///
    /// let mut set: FuturesUnordered<_> = (1..=3).map(core::future::ready).collect();
    /// assert_eq!(Pin::new(&mut set).iter_pin_mut().len(), 3);
    /// ```
    pub fn iter_pin_mut(self: Pin<&mut Self>) -> IterPinMut<'_, Fut> {
        IterPinMut(Pin::get_mut(self).set.iter_pin_mut())
    }

    /// Drops every future in the set, each where it lives (a future that
    /// registered its own address with a timer or a waiter list is never
    /// moved first). The slots are kept for reuse. Like a new set, the set
    /// is not terminated afterwards until it is polled empty
    /// ([`is_terminated`](rill_core::FusedStream::is_terminated) is
    /// `false`).
    ///
    /// If a future's destructor panics, the panic propagates; the futures
    /// after it stay in the set, which remains consistent and usable.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    /// use rill_combinators::stream::FuturesUnordered;
    /// use rill_core::FusedStream;
    ///
    /// let mut set: FuturesUnordered<_> = (1..=3).map(core::future::ready).collect();
    /// assert_eq!(rill_test::block_on((&mut set).count()), 3);
    /// assert!(set.is_terminated());
    /// set.push(core::future::ready(4));
    /// set.clear();
    /// assert!(set.is_empty());
    /// assert!(!set.is_terminated());
    /// ```
    pub fn clear(&mut self) {
        self.terminated = false;
        self.set.clear();
    }
}

impl<Fut: Unpin> FuturesUnordered<Fut> {
    /// Iterates mutably over the futures, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesUnordered;
    ///
    /// let mut set: FuturesUnordered<_> = (1..=3).map(core::future::ready).collect();
    /// assert_eq!(set.iter_mut().count(), 3);
    /// ```
    pub fn iter_mut(&mut self) -> IterMut<'_, Fut> {
        IterMut(self.set.iter_pin_mut())
    }
}

impl<Fut> Default for FuturesUnordered<Fut> {
    fn default() -> Self {
        Self::new()
    }
}

impl<Fut: Future> FuturesUnordered<Fut> {
    /// `poll_next` spending the caller's `budget` of child polls, so that an
    /// adapter that polls the set several times in one of its own polls
    /// (`for_each_concurrent`) stays within one budget in all.
    pub(crate) fn poll_within(
        &mut self,
        cx: &mut Context<'_>,
        budget: &mut usize,
    ) -> Poll<Option<Fut::Output>> {
        let poll = self
            .set
            .poll_with(cx, budget, |fut, cx| match fut.poll(cx) {
                Poll::Ready(out) => Step::Done(Some(out)),
                Poll::Pending => Step::Pending,
            });
        if let Poll::Ready(None) = poll {
            self.terminated = true;
        }
        poll
    }
}

impl<Fut: Future> Stream for FuturesUnordered<Fut> {
    type Item = Fut::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        Pin::get_mut(self).poll_within(cx, &mut BUDGET.clone())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.set.len();
        (len, Some(len))
    }
}

impl<Fut: Future> FusedStream for FuturesUnordered<Fut> {
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<Fut: fmt::Debug> fmt::Debug for FuturesUnordered<Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuturesUnordered")
            .field("len", &self.set.len())
            .field("terminated", &self.terminated)
            .finish_non_exhaustive()
    }
}

impl<Fut> FromIterator<Fut> for FuturesUnordered<Fut> {
    fn from_iter<I: IntoIterator<Item = Fut>>(iter: I) -> Self {
        let mut set = Self::new();
        set.extend(iter);
        set
    }
}

impl<Fut> Extend<Fut> for FuturesUnordered<Fut> {
    fn extend<I: IntoIterator<Item = Fut>>(&mut self, iter: I) {
        for fut in iter {
            self.push(fut);
        }
    }
}

impl<Fut: Unpin> IntoIterator for FuturesUnordered<Fut> {
    type Item = Fut;
    type IntoIter = IntoIter<Fut>;

    fn into_iter(mut self) -> IntoIter<Fut> {
        IntoIter(self.set.drain().into_iter())
    }
}

impl<'a, Fut> IntoIterator for &'a FuturesUnordered<Fut> {
    type Item = &'a Fut;
    type IntoIter = Iter<'a, Fut>;

    fn into_iter(self) -> Iter<'a, Fut> {
        self.iter()
    }
}

impl<'a, Fut: Unpin> IntoIterator for &'a mut FuturesUnordered<Fut> {
    type Item = &'a mut Fut;
    type IntoIter = IterMut<'a, Fut>;

    fn into_iter(self) -> IterMut<'a, Fut> {
        self.iter_mut()
    }
}
