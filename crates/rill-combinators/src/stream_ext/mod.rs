//! `StreamExt`: the everyday adapters and consumers, one per file.

use rill_core::Stream;

mod collect;
mod next;

pub use collect::Collect;
pub use next::Next;

// Several people add adapters here at once; each family keeps its module
// declarations, re-exports and trait methods inside its own region so that
// their changes merge without conflicts. Keep the regions sorted inside.

// region: adapters (map, filter, take, chunks, peekable, ...)
// endregion: adapters

// region: combining and consuming (chain, zip, flatten, fold, ...)
// endregion: combining and consuming

// region: either and merge (left_stream, right_stream, merge)
mod merge;

pub use merge::Merge;

use crate::Either;
// endregion: either and merge

// region: concurrency (buffered, buffer_unordered, for_each_concurrent, ...)
#[cfg(feature = "alloc")]
use crate::concurrent::{
    BufferUnordered, Buffered, FlatMapUnordered, FlattenUnordered, ForEachConcurrent,
};
// endregion: concurrency

/// Adapters and consumers for every [`Stream`], with the names, signatures
/// and semantics of `futures_util::StreamExt`.
///
/// Migrating from futures-util changes the `use` line only:
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// rill_test::block_on(async {
///     let mut s = stream::iter([1, 2, 3]);
///     assert_eq!(s.next().await, Some(1));
///     assert_eq!(s.collect::<Vec<_>>().await, [2, 3]);
/// });
/// ```
pub trait StreamExt: Stream {
    /// Returns a future that resolves to the next item of the stream, or
    /// `None` when it has ended.
    ///
    /// Cancel-safe: dropping the future before it completes loses no item,
    /// since an item is only taken from the stream in the poll that returns it.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = stream::iter(1..=2);
    /// rill_test::block_on(async {
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert_eq!(s.next().await, Some(2));
    ///     assert_eq!(s.next().await, None);
    /// });
    /// ```
    fn next(&mut self) -> Next<'_, Self>
    where
        Self: Unpin,
    {
        Next::new(self)
    }

    /// Collects every item of the stream into a collection, like
    /// [`Iterator::collect`]; resolves when the stream ends.
    ///
    /// ```
    /// use std::collections::BTreeSet;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let set: BTreeSet<u8> = rill_test::block_on(stream::iter([3, 1, 3]).collect());
    /// assert_eq!(set.into_iter().collect::<Vec<_>>(), [1, 3]);
    /// ```
    fn collect<C: Default + Extend<Self::Item>>(self) -> Collect<Self, C>
    where
        Self: Sized,
    {
        Collect::new(self)
    }

    // region: adapters methods
    // endregion: adapters methods

    // region: combining and consuming methods
    // endregion: combining and consuming methods

