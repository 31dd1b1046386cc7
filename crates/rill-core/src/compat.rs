//! Interoperability with [`futures_core::Stream`] (feature `futures-core`).
//!
//! [`Compat`] wraps a stream of either family and translates it to the other:
//!
//! - `Compat<S>` where `S` is a rill [`Stream`](crate::Stream) implements
//!   [`futures_core::Stream`] (and `futures_core::FusedStream`), so a rill
//!   stream can be handed to tonic, axum, or any futures-based API;
//! - `Compat<S>` where `S` is a [`futures_core::Stream`] implements rill's
//!   [`Stream`](crate::Stream) (and [`FusedStream`](crate::FusedStream)), so
//!   a stream from the futures ecosystem can be used with rill.
//!
//! The two traits have the same shape, so the translation is a plain
//! forwarding call: it costs nothing at run time.
//!
//! # Example
//!
//! ```
//! use core::pin::Pin;
//! use core::task::{Context, Poll};
//! use rill_core::compat::Compat;
//!
//! // A rill stream...
//! struct Two(u8);
//! impl rill_core::Stream for Two {
//!     type Item = u8;
//!     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
//!         self.0 += 1;
//!         Poll::Ready((self.0 <= 2).then_some(self.0))
//!     }
//! }
//!
//! // ...used where a futures-core stream is expected...
//! fn wants_futures_stream(_: impl futures_core::Stream<Item = u8>) {}
//! wants_futures_stream(Compat::new(Two(0)));
//!
//! // ...and wrapped back for rill.
//! let back = Compat::new(Compat::new(Two(0)));
//! assert_eq!(rill_test::block_on_stream(back).collect::<Vec<_>>(), [1, 2]);
//! ```

use core::pin::Pin;
use core::task::{Context, Poll};

pin_project_lite::pin_project! {
    /// A stream that translates between rill's and futures-core's `Stream`
    /// traits (see the [module documentation](self)).
    #[must_use = "streams do nothing unless polled"]
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Compat<S> {
        #[pin]
        inner: S,
    }
}

impl<S> Compat<S> {
    /// Wraps `inner`, a stream of either family.
    ///
    /// ```
    /// use rill_core::compat::Compat;
    /// # use core::{pin::Pin, task::{Context, Poll}};
    /// # struct Empty;
    /// # impl rill_core::Stream for Empty {
    /// #     type Item = u8;
    /// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
    /// #         Poll::Ready(None)
    /// #     }
    /// # }
    /// // A rill stream, boxed as a futures-core stream trait object.
    /// let s: Pin<Box<dyn futures_core::Stream<Item = u8> + Send>> = Box::pin(Compat::new(Empty));
    /// # let _ = s;
    /// ```
    #[inline]
    pub const fn new(inner: S) -> Self {
        Self { inner }
    }

    /// Returns a shared reference to the wrapped stream.
    ///
    /// ```
    /// # use rill_core::compat::Compat;
    /// assert_eq!(*Compat::new(5).get_ref(), 5);
    /// ```
    #[inline]
    pub const fn get_ref(&self) -> &S {
        &self.inner
    }

    /// Returns a mutable reference to the wrapped stream.
    ///
    /// ```
    /// # use rill_core::compat::Compat;
    /// let mut c = Compat::new(5);
    /// *c.get_mut() += 1;
    /// assert_eq!(c.into_inner(), 6);
    /// ```
    #[inline]
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// Returns a pinned mutable reference to the wrapped stream.
    ///
    /// ```
    /// # use rill_core::compat::Compat;
    /// let mut c = Box::pin(Compat::new(5));
    /// let inner: core::pin::Pin<&mut i32> = c.as_mut().get_pin_mut();
    /// assert_eq!(*inner, 5);
    /// ```
    #[inline]
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut S> {
        self.project().inner
    }

    /// Unwraps the stream.
    ///
    /// ```
    /// # use rill_core::compat::Compat;
    /// assert_eq!(Compat::new("s").into_inner(), "s");
    /// ```
    #[inline]
    pub fn into_inner(self) -> S {
        self.inner
    }
}

/// A rill stream seen as a futures-core stream.
impl<S: crate::Stream> futures_core::Stream for Compat<S> {
    type Item = S::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        crate::Stream::poll_next(self.project().inner, cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        crate::Stream::size_hint(&self.inner)
    }
}

impl<S: crate::FusedStream> futures_core::stream::FusedStream for Compat<S> {
    #[inline]
    fn is_terminated(&self) -> bool {
        crate::FusedStream::is_terminated(&self.inner)
    }
}

/// A futures-core stream seen as a rill stream.
impl<S: futures_core::Stream> crate::Stream for Compat<S> {
    type Item = S::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        futures_core::Stream::poll_next(self.project().inner, cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        futures_core::Stream::size_hint(&self.inner)
    }
}

impl<S: futures_core::stream::FusedStream> crate::FusedStream for Compat<S> {
    #[inline]
    fn is_terminated(&self) -> bool {
        futures_core::stream::FusedStream::is_terminated(&self.inner)
    }
}
