//! Generators for rill: write a stream as an async body that yields.
//!
//! - [`stream_fn`]: `stream_fn(|mut y| async move { y.yield_item(v).await; })`
//!   is a [`Stream`](rill_core::Stream) of the yielded values. No macro
//!   involved, so rustfmt and rust-analyzer work inside the body.
//! - [`try_stream_fn`]: the same for a fallible body returning
//!   `Result<(), E>`; `?` works inside, and the stream yields `Ok(v)` for
//!   each value and `Err(e)` (then ends) when the body fails.
//! - With the `macros` feature, [`stream!`] and [`try_stream!`]: the familiar
//!   `yield` syntax (with `for await`), expanding to the functions above.
//!
//! # How it works
//!
//! Each stream allocates, once, a one-item slot that it shares with its
//! yielder. `y.yield_item(v).await` puts `v` in the slot and returns
//! `Pending`; the stream, which was polling the body, finds the item in the
//! slot and returns it. On the next poll the `.await` completes and the body
//! goes on. There is no thread-local storage, no custom waker and no
//! allocation per item, so the generators work with any executor and in
//! `no_std` (with `alloc`).
//!
//! A [`Yielder`] (from [`stream_fn`]) used outside its stream's body (moved
//! into another task, or kept after the stream is gone) panics with a
//! message that says so; it never causes undefined behaviour. See
//! [`Yielder`] for the rules.
//!
//! # Performance
//!
//! The macros give the body a different yielder from [`stream_fn`]'s: its
//! lifetime is tied to the body (through an async closure), so it cannot
//! escape at all, and a yield is a few plain loads and stores that the
//! optimiser sees through. A [`Yielder`] can escape (it is `'static`), so
//! each of its yields checks, with ordered atomic accesses, that its stream
//! is polling the body. Both kinds behave the same; the type of the stream
//! tells them apart ([`kind`]). Measured per item, with thin LTO,
//! `stream!` costs about 35 instructions, `stream_fn` 43 to 49 and a
//! hand-written stream 5 (the figures and how they were taken:
//! `docs/generators.md`).
//!
//! # Example
//!
//! ```
//! use rill_gen::{stream_fn, try_stream_fn};
//!
//! let squares = stream_fn(|mut y| async move {
//!     for i in 1..=3u32 {
//!         y.yield_item(i * i).await;
//!     }
//! });
//! assert_eq!(rill_test::block_on_stream(Box::pin(squares)).collect::<Vec<_>>(), [1, 4, 9]);
//!
//! let checked = try_stream_fn(|mut y| async move {
//!     y.yield_item(1u8).await;
//!     let n: u8 = "300".parse().map_err(|_| "out of range")?;
//!     y.yield_item(n).await;
//!     Ok(())
//! });
//! let v: Vec<_> = rill_test::block_on_stream(Box::pin(checked)).collect();
//! assert_eq!(v, [Ok(1), Err("out of range")]);
//! ```
//!
//! # Features
//!
//! | feature  | default | what it adds                                               |
//! |----------|---------|------------------------------------------------------------|
//! | `macros` | no      | [`stream!`] and [`try_stream!`] (through `rill-gen-macros`) |
//!
//! The facade crate `rill` enables `macros` by default.
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_code)] // allowed on two `mod` lines below: the slot and the scoped hand-over
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;

mod consumer;
pub mod kind;
mod next;
#[allow(unsafe_code)] // the scoped yielder's slot is handed to its stream
mod scoped;
#[allow(unsafe_code)]
mod slot;
mod stream_fn;
mod sync;
mod try_stream_fn;
mod yielder;

pub use stream_fn::{StreamFn, stream_fn};
pub use try_stream_fn::{TryStreamFn, try_stream_fn};
pub use yielder::{Yield, Yielder};

