//! [`FuturesOrdered`].

use alloc::collections::BinaryHeap;
use core::cmp::{Ordering, Reverse};
use core::fmt;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::ready_queue::BUDGET;
use super::task_set::{Step, TaskSet};

pin_project_lite::pin_project! {
    /// A future tagged with its place in the output order.
    struct Tagged<F> {
        #[pin]
        future: F,
        index: i64,
    }
}

/// A finished output waiting for the outputs before it.
struct Waiting<T> {
    index: i64,
    output: T,
}

impl<T> PartialEq for Waiting<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}
impl<T> Eq for Waiting<T> {}
impl<T> PartialOrd for Waiting<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Waiting<T> {
    // Reversed: `BinaryHeap` is a max-heap and we want the smallest index.
    fn cmp(&self, other: &Self) -> Ordering {
        other.index.cmp(&self.index)
    }
}

/// A set of futures that run concurrently and yield their outputs in the
/// order the futures were pushed (a queue).
///
/// Runs on the same task set as [`FuturesUnordered`](super::FuturesUnordered)
/// (only woken futures are polled; no allocation per push once grown); an
/// output that completes before the ones ahead of it waits in a heap.
/// The stream ends whenever the queue is empty; pushing revives it.
/// Dropping the queue drops the futures in flight and the waiting outputs.
///
/// A future that panics while polled is dropped (in place) before the panic
/// propagates; if the panic is caught and the queue polled again, the queue
/// goes on without that future's output: the outputs after it come in
/// order, and the stream ends normally. The same holds for a future whose
/// destructor panics after it completed: an output that was waiting for its
/// turn is kept; one whose turn it was is lost with the panic.
///
/// # Example
///
/// ```
/// use rill_combinators::StreamExt;
/// use rill_combinators::stream::FuturesOrdered;
///
/// let mut queue = FuturesOrdered::new();
/// queue.push_back(core::future::ready(2));
/// queue.push_back(core::future::ready(3));
/// queue.push_front(core::future::ready(1));
/// assert_eq!(queue.len(), 3);
/// let out: Vec<i32> = rill_test::block_on(queue.collect());
/// assert_eq!(out, [1, 2, 3]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct FuturesOrdered<Fut: Future> {
    inner: Ordered<Fut, Fut::Output>,
}

/// The queue without a `Future` bound on its type, so that adapters can
/// name it with an output type of their own (`try_buffered`).
pub(crate) struct Ordered<Fut, Out> {
    in_progress: TaskSet<Tagged<Fut>>,
    waiting: BinaryHeap<Waiting<Out>>,
    /// Places of futures that panicked: their outputs will never come, so
    /// the order skips them.
    lost: BinaryHeap<Reverse<i64>>,
    next_in: i64,
    next_out: i64,
    terminated: bool,
}

impl<Fut, Out> Ordered<Fut, Out> {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            in_progress: TaskSet::with_capacity(capacity),
            waiting: BinaryHeap::new(),
            lost: BinaryHeap::new(),
            next_in: 0,
            next_out: 0,
            terminated: false,
        }
    }

    /// Skips the places lost to panics, then takes the waiting output whose
    /// turn it is, if it is there.
    fn next_waiting(&mut self) -> Option<Out> {
        while self.lost.peek() == Some(&Reverse(self.next_out)) {
            self.lost.pop();
            self.next_out += 1;
        }
        if self.waiting.peek()?.index != self.next_out {
            return None;
        }
        self.next_out += 1;
        self.waiting.pop().map(|w| w.output)
    }

    fn clear(&mut self) {
        self.in_progress.clear();
        self.waiting.clear();
        self.lost.clear();
        self.next_in = 0;
        self.next_out = 0;
        self.terminated = false;
    }

    pub(crate) fn len(&self) -> usize {
        self.in_progress.len() + self.waiting.len()
    }

    pub(crate) fn push_back(&mut self, future: Fut) {
        let index = self.next_in;
        self.next_in += 1;
        self.push_at(index, future);
    }

    fn push_front(&mut self, future: Fut) {
        self.next_out -= 1;
        let index = self.next_out;
        self.push_at(index, future);
    }

    fn push_at(&mut self, index: i64, future: Fut) {
        self.terminated = false;
        self.in_progress.insert(Tagged { future, index });
    }
}

// Futures live in the task set's slots and outputs are never pinned.
impl<Fut, Out> Unpin for Ordered<Fut, Out> {}

