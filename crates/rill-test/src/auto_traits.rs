//! Compile-time checks of `Send`, `Sync` and `Unpin` (and any other trait),
//! and stand-in parts whose auto traits are chosen by the test.
//!
//! - [`assert_impl!`](crate::assert_impl) checks that a type (or the type of
//!   a value) implements traits, [`assert_not_impl!`](crate::assert_not_impl)
//!   that it implements none of them. Both fail to *compile* when the check
//!   fails: nothing happens at run time.
//! - [`assert_auto_traits_follow!`](crate::assert_auto_traits_follow)
//!   checks the usual promise of a stream adapter: it is `Send`, `Sync` and
//!   `Unpin` exactly when its parts are. It builds the type once with each
//!   of the parts below in place of the part under test.
//! - [`Part`] is a stream and a future whose auto traits are those of a
//!   marker; [`Plain`] has all three, [`NotSend`], [`NotSync`] and
//!   [`NotUnpin`] lack exactly the one they name.
//!
//! ```
//! use rill_test::auto_traits::{NotSend, NotUnpin, Plain};
//! use rill_test::{assert_impl, assert_not_impl};
//!
//! assert_impl!(Plain: Send, Sync, Unpin);
//! assert_not_impl!(NotSend: Send);
//! assert_impl!(NotSend: Sync, Unpin);
//! assert_not_impl!(NotUnpin: Unpin, Copy);
//! assert_impl!(Box<NotUnpin>: Send, Sync, Unpin);
//! assert_not_impl!(std::rc::Rc<Plain>: Send, Sync);
//! ```

use core::cell::Cell;
use core::fmt;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::task::{Context, Poll};
use std::sync::MutexGuard;

use rill_core::{FusedStream, Stream};

/// A stand-in part (a stream of `T`, a future of `T`, or only a type
/// parameter) whose `Send`, `Sync` and `Unpin` are those of the marker `M`;
/// the item type `T` has no influence on them.
///
/// As a [`Stream`] it ends at once (`Ready(None)`); as a [`Future`] it is
/// always `Pending` (without arranging a wake-up): it exists to be *named*
/// in auto-trait checks, not to be driven. Use the aliases [`Plain`],
/// [`NotSend`], [`NotSync`] and [`NotUnpin`] rather than a marker of your
/// own.
///
/// ```
/// use rill_test::auto_traits::{NotSync, Part, Plain};
/// use rill_test::{assert_impl, assert_not_impl, assert_stream_done};
///
/// let mut s = Plain::<&str>::new();
/// assert_stream_done!(s);
/// assert!(rill_test::poll_once(&mut Plain::<bool>::new()).is_pending());
///
/// // `Rc<u8>` as the item does not make the part `!Send`.
/// assert_impl!(Part<(), std::rc::Rc<u8>>: Send, Sync, Unpin);
/// assert_not_impl!(NotSync<u8>: Sync);
/// ```
#[must_use = "streams and futures do nothing unless polled"]
pub struct Part<M, T = u8> {
    marker: PhantomData<(M, fn() -> T)>,
}

/// A [`Part`] that is `Send`, `Sync` and `Unpin`.
///
/// ```
/// rill_test::assert_impl!(rill_test::auto_traits::Plain: Send, Sync, Unpin);
/// ```
pub type Plain<T = u8> = Part<(), T>;

/// A [`Part`] that is not `Send`, but `Sync` and `Unpin`.
///
/// ```
/// use rill_test::auto_traits::NotSend;
/// rill_test::assert_not_impl!(NotSend: Send);
/// rill_test::assert_impl!(NotSend: Sync, Unpin);
/// ```
pub type NotSend<T = u8> = Part<MutexGuard<'static, ()>, T>;

/// A [`Part`] that is not `Sync`, but `Send` and `Unpin`.
///
/// ```
/// use rill_test::auto_traits::NotSync;
/// rill_test::assert_not_impl!(NotSync: Sync);
/// rill_test::assert_impl!(NotSync: Send, Unpin);
/// ```
pub type NotSync<T = u8> = Part<Cell<()>, T>;

