//! The `Stream` and `FusedStream` traits and their forwarding impls.

use core::ops::DerefMut;
use core::pin::Pin;
use core::task::{Context, Poll};

/// A source of values that become available asynchronously: the async
/// counterpart of [`Iterator`].
///
/// A stream is driven by [`poll_next`](Stream::poll_next). Each call returns
///
/// - `Poll::Pending` when the next value is not ready yet. The stream has
///   arranged for the waker in `cx` to be woken when it may make progress;
///   only the waker of the most recent call is woken.
/// - `Poll::Ready(Some(item))` with the next value. The caller may poll again
///   at once.
/// - `Poll::Ready(None)` when the stream has finished.
///
/// # Polling after the end
///
/// Once `poll_next` returned `Ready(None)`, calling it again is a logic error
/// of the caller but never undefined behaviour: a stream may panic, return
/// `Ready(None)` again, or (rarely) start over. Streams that promise to keep
/// returning `Ready(None)` implement [`FusedStream`]; any stream can be made to
/// by a `fuse` adapter.
///
/// # Example
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::Stream;
///
/// /// Yields 3, 2, 1 and ends.
/// struct Countdown(u8);
///
/// impl Stream for Countdown {
///     type Item = u8;
///
///     fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u8>> {
///         if self.0 == 0 {
///             return Poll::Ready(None);
///         }
///         self.0 -= 1;
///         Poll::Ready(Some(self.0 + 1))
///     }
///
///     fn size_hint(&self) -> (usize, Option<usize>) {
///         (self.0.into(), Some(self.0.into()))
///     }
/// }
///
/// let mut s = Countdown(3);
/// assert_eq!(s.size_hint(), (3, Some(3)));
/// let items: Vec<u8> = rill_test::block_on_stream(s).collect();
/// assert_eq!(items, [3, 2, 1]);
/// ```
#[must_use = "streams do nothing unless polled"]
pub trait Stream {
    /// The type of the values the stream yields.
    type Item;

    /// Attempts to pull out the next value of this stream, registering the
    /// current task for wake-up if the value is not yet available, and
    /// returning `None` if the stream has finished.
    ///
    /// See the [trait documentation](Stream) for the meaning of each return
    /// value and for what happens when a finished stream is polled again.
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;

    /// Returns the bounds on the number of values the stream has left.
    ///
    /// The contract is that of [`Iterator::size_hint`]: the first element is
    /// a lower bound, the second an upper bound (`None` when unknown or larger
    /// than `usize::MAX`). A correct stream never yields fewer than the lower
    /// or more than the upper bound; callers may use the bounds only as a
    /// hint (for example to reserve capacity), never for memory safety.
    ///
    /// The default, `(0, None)`, is correct for every stream.
    ///
    /// ```
    /// use rill_core::Stream;
    /// # use core::{pin::Pin, task::{Context, Poll}};
    /// # struct Forever;
    /// # impl Stream for Forever {
    /// #     type Item = ();
    /// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> {
    /// #         Poll::Ready(Some(()))
    /// #     }
    /// # }
    /// // A stream that does not override `size_hint` knows nothing.
    /// assert_eq!(Forever.size_hint(), (0, None));
    /// ```
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, None)
    }
}

/// A stream that knows when it has finished.
///
/// `is_terminated` returns `true` once the stream has returned
/// `Poll::Ready(None)` (or can prove it never yields again); from then on
/// `poll_next` keeps returning `Ready(None)` and never panics. Before that it
/// returns `false`, even if the next poll will end the stream. Combinators
/// such as `select` use it to stop polling finished inputs.
///
/// # Example
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::{FusedStream, Stream};
///
/// struct OneShot(Option<u8>);
///
/// impl Stream for OneShot {
///     type Item = u8;
///     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
///         Poll::Ready(self.0.take())
///     }
/// }
///
/// // Once the item is gone, the stream can prove it never yields again and
/// // keeps returning `None`: that is what `is_terminated` reports.
/// impl FusedStream for OneShot {
///     fn is_terminated(&self) -> bool {
///         self.0.is_none()
///     }
/// }
///
/// let s = OneShot(Some(7));
/// assert!(!s.is_terminated());
/// ```
pub trait FusedStream: Stream {
    /// Returns `true` if the stream has finished and will only ever return
    /// `Poll::Ready(None)` from now on.
    fn is_terminated(&self) -> bool;
}

