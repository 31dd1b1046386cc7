//! `StreamExt`: the everyday adapters and consumers, one per file.
//!
//! Each module holds one adapter or consumer (`peekable` also holds the
//! futures of its methods); its declaration stands next to its re-export.
//! The trait's methods are a few lines each that call the type's `new`.
//! How to add one: `docs/architecture.md`, "How to add a combinator".

use rill_core::Stream;

use crate::Either;
#[cfg(feature = "alloc")]
use crate::concurrent::{
    BufferUnordered, Buffered, FlatMapUnordered, FlattenUnordered, ForEachConcurrent,
};
use crate::constructors::{Or, Race};

// The polling cores that several consumers of this trait share.
mod accumulate; // `sum`, `product`
mod best; // `min`, `max` and their `_by`, `_by_key` forms
mod pairs; // `cmp`, `partial_cmp`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`

mod all;
pub use all::All;

mod any;
pub use any::Any;

#[cfg(feature = "std")]
mod catch_unwind;
#[cfg(feature = "std")]
pub use catch_unwind::CatchUnwind;

mod chain;
pub use chain::Chain;

#[cfg(feature = "alloc")]
mod chunks;
#[cfg(feature = "alloc")]
pub use chunks::Chunks;

mod cloned;
pub use cloned::Cloned;

mod cmp;
pub use cmp::Cmp;

mod collect;
pub use collect::Collect;

mod concat;
pub use concat::Concat;

mod copied;
pub use copied::Copied;

mod count;
pub use count::Count;

mod cycle;
pub use cycle::Cycle;

mod enumerate;
pub use enumerate::Enumerate;

mod eq;
pub use eq::Equals;

mod filter;
pub use filter::Filter;

mod filter_map;
pub use filter_map::FilterMap;

mod find;
pub use find::Find;

mod find_map;
pub use find_map::FindMap;

mod flat_map;
pub use flat_map::FlatMap;

mod flatten;
pub use flatten::Flatten;

mod fold;
pub use fold::Fold;

mod for_each;
pub use for_each::ForEach;

mod fuse;
pub use fuse::Fuse;

mod ge;
pub use ge::Ge;

mod gt;
pub use gt::Gt;

mod inspect;
pub use inspect::Inspect;

mod into_future;
pub use into_future::StreamFuture;

mod last;
pub use last::Last;

mod le;
pub use le::Le;

mod lt;
pub use lt::Lt;

mod map;
pub use map::Map;

mod map_while;
pub use map_while::MapWhile;

mod max;
pub use max::Max;

mod max_by;
pub use max_by::MaxBy;

mod max_by_key;
pub use max_by_key::MaxByKey;

mod merge;
pub use merge::Merge;

mod min;
pub use min::Min;

mod min_by;
pub use min_by::MinBy;

mod min_by_key;
pub use min_by_key::MinByKey;

mod ne;
pub use ne::Ne;

mod next;
pub use next::Next;

mod nth;
pub use nth::Nth;

mod partial_cmp;
pub use partial_cmp::PartialCmp;

mod partition;
pub use partition::Partition;

mod peekable;
pub use peekable::{NextIf, NextIfEq, Peek, PeekMut, Peekable};

mod position;
pub use position::Position;

mod product;
pub use product::Product;

#[cfg(feature = "alloc")]
mod ready_chunks;
#[cfg(feature = "alloc")]
pub use ready_chunks::ReadyChunks;

mod scan;
pub use scan::Scan;

mod select_next_some;
pub use select_next_some::SelectNextSome;

mod skip;
pub use skip::Skip;

mod skip_while;
pub use skip_while::SkipWhile;

mod step_by;
pub use step_by::StepBy;

mod sum;
pub use sum::Sum;

mod take;
pub use take::Take;

mod take_until;
pub use take_until::TakeUntil;

mod take_while;
pub use take_while::TakeWhile;

mod then;
pub use then::Then;

mod unzip;
pub use unzip::Unzip;

mod zip;
pub use zip::Zip;