/// A [`Part`] that is not `Unpin`, but `Send` and `Sync`.
///
/// ```
/// use rill_test::auto_traits::NotUnpin;
/// rill_test::assert_not_impl!(NotUnpin: Unpin);
/// rill_test::assert_impl!(NotUnpin: Send, Sync);
/// ```
pub type NotUnpin<T = u8> = Part<PhantomPinned, T>;

impl<M, T> Part<M, T> {
    /// A part (it holds nothing).
    ///
    /// ```
    /// let part = rill_test::auto_traits::NotSend::<u8>::new();
    /// assert_eq!(format!("{part:?}"), "Part");
    /// ```
    pub const fn new() -> Self {
        Part {
            marker: PhantomData,
        }
    }
}

impl<M, T> Default for Part<M, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<M, T> Clone for Part<M, T> {
    fn clone(&self) -> Self {
        Self::new()
    }
}

impl<M, T> fmt::Debug for Part<M, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Part")
    }
}

impl<M, T> Stream for Part<M, T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Ready(None)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(0))
    }
}

impl<M, T> FusedStream for Part<M, T> {
    fn is_terminated(&self) -> bool {
        true
    }
}

impl<M, T> Future for Part<M, T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<T> {
        Poll::Pending
    }
}

/// Asserts at compile time that a type implements every listed trait.
///
/// Two forms:
/// - `assert_impl!(Type: Trait, Trait, ...)` names the type. It expands to
///   an item, so it works in a function body and at module level.
/// - `assert_impl!(value = expr => Trait, ...)` checks the type of a value,
///   for types that cannot be named (closures, `async` blocks, adapters
///   over them). The expression is evaluated (and dropped) when the
///   statement runs.
///
/// A failed check is a compile error at the macro call ("the trait bound
/// ... is not satisfied"). The opposite check is
/// [`assert_not_impl!`](crate::assert_not_impl).
///
/// ```
/// use rill_test::assert_impl;
///
/// assert_impl!(Vec<u8>: Send, Sync, Unpin, Clone);
/// assert_impl!(rill_test::TestSource<u8>: rill_core::FusedStream);
///
/// let n = 3;
/// assert_impl!(value = move || n + 1 => Send, Sync, Copy);
/// assert_impl!(value = async { n } => Send);
/// ```
///
/// A type without the trait does not compile:
///
/// ```compile_fail,E0277
/// rill_test::assert_impl!(std::rc::Rc<u8>: Send);
/// ```
///
/// ```compile_fail,E0277
/// let shared = std::rc::Rc::new(1);
/// rill_test::assert_impl!(value = move || *shared => Send);
/// ```
#[macro_export]
macro_rules! assert_impl {
    (value = $value:expr => $($trait:path),+ $(,)?) => {{
        fn assert_impl<T: ?::core::marker::Sized $(+ $trait)+>(_: &T) {}
        assert_impl(&$value);
    }};
    ($type:ty: $($trait:path),+ $(,)?) => {
        const _: fn() = || {
            fn assert_impl<T: ?::core::marker::Sized $(+ $trait)+>() {}
            assert_impl::<$type>();
        };
    };
}

