//! [`StreamMap`] and [`StreamNotifyClose`], with tokio-stream's API.

use alloc::vec::Vec;
use core::borrow::Borrow;
use core::fmt;
use core::future::poll_fn;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::ready_queue::BUDGET;
use super::task_set::{Step, TaskSet};

/// A map of keyed streams polled together, yielding `(key, item)` pairs as
/// the streams produce them; API of tokio-stream's `StreamMap`.
///
/// Unlike tokio-stream's, which polls every stream (from a random start) on
/// each wake-up, this one runs on the crate's task set: only streams that
/// were woken are polled, in the order they were woken (a stream that
/// yields an item goes behind the streams woken so far, so none can starve
/// another), with the same 32-poll budget as [`SelectAll`](super::SelectAll).
/// A stream that ends is dropped where it lives and removed from the map
/// (wrap it in [`StreamNotifyClose`] to be told). The map yields
/// `Ready(None)` whenever it is empty; inserting revives it. Key lookups
/// (`insert`, `remove`, `contains_key`) scan the entries, as tokio-stream's
/// do. It does not require `Send` streams and is `Send` when its keys and
/// streams are.
///
/// # Bounds, beside tokio-stream's
///
/// The method names, arguments and return types are tokio-stream's; the
/// bounds differ. Keys are compared with `Eq` only (tokio-stream asks for
/// `Hash + Eq` on `insert` and `remove`; any such key works here). `insert`,
/// `remove`, `contains_key`, `iter_mut` and `values_mut` need
/// `K: Unpin, V: Unpin`, since a stream that was polled in place can only
/// be moved out again if it is `Unpin`; the `Stream` impl needs
/// `K: Clone + Unpin, V: Stream + Unpin`, exactly as tokio-stream's, so a
/// map that can be polled already meets them.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
/// use rill_combinators::stream::StreamMap;
///
/// let mut map = StreamMap::new();
/// map.insert("odd", stream::iter(vec![1, 3]));
/// map.insert("even", stream::iter(vec![2]));
/// let mut out: Vec<(&str, i32)> = rill_test::block_on(map.collect());
/// out.sort();
/// assert_eq!(out, [("even", 2), ("odd", 1), ("odd", 3)]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct StreamMap<K, V> {
    set: TaskSet<(K, V)>,
    terminated: bool,
}

impl<K, V> StreamMap<K, V> {
    /// Creates an empty map.
    ///
    /// ```
    /// use rill_combinators::stream::{Iter, StreamMap};
    ///
    /// let map = StreamMap::<u8, Iter<std::ops::Range<u8>>>::new();
    /// assert!(map.is_empty());
    /// ```
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// Creates an empty map with room for `capacity` streams.
    ///
    /// ```
    /// use rill_combinators::stream::{Iter, StreamMap};
    ///
    /// let map = StreamMap::<u8, Iter<std::ops::Range<u8>>>::with_capacity(10);
    /// assert!(map.capacity() >= 10);
    /// ```
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            set: TaskSet::with_capacity(capacity),
            terminated: false,
        }
    }

    /// The number of streams the map can hold without allocating.
    ///
    /// ```
    /// use rill_combinators::stream::{Iter, StreamMap};
    ///
    /// assert_eq!(StreamMap::<u8, Iter<std::ops::Range<u8>>>::new().capacity(), 0);
    /// ```
    pub fn capacity(&self) -> usize {
        self.set.capacity()
    }

    /// The number of streams in the map.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::iter(0..2));
    /// assert_eq!(map.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether the map holds no streams.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// assert!(map.is_empty());
    /// map.insert(1, stream::iter(0..2));
    /// assert!(!map.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.set.len() == 0
    }

    /// The `(key, stream)` entries, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// let (key, s) = map.iter().next().unwrap();
    /// assert_eq!((*key, s.get_ref().len()), ('a', 2));
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &(K, V)> {
        self.set.iter().map(|(_, entry)| entry)
    }

    /// The keys, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// assert_eq!(map.keys().collect::<Vec<_>>(), [&'a']);
    /// ```
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    /// The streams, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// assert_eq!(map.values().count(), 1);
    /// ```
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    /// Drops every stream in the map, each where it lives (never moved
    /// first). Like a new map, the map is not terminated afterwards until
    /// it is polled empty. If a stream's destructor panics, the panic
    /// propagates; the streams after it stay in the map.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// map.clear();
    /// assert!(map.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.terminated = false;
        self.set.clear();
    }
}

