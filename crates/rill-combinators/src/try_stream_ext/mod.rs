//! `TryStreamExt`: adapters and consumers for streams of `Result`s, one per
//! file.
//!
//! The error rules, documented on every method:
//! - adapters pass an `Err` of the stream through as an item and keep going;
//! - consumers (`try_collect`, `try_fold`, `try_for_each`, `try_concat`,
//!   `try_all`, `try_any`) stop at the first `Err` and resolve to it.
//!
//! Each module holds one adapter or consumer; its declaration stands next
//! to its re-export. How to add one: `docs/architecture.md`, "How to add a
//! combinator".

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::TryStream;

#[cfg(feature = "alloc")]
use crate::concurrent::{
    TryBufferUnordered, TryBuffered, TryFlattenUnordered, TryForEachConcurrent,
};

mod and_then;
pub use and_then::AndThen;

mod err_into;
pub use err_into::ErrInto;

mod inspect_err;
pub use inspect_err::InspectErr;

mod inspect_ok;
pub use inspect_ok::InspectOk;

mod into_stream;
pub use into_stream::IntoStream;

mod map_err;
pub use map_err::MapErr;

mod map_ok;
pub use map_ok::MapOk;

mod ok_into;
pub use ok_into::OkInto;

mod or_else;
pub use or_else::OrElse;

mod try_all;
pub use try_all::TryAll;

mod try_any;
pub use try_any::TryAny;

#[cfg(feature = "alloc")]
mod try_chunks;
#[cfg(feature = "alloc")]
pub use try_chunks::TryChunks;

#[cfg(feature = "alloc")]
mod try_chunks_error;
#[cfg(feature = "alloc")]
pub use try_chunks_error::TryChunksError;

mod try_collect;
pub use try_collect::TryCollect;

mod try_concat;
pub use try_concat::TryConcat;

mod try_filter;
pub use try_filter::TryFilter;

mod try_filter_map;
pub use try_filter_map::TryFilterMap;

mod try_flatten;
pub use try_flatten::TryFlatten;

mod try_fold;
pub use try_fold::TryFold;

mod try_for_each;
pub use try_for_each::TryForEach;

mod try_next;
pub use try_next::TryNext;

#[cfg(feature = "alloc")]
mod try_ready_chunks;
#[cfg(feature = "alloc")]
pub use try_ready_chunks::TryReadyChunks;

#[cfg(feature = "alloc")]
mod try_ready_chunks_error;
#[cfg(feature = "alloc")]
pub use try_ready_chunks_error::TryReadyChunksError;

mod try_skip_while;
pub use try_skip_while::TrySkipWhile;

mod try_take_while;
pub use try_take_while::TryTakeWhile;

