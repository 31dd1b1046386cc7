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
    // endregion: concurrency methods
}

impl<S: Stream + ?Sized> StreamExt for S {}
