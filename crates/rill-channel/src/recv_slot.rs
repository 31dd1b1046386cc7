//! A boxed "receive" future whose allocation is reused for every message.
//!
//! tokio's broadcast and watch receivers offer only `async fn`s to wait for
//! a message (`recv`, `changed`); their futures borrow the receiver, so a
//! stream cannot keep one across polls next to the receiver. The usual
//! answer is to move the receiver into a boxed future that gives it back
//! with the message, and to box a fresh future for the next message: one
//! allocation per message.
//!
//! [`RecvSlot`] keeps the allocation instead. The box holds a [`Slot`]: the
//! future plus the plain function that makes it. When the future has
//! finished and returned the receiver, [`Restart::restart`] builds the next
//! future with that function and writes it into the same pinned place with
//! [`Pin::set`], which drops the finished future in place. The concrete
//! future type is named only inside the generic `Slot<F, R>`; the stream
//! stores `Pin<Box<dyn Restart<..>>>`. No `unsafe` is needed: pinning is
//! respected because the pinned place is only ever overwritten through
//! `Pin::set`. One allocation per stream, a virtual call per poll.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

/// A future that yields `(output, receiver)` and can be started again with
/// the receiver it returned.
pub(crate) trait Restart<R, O>: Future<Output = (O, R)> {
    /// Replaces the (finished or unpolled) future with a new one made from
    /// `receiver`, in the same allocation.
    fn restart(self: Pin<&mut Self>, receiver: R);
}

pin_project_lite::pin_project! {
    struct Slot<F, R> {
        #[pin]
        future: F,
        make: fn(R) -> F,
    }
}

impl<F, R, O> Future for Slot<F, R>
where
    F: Future<Output = (O, R)>,
{
    type Output = (O, R);

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<(O, R)> {
        self.project().future.poll(cx)
    }
}

impl<F, R, O> Restart<R, O> for Slot<F, R>
where
    F: Future<Output = (O, R)>,
{
    #[inline]
    fn restart(self: Pin<&mut Self>, receiver: R) {
        let mut this = self.project();
        let next = (this.make)(receiver);
        this.future.set(next);
    }
}

/// The stored, type-erased slot.
pub(crate) type RecvSlot<R, O> = Pin<Box<dyn Restart<R, O> + Send + Sync>>;

/// Boxes the first future, `make(receiver)`; it is not polled yet.
pub(crate) fn recv_slot<F, R, O>(receiver: R, make: fn(R) -> F) -> RecvSlot<R, O>
where
    F: Future<Output = (O, R)> + Send + Sync + 'static,
    R: 'static,
    O: 'static,
{
    Box::pin(Slot {
        future: make(receiver),
        make,
    })
}
