//! Macros shared by the adapters.

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` to an adapter
/// whose wrapped stream is the pinned field `stream`.
macro_rules! delegate_access {
    ($name:ident < $($gen:ident),* >) => {
        impl<S, $($gen: $crate::Timer),*> $name<S, $($gen),*> {
            /// Returns a shared reference to the underlying stream.
            pub fn get_ref(&self) -> &S {
                &self.stream
            }

            /// Returns a mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            pub fn get_mut(&mut self) -> &mut S {
                &mut self.stream
            }

            /// Returns a pinned mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            pub fn get_pin_mut(self: ::core::pin::Pin<&mut Self>) -> ::core::pin::Pin<&mut S> {
                self.project().stream
            }

            /// Consumes the adapter and returns the underlying stream.
            ///
            /// Any state the adapter holds (a buffered item, its timer) is
            /// dropped; dropping the timer cancels it.
            pub fn into_inner(self) -> S {
                self.stream
            }
        }
    };
}