/// What the macros expand to. Not public API: may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::next::{Next, next};
    pub use crate::scoped::{
        NewSlot, ScopedYield, ScopedYielder, new_slot, stream_fn_scoped, try_stream_fn_scoped,
    };
    pub use crate::{stream_fn, try_stream_fn};
    pub use core::pin::pin;
    pub use core::result::Result::Ok;
    #[cfg(feature = "macros")]
    pub use rill_gen_macros::{stream_inner, try_stream_inner};
}

/// Writes a stream with `yield`.
///
/// ```
/// use rill_gen::stream;
///
/// let s = stream! {
///     for i in 0..3u32 {
///         yield i * 10;
///     }
/// };
/// assert_eq!(rill_test::block_on_stream(Box::pin(s)).collect::<Vec<_>>(), [0, 10, 20]);
/// ```
///
/// The body is an `async move` block (it captures what it uses by value)
/// and may use, besides `.await`:
///
/// - `yield expr;`: the stream returns `expr` (plain `yield;` yields `()`);
/// - `for await pat in stream { .. }`: a loop over any rill
///   [`Stream`](rill_core::Stream) (it is pinned on the stack);
/// - `yield` inside macro calls such as `tokio::select!` or `if`-like macros:
///   the tokens given to the macro are rewritten as well;
/// - `return;` ends the stream early.
///
/// The result is a [`StreamFn`] (of kind [`Scoped`](kind::Scoped)), with
/// all the guarantees of [`stream_fn`] (no thread-locals, no allocation per
/// item, `Send` exactly when the body is, fused); its yielder cannot leave
/// the body, so its yields need no run-time check. The item type is
/// inferred from the `yield`s; a body without any `yield` needs a type
/// annotation.
///
/// `yield` inside a closure, a nested `async` block or a nested `fn` is a
/// compile error: that code is not part of the stream's body. A nested
/// `stream!` or `try_stream!` invocation keeps its own `yield`s (the
/// nested macro must be called by one of these two names).
///
/// ```
/// use rill_gen::stream;
///
/// let inner = stream! { yield 1; yield 2; };
/// let outer = stream! {
///     yield 0;
///     for await x in inner {
///         yield x * 100;
///     }
///     yield 999;
/// };
/// let v: Vec<i32> = rill_test::block_on_stream(Box::pin(outer)).collect();
/// assert_eq!(v, [0, 100, 200, 999]);
/// ```
#[cfg(feature = "macros")]
#[macro_export]
macro_rules! stream {
    ($($body:tt)*) => {
        $crate::__private::stream_inner!($crate; $($body)*)
    };
}

/// Writes a fallible stream with `yield` and `?`.
///
/// Like [`stream!`], but the stream's items are `Result<T, E>`: `yield v`
/// yields `Ok(v)`, and `?` (which converts the error with `From`) or
/// `return Err(e)` yields `Err(e)` and ends the stream. `return Ok(())` ends
/// it without an error. The result is a [`TryStreamFn`] (of kind
/// [`Scoped`](kind::Scoped)), as from [`try_stream_fn`].
///
/// ```
/// use rill_gen::try_stream;
///
/// #[derive(Debug, PartialEq)]
/// struct Error(String);
/// impl From<std::num::ParseIntError> for Error {
///     fn from(e: std::num::ParseIntError) -> Self {
///         Error(e.to_string())
///     }
/// }
///
/// fn numbers(text: &'static str) -> impl rill_core::Stream<Item = Result<i64, Error>> {
///     try_stream! {
///         for word in text.split_whitespace() {
///             let n: i64 = word.parse()?;
///             yield n;
///         }
///     }
/// }
///
/// let v: Vec<_> = rill_test::block_on_stream(Box::pin(numbers("1 2 x 4"))).collect();
/// assert_eq!(v.len(), 3);
/// assert_eq!(v[..2], [Ok(1), Ok(2)]);
/// assert!(v[2].is_err());
/// ```
#[cfg(feature = "macros")]
#[macro_export]
macro_rules! try_stream {
    ($($body:tt)*) => {
        $crate::__private::try_stream_inner!($crate; $($body)*)
    };
}