/// Adapters and consumers for every [`TryStream`] (a stream of `Result`s),
/// with the names, signatures and semantics of `futures_util::TryStreamExt`.
///
/// Errors follow two rules, stated again on every method:
/// - **adapters** (`map_ok`, `and_then`, `try_filter`, ...) pass an `Err`
///   of the stream through as an item, untouched, and keep going: the next
///   poll goes on with the items after it;
/// - **consumers** (`try_collect`, `try_fold`, `try_for_each`,
///   `try_concat`, `try_all`, `try_any`) stop at the first `Err` and
///   resolve to it; the rest of the stream is not polled.
///
/// Closures that return futures must return `Result`s with the stream's
/// error type; inside an `async` block, `?` converts other errors with
/// [`From`], as in any function returning `Result`. Where the futures-util
/// bound is `TryFuture<Ok = T, Error = E>`, rill asks for
/// `Future<Output = Result<T, E>>`, which is the same set of futures.
///
/// ```
/// use core::future::ready;
/// use rill_combinators::{TryStreamExt, stream};
///
/// // Lines as a reader gives them: text, or an I/O error.
/// let lines = stream::iter([Ok("1"), Ok("x"), Ok("3"), Err("disk error"), Ok("5")]);
/// // An adapter passes the error on; lines that do not parse are skipped.
/// let numbers = lines.try_filter_map(|line| ready(Ok(line.parse::<i32>().ok())));
/// // A consumer stops at the first error.
/// let total = numbers.try_fold(0, |acc, n| ready(Ok(acc + n)));
/// assert_eq!(rill_test::block_on(total), Err("disk error"));
/// ```
pub trait TryStreamExt: TryStream {
    /// Converts the error type with [`Into`], as `?` would.
    ///
    /// Ok items pass through; every `Err(e)` becomes `Err(e.into())` and the
    /// stream keeps going. Fused and `size_hint` as the stream.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// #[derive(Debug, PartialEq)]
    /// struct AppError(String);
    /// impl From<&str> for AppError {
    ///     fn from(e: &str) -> Self {
    ///         AppError(e.to_owned())
    ///     }
    /// }
    ///
    /// let s = stream::iter([Ok(1), Err("bad"), Ok(2)]).err_into::<AppError>();
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(AppError("bad".into())), Ok(2)]);
    /// ```
    fn err_into<E>(self) -> ErrInto<Self, E>
    where
        Self: Sized,
        Self::Error: Into<E>,
    {
        ErrInto::new(self)
    }

    /// Converts the success type with [`Into`].
    ///
    /// Every `Ok(v)` becomes `Ok(v.into())`; an `Err` passes through
    /// unchanged and the stream keeps going.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1u8), Err('x'), Ok(2)]).ok_into::<u32>();
    /// let items: Vec<Result<u32, char>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err('x'), Ok(2)]);
    /// ```
    fn ok_into<U>(self) -> OkInto<Self, U>
    where
        Self: Sized,
        Self::Ok: Into<U>,
    {
        OkInto::new(self)
    }

    /// Maps every `Ok` value with a closure.
    ///
    /// An `Err` passes through unchanged (the closure is not called) and the
    /// stream keeps going. One item out per item in: `size_hint` is the
    /// stream's, and the adapter is fused when the stream is.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err("e"), Ok(3)]).map_ok(|x| x * 10);
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(10), Err("e"), Ok(30)]);
    /// ```
    fn map_ok<T, F>(self, f: F) -> MapOk<Self, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> T,
    {
        MapOk::new(self, f)
    }

    /// Maps every error with a closure.
    ///
    /// `Ok` items pass through unchanged; each `Err(e)` becomes `Err(f(e))`
    /// and the stream keeps going.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err("e"), Ok(3)]).map_err(str::len);
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(1), Ok(3)]);
    /// ```
    fn map_err<E, F>(self, f: F) -> MapErr<Self, F>
    where
        Self: Sized,
        F: FnMut(Self::Error) -> E,
    {
        MapErr::new(self, f)
    }

    /// Runs a fallible async step on every `Ok` value: the stream yields
    /// what the future resolves to, `Ok` or `Err`.
    ///
    /// An `Err` of the stream passes through (the closure is not called) and
    /// the stream keeps going; so does an `Err` the future resolves to. One
    /// item out per item in. The future's error type is the stream's: use
    /// `?` inside the `async` block to convert other errors with [`From`],
    /// or [`err_into`](TryStreamExt::err_into) first to change the stream's.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// #[derive(Debug, PartialEq)]
    /// enum Error {
    ///     Io(&'static str),
    ///     Parse,
    /// }
    /// impl From<std::num::ParseIntError> for Error {
    ///     fn from(_: std::num::ParseIntError) -> Self {
    ///         Error::Parse
    ///     }
    /// }
    ///
    /// let s = stream::iter([Ok("1"), Err(Error::Io("disk")), Ok("x"), Ok("3")])
    ///     .and_then(|s| async move { Ok(s.parse::<u8>()? * 2) });
    /// let items: Vec<_> = rill_test::block_on_stream(Box::pin(s)).collect();
    /// assert_eq!(items, [Ok(2), Err(Error::Io("disk")), Err(Error::Parse), Ok(6)]);
    /// ```
    fn and_then<Fut, F, T>(self, f: F) -> AndThen<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = Result<T, Self::Error>>,
    {
        AndThen::new(self, f)
    }

    /// Runs an async step on every error, which may recover (resolve to
    /// `Ok`) or fail again with a new error.
    ///
    /// `Ok` items pass through (the closure is not called). Whatever the
    /// future resolves to is yielded, and the stream keeps going.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err(0), Err(7)])
    ///     .or_else(|e| async move { if e == 0 { Ok(0) } else { Err(format!("code {e}")) } });
    /// let items: Vec<_> = rill_test::block_on_stream(Box::pin(s)).collect();
    /// assert_eq!(items, [Ok(1), Ok(0), Err("code 7".to_string())]);
    /// ```
    fn or_else<Fut, F, E>(self, f: F) -> OrElse<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Error) -> Fut,
        Fut: Future<Output = Result<Self::Ok, E>>,
    {
        OrElse::new(self, f)
    }

    /// Calls a closure with a reference to every `Ok` value, and passes the
    /// items on unchanged.
    ///
    /// An `Err` passes through (the closure is not called) and the stream
    /// keeps going.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut seen = Vec::new();
    /// let s = stream::iter([Ok(1), Err(()), Ok(2)]).inspect_ok(|x| seen.push(*x));
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(seen, [1, 2]);
    /// ```
    fn inspect_ok<F>(self, f: F) -> InspectOk<Self, F>
    where
        Self: Sized,
        F: FnMut(&Self::Ok),
    {
        InspectOk::new(self, f)
    }

    /// Calls a closure with a reference to every error, and passes the
    /// items on unchanged; the stream keeps going after an error.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut errors = 0;
    /// let s = stream::iter([Err(1), Ok(2), Err(3)]).inspect_err(|_| errors += 1);
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(errors, 2);
    /// ```
    fn inspect_err<F>(self, f: F) -> InspectErr<Self, F>
    where
        Self: Sized,
        F: FnMut(&Self::Error),
    {
        InspectErr::new(self, f)
    }

    /// Wraps the stream in a type that is a
    /// `Stream<Item = Result<Self::Ok, Self::Error>>` for the type checker
    /// too, for generic code that only knows `S: TryStream`.
    ///
    /// Yields exactly the stream's items, errors included.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    /// use rill_core::TryStream;
    ///
    /// // `collect` needs `Self::Item`, which `S: TryStream` alone does not name.
    /// fn all_items<S: TryStream>(s: S) -> impl Future<Output = Vec<Result<S::Ok, S::Error>>> {
    ///     s.into_stream().collect()
    /// }
    /// let v = rill_test::block_on(all_items(stream::iter([Ok(1), Err(2)])));
    /// assert_eq!(v, [Ok(1), Err(2)]);
    /// ```
    fn into_stream(self) -> IntoStream<Self>
    where
        Self: Sized,
    {
        IntoStream::new(self)
    }

    /// Resolves to the next item with the `Option` inside the `Result`:
    /// `Ok(Some(v))` for a value, `Err(e)` for an error, `Ok(None)` at the
    /// end, so that `?` applies.
    ///
    /// An `Err` does not end the stream: calling `try_next` again goes on
    /// with the items after it. Cancel-safe: dropping the future before it
    /// completes loses no item.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut s = stream::iter([Ok(1), Err("e"), Ok(2)]);
    /// rill_test::block_on(async {
    ///     assert_eq!(s.try_next().await, Ok(Some(1)));
    ///     assert_eq!(s.try_next().await, Err("e"));
    ///     assert_eq!(s.try_next().await, Ok(Some(2)));
    ///     assert_eq!(s.try_next().await, Ok(None));
    /// });
    /// ```
    fn try_next(&mut self) -> TryNext<'_, Self>
    where
        Self: Unpin,
    {
        TryNext::new(self)
    }

    /// Runs a fallible async closure on every `Ok` value, one at a time, and
    /// resolves to `Ok(())` when the stream ends.
    ///
    /// Stops at the first error, from the stream or from the closure's
    /// future, and resolves to it; the rest of the stream is not polled.
    /// Polling the future again after it completed polls the stream again.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut seen = Vec::new();
    /// let done = rill_test::block_on(stream::iter([Ok(1), Ok(2), Err("e"), Ok(3)]).try_for_each(|x| {
    ///     seen.push(x);
    ///     async { Ok(()) }
    /// }));
    /// assert_eq!(done, Err("e"));
    /// assert_eq!(seen, [1, 2]);
    /// ```
    fn try_for_each<Fut, F>(self, f: F) -> TryForEach<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = Result<(), Self::Error>>,
    {
        TryForEach::new(self, f)
    }

    /// Skips `Ok` values while an async predicate holds, then yields the
    /// rest of the stream unchanged (the predicate is not called again).
    ///
    /// An `Err` of the stream passes through at once, while skipping or
    /// after, and the stream keeps going. If the predicate's future fails,
    /// its error is yielded in place of the item (which is dropped) and
    /// skipping goes on.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err("e"), Ok(2), Ok(5), Ok(1)])
    ///     .try_skip_while(|x| ready(Ok(*x < 3)));
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Err("e"), Ok(5), Ok(1)]);
    /// ```
    fn try_skip_while<Fut, F>(self, f: F) -> TrySkipWhile<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(&Self::Ok) -> Fut,
        Fut: Future<Output = Result<bool, Self::Error>>,
    {
        TrySkipWhile::new(self, f)
    }

    /// Yields `Ok` values while an async predicate holds, and ends at the
    /// first one for which it does not (that value is dropped, and the
    /// stream is not polled again).
    ///
    /// An `Err` of the stream passes through and taking goes on. If the
    /// predicate's future fails, its error is yielded in place of the item
    /// (which is dropped) and taking goes on. After the end, polling again
    /// returns `Ready(None)`.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err("e"), Ok(2), Ok(5), Ok(1)])
    ///     .try_take_while(|x| ready(Ok(*x < 3)));
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err("e"), Ok(2)]);
    /// ```
    fn try_take_while<Fut, F>(self, f: F) -> TryTakeWhile<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(&Self::Ok) -> Fut,
        Fut: Future<Output = Result<bool, Self::Error>>,
    {
        TryTakeWhile::new(self, f)
    }

    /// Collects every `Ok` value into a collection, like
    /// `Iterator::collect::<Result<C, E>>()`.
    ///
    /// Stops at the first error and resolves to it; the values gathered so
    /// far are dropped. An empty stream gives an empty collection.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let all: Result<Vec<i32>, &str> = rill_test::block_on(stream::iter([Ok(1), Ok(2)]).try_collect());
    /// assert_eq!(all, Ok(vec![1, 2]));
    /// let failed: Result<Vec<i32>, &str> =
    ///     rill_test::block_on(stream::iter([Ok(1), Err("e"), Ok(3)]).try_collect());
    /// assert_eq!(failed, Err("e"));
    /// ```
    fn try_collect<C: Default + Extend<Self::Ok>>(self) -> TryCollect<Self, C>
    where
        Self: Sized,
    {
        TryCollect::new(self)
    }

    /// Gathers `Ok` values into vectors of `capacity` items; the last one
    /// may be shorter, and an empty stream yields nothing.
    ///
    /// An error ends the chunk being gathered: it is yielded as
    /// `Err(TryChunksError(items_so_far, e))`, so no value is lost, and the
    /// stream keeps going with a fresh chunk. The adapter is fused: after
    /// the stream ended, it returns `Ready(None)` without polling it.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0, at the caller's line.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_combinators::stream::TryChunksError;
    ///
    /// let s = stream::iter([Ok(1), Ok(2), Ok(3), Err("e"), Ok(4)]).try_chunks(2);
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(vec![1, 2]), Err(TryChunksError(vec![3], "e")), Ok(vec![4])]);
    /// ```
    #[cfg(feature = "alloc")]
    #[track_caller]
    fn try_chunks(self, capacity: usize) -> TryChunks<Self>
    where
        Self: Sized,
    {
        TryChunks::new(self, capacity)
    }

    /// Gathers the `Ok` values that are ready now into vectors of at most
    /// `capacity` items: a chunk is yielded as soon as the stream is pending
    /// (and non-empty), full, or at its end. Never waits to fill a chunk.
    ///
    /// An error ends the chunk being gathered: it is yielded as
    /// `Err(TryReadyChunksError(items_so_far, e))`, and the stream keeps
    /// going. After the end it returns `Ready(None)` without polling again.
    ///
    /// # Panics
    ///
    /// If `capacity` is 0, at the caller's line.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// // `iter` is always ready: chunks are full but for the last.
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2), Ok(3)]).try_ready_chunks(2);
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(vec![1, 2]), Ok(vec![3])]);
    /// ```
    #[cfg(feature = "alloc")]
    #[track_caller]
    fn try_ready_chunks(self, capacity: usize) -> TryReadyChunks<Self>
    where
        Self: Sized,
    {
        TryReadyChunks::new(self, capacity)
    }

    /// Keeps the `Ok` values for which an async predicate returns `true`.
    ///
    /// Every `Err` passes through (the predicate is not called) and the
    /// stream keeps going.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Ok(2), Err("e"), Ok(4)]).try_filter(|x| ready(x % 2 == 0));
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(2), Err("e"), Ok(4)]);
    /// ```
    fn try_filter<Fut, F>(self, f: F) -> TryFilter<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(&Self::Ok) -> Fut,
        Fut: Future<Output = bool>,
    {
        TryFilter::new(self, f)
    }

    /// Maps `Ok` values with a fallible async closure and keeps the `Some`
    /// results: `Ok(Some(v))` yields `Ok(v)`, `Ok(None)` drops the item,
    /// `Err(e)` yields `Err(e)`.
    ///
    /// An `Err` of the stream passes through (the closure is not called),
    /// and so does an `Err` of the closure's future; either way the stream
    /// keeps going.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok("1"), Ok("x"), Err('!'), Ok("3")])
    ///     .try_filter_map(|s| ready(Ok(s.parse::<u8>().ok())));
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err('!'), Ok(3)]);
    /// ```
    fn try_filter_map<Fut, F, T>(self, f: F) -> TryFilterMap<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = Result<Option<T>, Self::Error>>,
    {
        TryFilterMap::new(self, f)
    }

    /// Flattens a stream of streams: yields every item of every `Ok` inner
    /// stream, one inner stream after the other.
    ///
    /// An `Err` of the outer stream is converted with [`From`] into the
    /// inner streams' error type and yielded; an `Err` of an inner stream
    /// is yielded as it is. Either way the stream keeps going.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let inner_a = stream::iter(vec![Ok(1), Err(10u32), Ok(2)]);
    /// let inner_b = stream::iter(vec![Ok(3)]);
    /// let s = stream::iter([Ok(inner_a), Err(20u8), Ok(inner_b)]).try_flatten();
    /// let items: Vec<_> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(10), Ok(2), Err(20), Ok(3)]);
    /// ```
    fn try_flatten(self) -> TryFlatten<Self>
    where
        Self: Sized,
        Self::Ok: TryStream,
        <Self::Ok as TryStream>::Error: From<Self::Error>,
    {
        TryFlatten::new(self)
    }

    /// Folds the `Ok` values into one with a fallible async closure,
    /// starting from `init`, and resolves to the result when the stream
    /// ends (to `Ok(init)` for an empty stream).
    ///
    /// Stops at the first error, from the stream or from the closure's
    /// future, and resolves to it (the accumulator is dropped); the rest of
    /// the stream is not polled.
    ///
    /// # Panics
    ///
    /// If polled again after it completed.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let sum = stream::iter([Ok(1), Ok(2), Ok(3)]).try_fold(0, |acc, x| ready(Ok::<_, ()>(acc + x)));
    /// assert_eq!(rill_test::block_on(sum), Ok(6));
    /// let failed = stream::iter([Ok(1), Err("e"), Ok(3)]).try_fold(0, |acc, x| ready(Ok(acc + x)));
    /// assert_eq!(rill_test::block_on(failed), Err("e"));
    /// ```
    fn try_fold<T, Fut, F>(self, init: T, f: F) -> TryFold<Self, Fut, T, F>
    where
        Self: Sized,
        F: FnMut(T, Self::Ok) -> Fut,
        Fut: Future<Output = Result<T, Self::Error>>,
    {
        TryFold::new(self, init, f)
    }

    /// Concatenates the `Ok` values (each a collection that is both
    /// `IntoIterator` and `Extend` of its items, such as a `Vec` or a
    /// `VecDeque`) into one; an empty stream gives `Ok(Default::default())`.
    ///
    /// Stops at the first error and resolves to it; the rest of the stream
    /// is not polled.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok::<_, ()>(vec![1, 2]), Ok(vec![]), Ok(vec![3])]);
    /// assert_eq!(rill_test::block_on(s.try_concat()), Ok(vec![1, 2, 3]));
    /// let s = stream::iter([Ok(vec![1]), Err("e")]);
    /// assert_eq!(rill_test::block_on(s.try_concat()), Err("e"));
    /// ```
    fn try_concat(self) -> TryConcat<Self>
    where
        Self: Sized,
        Self::Ok: Extend<<Self::Ok as IntoIterator>::Item> + IntoIterator + Default,
    {
        TryConcat::new(self)
    }

    /// [`Stream::poll_next`](rill_core::Stream::poll_next) as a
    /// [`TryStream`] on an [`Unpin`] stream, without pinning by hand.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut s = stream::iter([Ok::<u8, ()>(1)]);
    /// let mut cx = rill_test::noop_context();
    /// assert_eq!(s.try_poll_next_unpin(&mut cx), Poll::Ready(Some(Ok(1))));
    /// assert_eq!(s.try_poll_next_unpin(&mut cx), Poll::Ready(None));
    /// ```
    fn try_poll_next_unpin(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Self::Ok, Self::Error>>>
    where
        Self: Unpin,
    {
        Pin::new(self).try_poll_next(cx)
    }

    /// Resolves to `Ok(true)` if an async predicate holds for every `Ok`
    /// value (and for an empty stream), `Ok(false)` at the first value for
    /// which it does not (the rest of the stream is not polled).
    ///
    /// Stops at the first error met before a `false` and resolves to it.
    ///
    /// # Panics
    ///
    /// If polled again after it completed.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok::<_, ()>(2), Ok(4)]);
    /// assert_eq!(rill_test::block_on(s.try_all(|x| ready(x % 2 == 0))), Ok(true));
    /// let s = stream::iter([Ok(2), Ok(3), Err("e")]);
    /// assert_eq!(rill_test::block_on(s.try_all(|x| ready(x % 2 == 0))), Ok(false));
    /// let s = stream::iter([Ok(2), Err("e"), Ok(3)]);
    /// assert_eq!(rill_test::block_on(s.try_all(|x| ready(x % 2 == 0))), Err("e"));
    /// ```
    fn try_all<Fut, F>(self, f: F) -> TryAll<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = bool>,
    {
        TryAll::new(self, f)
    }

    /// Resolves to `Ok(true)` at the first `Ok` value for which an async
    /// predicate holds (the rest of the stream is not polled), `Ok(false)`
    /// if there is none (and for an empty stream).
    ///
    /// Stops at the first error met before a `true` and resolves to it.
    ///
    /// # Panics
    ///
    /// If polled again after it completed.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Ok(4), Err("e")]);
    /// assert_eq!(rill_test::block_on(s.try_any(|x| ready(x % 2 == 0))), Ok(true));
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(3)]);
    /// assert_eq!(rill_test::block_on(s.try_any(|x| ready(x % 2 == 0))), Ok(false));
    /// let s = stream::iter([Ok(1), Err("e"), Ok(4)]);
    /// assert_eq!(rill_test::block_on(s.try_any(|x| ready(x % 2 == 0))), Err("e"));
    /// ```
    fn try_any<Fut, F>(self, f: F) -> TryAny<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = bool>,
    {
        TryAny::new(self, f)
    }

    /// Runs the futures this stream yields concurrently, at most `limit` at
    /// a time (`None` and `0`: unlimited), yielding their results as they
    /// complete; the `TryStream` form of
    /// [`buffer_unordered`](crate::StreamExt::buffer_unordered).
    ///
    /// The stream yields `Ok(future)` items whose futures resolve to
    /// `Result<T, Self::Error>`. An input `Err` is passed through as an item
    /// (it takes a slot until yielded), as is a future's `Err`; the stream
    /// goes on after either. Dropping it drops the futures in flight.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let jobs = stream::iter([1, 2, 3].map(|n| Ok::<_, String>(async move {
    ///     if n == 2 { Err(format!("job {n} failed")) } else { Ok(n * 10) }
    /// })));
    /// let mut out: Vec<_> = rill_test::block_on(jobs.try_buffer_unordered(2).collect());
    /// out.sort();
    /// assert_eq!(out, [Ok(10), Ok(30), Err(String::from("job 2 failed"))]);
    /// ```
    #[cfg(feature = "alloc")]
    fn try_buffer_unordered<T>(self, limit: impl Into<Option<usize>>) -> TryBufferUnordered<Self>
    where
        Self: Sized,
        Self::Ok: Future<Output = Result<T, Self::Error>>,
    {
        TryBufferUnordered::new(self, limit)
    }

    /// Runs the futures this stream yields concurrently, at most `limit` at
    /// a time (`None` and `0`: unlimited), yielding their results in input
    /// order; the `TryStream` form of [`buffered`](crate::StreamExt::buffered).
    ///
    /// Errors (from the input or from a future) are passed through in their
    /// input position; the stream goes on.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let jobs = stream::iter([Ok(3), Err("bad"), Ok(1)].map(|r| r.map(|n| async move { Ok(n) })));
    /// let out: Vec<Result<u8, &str>> = rill_test::block_on(jobs.try_buffered(None).collect());
    /// assert_eq!(out, [Ok(3), Err("bad"), Ok(1)]);
    /// ```
    #[cfg(feature = "alloc")]
    fn try_buffered<T>(self, limit: impl Into<Option<usize>>) -> TryBuffered<Self>
    where
        Self: Sized,
        Self::Ok: Future<Output = Result<T, Self::Error>>,
    {
        TryBuffered::new(self, limit)
    }

    /// Runs `f` on every `Ok` item and drives the returned futures
    /// concurrently, at most `limit` at a time (`None` and `0`: unlimited).
    ///
    /// Resolves to `Ok(())` once the stream has ended and every future
    /// succeeded, or to the first error, from the stream or from a future, at
    /// once: the stream and every future still in flight are then dropped.
    /// Polling it again after it resolved panics.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let items = stream::iter([Ok(1), Ok(2), Ok(3)]);
    /// let res = rill_test::block_on(items.try_for_each_concurrent(2, |n| async move {
    ///     if n == 3 { Err("three") } else { Ok(()) }
    /// }));
    /// assert_eq!(res, Err("three"));
    /// ```
    #[cfg(feature = "alloc")]
    fn try_for_each_concurrent<Fut, F>(
        self,
        limit: impl Into<Option<usize>>,
        f: F,
    ) -> TryForEachConcurrent<Self, Fut, F>
    where
        Self: Sized,
        F: FnMut(Self::Ok) -> Fut,
        Fut: Future<Output = Result<(), Self::Error>>,
    {
        TryForEachConcurrent::new(self, limit, f)
    }

    /// Polls up to `limit` of the `TryStream`s this stream yields at once
    /// (`None` and `0`: unlimited), yielding their results as they come;
    /// the `TryStream` form of
    /// [`flatten_unordered`](crate::StreamExt::flatten_unordered). Errors
    /// of the inner streams are passed through as items; an error of this
    /// stream is handed out at once, converted with `From` into the inner
    /// streams' error type (as futures-util does). The stream goes on after
    /// either.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let inner = stream::iter(vec![Ok::<u8, &str>(1), Err("inner")]);
    /// let outer = stream::iter(vec![Ok(inner), Err("outer")]);
    /// let mut out: Vec<_> = rill_test::block_on(outer.try_flatten_unordered(None).collect());
    /// out.sort();
    /// assert_eq!(out, [Ok(1), Err("inner"), Err("outer")]);
    /// ```
    #[cfg(feature = "alloc")]
    fn try_flatten_unordered(self, limit: impl Into<Option<usize>>) -> TryFlattenUnordered<Self>
    where
        Self: Sized,
        Self::Ok: TryStream,
        <Self::Ok as TryStream>::Error: From<Self::Error>,
    {
        TryFlattenUnordered::new(self, limit)
    }
}

impl<S: TryStream + ?Sized> TryStreamExt for S {}
