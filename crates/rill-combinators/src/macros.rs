//! Macros shared by the adapters.

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` to an adapter
/// whose wrapped stream is the pinned field `$field` (see STYLE.md: one macro,
/// not copies by hand). The field may be a path through nested adapters,
/// `inner.stream`, each step a pinned field of a `pin_project!` struct
/// without a `Drop` impl.
///
/// `example` is an expression that builds the adapter over
/// `stream::iter(vec![1u8, 2, 3])` (any input of three items); it becomes
/// the doc example of each accessor.
///
/// Usage, after the `pin_project!` struct:
/// `delegate_access!(Map<St, F>, stream: St, example: "stream::iter(vec![1u8, 2, 3]).map(|x| x)");`
macro_rules! delegate_access {
    ($name:ident < $($gen:ident),* >, $($field:ident).+ : $inner:ty, example: $ex:literal) => {
        delegate_access!($name<$($gen),*>, $($field).+: $inner, example: $ex, where);
    };
    // For adapters whose struct has bounds, e.g. a field of type `St::Item`:
    // `delegate_access!(Flatten<St>, stream: St, example: "...", where St: Stream);`
    ($name:ident < $($gen:ident),* >, $($field:ident).+ : $inner:ty, example: $ex:literal, where $($bound:tt)*) => {
        impl<$($gen),*> $name<$($gen),*> where $($bound)* {
            /// Returns a shared reference to the underlying stream.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, TryStreamExt, stream};
            /// use rill_core::Stream as _;
            ///
            #[doc = concat!("let s = ", $ex, ";")]
            /// assert_eq!(s.get_ref().size_hint(), (3, Some(3)));
            /// ```
            #[inline]
            pub fn get_ref(&self) -> &$inner {
                &self$(.$field)+
            }

            /// Returns a mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly bypasses this adapter, which
            /// then never sees them.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, TryStreamExt, stream};
            /// use rill_core::Stream as _;
            ///
            #[doc = concat!("let mut s = ", $ex, ";")]
            /// assert!(rill_test::block_on(s.get_mut().next()).is_some());
            /// assert_eq!(s.get_ref().size_hint(), (2, Some(2)));
            /// ```
            #[inline]
            pub fn get_mut(&mut self) -> &mut $inner {
                &mut self$(.$field)+
            }

            /// Returns a pinned mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly bypasses this adapter, which
            /// then never sees them.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, TryStreamExt, stream};
            /// use rill_core::Stream as _;
            ///
            #[doc = concat!("let mut s = Box::pin(", $ex, ");")]
            /// assert_eq!(s.as_mut().get_pin_mut().size_hint(), (3, Some(3)));
            /// ```
            #[inline]
            pub fn get_pin_mut(self: ::core::pin::Pin<&mut Self>) -> ::core::pin::Pin<&mut $inner> {
                self$(.project().$field)+
            }

            /// Consumes the adapter and returns the underlying stream.
            ///
            /// Any state the adapter holds (a buffered item, a pending
            /// future) is dropped.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, TryStreamExt, stream};
            ///
            #[doc = concat!("let s = ", $ex, ";")]
            /// assert_eq!(rill_test::block_on(s.into_inner().count()), 3);
            /// ```
            #[inline]
            pub fn into_inner(self) -> $inner {
                self$(.$field)+
            }
        }
    };
}