impl<Fut: Future<Output = Out>, Out> Stream for Ordered<Fut, Out> {
    type Item = Out;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Out>> {
        let this = Pin::get_mut(self);
        if let Some(output) = this.next_waiting() {
            return Poll::Ready(Some(output));
        }
        let (lost, waiting, next_out) = (&mut this.lost, &mut this.waiting, &mut this.next_out);
        let polled = this
            .in_progress
            .poll_with(cx, &mut BUDGET.clone(), |tagged, cx| {
                let tagged = tagged.project();
                let index = *tagged.index;
                // The task set drops a future that panics; remember its
                // place so that the order does not wait for it.
                let guard = RecordOnUnwind {
                    lost: &mut *lost,
                    index,
                };
                let poll = tagged.future.poll(cx);
                mem::forget(guard);
                match poll {
                    // Its turn: handed out at once. (If the future's
                    // destructor then panics, this output is lost, but the
                    // order has moved past it: the queue goes on.)
                    Poll::Ready(output) if index == *next_out => {
                        *next_out += 1;
                        Step::Done(Some(output))
                    }
                    // Early: it waits, stored before the task set drops the
                    // future (so a panicking destructor loses nothing).
                    Poll::Ready(output) => {
                        waiting.push(Waiting { index, output });
                        Step::Done(None)
                    }
                    Poll::Pending => Step::Pending,
                }
            });
        match polled {
            Poll::Ready(Some(output)) => Poll::Ready(Some(output)),
            Poll::Ready(None) => match this.next_waiting() {
                // Every future finished: the waiting outputs start at
                // `next_out` (past the places lost to panics).
                Some(output) => Poll::Ready(Some(output)),
                None => {
                    debug_assert!(this.waiting.is_empty(), "a gap in the order");
                    this.terminated = true;
                    Poll::Ready(None)
                }
            },
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.len();
        (len, Some(len))
    }
}

/// Records `index` as lost when dropped: armed around a future's poll and
/// forgotten when it returns, so it runs only if the poll unwinds.
struct RecordOnUnwind<'a> {
    lost: &'a mut BinaryHeap<Reverse<i64>>,
    index: i64,
}

impl Drop for RecordOnUnwind<'_> {
    fn drop(&mut self) {
        self.lost.push(Reverse(self.index));
    }
}

impl<Fut: Future> FuturesOrdered<Fut> {
    /// Creates an empty queue.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let queue = FuturesOrdered::<core::future::Ready<u8>>::new();
    /// assert!(queue.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// Creates an empty queue with room for `capacity` futures in flight
    /// before it allocates again.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let queue = FuturesOrdered::<core::future::Ready<u8>>::with_capacity(100);
    /// assert!(queue.is_empty());
    /// ```
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            inner: Ordered::with_capacity(capacity),
        }
    }

    /// The number of futures in flight plus outputs waiting for their turn.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let queue: FuturesOrdered<_> = (0..4).map(core::future::ready).collect();
    /// assert_eq!(queue.len(), 4);
    /// ```
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Whether the queue is empty.
    ///
    /// ```
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let mut queue = FuturesOrdered::new();
    /// assert!(queue.is_empty());
    /// queue.push_back(core::future::ready(()));
    /// assert!(!queue.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a future at the back: its output comes after all others'.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let mut queue = FuturesOrdered::new();
    /// queue.push_back(core::future::ready('a'));
    /// queue.push_back(core::future::ready('b'));
    /// assert_eq!(rill_test::block_on(queue.collect::<String>()), "ab");
    /// ```
    pub fn push_back(&mut self, future: Fut) {
        self.inner.push_back(future);
    }

    /// Adds a future at the front: its output comes before all others'
    /// (that have not been yielded yet).
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let mut queue = FuturesOrdered::new();
    /// queue.push_back(core::future::ready('b'));
    /// queue.push_front(core::future::ready('a'));
    /// assert_eq!(rill_test::block_on(queue.collect::<String>()), "ab");
    /// ```
    pub fn push_front(&mut self, future: Fut) {
        self.inner.push_front(future);
    }

    /// Drops every future in flight (each where it lives) and every waiting
    /// output. The queue is empty afterwards and can be used again; like a
    /// new queue, it is not terminated until it is polled empty.
    ///
    /// ```
    /// use rill_combinators::StreamExt;
    /// use rill_combinators::stream::FuturesOrdered;
    ///
    /// let mut queue: FuturesOrdered<_> = (0..3).map(core::future::ready).collect();
    /// queue.clear();
    /// assert!(queue.is_empty());
    /// queue.push_back(core::future::ready(7));
    /// assert_eq!(rill_test::block_on(queue.collect::<Vec<_>>()), [7]);
    /// ```
    pub fn clear(&mut self) {
        self.inner.clear();
    }
}

impl<Fut: Future> Default for FuturesOrdered<Fut> {
    fn default() -> Self {
        Self::new()
    }
}

impl<Fut: Future> Stream for FuturesOrdered<Fut> {
    type Item = Fut::Output;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        Pin::new(&mut self.inner).poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<Fut: Future> FusedStream for FuturesOrdered<Fut> {
    fn is_terminated(&self) -> bool {
        self.inner.terminated
    }
}

impl<Fut: Future> fmt::Debug for FuturesOrdered<Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuturesOrdered")
            .field("in_progress", &self.inner.in_progress.len())
            .field("waiting", &self.inner.waiting.len())
            .finish_non_exhaustive()
    }
}

impl<Fut: Future> FromIterator<Fut> for FuturesOrdered<Fut> {
    fn from_iter<I: IntoIterator<Item = Fut>>(iter: I) -> Self {
        let mut queue = Self::new();
        queue.extend(iter);
        queue
    }
}

impl<Fut: Future> Extend<Fut> for FuturesOrdered<Fut> {
    fn extend<I: IntoIterator<Item = Fut>>(&mut self, iter: I) {
        for future in iter {
            self.push_back(future);
        }
    }
}