impl<K: Unpin, V: Unpin> StreamMap<K, V> {
    /// The entries, mutably, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// for (_, s) in map.iter_mut() {
    ///     s.get_mut().next();
    /// }
    /// assert_eq!(map.values().next().unwrap().get_ref().len(), 1);
    /// ```
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut (K, V)> {
        self.set.iter_mut().map(|(_, entry)| entry)
    }

    /// The streams, mutably, in no particular order.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// assert_eq!(map.values_mut().count(), 1);
    /// ```
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.iter_mut().map(|(_, v)| v)
    }

    fn find<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: ?Sized + Eq,
    {
        self.set
            .iter()
            .find(|(_, (k, _))| k.borrow() == key)
            .map(|(index, _)| index)
    }

    /// Inserts a stream under `key`, returning the stream it replaces.
    /// Revives a map that had ended.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// assert!(map.insert("k", stream::iter(0..1)).is_none());
    /// assert!(map.insert("k", stream::iter(0..1)).is_some());
    /// assert_eq!(map.len(), 1);
    /// ```
    pub fn insert(&mut self, key: K, stream: V) -> Option<V>
    where
        K: Eq,
    {
        let old = self.remove(&key);
        self.terminated = false;
        self.set.insert((key, stream));
        old
    }

    /// Removes the stream under `key` and returns it.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(String::from("k"), stream::iter(0..1));
    /// assert!(map.remove("k").is_some());
    /// assert!(map.remove("k").is_none());
    /// ```
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: ?Sized + Eq,
    {
        let index = self.find(key)?;
        self.set.remove(index).map(|(_, v)| v)
    }

    /// Whether a stream is stored under `key`.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert(1, stream::iter(0..1));
    /// assert!(map.contains_key(&1));
    /// assert!(!map.contains_key(&2));
    /// ```
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: ?Sized + Eq,
    {
        self.find(key).is_some()
    }
}

impl<K, V> StreamMap<K, V>
where
    K: Clone + Unpin,
    V: Stream + Unpin,
{
    /// Polls for up to `limit` items, appending them to `buffer`.
    ///
    /// `Ready(n)` with `n > 0` items appended; `Ready(0)` when the map is
    /// empty (the end) or `limit` is 0; `Pending` when no stream had an item
    /// ready.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..5));
    /// let mut buf = Vec::new();
    /// let mut cx = rill_test::noop_context();
    /// assert_eq!(map.poll_next_many(&mut cx, &mut buf, 3), Poll::Ready(3));
    /// assert_eq!(buf, [('a', 0), ('a', 1), ('a', 2)]);
    /// ```
    pub fn poll_next_many(
        &mut self,
        cx: &mut Context<'_>,
        buffer: &mut Vec<(K, V::Item)>,
        limit: usize,
    ) -> Poll<usize> {
        let mut added = 0;
        while added < limit {
            match Pin::new(&mut *self).poll_next(cx) {
                Poll::Ready(Some(entry)) => {
                    buffer.push(entry);
                    added += 1;
                }
                Poll::Ready(None) => return Poll::Ready(added),
                Poll::Pending if added == 0 => return Poll::Pending,
                Poll::Pending => break,
            }
        }
        Poll::Ready(added)
    }

    /// Waits for up to `limit` items and appends them to `buffer`; resolves
    /// to the number appended, 0 once the map is empty (or `limit` is 0).
    /// Cancel-safe: dropping the future loses no item.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamMap};
    ///
    /// let mut map = StreamMap::new();
    /// map.insert('a', stream::iter(0..2));
    /// let mut buf = Vec::new();
    /// assert_eq!(rill_test::block_on(map.next_many(&mut buf, 10)), 2);
    /// assert_eq!(rill_test::block_on(map.next_many(&mut buf, 10)), 0);
    /// assert_eq!(buf.len(), 2);
    /// ```
    pub async fn next_many(&mut self, buffer: &mut Vec<(K, V::Item)>, limit: usize) -> usize {
        poll_fn(|cx| self.poll_next_many(cx, buffer, limit)).await
    }
}

