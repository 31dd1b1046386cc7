use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;

pin_project_lite::pin_project! {
    /// Sink for [`unfold`]: hands each item, with the state, to an async
    /// function that returns the next state.
    #[must_use = "sinks do nothing unless polled"]
    pub struct Unfold<T, F, Fut> {
        f: F,
        state: Option<T>,
        #[pin]
        future: Option<Fut>,
    }
}

/// A sink from a state and an async function that takes the state and one
/// item and returns the next state: the sink counterpart of
/// [`stream::unfold`](crate::stream::unfold).
///
/// One item at a time: `start_send` starts `f(state, item)`, and
/// `poll_ready`, `poll_flush` and `poll_close` all drive that future to its
/// end (nothing more: closing does not call `f`). When it resolves to
/// `Err(e)` the call returns `Err(e)` and the state is gone: the sink
/// accepts no further item (`start_send` then panics). Dropping the sink
/// drops the state and a future in flight.
///
/// # Panics
///
/// `start_send` without a `poll_ready` that returned `Ready(Ok(()))`, or
/// after an error: "`Unfold` sink: start_send without a ready poll_ready (or
/// after an error)".
///
/// ```
/// use core::cell::Cell;
/// use core::pin::pin;
/// use rill_combinators::{SinkExt, sink};
///
/// // The state is a running sum; `seen` shows it from outside.
/// let seen = Cell::new(0);
/// let mut total = pin!(sink::unfold(0, |sum, x: u32| {
///     let seen = &seen;
///     async move {
///         seen.set(sum + x);
///         Ok::<_, core::convert::Infallible>(sum + x)
///     }
/// }));
/// rill_test::block_on(async {
///     total.send(2).await.unwrap();
///     total.send(3).await.unwrap();
/// });
/// assert_eq!(seen.get(), 5);
/// ```
pub fn unfold<T, F, Fut, Item, E>(init: T, f: F) -> Unfold<T, F, Fut>
where
    F: FnMut(T, Item) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    Unfold {
        f,
        state: Some(init),
        future: None,
    }
}

impl<T, F, Fut, Item, E> Sink<Item> for Unfold<T, F, Fut>
where
    F: FnMut(T, Item) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    type Error = E;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        self.poll_flush(cx)
    }

    fn start_send(self: Pin<&mut Self>, item: Item) -> Result<(), E> {
        let mut this = self.project();
        let state = match this.state.take() {
            Some(state) if this.future.is_none() => state,
            _ => panic!("`Unfold` sink: start_send without a ready poll_ready (or after an error)"),
        };
        this.future.set(Some((this.f)(state, item)));
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let mut this = self.project();
        if let Some(future) = this.future.as_mut().as_pin_mut() {
            let result = ready!(future.poll(cx));
            this.future.set(None);
            *this.state = Some(result?);
        }
        Poll::Ready(Ok(()))
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        self.poll_flush(cx)
    }
}

impl<T: fmt::Debug, F, Fut> fmt::Debug for Unfold<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unfold")
            .field("state", &self.state)
            .field("running", &self.future.is_some())
            .finish()
    }
}
