//! The glue shared by async-channel 1.x (`async_std::channel`) and 2.x:
//! both have the same API, so one macro implements the receiver and sender
//! traits for either path. Everything else is [`ChannelStream`](crate::ChannelStream).

/// Implements the sealed receive/send traits for `$krate::{Receiver, Sender}`.
macro_rules! impl_async_channel {
    ($($krate:ident)::+) => {
        impl<T> $crate::receiver::sealed::Receive for ::$($krate)::+::Receiver<T> {
            type Message = T;

            #[inline]
            fn poll_receive(
                self: ::core::pin::Pin<&mut Self>,
                cx: &mut ::core::task::Context<'_>,
            ) -> ::core::task::Poll<Option<T>> {
                ::futures_core::Stream::poll_next(self, cx)
            }

            fn close_channel(&mut self) {
                self.close();
            }

            fn remaining(&self) -> (usize, Option<usize>) {
                let len = self.len();
                // Other receivers of the same channel may take messages.
                let lower = if self.receiver_count() == 1 { len } else { 0 };
                // A closed async-channel refuses every later push at once.
                let upper = self.is_closed().then_some(len);
                (lower, upper)
            }
        }

        impl<T> $crate::forward::sealed::Send<T> for ::$($krate)::+::Sender<T> {
            async fn send_message(&self, message: T) -> Result<(), T> {
                self.send(message).await.map_err(|err| err.0)
            }
        }
    };
}
