use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_sink::Sink;

/// Sink for [`drain`]: accepts every item and drops it; never waits, never
/// fails (its error is [`Infallible`], futures-util's `Never`).
///
/// ```
/// use rill_combinators::{StreamExt, sink, stream};
///
/// let done = rill_test::block_on(stream::iter([Ok(1), Ok(2)]).forward(sink::drain()));
/// assert_eq!(done, Ok(()));
/// ```
#[must_use = "sinks do nothing unless polled"]
pub struct Drain<T> {
    _item: PhantomData<fn(T)>,
}

/// A sink that discards every item it is given: the sink counterpart of
/// `std::io::sink`. Flushing and closing it do nothing; it keeps accepting
/// items after `close`.
///
/// ```
/// use rill_combinators::{SinkExt, sink};
///
/// let mut drain = sink::drain();
/// rill_test::block_on(async {
///     assert_eq!(drain.send(5).await, Ok(()));
///     assert_eq!(drain.close().await, Ok(()));
///     // Still accepting after `close`.
///     assert_eq!(drain.send(6).await, Ok(()));
/// });
/// ```
pub fn drain<T>() -> Drain<T> {
    Drain { _item: PhantomData }
}

impl<T> Unpin for Drain<T> {}

impl<T> Clone for Drain<T> {
    fn clone(&self) -> Self {
        drain()
    }
}

impl<T> Sink<T> for Drain<T> {
    type Error = Infallible;

    fn poll_ready(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn start_send(self: Pin<&mut Self>, _item: T) -> Result<(), Infallible> {
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }
}

impl<T> fmt::Debug for Drain<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Drain").finish()
    }
}
