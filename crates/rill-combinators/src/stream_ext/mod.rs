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
mod all;
mod any;
mod chain;
mod concat;
mod count;
mod cycle;
mod drive;
mod find;
mod find_map;
mod flat_map;
mod flatten;
mod fold;
mod for_each;
mod last;
mod nth;
mod partition;
mod position;
mod unzip;
mod zip;

pub use all::All;
pub use any::Any;
pub use chain::Chain;
pub use concat::Concat;
pub use count::Count;
pub use cycle::Cycle;
pub use find::Find;
pub use find_map::FindMap;
pub use flat_map::FlatMap;
pub use flatten::Flatten;
pub use fold::Fold;
pub use for_each::ForEach;
pub use last::Last;
pub use nth::Nth;
pub use partition::Partition;
pub use position::Position;
pub use unzip::Unzip;
pub use zip::Zip;
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
    /// Tests whether every item satisfies an asynchronous predicate, like
    /// [`Iterator::all`].
    ///
    /// The closure's futures run one at a time, in stream order. The future
    /// resolves to `false` at the first item whose test resolves to `false`,
    /// without polling the stream again, and to `true` when the stream ends
    /// first, so `true` for an empty stream. See [`All`] for polling after
    /// completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([2, 4]).all(|x| async move { x % 2 == 0 }).await);
    ///     assert!(!stream::iter([2, 3, 4]).all(|x| async move { x % 2 == 0 }).await);
    ///     assert!(stream::iter(Vec::<u8>::new()).all(|_| async { false }).await);
    /// });
    /// ```
    fn all<Fut, F>(self, f: F) -> All<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        All::new(self, f)
    }

    /// Tests whether any item satisfies an asynchronous predicate, like
    /// [`Iterator::any`].
    ///
    /// The closure's futures run one at a time, in stream order. The future
    /// resolves to `true` at the first item whose test resolves to `true`,
    /// without polling the stream again, and to `false` when the stream ends
    /// first, so `false` for an empty stream. See [`Any`] for polling after
    /// completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1, 2, 3]).any(|x| async move { x == 2 }).await);
    ///     assert!(!stream::iter([1, 3]).any(|x| async move { x == 2 }).await);
    /// });
    /// ```
    fn any<Fut, F>(self, f: F) -> Any<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        Any::new(self, f)
    }

    /// Yields the items of this stream, then those of `other`, like
    /// [`Iterator::chain`].
    ///
    /// `other` is not polled before this stream has ended; this stream is
    /// dropped when it ends. See [`Chain`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).chain(stream::iter([3, 4]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3, 4]);
    /// ```
    fn chain<St>(self, other: St) -> Chain<Self, St>
    where
        St: Stream<Item = Self::Item>,
        Self: Sized,
    {
        Chain::new(self, other)
    }

    /// Joins the items, which are collections themselves, into one: the
    /// first item is extended by each later one.
    ///
    /// An empty stream gives `Default::default()`. See [`Concat`] for
    /// polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let parts = stream::iter([vec!['r', 'i'], vec![], vec!['l', 'l']]);
    ///     assert_eq!(parts.concat().await, ['r', 'i', 'l', 'l']);
    ///     assert_eq!(stream::iter(Vec::<Vec<u8>>::new()).concat().await, Vec::<u8>::new());
    /// });
    /// ```
    fn concat(self) -> Concat<Self>
    where
        Self: Sized,
        Self::Item: Extend<<Self::Item as IntoIterator>::Item> + IntoIterator + Default,
    {
        Concat::new(self)
    }

    /// Counts the items until the stream ends, like [`Iterator::count`].
    ///
    /// See [`Count`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// assert_eq!(rill_test::block_on(stream::iter(0..7).count()), 7);
    /// assert_eq!(rill_test::block_on(stream::iter(0..0).count()), 0);
    /// ```
    fn count(self) -> Count<Self>
    where
        Self: Sized,
    {
        Count::new(self)
    }

    /// Repeats the stream endlessly, like [`Iterator::cycle`]: whenever it
    /// ends, a fresh clone of the stream as it was at the start takes over.
    ///
    /// The cycle of an empty stream is empty: the cycle ends when a copy
    /// ends without yielding anything. See [`Cycle`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).cycle().zip(stream::iter(0..5));
    /// let v: Vec<_> = rill_test::block_on(s.collect());
    /// assert_eq!(v, [(1, 0), (2, 1), (1, 2), (2, 3), (1, 4)]);
    /// assert_eq!(rill_test::block_on(stream::iter(0..0).cycle().count()), 0);
    /// ```
    fn cycle(self) -> Cycle<Self>
    where
        Self: Sized + Clone,
    {
        Cycle::new(self)
    }

    /// Finds the first item that satisfies an asynchronous predicate, like
    /// [`Iterator::find`].
    ///
    /// The closure gets a reference to the item, so its future cannot
    /// borrow the item: copy what the test needs out of it first
    /// (`|&x| async move { .. }` or `|s| { let n = s.len(); async move { .. } }`).
    /// The stream is not polled past the found item. Resolves to `None` when
    /// the stream ends first. See [`Find`] for polling after completion and
    /// dropping; to go on with the stream afterwards, call it on `&mut stream`.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(1..10);
    ///     assert_eq!((&mut s).find(|&x| async move { x % 4 == 0 }).await, Some(4));
    ///     assert_eq!(s.next().await, Some(5));
    ///     assert_eq!(s.find(|_| async { false }).await, None);
    /// });
    /// ```
    fn find<Fut, F>(self, f: F) -> Find<Self, Fut, F>
    where
        F: FnMut(&Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        Find::new(self, f)
    }

    /// Resolves to the first `Some` that the closure's future returns for
    /// an item, like [`Iterator::find_map`].
    ///
    /// The stream is not polled past that item; `None` when the stream ends
    /// first. See [`FindMap`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(["x", "4", "5"]);
    /// let n = s.find_map(|s| async move { s.parse::<u8>().ok() });
    /// assert_eq!(rill_test::block_on(n), Some(4));
    /// ```
    fn find_map<B, Fut, F>(self, f: F) -> FindMap<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = Option<B>>,
        Self: Sized,
    {
        FindMap::new(self, f)
    }

    /// Maps each item to a stream and yields the items of those streams,
    /// one stream after the other, like [`Iterator::flat_map`].
    ///
    /// The closure is called for the next item only once the previous
    /// stream has ended. See [`FlatMap`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(["ab", "", "c"]).flat_map(|w| stream::iter(w.chars()));
    /// assert_eq!(rill_test::block_on(s.collect::<String>()), "abc");
    /// ```
    fn flat_map<U, F>(self, f: F) -> FlatMap<Self, U, F>
    where
        F: FnMut(Self::Item) -> U,
        U: Stream,
        Self: Sized,
    {
        FlatMap::new(self, f)
    }

    /// Yields the items of each inner stream, one inner stream after the
    /// other, like [`Iterator::flatten`].
    ///
    /// The next inner stream is pulled only once the previous one has ended;
    /// empty inner streams are skipped. See [`Flatten`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let nested = stream::iter([stream::iter(0..2), stream::iter(0..0), stream::iter(5..6)]);
    /// assert_eq!(rill_test::block_on(nested.flatten().collect::<Vec<_>>()), [0, 1, 5]);
    /// ```
    fn flatten(self) -> Flatten<Self>
    where
        Self::Item: Stream,
        Self: Sized,
    {
        Flatten::new(self)
    }

    /// Folds every item into an accumulator with an asynchronous closure,
    /// like [`Iterator::fold`]: the closure takes the accumulator and an
    /// item and returns a future of the next accumulator.
    ///
    /// The futures run one at a time, in stream order; an empty stream
    /// gives `init`. See [`Fold`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let sum = stream::iter(1..=4).fold(0, |acc, x| async move { acc + x }).await;
    ///     assert_eq!(sum, 10);
    ///     let none = stream::iter(0..0).fold(7, |acc, x| async move { acc + x }).await;
    ///     assert_eq!(none, 7);
    /// });
    /// ```
    fn fold<T, Fut, F>(self, init: T, f: F) -> Fold<Self, Fut, T, F>
    where
        F: FnMut(T, Self::Item) -> Fut,
        Fut: core::future::Future<Output = T>,
        Self: Sized,
    {
        Fold::new(self, init, f)
    }

    /// Runs an asynchronous closure on every item, one after the other, and
    /// resolves when the stream ends, like [`Iterator::for_each`].
    ///
    /// The next item is pulled only once the previous item's future has
    /// resolved (for concurrency, see `for_each_concurrent`). See
    /// [`ForEach`] for polling after completion and dropping.
    ///
    /// ```
    /// use std::cell::RefCell;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let seen = RefCell::new(Vec::new());
    /// rill_test::block_on(stream::iter(1..=3).for_each(|x| {
    ///     let seen = &seen;
    ///     async move { seen.borrow_mut().push(x * 10) }
    /// }));
    /// assert_eq!(seen.into_inner(), [10, 20, 30]);
    /// ```
    fn for_each<Fut, F>(self, f: F) -> ForEach<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = ()>,
        Self: Sized,
    {
        ForEach::new(self, f)
    }

    /// Resolves to the last item, or `None` for an empty stream, like
    /// [`Iterator::last`].
    ///
    /// See [`Last`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// assert_eq!(rill_test::block_on(stream::iter(1..=3).last()), Some(3));
    /// assert_eq!(rill_test::block_on(stream::iter(1..1).last()), None);
    /// ```
    fn last(self) -> Last<Self>
    where
        Self: Sized,
    {
        Last::new(self)
    }

    /// Resolves to the item at zero-based index `n`, or `None` if the
    /// stream ends before it, like [`Iterator::nth`].
    ///
    /// The `n` items before it are dropped, and the stream is not polled
    /// past it: call it on `&mut stream` to go on afterwards. See [`Nth`]
    /// for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(10..15);
    ///     assert_eq!((&mut s).nth(0).await, Some(10));
    ///     assert_eq!((&mut s).nth(2).await, Some(13));
    ///     assert_eq!(s.nth(5).await, None);
    /// });
    /// ```
    fn nth(self, n: usize) -> Nth<Self>
    where
        Self: Sized,
    {
        Nth::new(self, n)
    }

    /// Splits the items in two collections by an asynchronous predicate,
    /// like [`Iterator::partition`]: those for which the closure's future
    /// resolves to `true`, then the others, each in stream order.
    ///
    /// As with [`find`](StreamExt::find), the closure gets a reference to
    /// the item. See [`Partition`] for polling after completion and
    /// dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(["a", "bb", "c"]).partition(|s| {
    ///     let short = s.len() == 1;
    ///     async move { short }
    /// });
    /// let (short, long): (Vec<_>, Vec<_>) = rill_test::block_on(s);
    /// assert_eq!((short, long), (vec!["a", "c"], vec!["bb"]));
    /// ```
    fn partition<B, Fut, F>(self, f: F) -> Partition<Self, Fut, F, B>
    where
        F: FnMut(&Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        B: Default + Extend<Self::Item>,
        Self: Sized,
    {
        Partition::new(self, f)
    }

    /// Resolves to the zero-based index of the first item that satisfies an
    /// asynchronous predicate, like [`Iterator::position`].
    ///
    /// The stream is not polled past that item; `None` when the stream ends
    /// first. See [`Position`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([3, 1, 4, 1, 5]);
    /// assert_eq!(rill_test::block_on(s.position(|x| async move { x > 3 })), Some(2));
    /// ```
    fn position<Fut, F>(self, f: F) -> Position<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        Position::new(self, f)
    }

    /// Splits a stream of pairs into two collections, like
    /// [`Iterator::unzip`].
    ///
    /// See [`Unzip`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let pairs = stream::iter([(1, 'x'), (2, 'y')]);
    /// let (nums, chars): (Vec<i32>, String) = rill_test::block_on(pairs.unzip());
    /// assert_eq!((nums, chars.as_str()), (vec![1, 2], "xy"));
    /// ```
    fn unzip<A, B, FromA, FromB>(self) -> Unzip<Self, FromA, FromB>
    where
        FromA: Default + Extend<A>,
        FromB: Default + Extend<B>,
        Self: Sized + Stream<Item = (A, B)>,
    {
        Unzip::new(self)
    }

    /// Pairs the items of two streams, like [`Iterator::zip`]; ends as soon
    /// as either stream ends.
    ///
    /// Both streams are polled while a pair is incomplete; once the first
    /// stream ended, the second is not polled again. See [`Zip`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(["a", "b", "c"]).zip(stream::iter(1..));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [("a", 1), ("b", 2), ("c", 3)]);
    /// ```
    fn zip<St>(self, other: St) -> Zip<Self, St>
    where
        St: Stream,
        Self: Sized,
    {
        Zip::new(self, other)
    }
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