    // region: either and merge methods
    /// Wraps the stream as the left side of an [`Either`], so that it and
    /// another stream type `B` with the same item can be returned from the
    /// two branches of an `if` or `match` as one type.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = if true {
    ///     stream::iter([1, 2]).left_stream()
    /// } else {
    ///     stream::once(async { 3 }).right_stream()
    /// };
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2]);
    /// ```
    fn left_stream<B>(self) -> Either<Self, B>
    where
        B: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Either::left(self)
    }

    /// Wraps the stream as the right side of an [`Either`]: see
    /// [`left_stream`](StreamExt::left_stream).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = if false {
    ///     stream::iter([1, 2]).left_stream()
    /// } else {
    ///     stream::once(async { 3 }).right_stream()
    /// };
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [3]);
    /// ```
    fn right_stream<B>(self) -> Either<B, Self>
    where
        B: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Either::right(self)
    }

    /// Interleaves the items of this stream and `other` as they become
    /// ready, alternating fairly which one is polled first (starting with
    /// `self`); ends when both have ended.
    ///
    /// Each stream's own order is kept. When both are always ready the
    /// output strictly alternates until one ends. The result is fused (an
    /// ended input is never polled again) and its `size_hint` is the sum of
    /// the live inputs'. This is tokio-stream's `StreamExt::merge`, and the
    /// same stream as [`stream::select`](crate::stream::select()).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(["a", "b", "c"]).merge(stream::iter(["x"]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), ["a", "x", "b", "c"]);
    /// ```
    fn merge<U>(self, other: U) -> Merge<Self, U>
    where
        U: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Merge::new(self, other)
    }
    // endregion: either and merge methods

    // region: concurrency methods

    /// Runs the futures the stream yields concurrently, at most `limit` at a
    /// time, and yields their outputs as they complete.
    ///
    /// `limit` is `impl Into<Option<usize>>`: `None` and `0` mean unlimited
    /// (futures-util's `buffer_unordered(0)` hangs instead). At most `limit`
    /// futures exist at any instant, and the pipeline stays full: when a
    /// future completes, its slot is refilled from the input in the same
    /// poll that yields its output. Only woken futures are polled. The
    /// stream ends once the input has ended and every future completed;
    /// an empty input gives an empty stream. Dropping the stream drops the
    /// futures in flight (cancelling them) and the input.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let fetches = ["a", "bb", "ccc"].map(|url| async move { url.len() });
    /// let lens = stream::iter(fetches).buffer_unordered(2);
    /// let mut out: Vec<usize> = rill_test::block_on(lens.collect());
    /// out.sort();
    /// assert_eq!(out, [1, 2, 3]);
    /// ```
    #[cfg(feature = "alloc")]
    fn buffer_unordered(self, limit: impl Into<Option<usize>>) -> BufferUnordered<Self>
    where
        Self: Sized,
        Self::Item: Future,
    {
        BufferUnordered::new(self, limit)
    }

    /// Runs the futures the stream yields concurrently, at most `limit` at a
    /// time, and yields their outputs in input order.
    ///
    /// Limits as in [`buffer_unordered`](StreamExt::buffer_unordered) (`None`
    /// and `0` mean unlimited); an output that is ready before the ones
    /// ahead of it waits (and counts towards the limit until it is yielded).
    /// Dropping the stream drops the futures in flight and waiting outputs.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([3, 1, 2].map(|n| async move { n * 10 })).buffered(0);
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [30, 10, 20]);
    /// ```
    #[cfg(feature = "alloc")]
    fn buffered(self, limit: impl Into<Option<usize>>) -> Buffered<Self>
    where
        Self: Sized,
        Self::Item: Future,
    {
        Buffered::new(self, limit)
    }

    /// Runs `f` on every item and drives the returned futures concurrently,
    /// at most `limit` at a time (`None` and `0`: unlimited); resolves once
    /// the stream has ended and every future completed.
    ///
    /// Like `buffer_unordered`, a slot that frees is refilled in the same
    /// poll. Dropping the future drops the futures in flight. A panic in `f`
    /// or in a future propagates out of `poll`.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let sum = AtomicUsize::new(0);
    /// rill_test::block_on(stream::iter(1..=4).for_each_concurrent(2, |n| {
    ///     let sum = &sum;
    ///     async move {
    ///         sum.fetch_add(n, Ordering::Relaxed);
    ///     }
    /// }));
    /// assert_eq!(sum.into_inner(), 10);
    /// ```
    #[cfg(feature = "alloc")]
    fn for_each_concurrent<Fut, F>(
        self,
        limit: impl Into<Option<usize>>,
        f: F,
    ) -> ForEachConcurrent<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Item) -> Fut,
        Fut: Future<Output = ()>,
    {
        ForEachConcurrent::new(self, limit, f)
    }

    /// Polls up to `limit` of the streams this stream yields at once
    /// (`None` and `0`: unlimited) and yields their items as they come.
    ///
    /// Inner streams run on the crate's task set: only woken ones are
    /// polled, ready ones take turns. When an inner stream ends, the next one
    /// is pulled from the input in the same poll. Ends once the input and
    /// every inner stream have ended. Dropping it drops the inner streams in
    /// flight.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([stream::iter(vec![1, 2]), stream::iter(vec![3])]);
    /// let mut out: Vec<i32> = rill_test::block_on(s.flatten_unordered(None).collect());
    /// out.sort();
    /// assert_eq!(out, [1, 2, 3]);
    /// ```
    #[cfg(feature = "alloc")]
    fn flatten_unordered(self, limit: impl Into<Option<usize>>) -> FlattenUnordered<Self>
    where
        Self: Sized,
        Self::Item: Stream,
    {
        FlattenUnordered::new(self, limit)
    }

    /// Maps each item to a stream with `f` and polls up to `limit` of those
    /// streams at once (`None` and `0`: unlimited), yielding their items as
    /// they come; as [`flatten_unordered`](StreamExt::flatten_unordered)
    /// after a `map`.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(1..=3).flat_map_unordered(2, |n| stream::iter(0..n));
    /// let mut out: Vec<u32> = rill_test::block_on(s.collect());
    /// out.sort();
    /// assert_eq!(out, [0, 0, 0, 1, 1, 2]);
    /// ```
    #[cfg(feature = "alloc")]
    fn flat_map_unordered<U, F>(
        self,
        limit: impl Into<Option<usize>>,
        f: F,
    ) -> FlatMapUnordered<Self, U, F>
    where
        Self: Sized,
        U: Stream,
        F: FnMut(Self::Item) -> U,
    {
        FlatMapUnordered::new(self, limit, f)
    }

    // endregion: concurrency methods
}

impl<S: Stream + ?Sized> StreamExt for S {}