impl<S: ?Sized + Stream + Unpin> Stream for &mut S {
    type Item = S::Item;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        S::poll_next(Pin::new(&mut **self), cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

impl<S: ?Sized + FusedStream + Unpin> FusedStream for &mut S {
    #[inline]
    fn is_terminated(&self) -> bool {
        (**self).is_terminated()
    }
}

impl<P> Stream for Pin<P>
where
    P: DerefMut,
    P::Target: Stream,
{
    type Item = <P::Target as Stream>::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.as_deref_mut().poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

impl<P> FusedStream for Pin<P>
where
    P: DerefMut,
    P::Target: FusedStream,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        (**self).is_terminated()
    }
}

#[cfg(feature = "alloc")]
impl<S: ?Sized + Stream + Unpin> Stream for alloc::boxed::Box<S> {
    type Item = S::Item;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut **self).poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (**self).size_hint()
    }
}

#[cfg(feature = "alloc")]
impl<S: ?Sized + FusedStream + Unpin> FusedStream for alloc::boxed::Box<S> {
    #[inline]
    fn is_terminated(&self) -> bool {
        (**self).is_terminated()
    }
}

#[cfg(feature = "std")]
impl<S: Stream> Stream for std::panic::AssertUnwindSafe<S> {
    type Item = S::Item;

    #[inline]
    #[allow(unsafe_code)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // SAFETY: `AssertUnwindSafe` is a plain wrapper around its public
        // field `0`: it has no `Drop` impl, never moves the field out through
        // `&mut self`, and is `Unpin` exactly when `S` is. Projecting the pin
        // to the field is therefore structural pinning, which is sound.
        unsafe { self.map_unchecked_mut(|w| &mut w.0) }.poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

#[cfg(feature = "std")]
impl<S: FusedStream> FusedStream for std::panic::AssertUnwindSafe<S> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.0.is_terminated()
    }
}

/// An owned, type-erased, `Send` stream: what `StreamExt::boxed` returns.
///
/// ```
/// use rill_core::{BoxStream, Stream};
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Empty;
/// # impl Stream for Empty {
/// #     type Item = u8;
/// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         Poll::Ready(None)
/// #     }
/// # }
/// let s: BoxStream<'static, u8> = Box::pin(Empty);
/// assert_eq!(rill_test::block_on_stream(s).count(), 0);
/// ```
#[cfg(feature = "alloc")]
pub type BoxStream<'a, T> = Pin<alloc::boxed::Box<dyn Stream<Item = T> + Send + 'a>>;

/// An owned, type-erased stream that need not be `Send`: what
/// `StreamExt::boxed_local` returns.
///
/// ```
/// use std::rc::Rc;
/// use rill_core::{LocalBoxStream, Stream};
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct RcOnce(Option<Rc<u8>>);
/// # impl Stream for RcOnce {
/// #     type Item = Rc<u8>;
/// #     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Rc<u8>>> {
/// #         Poll::Ready(self.0.take())
/// #     }
/// # }
/// // `Rc` is not `Send`, so this stream fits a `LocalBoxStream` only.
/// let s: LocalBoxStream<'static, Rc<u8>> = Box::pin(RcOnce(Some(Rc::new(1))));
/// assert_eq!(rill_test::block_on_stream(s).map(|rc| *rc).collect::<Vec<_>>(), [1]);
/// ```
#[cfg(feature = "alloc")]
pub type LocalBoxStream<'a, T> = Pin<alloc::boxed::Box<dyn Stream<Item = T> + 'a>>;
