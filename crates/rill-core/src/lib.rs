//! The core traits of rill, which are the ecosystem's: futures-core's.
//!
//! - [`Stream`]: a source of values that become available asynchronously,
//!   the async counterpart of [`Iterator`].
//! - [`FusedStream`]: a stream that can tell it has finished.
//! - [`TryStream`]: a stream of `Result`s, with its `Ok` and `Error` types
//!   named.
//! - [`BoxStream`] and [`LocalBoxStream`]: owned, type-erased streams.
//! - [`FusedFuture`]: a future that can tell it has completed (what
//!   `select!` loops need).
//!
//! # Why these are futures-core's traits
//!
//! Every item above is a re-export of [`futures_core`]'s, not a trait of
//! rill's own. Every stream a Rust program meets is a
//! `futures_core::Stream`: tokio-stream's wrappers, reqwest's
//! `bytes_stream()`, sqlx's `fetch()`, tonic's `Streaming`, axum's and
//! hyper's bodies, a tokio-tungstenite socket. And every API that takes a
//! stream (axum's `Sse::new`, tonic's responses, hyper's `StreamBody`,
//! `futures::select!`) asks for one. A trait of rill's own would need a
//! wrapper at every one of those crossings, and moving from futures-util
//! to rill would change code instead of `use` lines. tokio-stream,
//! futures-lite, async-std and futures-concurrency share futures-core's
//! traits for the same reason. So:
//!
//! - every rill stream goes into any futures-core API as it is;
//! - rill's extension traits (`StreamExt`, `TryStreamExt` in
//!   `rill-combinators`) apply to every futures-core stream, whichever crate
//!   made it.
//!
//! The trait has the shape of [`core::async_iter::AsyncIterator`]; when the
//! standard library's trait is stable, rill follows futures-core's move.
//!
//! futures-core is a small `no_std` crate with no dependencies of its own
//! (rill uses it without default features), so depending on rill-core still
//! costs almost nothing.
//!
//! # What the traits promise in rill
//!
//! - `poll_next` returning `Ready(None)` means the stream has finished.
//!   Polling again afterwards is a logic error of the caller but never
//!   undefined behaviour; a stream that promises to keep returning
//!   `Ready(None)` implements [`FusedStream`], and `is_terminated` is `true`
//!   only once `Ready(None)` was returned (or the stream can prove it never
//!   yields again).
//! - `size_hint` is never wrong: a stream yields at least the lower and at
//!   most the upper bound. The default, `(0, None)`, is correct for any
//!   stream.
//! - `&mut S` and `Box<S>` (for `S: Unpin`), `Pin<P>` (for `P: Unpin`) and,
//!   with `std`, `AssertUnwindSafe<S>` are streams that forward every call to
//!   the stream they wrap (futures-core's impls).
//!
//! # Features
//!
//! | feature | default | what it adds                                          |
//! |---------|---------|-------------------------------------------------------|
//! | `std`   | yes     | `AssertUnwindSafe<S>` is a stream; implies `alloc`    |
//! | `alloc` | via std | `Box<S>` is a stream, [`BoxStream`], [`LocalBoxStream`] |
//!
//! Without default features the crate is `#![no_std]`.
//!
//! # Example
//!
//! A stream written by hand, against rill-core's `Stream`, used where
//! futures-core's is asked for:
//!
//! ```
//! use core::pin::Pin;
//! use core::task::{Context, Poll};
//! use rill_core::Stream;
//!
//! /// Counts from 1 to 5.
//! struct Counter {
//!     n: u32,
//! }
//!
//! impl Stream for Counter {
//!     type Item = u32;
//!
//!     fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
//!         if self.n == 5 {
//!             return Poll::Ready(None);
//!         }
//!         self.n += 1;
//!         Poll::Ready(Some(self.n))
//!     }
//!
//!     fn size_hint(&self) -> (usize, Option<usize>) {
//!         let left = (5 - self.n) as usize;
//!         (left, Some(left))
//!     }
//! }
//!
//! // The same trait: no wrapper between rill and a futures-based API.
//! fn wants_futures_core_stream(s: impl futures_core::Stream<Item = u32>) -> usize {
//!     s.size_hint().0
//! }
//! assert_eq!(wants_futures_core_stream(Counter { n: 0 }), 5);
//!
//! let items: Vec<u32> = rill_test::block_on_stream(Counter { n: 0 }).collect();
//! assert_eq!(items, [1, 2, 3, 4, 5]);
//! ```
#![no_std]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// A source of values that become available asynchronously: the async
/// counterpart of [`Iterator`] (futures-core's trait, re-exported).
///
/// rill's combinators (`StreamExt` in `rill-combinators`) apply to every
/// type that implements it.
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
/// let s = Countdown(3);
/// assert_eq!(s.size_hint(), (3, Some(3)));
/// let items: Vec<u8> = rill_test::block_on_stream(s).collect();
/// assert_eq!(items, [3, 2, 1]);
/// ```
#[doc(inline)]
pub use futures_core::stream::Stream;

/// A stream that knows when it has finished (futures-core's trait,
/// re-exported).
///
/// `is_terminated` returns `true` once the stream has returned
/// `Poll::Ready(None)` (or can prove it never yields again); from then on
/// `poll_next` keeps returning `Ready(None)` and never panics.
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
#[doc(inline)]
pub use futures_core::stream::FusedStream;

/// A stream of `Result<Self::Ok, Self::Error>`, with both types named
/// (futures-core's trait, re-exported).
///
/// It is implemented for every `Stream<Item = Result<T, E>>` and cannot be
/// implemented by hand (it is sealed).
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
#[doc(inline)]
pub use futures_core::stream::TryStream;

/// A future that knows when it has completed (futures-core's trait,
/// re-exported).
///
/// `futures::select!` skips futures whose `is_terminated` is `true`; every
/// future rill returns implements it where futures-util's equivalent does.
///
/// ```
/// use core::future::Future;
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::FusedFuture;
///
/// /// Ready with 1 on the first poll, then done for good.
/// struct Once(bool);
///
/// impl Future for Once {
///     type Output = u8;
///     fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<u8> {
///         assert!(!self.0, "`Once` polled after completion");
///         self.0 = true;
///         Poll::Ready(1)
///     }
/// }
///
/// impl FusedFuture for Once {
///     fn is_terminated(&self) -> bool {
///         self.0
///     }
/// }
///
/// let mut f = Once(false);
/// assert!(!f.is_terminated());
/// assert_eq!(rill_test::block_on(&mut f), 1);
/// assert!(f.is_terminated());
/// ```
#[doc(inline)]
pub use futures_core::future::FusedFuture;

/// An owned, type-erased, `Send` stream: what `StreamExt::boxed` returns
/// (futures-core's alias, re-exported).
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
#[doc(inline)]
pub use futures_core::stream::BoxStream;

/// An owned, type-erased stream that need not be `Send`: what
/// `StreamExt::boxed_local` returns (futures-core's alias, re-exported).
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
#[doc(inline)]
pub use futures_core::stream::LocalBoxStream;
