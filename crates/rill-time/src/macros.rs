//! Macros shared by the adapters.

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` to an adapter
/// whose wrapped stream is the pinned field `stream`. `$make` is an
/// expression building the adapter over `stream::iter([1, 2])`, for the
/// doc examples.
macro_rules! delegate_access {
    ($name:ident < $($gen:ident),* >, $make:literal) => {
        delegate_access!($name<$($gen),*> where S: Sized, $make);
    };
    ($name:ident < $($gen:ident),* > where S: $bound:path, $make:literal) => {
        impl<S: $bound, $($gen: $crate::Timer),*> $name<S, $($gen),*> {
            /// Returns a shared reference to the underlying stream.
            ///
            #[doc = concat!("```\n", delegate_access!(@prelude), "let s = ", $make, ";
assert_eq!(rill_core::Stream::size_hint(s.get_ref()), (2, Some(2)));\n# }\n```")]
            pub fn get_ref(&self) -> &S {
                &self.stream
            }

            /// Returns a mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            ///
            #[doc = concat!("```\n", delegate_access!(@prelude), "let mut s = ", $make, ";
assert_eq!(rill_test::block_on(s.get_mut().next()), Some(1));\n# }\n```")]
            pub fn get_mut(&mut self) -> &mut S {
                &mut self.stream
            }

            /// Returns a pinned mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            ///
            #[doc = concat!("```\n", delegate_access!(@prelude), "let mut s = Box::pin(", $make, ");
assert_eq!(rill_test::block_on(s.as_mut().get_pin_mut().next()), Some(1));\n# }\n```")]
            pub fn get_pin_mut(self: ::core::pin::Pin<&mut Self>) -> ::core::pin::Pin<&mut S> {
                self.project().stream
            }

            /// Consumes the adapter and returns the underlying stream.
            ///
            /// Any state the adapter holds (the batch being filled, an item
            /// waiting for its quiet period, its timer) is dropped; dropping
            /// the timer cancels it.
            ///
            #[doc = concat!("```\n", delegate_access!(@prelude), "let s = ", $make, ";
assert_eq!(rill_test::block_on(s.into_inner().collect::<Vec<_>>()), [1, 2]);\n# }\n```")]
            pub fn into_inner(self) -> S {
                self.stream
            }
        }
    };
    (@prelude) => {
        "# #[cfg(feature = \"tokio\")] {
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::tokio::StreamTimeExt;
let d = Duration::from_secs(1);
"
    };
}
