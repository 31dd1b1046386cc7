//! Which yielder the body of a [`StreamFn`](crate::StreamFn) or
//! [`TryStreamFn`](crate::TryStreamFn) was given: the last type parameter
//! of both, [`Checked`] by default.
//!
//! - [`Checked`]: [`stream_fn`](crate::stream_fn) and
//!   [`try_stream_fn`](crate::try_stream_fn) give the body a
//!   [`Yielder`](crate::Yielder), which may leave the body (it is `Send`
//!   and `'static`), so every yield is checked at run time.
//! - [`Scoped`]: the `stream!` and `try_stream!` macros give the body a
//!   yielder whose lifetime is tied to it (through an async closure), so it
//!   cannot leave the body and its yields need no check.
//!
//! Both behave the same; `Scoped` streams are cheaper per item. You only
//! meet these types when you name a stream's type:
//!
//! ```
//! # #[cfg(feature = "macros")] {
//! use rill_gen::kind::Scoped;
//! use rill_gen::{StreamFn, stream};
//!
//! fn evens(n: u32) -> StreamFn<u32, impl Future<Output = ()>, Scoped> {
//!     stream! {
//!         for i in 0..n {
//!             yield i * 2;
//!         }
//!     }
//! }
//! let v: Vec<u32> = rill_test::block_on_stream(Box::pin(evens(3))).collect();
//! assert_eq!(v, [0, 2, 4]);
//! # }
//! ```
//!
//! (`impl Stream<Item = u32>` is usually the simpler return type.)

/// The kind of yielder a generator's body was given (sealed: implemented by
/// [`Checked`] and [`Scoped`] only).
pub trait Kind: sealed::Sealed {
    /// Whether each yield is checked at run time.
    #[doc(hidden)]
    const CHECKED: bool;
}

/// The body got a [`Yielder`](crate::Yielder): yields are checked at run
/// time (see the [module documentation](self)).
///
/// ```
/// use rill_gen::kind::Checked;
/// use rill_gen::{StreamFn, stream_fn};
///
/// // `StreamFn<u8, Fut>` means `StreamFn<u8, Fut, Checked>`.
/// fn digits() -> StreamFn<u8, impl Future<Output = ()>, Checked> {
///     stream_fn(|mut y| async move {
///         for d in 0..10 {
///             y.yield_item(d).await;
///         }
///     })
/// }
/// assert_eq!(rill_test::block_on_stream(Box::pin(digits())).count(), 10);
/// ```
#[derive(Debug)]
pub enum Checked {}

/// The body got the macros' scoped yielder: yields need no check (see the
/// [module documentation](self)).
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::num::ParseIntError;
///
/// use rill_gen::kind::Scoped;
/// use rill_gen::{TryStreamFn, try_stream};
///
/// fn parsed(
///     words: &'static [&'static str],
/// ) -> TryStreamFn<u8, ParseIntError, impl Future<Output = Result<(), ParseIntError>>, Scoped> {
///     try_stream! {
///         for w in words {
///             yield w.parse::<u8>()?;
///         }
///     }
/// }
/// let v: Vec<_> = rill_test::block_on_stream(Box::pin(parsed(&["1", "x"]))).collect();
/// assert_eq!(v[0], Ok(1));
/// assert!(v[1].is_err());
/// # }
/// ```
#[derive(Debug)]
pub enum Scoped {}

impl Kind for Checked {
    const CHECKED: bool = true;
}

impl Kind for Scoped {
    const CHECKED: bool = false;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Checked {}
    impl Sealed for super::Scoped {}
}