/// Adapters and consumers for every [`Stream`], with the names, signatures
/// and semantics of `futures_util::StreamExt`.
///
/// [`Stream`] is futures-core's trait, so these methods apply to a stream
/// made by any crate (tokio-stream, reqwest, tonic, futures-util itself), and
/// what they return goes into any API that takes a `futures_core::Stream`.
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

    /// Boxes the stream into a [`BoxStream`](rill_core::BoxStream): an
    /// owned, pinned, type-erased `Send` stream, for returning different
    /// stream types from one function or storing them side by side.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::BoxStream;
    ///
    /// let streams: Vec<BoxStream<'static, u8>> = vec![
    ///     stream::iter([1]).boxed(),
    ///     stream::iter([2, 3]).map(|x| x * 10).boxed(),
    /// ];
    /// let mut all = Vec::new();
    /// for s in streams {
    ///     all.extend(rill_test::block_on(s.collect::<Vec<_>>()));
    /// }
    /// assert_eq!(all, [1, 20, 30]);
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    fn boxed<'a>(self) -> rill_core::BoxStream<'a, Self::Item>
    where
        Self: Sized + Send + 'a,
    {
        alloc::boxed::Box::pin(self)
    }

    /// Boxes the stream into a [`LocalBoxStream`](rill_core::LocalBoxStream),
    /// like [`boxed`](StreamExt::boxed) for a stream that is not `Send`.
    ///
    /// ```
    /// use std::rc::Rc;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::LocalBoxStream;
    ///
    /// let s: LocalBoxStream<'static, Rc<u8>> = stream::iter([Rc::new(1)]).boxed_local();
    /// let v = rill_test::block_on(s.collect::<Vec<_>>());
    /// assert_eq!(*v[0], 1);
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    fn boxed_local<'a>(self) -> rill_core::LocalBoxStream<'a, Self::Item>
    where
        Self: Sized + 'a,
    {
        alloc::boxed::Box::pin(self)
    }

    /// Borrows the stream, so that an adapter can consume the borrow and the
    /// stream be used again afterwards (`&mut S` is a stream when `S:
    /// Unpin`).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(1..=5);
    ///     let first: Vec<_> = s.by_ref().take(2).collect().await;
    ///     assert_eq!(first, [1, 2]);
    ///     assert_eq!(s.collect::<Vec<_>>().await, [3, 4, 5]);
    /// });
    /// ```
    fn by_ref(&mut self) -> &mut Self {
        self
    }

    /// Catches a panic raised while polling the stream: every item comes
    /// out as `Ok(item)`, a panic as `Err(payload)` (the value given to
    /// [`std::panic::resume_unwind`] to re-raise it), after which the stream
    /// ends without polling the inner stream again.
    ///
    /// Items yielded before the panic are all delivered, none twice. A panic
    /// inside an earlier adapter's closure (`map`, `filter`, ...) is caught
    /// too, since it happens while polling. `size_hint` allows for a panic
    /// at any poll: a lower bound of at most 1, and one more than the inner
    /// upper bound. Fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2, 0, 4])
    ///     .map(|x| 12 / x) // panics at 0
    ///     .catch_unwind();
    /// # std::panic::set_hook(Box::new(|_| {}));
    /// let v = rill_test::block_on(s.collect::<Vec<_>>());
    /// assert_eq!(v.len(), 3);
    /// assert_eq!(v[0].as_ref().ok(), Some(&12));
    /// assert_eq!(v[1].as_ref().ok(), Some(&6));
    /// assert!(v[2].is_err());
    /// ```
    #[cfg(feature = "std")]
    #[cfg_attr(docsrs, doc(cfg(feature = "std")))]
    fn catch_unwind(self) -> CatchUnwind<Self>
    where
        Self: Sized + std::panic::UnwindSafe,
    {
        CatchUnwind::new(self)
    }

    /// Gathers items into `Vec`s of `capacity` items each; when the stream
    /// ends, the items left over (if any) come as one shorter `Vec`.
    ///
    /// The adapter waits for a full chunk: items already gathered stay
    /// inside while the stream is pending (see
    /// [`ready_chunks`](StreamExt::ready_chunks) to get them at once).
    /// Dropping the adapter drops them. An empty stream yields no chunk.
    /// `size_hint` is exact when the inner one is. Fused: the inner stream
    /// is not polled after it ended.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0, at the caller's line.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(1..=5).chunks(2).collect::<Vec<_>>());
    /// assert_eq!(v, [vec![1, 2], vec![3, 4], vec![5]]);
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    #[track_caller]
    fn chunks(self, capacity: usize) -> Chunks<Self>
    where
        Self: Sized,
    {
        Chunks::new(self, capacity)
    }

    /// Pairs every item with its index, counting from 0, like
    /// [`Iterator::enumerate`].
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    /// Panics if more than `usize::MAX` items come through.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(['a', 'b']).enumerate().collect::<Vec<_>>());
    /// assert_eq!(v, [(0, 'a'), (1, 'b')]);
    /// ```
    fn enumerate(self) -> Enumerate<Self>
    where
        Self: Sized,
    {
        Enumerate::new(self)
    }

    /// Keeps the items for which the asynchronous predicate `f` resolves to
    /// `true`, like [`Iterator::filter`].
    ///
    /// `f` gets a reference to the item and returns a future; the next item
    /// is pulled only once that future resolved. A synchronous test fits
    /// with [`core::future::ready`]; an `async` block cannot borrow the item,
    /// so copy what it needs first: `filter(|x| { let x = *x; async move {
    /// x > 2 } })`. Fused when the inner stream is.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let evens = stream::iter(1..=6).filter(|x| ready(x % 2 == 0));
    ///     assert_eq!(evens.collect::<Vec<_>>().await, [2, 4, 6]);
    ///
    ///     let big = stream::iter(1..=6).filter(|x| {
    ///         let x = *x;
    ///         async move { x > 4 }
    ///     });
    ///     assert_eq!(big.collect::<Vec<_>>().await, [5, 6]);
    /// });
    /// ```
    fn filter<Fut, F>(self, f: F) -> Filter<Self, Fut, F>
    where
        F: FnMut(&Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        Filter::new(self, f)
    }

    /// Maps every item through the asynchronous closure `f` and keeps the
    /// `Some` results, like [`Iterator::filter_map`].
    ///
    /// `f` takes the item by value, so an `async move` block fits as is.
    /// Fused when the inner stream is.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let nums = stream::iter(["1", "x", "3"]).filter_map(|s| ready(s.parse::<u8>().ok()));
    ///     assert_eq!(nums.collect::<Vec<_>>().await, [1, 3]);
    ///
    ///     let halves = stream::iter(1..=4).filter_map(|x| async move { (x % 2 == 0).then_some(x / 2) });
    ///     assert_eq!(halves.collect::<Vec<_>>().await, [1, 2]);
    /// });
    /// ```
    fn filter_map<Fut, T, F>(self, f: F) -> FilterMap<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future<Output = Option<T>>,
        Self: Sized,
    {
        FilterMap::new(self, f)
    }

    /// Makes the stream fused: once the inner stream returned `Ready(None)`,
    /// it is never polled again and every later poll returns `Ready(None)`.
    ///
    /// The result implements [`FusedStream`](rill_core::FusedStream);
    /// [`Fuse::is_done`] tells whether the end was reached.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::FusedStream as _;
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter([1]).fuse();
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert_eq!(s.next().await, None);
    ///     assert!(s.is_terminated());
    ///     assert_eq!(s.next().await, None);
    /// });
    /// ```
    fn fuse(self) -> Fuse<Self>
    where
        Self: Sized,
    {
        Fuse::new(self)
    }

    /// Calls `f` with a reference to every item before passing it on, like
    /// [`Iterator::inspect`].
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut seen = Vec::new();
    /// let v = rill_test::block_on(stream::iter([1, 2]).inspect(|x| seen.push(*x)).collect::<Vec<_>>());
    /// assert_eq!(v, [1, 2]);
    /// assert_eq!(seen, [1, 2]);
    /// ```
    fn inspect<F>(self, f: F) -> Inspect<Self, F>
    where
        F: FnMut(&Self::Item),
        Self: Sized,
    {
        Inspect::new(self, f)
    }

    /// Returns a future that resolves to the next item together with the
    /// stream itself: `(Some(item), stream)`, or `(None, stream)` at the
    /// end.
    ///
    /// Dropping the future before it completes loses no item; the stream
    /// can be got back with [`StreamFuture::into_inner`]. Polling the
    /// future again after it completed panics.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let (first, rest) = stream::iter([1, 2, 3]).into_future().await;
    ///     assert_eq!(first, Some(1));
    ///     assert_eq!(rest.collect::<Vec<_>>().await, [2, 3]);
    /// });
    /// ```
    fn into_future(self) -> StreamFuture<Self>
    where
        Self: Sized + Unpin,
    {
        StreamFuture::new(self)
    }

    /// Applies `f` to every item, like [`Iterator::map`].
    ///
    /// `f` is a plain closure; for an asynchronous one (`|x| async move {
    /// ... }`) use [`then`](StreamExt::then). `size_hint` is the inner
    /// stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(1..=3).map(|x| x * 2).collect::<Vec<_>>());
    /// assert_eq!(v, [2, 4, 6]);
    /// ```
    fn map<T, F>(self, f: F) -> Map<Self, F>
    where
        F: FnMut(Self::Item) -> T,
        Self: Sized,
    {
        Map::new(self, f)
    }

    /// Maps items while `f` returns `Some`, and ends at the first `None`,
    /// like [`Iterator::map_while`].
    ///
    /// futures-util has no `map_while`; rill adds it. Unlike the iterator
    /// adapter, it is always fused: after the first `None` (from `f` or the
    /// inner stream), the inner stream is never polled again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([4, 2, 0, 1]).map_while(|x| 8u32.checked_div(x));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [2, 4]);
    /// ```
    fn map_while<T, F>(self, f: F) -> MapWhile<Self, F>
    where
        F: FnMut(Self::Item) -> Option<T>,
        Self: Sized,
    {
        MapWhile::new(self, f)
    }

    /// Wraps the stream so that the next item can be looked at without
    /// taking it: [`Peekable::peek`], [`peek_mut`](Peekable::peek_mut),
    /// [`next_if`](Peekable::next_if), [`next_if_eq`](Peekable::next_if_eq)
    /// and their `poll_` forms.
    ///
    /// The adapter is fused, and its `size_hint` counts a peeked item.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter([1, 2]).peekable());
    ///     assert_eq!(s.as_mut().peek().await, Some(&1));
    ///     assert_eq!(s.collect::<Vec<_>>().await, [1, 2]);
    /// });
    /// ```
    fn peekable(self) -> Peekable<Self>
    where
        Self: Sized,
    {
        Peekable::new(self)
    }

    /// Polls [`Stream::poll_next`] on an `Unpin` stream without pinning it
    /// first: handy inside a hand-written `poll` function.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = stream::iter([1]);
    /// let mut cx = rill_test::noop_context();
    /// assert_eq!(s.poll_next_unpin(&mut cx), Poll::Ready(Some(1)));
    /// assert_eq!(s.poll_next_unpin(&mut cx), Poll::Ready(None));
    /// ```
    fn poll_next_unpin(
        &mut self,
        cx: &mut core::task::Context<'_>,
    ) -> core::task::Poll<Option<Self::Item>>
    where
        Self: Unpin,
    {
        core::pin::Pin::new(self).poll_next(cx)
    }

    /// Yields the items that are ready at once, in `Vec`s of 1 to
    /// `capacity` items: a chunk ends when it is full, when the inner stream
    /// is pending, or when it ends.
    ///
    /// Never yields an empty `Vec`, and never holds an item back while the
    /// inner stream is pending. Fused: the inner stream is not polled after
    /// it ended.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0, at the caller's line.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// // `iter` is always ready, so every chunk is full but the last.
    /// let v = rill_test::block_on(stream::iter(1..=5).ready_chunks(2).collect::<Vec<_>>());
    /// assert_eq!(v, [vec![1, 2], vec![3, 4], vec![5]]);
    ///
    /// // Through `interleave_pending`, every item comes alone.
    /// let s = rill_test::interleave_pending(stream::iter(1..=3)).ready_chunks(2);
    /// let v = rill_test::block_on(s.collect::<Vec<_>>());
    /// assert_eq!(v, [vec![1], vec![2], vec![3]]);
    /// ```
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    #[track_caller]
    fn ready_chunks(self, capacity: usize) -> ReadyChunks<Self>
    where
        Self: Sized,
    {
        ReadyChunks::new(self, capacity)
    }

    /// Threads a state through the asynchronous closure `f`, yielding its
    /// outputs until one is `None`, like [`Iterator::scan`].
    ///
    /// `f` gets `&mut` state and the item and returns a future; since the
    /// future cannot keep the borrow of the state, update the state in the
    /// closure and move what the future needs into it (`async move`). After
    /// the first `None` the state is dropped and the stream ends for good
    /// ([`Scan::is_done_taking`]).
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let sums = stream::iter(1..=5).scan(0, |sum, x| {
    ///         *sum += x;
    ///         ready((*sum < 10).then_some(*sum))
    ///     });
    ///     assert_eq!(sums.collect::<Vec<_>>().await, [1, 3, 6]);
    ///
    ///     let labels = stream::iter(["a", "b"]).scan(0, |n, s| {
    ///         *n += 1;
    ///         let n = *n;
    ///         async move { Some(format!("{n}:{s}")) }
    ///     });
    ///     assert_eq!(labels.collect::<Vec<_>>().await, ["1:a", "2:b"]);
    /// });
    /// ```
    fn scan<S, B, Fut, F>(self, initial_state: S, f: F) -> Scan<Self, S, Fut, F>
    where
        F: FnMut(&mut S, Self::Item) -> Fut,
        Fut: core::future::Future<Output = Option<B>>,
        Self: Sized,
    {
        Scan::new(self, initial_state, f)
    }

    /// Drops the first `n` items, then passes every item on, like
    /// [`Iterator::skip`].
    ///
    /// `skip(0)` passes everything; a stream shorter than `n` yields
    /// nothing. `size_hint` is exact when the inner one is; fused when the
    /// inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(1..=5).skip(3).collect::<Vec<_>>());
    /// assert_eq!(v, [4, 5]);
    /// ```
    fn skip(self, n: usize) -> Skip<Self>
    where
        Self: Sized,
    {
        Skip::new(self, n)
    }

    /// Drops items while the asynchronous predicate `f` resolves to `true`;
    /// from the first `false` on, passes every item on (without calling `f`
    /// again), like [`Iterator::skip_while`].
    ///
    /// As with [`filter`](StreamExt::filter), `f` gets a reference: use
    /// [`core::future::ready`], or copy the item into an `async move` block.
    /// Fused when the inner stream is.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let s = stream::iter([1, 2, 5, 1]).skip_while(|x| ready(*x < 3));
    ///     assert_eq!(s.collect::<Vec<_>>().await, [5, 1]);
    ///
    ///     let s = stream::iter([1, 2, 5, 1]).skip_while(|x| {
    ///         let x = *x;
    ///         async move { x != 2 }
    ///     });
    ///     assert_eq!(s.collect::<Vec<_>>().await, [2, 5, 1]);
    /// });
    /// ```
    fn skip_while<Fut, F>(self, f: F) -> SkipWhile<Self, Fut, F>
    where
        F: FnMut(&Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        SkipWhile::new(self, f)
    }

    /// Yields the first item, then every `step`-th item after it, like
    /// [`Iterator::step_by`].
    ///
    /// futures-util has no `step_by`; rill adds it. `step_by(1)` passes
    /// everything. `size_hint` is exact when the inner one is; fused when
    /// the inner stream is.
    ///
    /// # Panics
    ///
    /// If `step` is 0, at the caller's line.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(0..10).step_by(4).collect::<Vec<_>>());
    /// assert_eq!(v, [0, 4, 8]);
    /// ```
    #[track_caller]
    fn step_by(self, step: usize) -> StepBy<Self>
    where
        Self: Sized,
    {
        StepBy::new(self, step)
    }

    /// Yields at most `n` items, like [`Iterator::take`]; once `n` items came
    /// through, the inner stream is not polled again.
    ///
    /// `take(0)` yields nothing and never polls the inner stream.
    /// `size_hint` is exact when the inner one is. Always fused: after its
    /// end (`n` items, or the inner stream's end) it returns `Ready(None)`
    /// without polling the inner stream.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v = rill_test::block_on(stream::iter(1..).take(3).collect::<Vec<_>>());
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    fn take(self, n: usize) -> Take<Self>
    where
        Self: Sized,
    {
        Take::new(self, n)
    }

    /// Passes items on until the future `fut` resolves, then ends.
    ///
    /// `fut` is polled before the stream on every poll: once it resolved,
    /// the stream ends at once (no item that is already there comes
    /// through). Its output can be taken with [`TakeUntil::take_result`];
    /// [`TakeUntil::take_future`] takes the future out, after which the
    /// stream runs until the inner stream ends. Always fused.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     // A stop signal that fires on its second poll.
    ///     let mut polls = 0;
    ///     let stop = core::future::poll_fn(move |cx| {
    ///         polls += 1;
    ///         if polls < 2 {
    ///             cx.waker().wake_by_ref();
    ///             core::task::Poll::Pending
    ///         } else {
    ///             core::task::Poll::Ready("stopped")
    ///         }
    ///     });
    ///     let mut s = stream::iter(1..).take_until(stop);
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert_eq!(s.next().await, None);
    ///     assert_eq!(s.take_result(), Some("stopped"));
    /// });
    /// ```
    fn take_until<Fut>(self, fut: Fut) -> TakeUntil<Self, Fut>
    where
        Fut: core::future::Future,
        Self: Sized,
    {
        TakeUntil::new(self, fut)
    }

    /// Passes items on while the asynchronous predicate `f` resolves to
    /// `true`, and ends at the first `false` (that item is dropped), like
    /// [`Iterator::take_while`]. After that, the inner stream is never
    /// polled again.
    ///
    /// As with [`filter`](StreamExt::filter), `f` gets a reference: use
    /// [`core::future::ready`], or copy the item into an `async move` block.
    /// Fused when the inner stream is.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let s = stream::iter([1, 2, 5, 1]).take_while(|x| ready(*x < 3));
    ///     assert_eq!(s.collect::<Vec<_>>().await, [1, 2]);
    ///
    ///     let s = stream::iter([1, 2, 5, 1]).take_while(|x| {
    ///         let x = *x;
    ///         async move { x == 1 }
    ///     });
    ///     assert_eq!(s.collect::<Vec<_>>().await, [1]);
    /// });
    /// ```
    fn take_while<Fut, F>(self, f: F) -> TakeWhile<Self, Fut, F>
    where
        F: FnMut(&Self::Item) -> Fut,
        Fut: core::future::Future<Output = bool>,
        Self: Sized,
    {
        TakeWhile::new(self, f)
    }

    /// Runs the asynchronous closure `f` on every item and yields its
    /// outputs, one at a time and in order: the next item is pulled only
    /// once the previous future resolved.
    ///
    /// `size_hint` counts a future in flight; fused when the inner stream
    /// is. For futures run concurrently, map to futures and use a buffered
    /// adapter instead.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(1..=3).then(|x| async move { x * 2 });
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [2, 4, 6]);
    /// ```
    fn then<Fut, F>(self, f: F) -> Then<Self, Fut, F>
    where
        F: FnMut(Self::Item) -> Fut,
        Fut: core::future::Future,
        Self: Sized,
    {
        Then::new(self, f)
    }

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

    /// Turns a stream of references into a stream of clones, like
    /// [`Iterator::cloned`].
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let words = [String::from("a"), String::from("b")];
    /// let v: Vec<String> = rill_test::block_on(stream::iter(&words).cloned().collect());
    /// assert_eq!(v, words);
    /// ```
    fn cloned<'a, T>(self) -> Cloned<Self>
    where
        Self: Sized + Stream<Item = &'a T>,
        T: Clone + 'a,
    {
        Cloned::new(self)
    }

    /// Turns a stream of references into a stream of copies, like
    /// [`Iterator::copied`].
    ///
    /// `size_hint` is the inner stream's; fused when the inner stream is.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let v: Vec<u8> = rill_test::block_on(stream::iter(&[1, 2]).copied().collect());
    /// assert_eq!(v, [1, 2]);
    /// ```
    fn copied<'a, T>(self) -> Copied<Self>
    where
        Self: Sized + Stream<Item = &'a T>,
        T: Copy + 'a,
    {
        Copied::new(self)
    }

    /// Compares the items of this stream with those of `other`
    /// lexicographically, like [`Iterator::cmp`].
    ///
    /// The first pair of items that differ decides; when one stream ends
    /// first, it is the smaller, and two streams that end together with
    /// equal items are `Equal`. Both streams are polled while the current
    /// pair is incomplete; neither is polled past the deciding pair. See
    /// [`Cmp`].
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert_eq!(stream::iter([1, 2]).cmp(stream::iter([1, 2])).await, Ordering::Equal);
    ///     assert_eq!(stream::iter([1, 9]).cmp(stream::iter([2])).await, Ordering::Less);
    ///     assert_eq!(stream::iter([1, 2]).cmp(stream::iter([1])).await, Ordering::Greater);
    /// });
    /// ```
    fn cmp<St>(self, other: St) -> Cmp<Self, St>
    where
        St: Stream<Item = Self::Item>,
        Self::Item: Ord,
        Self: Sized,
    {
        Cmp::new(self, other)
    }

    /// Tests whether this stream and `other` yield equal items, like
    /// [`Iterator::eq`]: the first unequal pair, or a difference in length,
    /// gives `false`.
    ///
    /// The items may be of different types that compare
    /// ([`PartialEq`]). See [`Equals`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter(["a", "b"]).eq(stream::iter([String::from("a"), String::from("b")])).await);
    ///     assert!(!stream::iter([1, 2]).eq(stream::iter([1])).await);
    /// });
    /// ```
    fn eq<St>(self, other: St) -> Equals<Self, St>
    where
        St: Stream,
        Self::Item: PartialEq<St::Item>,
        Self: Sized,
    {
        Equals::new(self, other)
    }

    /// Tests whether this stream is lexicographically greater than or
    /// equal to `other`, like [`Iterator::ge`] (from
    /// [`partial_cmp`](StreamExt::partial_cmp)). See [`Ge`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1, 2]).ge(stream::iter([1, 2])).await);
    ///     assert!(!stream::iter([1]).ge(stream::iter([1, 2])).await);
    /// });
    /// ```
    fn ge<St>(self, other: St) -> Ge<Self, St>
    where
        St: Stream,
        Self::Item: PartialOrd<St::Item>,
        Self: Sized,
    {
        Ge::new(self, other)
    }

    /// Tests whether this stream is lexicographically greater than
    /// `other`, like [`Iterator::gt`] (from
    /// [`partial_cmp`](StreamExt::partial_cmp)). See [`Gt`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1, 3]).gt(stream::iter([1, 2, 9])).await);
    ///     assert!(!stream::iter([1, 2]).gt(stream::iter([1, 2])).await);
    /// });
    /// ```
    fn gt<St>(self, other: St) -> Gt<Self, St>
    where
        St: Stream,
        Self::Item: PartialOrd<St::Item>,
        Self: Sized,
    {
        Gt::new(self, other)
    }

    /// Tests whether this stream is lexicographically less than or equal
    /// to `other`, like [`Iterator::le`] (from
    /// [`partial_cmp`](StreamExt::partial_cmp)). See [`Le`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1]).le(stream::iter([1, 0])).await);
    ///     assert!(!stream::iter([2]).le(stream::iter([1, 9])).await);
    /// });
    /// ```
    fn le<St>(self, other: St) -> Le<Self, St>
    where
        St: Stream,
        Self::Item: PartialOrd<St::Item>,
        Self: Sized,
    {
        Le::new(self, other)
    }

    /// Tests whether this stream is lexicographically less than `other`,
    /// like [`Iterator::lt`] (from [`partial_cmp`](StreamExt::partial_cmp)).
    /// See [`Lt`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1, 2]).lt(stream::iter([1, 3])).await);
    ///     assert!(!stream::iter([f64::NAN]).lt(stream::iter([1.0])).await);
    /// });
    /// ```
    fn lt<St>(self, other: St) -> Lt<Self, St>
    where
        St: Stream,
        Self::Item: PartialOrd<St::Item>,
        Self: Sized,
    {
        Lt::new(self, other)
    }

    /// Resolves to the largest item, or `None` for an empty stream, like
    /// [`Iterator::max`]: if several are equally large, the last one.
    ///
    /// See [`Max`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert_eq!(stream::iter([2, 7, 1]).max().await, Some(7));
    ///     assert_eq!(stream::iter(Vec::<u8>::new()).max().await, None);
    /// });
    /// ```
    fn max(self) -> Max<Self>
    where
        Self::Item: Ord,
        Self: Sized,
    {
        Max::new(self)
    }

    /// Resolves to the largest item by the comparator `compare`, or `None`
    /// for an empty stream, like [`Iterator::max_by`]: if several are
    /// equally large, the last one.
    ///
    /// `compare` is a plain closure, called as `compare(&largest_so_far,
    /// &item)`. See [`MaxBy`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([(1, 'a'), (3, 'b'), (3, 'c')]);
    /// assert_eq!(rill_test::block_on(s.max_by(|x, y| x.0.cmp(&y.0))), Some((3, 'c')));
    /// ```
    fn max_by<F>(self, compare: F) -> MaxBy<Self, F>
    where
        F: FnMut(&Self::Item, &Self::Item) -> core::cmp::Ordering,
        Self: Sized,
    {
        MaxBy::new(self, compare)
    }

    /// Resolves to the item whose key is largest, or `None` for an empty
    /// stream, like [`Iterator::max_by_key`]: if several keys are equally
    /// large, the last such item.
    ///
    /// `f` is a plain closure, called once per item. See [`MaxByKey`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([-3, 2, 3]);
    /// assert_eq!(rill_test::block_on(s.max_by_key(|x: &i32| x.abs())), Some(3));
    /// ```
    fn max_by_key<B, F>(self, f: F) -> MaxByKey<Self, B, F>
    where
        B: Ord,
        F: FnMut(&Self::Item) -> B,
        Self: Sized,
    {
        MaxByKey::new(self, f)
    }

    /// Resolves to the smallest item, or `None` for an empty stream, like
    /// [`Iterator::min`]: if several are equally small, the first one.
    ///
    /// See [`Min`] for polling after completion and dropping.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert_eq!(stream::iter([2, 7, 1]).min().await, Some(1));
    ///     assert_eq!(stream::iter(Vec::<u8>::new()).min().await, None);
    /// });
    /// ```
    fn min(self) -> Min<Self>
    where
        Self::Item: Ord,
        Self: Sized,
    {
        Min::new(self)
    }

    /// Resolves to the smallest item by the comparator `compare`, or `None`
    /// for an empty stream, like [`Iterator::min_by`]: if several are
    /// equally small, the first one.
    ///
    /// `compare` is a plain closure, called as `compare(&smallest_so_far,
    /// &item)`. See [`MinBy`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([(1, 'a'), (1, 'b'), (3, 'c')]);
    /// assert_eq!(rill_test::block_on(s.min_by(|x, y| x.0.cmp(&y.0))), Some((1, 'a')));
    /// ```
    fn min_by<F>(self, compare: F) -> MinBy<Self, F>
    where
        F: FnMut(&Self::Item, &Self::Item) -> core::cmp::Ordering,
        Self: Sized,
    {
        MinBy::new(self, compare)
    }

    /// Resolves to the item whose key is smallest, or `None` for an empty
    /// stream, like [`Iterator::min_by_key`]: if several keys are equally
    /// small, the first such item.
    ///
    /// `f` is a plain closure, called once per item. See [`MinByKey`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([-3, 2, 3]);
    /// assert_eq!(rill_test::block_on(s.min_by_key(|x: &i32| x.abs())), Some(2));
    /// ```
    fn min_by_key<B, F>(self, f: F) -> MinByKey<Self, B, F>
    where
        B: Ord,
        F: FnMut(&Self::Item) -> B,
        Self: Sized,
    {
        MinByKey::new(self, f)
    }

    /// Tests whether this stream and `other` differ, like [`Iterator::ne`]:
    /// the opposite of [`eq`](StreamExt::eq). See [`Ne`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert!(stream::iter([1, 2]).ne(stream::iter([1])).await);
    ///     assert!(!stream::iter([1, 2]).ne(stream::iter([1, 2])).await);
    /// });
    /// ```
    fn ne<St>(self, other: St) -> Ne<Self, St>
    where
        St: Stream,
        Self::Item: PartialEq<St::Item>,
        Self: Sized,
    {
        Ne::new(self, other)
    }

    /// Merges this stream with `other`, preferring this one: it is polled
    /// first on every poll, and `other` only when this one has no item
    /// ready (futures-lite's `or`).
    ///
    /// Ends when both have ended; fused. While this stream is always
    /// ready, `other` waits: see [`stream::or`](crate::stream::or()).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).or(stream::iter([3]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    fn or<St>(self, other: St) -> Or<Self, St>
    where
        St: Stream<Item = Self::Item>,
        Self: Sized,
    {
        crate::constructors::or(self, other)
    }

    /// Resolves to the lexicographic comparison of this stream's items
    /// with those of `other`, like [`Iterator::partial_cmp`]: the first pair
    /// that is not `Some(Equal)` decides (a `None` from an incomparable
    /// pair is the result), else the shorter stream is the smaller.
    ///
    /// See [`PartialCmp`].
    ///
    /// ```
    /// use core::cmp::Ordering;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let s = stream::iter([1.0, 2.0]);
    ///     assert_eq!(s.partial_cmp(stream::iter([1.0, 2.5])).await, Some(Ordering::Less));
    ///     let nan = stream::iter([f64::NAN]);
    ///     assert_eq!(nan.partial_cmp(stream::iter([0.0])).await, None);
    /// });
    /// ```
    fn partial_cmp<St>(self, other: St) -> PartialCmp<Self, St>
    where
        St: Stream,
        Self::Item: PartialOrd<St::Item>,
        Self: Sized,
    {
        PartialCmp::new(self, other)
    }

    /// Multiplies the items, like [`Iterator::product`].
    ///
    /// The product type `A` implements [`core::iter::Product`] for the items
    /// and for itself, as every standard type does: numbers (also by
    /// reference), `Wrapping`, `Saturating`, `Option` and `Result` (which
    /// stop at the first `None`/`Err`). An empty stream gives `1`. See
    /// [`Product`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert_eq!(stream::iter(1..=4).product::<u32>().await, 24);
    ///     let checked: Option<u8> = stream::iter([Some(2), None, Some(3)]).product().await;
    ///     assert_eq!(checked, None);
    /// });
    /// ```
    fn product<A>(self) -> Product<Self, A>
    where
        A: core::iter::Product<Self::Item> + core::iter::Product<A>,
        Self: Sized,
    {
        Product::new(self)
    }

    /// Merges this stream with `other`, picking at random which one is
    /// polled first on every poll (futures-lite's `race`): neither can
    /// starve the other.
    ///
    /// Ends when both have ended; fused. For reproducible choices, use
    /// [`stream::race_with_seed`](crate::stream::race_with_seed()); see
    /// [`stream::race`](crate::stream::race()) for where the seed comes from.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).race(stream::iter([3]));
    /// let mut v: Vec<i32> = rill_test::block_on(s.collect());
    /// v.sort();
    /// assert_eq!(v, [1, 2, 3]);
    /// ```
    fn race<St>(self, other: St) -> Race<Self, St>
    where
        St: Stream<Item = Self::Item>,
        Self: Sized,
    {
        crate::constructors::race(self, other)
    }

    /// Adds the items up, like [`Iterator::sum`].
    ///
    /// The sum type `A` implements [`core::iter::Sum`] for the items and for
    /// itself, as every standard type does: numbers (also by reference),
    /// `Wrapping`, `Saturating`, `Duration`, `Option` and `Result` (which
    /// stop at the first `None`/`Err`). An empty stream gives `0`. Overflow
    /// behaves as in `Iterator::sum` (a panic in debug builds). See [`Sum`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     assert_eq!(stream::iter([1, 2, 3]).sum::<i32>().await, 6);
    ///     assert_eq!(stream::iter(&[1.5, 2.5]).sum::<f64>().await, 4.0);
    ///     let parsed: Result<u32, _> = stream::iter(["1", "x", "3"]).map(str::parse::<u32>).sum().await;
    ///     assert!(parsed.is_err());
    /// });
    /// ```
    fn sum<A>(self) -> Sum<Self, A>
    where
        A: core::iter::Sum<Self::Item> + core::iter::Sum<A>,
        Self: Sized,
    {
        Sum::new(self)
    }

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

    /// Returns a future that resolves to the next item of a fused stream,
    /// for `futures::select!` loops: unlike [`next`](StreamExt::next) it
    /// never resolves to `None`. When the stream ends, the future reports
    /// itself terminated ([`FusedFuture`](rill_core::FusedFuture)), so
    /// `select!` skips the branch and takes its `complete` arm once every
    /// branch is done. Polling it after the stream ended panics; `select!`
    /// never does. As futures-util's `select_next_some`.
    ///
    /// ```
    /// use futures::select;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut odds = stream::iter([1, 3, 5]).fuse();
    /// let mut evens = stream::iter([2, 4]).fuse();
    /// let mut sum = 0;
    /// rill_test::block_on(async {
    ///     loop {
    ///         select! {
    ///             x = odds.select_next_some() => sum += x,
    ///             x = evens.select_next_some() => sum += x,
    ///             complete => break,
    ///         }
    ///     }
    /// });
    /// assert_eq!(sum, 15);
    /// ```
    fn select_next_some(&mut self) -> SelectNextSome<'_, Self>
    where
        Self: rill_core::FusedStream + Unpin,
    {
        SelectNextSome::new(self)
    }

    /// A future that sends every `Ok` item of this stream of `Result`s into
    /// `sink`, then flushes and closes the sink; the first `Err` (of the
    /// stream or the sink) resolves it without closing. Pass `&mut sink` to
    /// keep the sink. As futures-util's `forward`; see
    /// [`Forward`](crate::sink::Forward).
    ///
    /// ```
    /// use futures::channel::mpsc;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let (tx, rx) = mpsc::unbounded();
    /// rill_test::block_on(async {
    ///     stream::iter(1..=3).map(Ok).forward(tx).await.unwrap();
    ///     // Closing the sender ended the receiver.
    ///     assert_eq!(rx.collect::<Vec<_>>().await, [1, 2, 3]);
    /// });
    /// ```
    fn forward<Si>(self, sink: Si) -> crate::sink::Forward<Self, Si>
    where
        Si: futures_sink::Sink<Self::Ok, Error = Self::Error>,
        Self: rill_core::TryStream + Sized,
    {
        crate::sink::Forward::new(self, sink)
    }

    /// Splits a value that is both a stream and a sink (a socket, a framed
    /// connection, a duplex channel) into a sink half and a stream half that
    /// can be used from different tasks, and put back together with
    /// [`reunite`](crate::sink::SplitSink::reunite). The halves share the
    /// value through a small lock: each call of either half locks it for
    /// that call only. As futures-util's `split`; see
    /// [`SplitSink`](crate::sink::SplitSink) and
    /// [`SplitStream`](crate::sink::SplitStream).
    ///
    /// ```
    /// use rill_combinators::{SinkExt, StreamExt, stream};
    ///
    /// // An echo: what goes into the loopback comes back out.
    /// let (mut tx, rx) = rill_test::Loopback::new().split();
    /// rill_test::block_on(async {
    ///     tx.send_all(&mut stream::iter(["a", "b"]).map(Ok)).await.unwrap();
    ///     tx.close().await.unwrap();
    ///     assert_eq!(rx.collect::<Vec<_>>().await, ["a", "b"]);
    /// });
    /// ```
    #[cfg(feature = "alloc")]
    fn split<Item>(
        self,
    ) -> (
        crate::sink::SplitSink<Self, Item>,
        crate::sink::SplitStream<Self>,
    )
    where
        Self: futures_sink::Sink<Item> + Sized,
    {
        crate::sink::split(self)
    }
}

impl<S: Stream + ?Sized> StreamExt for S {}
