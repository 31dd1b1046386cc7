//! [`Either`]: one of two streams or futures, as one type.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, FusedStream, Stream};

/// One of two streams (or futures) of different types that produce the
/// same item (or output): lets two branches of an `if` or `match` return one
/// type without boxing.
///
/// `Either` is a [`Stream`] (and a [`FusedStream`]) when both sides are
/// streams with the same `Item`, and a [`Future`] when both sides are
/// futures with the same `Output`. Polling forwards to the side that is
/// present; so do `size_hint` and `is_terminated`. It is `Send`, `Sync` and
/// `Unpin` when both sides are.
///
/// The variants are tuple variants as in futures-util (`Either::Left(s)`),
/// so matching and building code migrates unchanged;
/// [`StreamExt::left_stream`](crate::StreamExt::left_stream) /
/// [`right_stream`](crate::StreamExt::right_stream) build one from a stream.
///
/// # Example
///
/// ```
/// use rill_combinators::{Either, StreamExt, stream};
///
/// fn evens_or_odds(even: bool) -> impl rill_core::Stream<Item = u32> {
///     if even {
///         Either::Left(stream::iter([0, 2, 4]))
///     } else {
///         Either::Right(stream::iter(vec![1, 3]))
///     }
/// }
///
/// assert_eq!(rill_test::block_on(evens_or_odds(false).collect::<Vec<_>>()), [1, 3]);
/// assert_eq!(rill_test::block_on(async { Either::<_, core::future::Ready<u8>>::Left(async { 5 }).await }), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[must_use = "streams and futures do nothing unless polled"]
pub enum Either<L, R> {
    /// The first alternative.
    Left(L),
    /// The second alternative.
    Right(R),
}

impl<L, R> Either<L, R> {
    /// Wraps `inner` as the left alternative: `Either::Left(inner)`.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// let e: Either<u8, char> = Either::left(1);
    /// assert!(e.is_left());
    /// ```
    pub const fn left(inner: L) -> Self {
        Either::Left(inner)
    }

    /// Wraps `inner` as the right alternative: `Either::Right(inner)`.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// let e: Either<u8, char> = Either::right('r');
    /// assert!(e.is_right());
    /// ```
    pub const fn right(inner: R) -> Self {
        Either::Right(inner)
    }

    /// Whether this is the left alternative.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// assert!(Either::<u8, u8>::left(0).is_left());
    /// ```
    pub const fn is_left(&self) -> bool {
        matches!(self, Either::Left(_))
    }

    /// Whether this is the right alternative.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// assert!(!Either::<u8, u8>::left(0).is_right());
    /// ```
    pub const fn is_right(&self) -> bool {
        matches!(self, Either::Right(_))
    }

    /// Projects a pinned reference to an `Either` of pinned references.
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::Either;
    ///
    /// let e = pin!(Either::<u8, char>::right('x'));
    /// let proj = e.as_ref().as_pin_ref();
    /// assert!(matches!(proj, Either::Right(inner) if *inner == 'x'));
    /// ```
    pub fn as_pin_ref(self: Pin<&Self>) -> Either<Pin<&L>, Pin<&R>> {
        // SAFETY: structural pinning of both variants. `Either` has no `Drop`
        // impl, never moves a side out through a pinned reference, and is
        // `Unpin` only through the auto trait (exactly when both sides are),
        // so a pinned `Either` pins whichever side it holds.
        unsafe {
            match self.get_ref() {
                Either::Left(inner) => Either::Left(Pin::new_unchecked(inner)),
                Either::Right(inner) => Either::Right(Pin::new_unchecked(inner)),
            }
        }
    }

    /// Projects a pinned mutable reference to an `Either` of pinned mutable
    /// references.
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::Either;
    ///
    /// let mut e = pin!(Either::<u8, char>::left(1));
    /// if let Either::Left(inner) = e.as_mut().as_pin_mut() {
    ///     *inner.get_mut() += 1;
    /// }
    /// assert_eq!(*e, Either::left(2));
    /// ```
    pub fn as_pin_mut(self: Pin<&mut Self>) -> Either<Pin<&mut L>, Pin<&mut R>> {
        // SAFETY: structural pinning, as in `as_pin_ref`: the side is never
        // moved out of the pinned `Either`, and the `&mut` obtained from
        // `get_unchecked_mut` is only used to re-pin that side.
        unsafe {
            match self.get_unchecked_mut() {
                Either::Left(inner) => Either::Left(Pin::new_unchecked(inner)),
                Either::Right(inner) => Either::Right(Pin::new_unchecked(inner)),
            }
        }
    }
}

impl<T> Either<T, T> {
    /// Returns the value of either side, when both sides have the same type.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// assert_eq!(Either::<u8, u8>::right(3).into_inner(), 3);
    /// ```
    pub fn into_inner(self) -> T {
        match self {
            Either::Left(inner) | Either::Right(inner) => inner,
        }
    }
}

impl<L, R> Stream for Either<L, R>
where
    L: Stream,
    R: Stream<Item = L::Item>,
{
    type Item = L::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<L::Item>> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.poll_next(cx),
            Either::Right(inner) => inner.poll_next(cx),
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Either::Left(inner) => inner.size_hint(),
            Either::Right(inner) => inner.size_hint(),
        }
    }
}

impl<L, R> FusedStream for Either<L, R>
where
    L: FusedStream,
    R: FusedStream<Item = L::Item>,
{
    fn is_terminated(&self) -> bool {
        match self {
            Either::Left(inner) => inner.is_terminated(),
            Either::Right(inner) => inner.is_terminated(),
        }
    }
}

impl<L, R> Future for Either<L, R>
where
    L: Future,
    R: Future<Output = L::Output>,
{
    type Output = L::Output;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<L::Output> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.poll(cx),
            Either::Right(inner) => inner.poll(cx),
        }
    }
}

/// Terminated when the side it holds is.
impl<L, R> FusedFuture for Either<L, R>
where
    L: FusedFuture,
    R: FusedFuture<Output = L::Output>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        match self {
            Either::Left(inner) => inner.is_terminated(),
            Either::Right(inner) => inner.is_terminated(),
        }
    }
}

/// A sink when both sides are sinks of the same item and error: every call
/// goes to the side it holds (as futures-util's `Either`).
///
/// ```
/// use rill_combinators::{Either, SinkExt};
///
/// let mut sink: Either<rill_test::TestSink<u8>, rill_test::TestSink<u8>> =
///     Either::Right(rill_test::TestSink::new());
/// rill_test::block_on(sink.send(3)).unwrap();
/// assert!(matches!(&sink, Either::Right(s) if s.items() == [3]));
/// ```
impl<L, R, Item> futures_sink::Sink<Item> for Either<L, R>
where
    L: futures_sink::Sink<Item>,
    R: futures_sink::Sink<Item, Error = L::Error>,
{
    type Error = L::Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), L::Error>> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.poll_ready(cx),
            Either::Right(inner) => inner.poll_ready(cx),
        }
    }

    fn start_send(self: Pin<&mut Self>, item: Item) -> Result<(), L::Error> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.start_send(item),
            Either::Right(inner) => inner.start_send(item),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), L::Error>> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.poll_flush(cx),
            Either::Right(inner) => inner.poll_flush(cx),
        }
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), L::Error>> {
        match self.as_pin_mut() {
            Either::Left(inner) => inner.poll_close(cx),
            Either::Right(inner) => inner.poll_close(cx),
        }
    }
}
