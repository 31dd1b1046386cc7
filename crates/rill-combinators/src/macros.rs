//! Macros shared by the adapters.

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` to an adapter
/// whose wrapped stream is the pinned field `$field` (see STYLE.md: one macro,
/// not copies by hand).
///
/// Usage, after the `pin_project!` struct:
/// `delegate_access!(Map<St, F>, stream: St);`
/// An adapter whose struct has bounds repeats them after a `where`:
/// `delegate_access!(Filter<St, Fut, F>, stream: St, where St: Stream);`
macro_rules! delegate_access {
    ($name:ident < $($gen:ident),* >, $field:ident : $inner:ty $(, where $($bound:tt)+)?) => {
        impl<$($gen),*> $name<$($gen),*> $(where $($bound)+)? {
            /// Returns a shared reference to the underlying stream.
            #[inline]
            pub fn get_ref(&self) -> &$inner {
                &self.$field
            }

            /// Returns a mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            #[inline]
            pub fn get_mut(&mut self) -> &mut $inner {
                &mut self.$field
            }

            /// Returns a pinned mutable reference to the underlying stream.
            ///
            /// Pulling items from it directly may confuse this adapter.
            #[inline]
            pub fn get_pin_mut(self: ::core::pin::Pin<&mut Self>) -> ::core::pin::Pin<&mut $inner> {
                self.project().$field
            }

            /// Consumes the adapter and returns the underlying stream.
            ///
            /// Any state the adapter holds (a buffered item, a pending
            /// future) is dropped.
            #[inline]
            pub fn into_inner(self) -> $inner {
                self.$field
            }
        }
    };
}
