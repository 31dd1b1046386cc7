//! The `TryStream` trait: a stream of `Result`s.

use core::pin::Pin;
use core::task::{Context, Poll};

use crate::Stream;

mod sealed {
    pub trait Sealed {}
    impl<S: ?Sized + crate::Stream<Item = Result<T, E>>, T, E> Sealed for S {}
}

/// A stream of `Result<Self::Ok, Self::Error>`, with both types named.
///
/// `TryStream` is implemented for every `Stream<Item = Result<T, E>>` and
/// cannot be implemented by hand (it is sealed): it exists so that bounds
/// and `TryStreamExt` methods can talk about `S::Ok` and `S::Error` directly.
///
/// # Example
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::{Stream, TryStream};
///
/// struct Parse<'a>(core::slice::Iter<'a, &'a str>);
///
/// impl Stream for Parse<'_> {
///     type Item = Result<u32, core::num::ParseIntError>;
///     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
///         Poll::Ready(self.0.next().map(|s| s.parse()))
///     }
/// }
///
/// fn first_ok<S: TryStream + Unpin>(s: S) -> Option<S::Ok> {
///     let mut s = s;
///     rill_test::block_on(core::future::poll_fn(|cx| Pin::new(&mut s).try_poll_next(cx)))
///         .and_then(Result::ok)
/// }
///
/// assert_eq!(first_ok(Parse(["12", "x"].iter())), Some(12));
/// assert_eq!(first_ok(Parse(["x", "12"].iter())), None);
/// ```
pub trait TryStream: Stream + sealed::Sealed {
    /// The type of the successful values.
    type Ok;
    /// The type of the errors.
    type Error;

    /// [`Stream::poll_next`], with the item's `Result` spelled out.
    fn try_poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Self::Ok, Self::Error>>>;
}

impl<S, T, E> TryStream for S
where
    S: ?Sized + Stream<Item = Result<T, E>>,
{
    type Ok = T;
    type Error = E;

    #[inline]
    fn try_poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T, E>>> {
        self.poll_next(cx)
    }
}
