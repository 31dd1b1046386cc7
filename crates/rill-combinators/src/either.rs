//! [`Either`]: one of two streams or futures, as one type.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// One of two streams (or futures) of different types that produce the
    /// same item (or output): lets two branches of an `if` or `match` return
    /// one type without boxing.
    ///
    /// `Either` is a [`Stream`] (and a [`FusedStream`]) when both sides are
    /// streams with the same `Item`, and a [`Future`] when both sides are
    /// futures with the same `Output`. Polling forwards to the side that is
    /// present; so do `size_hint` and `is_terminated`. It is `Send`, `Sync`
    /// and `Unpin` when both sides are.
    ///
    /// The variants have a named field, `inner` (pin projection without
    /// `unsafe` needs it): build one with [`Either::left`] /
    /// [`Either::right`], `Either::Left { inner }`, or the
    /// [`StreamExt::left_stream`](crate::StreamExt::left_stream) /
    /// [`right_stream`](crate::StreamExt::right_stream) methods.
    ///
    /// # Example
    ///
    /// ```
    /// use rill_combinators::{Either, StreamExt, stream};
    ///
    /// fn evens_or_odds(even: bool) -> impl rill_core::Stream<Item = u32> {
    ///     if even {
    ///         Either::left(stream::iter([0, 2, 4]))
    ///     } else {
    ///         Either::right(stream::iter(vec![1, 3]))
    ///     }
    /// }
    ///
    /// assert_eq!(rill_test::block_on(evens_or_odds(false).collect::<Vec<_>>()), [1, 3]);
    /// assert_eq!(rill_test::block_on(async { Either::<_, core::future::Ready<u8>>::left(async { 5 }).await }), 5);
    /// ```
    #[project = EitherProj]
    #[project_ref = EitherProjRef]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[must_use = "streams and futures do nothing unless polled"]
    // `pin_project!` takes no doc comment on an enum's fields; the variants
    // document their `inner` field instead.
    #[allow(missing_docs)]
    pub enum Either<L, R> {
        /// The first alternative; `inner` is the stream or future.
        Left {
            #[pin]
            inner: L,
        },
        /// The second alternative; `inner` is the stream or future.
        Right {
            #[pin]
            inner: R,
        },
    }
}

impl<L, R> Either<L, R> {
    /// Wraps `inner` as the left alternative (`Either::Left { inner }`).
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// let e: Either<u8, char> = Either::left(1);
    /// assert!(e.is_left());
    /// ```
    pub const fn left(inner: L) -> Self {
        Either::Left { inner }
    }

    /// Wraps `inner` as the right alternative (`Either::Right { inner }`).
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// let e: Either<u8, char> = Either::right('r');
    /// assert!(e.is_right());
    /// ```
    pub const fn right(inner: R) -> Self {
        Either::Right { inner }
    }

    /// Whether this is the left alternative.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// assert!(Either::<u8, u8>::left(0).is_left());
    /// ```
    pub const fn is_left(&self) -> bool {
        matches!(self, Either::Left { .. })
    }

    /// Whether this is the right alternative.
    ///
    /// ```
    /// use rill_combinators::Either;
    ///
    /// assert!(!Either::<u8, u8>::left(0).is_right());
    /// ```
    pub const fn is_right(&self) -> bool {
        matches!(self, Either::Right { .. })
    }

    /// Projects a pinned reference to an `Either` of pinned references.
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::Either;
    ///
    /// let e = pin!(Either::<u8, char>::right('x'));
    /// let proj = e.as_ref().as_pin_ref();
    /// assert!(matches!(proj, Either::Right { inner } if *inner == 'x'));
    /// ```
    pub fn as_pin_ref(self: Pin<&Self>) -> Either<Pin<&L>, Pin<&R>> {
        match self.project_ref() {
            EitherProjRef::Left { inner } => Either::Left { inner },
            EitherProjRef::Right { inner } => Either::Right { inner },
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
    /// if let Either::Left { inner } = e.as_mut().as_pin_mut() {
    ///     *inner.get_mut() += 1;
    /// }
    /// assert_eq!(*e, Either::left(2));
    /// ```
    pub fn as_pin_mut(self: Pin<&mut Self>) -> Either<Pin<&mut L>, Pin<&mut R>> {
        match self.project() {
            EitherProj::Left { inner } => Either::Left { inner },
            EitherProj::Right { inner } => Either::Right { inner },
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
            Either::Left { inner } | Either::Right { inner } => inner,
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
        match self.project() {
            EitherProj::Left { inner } => inner.poll_next(cx),
            EitherProj::Right { inner } => inner.poll_next(cx),
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Either::Left { inner } => inner.size_hint(),
            Either::Right { inner } => inner.size_hint(),
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
            Either::Left { inner } => inner.is_terminated(),
            Either::Right { inner } => inner.is_terminated(),
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
        match self.project() {
            EitherProj::Left { inner } => inner.poll(cx),
            EitherProj::Right { inner } => inner.poll(cx),
        }
    }
}