/// Asserts at compile time that a type implements none of the listed
/// traits (each one is checked on its own).
///
/// The same two forms as [`assert_impl!`](crate::assert_impl):
/// `assert_not_impl!(Type: Trait, ...)` and
/// `assert_not_impl!(value = expr => Trait, ...)`.
///
/// How it works: a helper trait gets two blanket impls, one for every type
/// and one for the types with the trait under test, told apart by a type
/// parameter left to inference. A type without the trait matches one impl
/// and compiles; a type with it matches both, and the call is a compile
/// error ("type annotations needed"). The check is only meaningful for
/// concrete types (no generic parameters of an enclosing function).
///
/// ```
/// use core::future::Future;
/// use core::marker::PhantomPinned;
/// use std::rc::Rc;
///
/// use rill_test::assert_not_impl;
///
/// assert_not_impl!(Rc<u8>: Send, Sync);
/// assert_not_impl!(PhantomPinned: Unpin);
///
/// fn sum(shared: Rc<u8>) -> impl Future<Output = u8> {
///     async move { *shared + 1 }
/// }
/// assert_not_impl!(value = sum(Rc::new(1)) => Send, Sync);
/// assert_eq!(rill_test::block_on(sum(Rc::new(1))), 2);
/// ```
///
/// An `async` block defined in the same function body cannot
/// be checked by the value form: the compiler decides its auto traits only
/// after the whole body is type-checked, so the check is ambiguous either
/// way. Build it in another function (`fn make() -> impl Future`), as the
/// example above does with `sum`.
///
/// A type that has the trait does not compile:
///
/// ```compile_fail,E0283
/// rill_test::assert_not_impl!(Vec<u8>: Send);
/// ```
///
/// ```compile_fail,E0283
/// // Each trait is checked: `Rc` is not `Send`, but it is `Unpin`.
/// rill_test::assert_not_impl!(std::rc::Rc<u8>: Send, Unpin);
/// ```
///
/// ```compile_fail,E0283
/// let n = 1;
/// rill_test::assert_not_impl!(value = move || n => Send);
/// ```
#[macro_export]
macro_rules! assert_not_impl {
    (value = $value:expr => $($trait:path),+ $(,)?) => {{
        let value = &$value;
        $({
            trait AmbiguousIfImpl<A> {
                fn check(&self) {}
            }
            impl<T: ?::core::marker::Sized> AmbiguousIfImpl<()> for T {}
            impl<T: ?::core::marker::Sized + $trait> AmbiguousIfImpl<u8> for T {}
            AmbiguousIfImpl::check(value);
        })+
    }};
    ($type:ty: $($trait:path),+ $(,)?) => {
        $(
            const _: fn() = || {
                trait AmbiguousIfImpl<A> {
                    fn check() {}
                }
                impl<T: ?::core::marker::Sized> AmbiguousIfImpl<()> for T {}
                impl<T: ?::core::marker::Sized + $trait> AmbiguousIfImpl<u8> for T {}
                <$type as AmbiguousIfImpl<_>>::check();
            };
        )+
    };
}

