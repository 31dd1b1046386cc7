//! Macros shared by the adapters.

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` to an adapter
/// whose wrapped stream is the pinned field `$field` (one macro,
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

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` for the two
/// streams of a merging adapter (`select_with_strategy`, `race`, `select`,
/// `or`, `merge`), in one of two forms:
///
/// - `(stream1: St1, stream2: St2)`: the streams are the adapter's own
///   pinned fields;
/// - `inner => (St1, St2)`: the adapter wraps another merging adapter in
///   its pinned field `inner` and forwards to that one's accessors.
///
/// `example` is an expression that builds the adapter over
/// `stream::iter(0..2)` and `stream::iter(5..9)`; it becomes the doc
/// example of each accessor.
///
/// Usage, after the `pin_project!` struct:
/// `delegate_pair_access!(Select<St1, St2>, inner => (St1, St2), example: "...");`
macro_rules! delegate_pair_access {
    (
        $name:ident < $($gen:ident),* >,
        ($a:ident : $t1:ty, $b:ident : $t2:ty),
        example: $ex:literal
    ) => {
        // `self` goes to the inner rule as a token, so that the bodies and
        // the signatures it writes share its hygiene.
        delegate_pair_access!(@impl $name<$($gen),*>, $t1, $t2, $ex, self,
            get_ref: { (&self.$a, &self.$b) },
            get_mut: { (&mut self.$a, &mut self.$b) },
            get_pin_mut: {
                let this = self.project();
                (this.$a, this.$b)
            },
            into_inner: { (self.$a, self.$b) },
        );
    };
    (
        $name:ident < $($gen:ident),* >,
        $inner:ident => ($t1:ty, $t2:ty),
        example: $ex:literal
    ) => {
        delegate_pair_access!(@impl $name<$($gen),*>, $t1, $t2, $ex, self,
            get_ref: { self.$inner.get_ref() },
            get_mut: { self.$inner.get_mut() },
            get_pin_mut: { self.project().$inner.get_pin_mut() },
            into_inner: { self.$inner.into_inner() },
        );
    };
    (
        @impl $name:ident < $($gen:ident),* >, $t1:ty, $t2:ty, $ex:literal, $self:tt,
        get_ref: $get_ref:block,
        get_mut: $get_mut:block,
        get_pin_mut: $get_pin_mut:block,
        into_inner: $into_inner:block,
    ) => {
        impl<$($gen),*> $name<$($gen),*> {
            /// Returns shared references to the two streams.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let s = ", $ex, ";")]
            /// assert_eq!(s.get_ref().1.get_ref().len(), 4);
            /// ```
            #[inline]
            pub fn get_ref(&$self) -> (&$t1, &$t2) $get_ref

            /// Returns mutable references to the two streams.
            ///
            /// Pulling items from them directly bypasses the merging; a
            /// stream that already ended here is not polled again by the
            /// merged stream.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let mut s = ", $ex, ";")]
            /// assert_eq!(s.get_mut().0.get_mut().next(), Some(0));
            /// ```
            #[inline]
            pub fn get_mut(&mut $self) -> (&mut $t1, &mut $t2) $get_mut

            /// Returns pinned mutable references to the two streams.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let s = core::pin::pin!(", $ex, ");")]
            /// let (left, _right) = s.get_pin_mut();
            /// assert_eq!(left.get_ref().len(), 2);
            /// ```
            #[inline]
            pub fn get_pin_mut(
                $self: ::core::pin::Pin<&mut Self>,
            ) -> (::core::pin::Pin<&mut $t1>, ::core::pin::Pin<&mut $t2>) $get_pin_mut

            /// Consumes the merged stream and returns the two streams.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let s = ", $ex, ";")]
            /// let (left, right) = s.into_inner();
            /// assert_eq!(left.into_inner().chain(right.into_inner()).count(), 6);
            /// ```
            #[inline]
            pub fn into_inner($self) -> ($t1, $t2) $into_inner
        }
    };
}