impl<K, V> Default for StreamMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K, V> Stream for StreamMap<K, V>
where
    K: Clone + Unpin,
    V: Stream + Unpin,
{
    type Item = (K, V::Item);

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = Pin::get_mut(self);
        let poll = this.set.poll_with(cx, &mut BUDGET.clone(), |entry, cx| {
            let (key, stream) = Pin::get_mut(entry);
            match Pin::new(stream).poll_next(cx) {
                Poll::Ready(Some(item)) => Step::Yield((key.clone(), item)),
                Poll::Ready(None) => Step::Done(None),
                Poll::Pending => Step::Pending,
            }
        });
        if let Poll::Ready(None) = poll {
            this.terminated = true;
        }
        poll
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let mut lower = 0usize;
        let mut upper = Some(0usize);
        for (_, (_, s)) in self.set.iter() {
            let (l, u) = s.size_hint();
            lower = lower.saturating_add(l);
            upper = upper.zip(u).and_then(|(a, b)| a.checked_add(b));
        }
        (lower, upper)
    }
}

impl<K, V> FusedStream for StreamMap<K, V>
where
    K: Clone + Unpin,
    V: Stream + Unpin,
{
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for StreamMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamMap")
            .field("entries", &self.set)
            .finish()
    }
}

impl<K: Eq + Unpin, V: Unpin> FromIterator<(K, V)> for StreamMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        map.extend(iter);
        map
    }
}

impl<K: Eq + Unpin, V: Unpin> Extend<(K, V)> for StreamMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

pin_project_lite::pin_project! {
    /// Wraps a stream so that its end is an item: yields `Some(item)` for
    /// each item, then `None` once, then ends. Put into a [`StreamMap`], it
    /// tells which key's stream closed (tokio-stream's `StreamNotifyClose`).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_combinators::stream::StreamNotifyClose;
    ///
    /// let s = StreamNotifyClose::new(stream::iter([1]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [Some(1), None]);
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct StreamNotifyClose<S> {
        #[pin]
        inner: Option<S>,
    }
}

impl<S> StreamNotifyClose<S> {
    /// Wraps `stream`.
    ///
    /// ```
    /// use rill_combinators::stream::{self, StreamNotifyClose};
    ///
    /// let s = StreamNotifyClose::new(stream::iter(0..1));
    /// assert!(s.into_inner().is_some());
    /// ```
    pub fn new(stream: S) -> Self {
        Self {
            inner: Some(stream),
        }
    }

    /// The wrapped stream, or `None` once it has ended (and was dropped).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_combinators::stream::StreamNotifyClose;
    ///
    /// let mut s = StreamNotifyClose::new(stream::iter(0..0));
    /// assert_eq!(rill_test::block_on(s.next()), Some(None));
    /// assert!(s.into_inner().is_none());
    /// ```
    pub fn into_inner(self) -> Option<S> {
        self.inner
    }
}

impl<S: Stream> Stream for StreamNotifyClose<S> {
    type Item = Option<S::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        let Some(stream) = this.inner.as_mut().as_pin_mut() else {
            return Poll::Ready(None);
        };
        match stream.poll_next(cx) {
            Poll::Ready(Some(item)) => Poll::Ready(Some(Some(item))),
            Poll::Ready(None) => {
                this.inner.set(None);
                Poll::Ready(Some(None))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            Some(s) => {
                let (l, u) = s.size_hint();
                (l.saturating_add(1), u.and_then(|u| u.checked_add(1)))
            }
            None => (0, Some(0)),
        }
    }
}

impl<S: Stream> FusedStream for StreamNotifyClose<S> {
    fn is_terminated(&self) -> bool {
        self.inner.is_none()
    }
}