/// Asserts at compile time that a type is `Send`, `Sync` and `Unpin`
/// exactly when one of its parts is: the check a stream adapter needs
/// (futures-util's adapters promise it).
///
/// `assert_auto_traits_follow!(pinned X => Type<X>)` builds `Type<X>` four
/// times, with `X` an alias of each [`Part`](crate::auto_traits::Part):
///
/// | `X` is | `Type<X>` must be |
/// |---|---|
/// | [`Plain`](crate::auto_traits::Plain) | `Send`, `Sync`, `Unpin` |
/// | [`NotSend`](crate::auto_traits::NotSend) | not `Send`; `Sync`, `Unpin` |
/// | [`NotSync`](crate::auto_traits::NotSync) | not `Sync`; `Send`, `Unpin` |
/// | [`NotUnpin`](crate::auto_traits::NotUnpin) | not `Unpin`; `Send`, `Sync` |
///
/// With `unpinned` instead of `pinned`, the part is one that is moved but
/// never pinned (a closure, a kept item, an accumulator): `Type<X>` must
/// stay `Unpin` when `X` is not.
///
/// `X` is a stream of `u8` (and a future of `u8`); write `X<T>` for a
/// stream or future of `T`. With `=> value expr` instead of a type, the
/// check applies to the type of the expression (evaluated four times),
/// which may use `X` (`<X>::new()`, `X::<bool>::new()`): for adapters over
/// closures, whose types cannot be named.
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
///
/// use rill_core::Stream;
/// use rill_test::assert_auto_traits_follow;
///
/// /// The adapter under test: pins its stream, keeps its last item.
/// struct KeepLast<St: Stream> {
///     stream: St,
///     last: Option<St::Item>,
/// }
/// // Only the stream is pinned (what pin-project would generate).
/// impl<St: Stream + Unpin> Unpin for KeepLast<St> {}
///
/// assert_auto_traits_follow!(pinned X => KeepLast<X>);
/// // The kept item is moved, never pinned.
/// assert_auto_traits_follow!(unpinned X => KeepLast<rill_test::TestSource<X>>);
/// // A stream of `Result`s, and the type of a value.
/// assert_auto_traits_follow!(pinned X => KeepLast<X<Result<u8, ()>>>);
/// assert_auto_traits_follow!(pinned X => value KeepLast { stream: <X>::new(), last: None });
/// ```
///
/// An adapter that is `Unpin` whatever its stream does not pass as
/// `pinned` (it may pass as `unpinned`):
///
/// ```compile_fail,E0283
/// struct Boxed<St>(Box<St>);
/// rill_test::assert_auto_traits_follow!(pinned X => Boxed<X>);
/// ```
///
/// Nor does one that claims `Send` for every stream:
///
/// ```compile_fail,E0283
/// struct Claims<St>(St);
/// // SAFETY: none: this is the bug the check catches.
/// unsafe impl<St> Send for Claims<St> {}
/// rill_test::assert_auto_traits_follow!(unpinned X => Claims<X>);
/// ```
#[macro_export]
macro_rules! assert_auto_traits_follow {
    (pinned $x:ident => value $value:expr) => {{
        $crate::assert_auto_traits_follow!(@value $x => $value);
        {
            type $x<T = u8> = $crate::auto_traits::NotUnpin<T>;
            let value = $value;
            $crate::assert_not_impl!(value = value => ::core::marker::Unpin);
            $crate::assert_impl!(value = value => ::core::marker::Send, ::core::marker::Sync);
        }
    }};
    (unpinned $x:ident => value $value:expr) => {{
        $crate::assert_auto_traits_follow!(@value $x => $value);
        {
            type $x<T = u8> = $crate::auto_traits::NotUnpin<T>;
            $crate::assert_impl!(
                value = $value => ::core::marker::Send, ::core::marker::Sync, ::core::marker::Unpin
            );
        }
    }};
    (pinned $x:ident => $type:ty) => {
        $crate::assert_auto_traits_follow!(@type $x => $type);
        const _: () = {
            type $x<T = u8> = $crate::auto_traits::NotUnpin<T>;
            $crate::assert_not_impl!($type: ::core::marker::Unpin);
            $crate::assert_impl!($type: ::core::marker::Send, ::core::marker::Sync);
        };
    };
    (unpinned $x:ident => $type:ty) => {
        $crate::assert_auto_traits_follow!(@type $x => $type);
        const _: () = {
            type $x<T = u8> = $crate::auto_traits::NotUnpin<T>;
            $crate::assert_impl!(
                $type: ::core::marker::Send, ::core::marker::Sync, ::core::marker::Unpin
            );
        };
    };
    // What `pinned` and `unpinned` share: `Send` and `Sync` follow `X`.
    (@value $x:ident => $value:expr) => {
        {
            type $x<T = u8> = $crate::auto_traits::Plain<T>;
            $crate::assert_impl!(
                value = $value => ::core::marker::Send, ::core::marker::Sync, ::core::marker::Unpin
            );
        }
        {
            type $x<T = u8> = $crate::auto_traits::NotSend<T>;
            let value = $value;
            $crate::assert_not_impl!(value = value => ::core::marker::Send);
            $crate::assert_impl!(value = value => ::core::marker::Sync, ::core::marker::Unpin);
        }
        {
            type $x<T = u8> = $crate::auto_traits::NotSync<T>;
            let value = $value;
            $crate::assert_not_impl!(value = value => ::core::marker::Sync);
            $crate::assert_impl!(value = value => ::core::marker::Send, ::core::marker::Unpin);
        }
    };
    (@type $x:ident => $type:ty) => {
        const _: () = {
            type $x<T = u8> = $crate::auto_traits::Plain<T>;
            $crate::assert_impl!(
                $type: ::core::marker::Send, ::core::marker::Sync, ::core::marker::Unpin
            );
        };
        const _: () = {
            type $x<T = u8> = $crate::auto_traits::NotSend<T>;
            $crate::assert_not_impl!($type: ::core::marker::Send);
            $crate::assert_impl!($type: ::core::marker::Sync, ::core::marker::Unpin);
        };
        const _: () = {
            type $x<T = u8> = $crate::auto_traits::NotSync<T>;
            $crate::assert_not_impl!($type: ::core::marker::Sync);
            $crate::assert_impl!($type: ::core::marker::Send, ::core::marker::Unpin);
        };
    };
}
