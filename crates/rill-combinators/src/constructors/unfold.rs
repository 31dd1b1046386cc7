use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream};

/// Creates a stream from a state and an async step function.
///
/// The stream calls `f(state)` and awaits the future it returns:
/// `Some((item, next_state))` yields `item` and keeps `next_state` for the
/// next step; `None` ends the stream. It is the async counterpart of a loop
/// that threads a state through each iteration, and the usual way to walk a
/// paginated API.
///
/// At most one step runs at a time, and only while the stream is polled;
/// dropping the stream mid-step drops the step's future. `size_hint` is
/// `(0, None)` until the end and `(0, Some(0))` after.
///
/// # After the end
///
/// `Unfold` is fused: once it has returned `Poll::Ready(None)`, every later
/// poll returns `Poll::Ready(None)` again without calling `f`, and
/// [`FusedStream::is_terminated`] is `true`. (futures-util's `Unfold` panics
/// instead; rill keeps the [`FusedStream`] promise.) If `f` panics, the state
/// it was given is lost, and the stream behaves as ended from then on.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::unfold(1, |n| async move {
///     if n > 100 { None } else { Some((n, n * 10)) }
/// });
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 10, 100]);
/// ```
pub fn unfold<T, F, Fut, Item>(init: T, f: F) -> Unfold<T, F, Fut>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Option<(Item, T)>>,
{
    Unfold {
        f,
        state: UnfoldState::Value { value: init },
    }
}

pin_project_lite::pin_project! {
    /// Where an [`Unfold`] is between steps.
    #[project = UnfoldStateProj]
    #[project_replace = UnfoldStateReplace]
    #[derive(Debug)]
    enum UnfoldState<T, Fut> {
        // Waiting for the next poll to call `f` with this state.
        Value { value: T },
        // A step is running.
        Step { #[pin] future: Fut },
        // The stream ended (or `f` panicked, losing the state).
        Ended,
    }
}

impl<T, Fut> UnfoldState<T, Fut> {
    /// Moves the state out if there is one, leaving `Ended` behind.
    fn take_value(mut self: Pin<&mut Self>) -> Option<T> {
        if !matches!(self.as_mut().project(), UnfoldStateProj::Value { .. }) {
            return None;
        }
        match self.project_replace(UnfoldState::Ended) {
            UnfoldStateReplace::Value { value } => Some(value),
            _ => None,
        }
    }
}

pin_project_lite::pin_project! {
    /// A stream built from a state and an async step function: see
    /// [`unfold`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::unfold(3, |n| async move { (n > 0).then_some((n, n - 1)) });
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [3, 2, 1]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Unfold<T, F, Fut> {
        f: F,
        #[pin]
        state: UnfoldState<T, Fut>,
    }
}

impl<T: fmt::Debug, F, Fut: fmt::Debug> fmt::Debug for Unfold<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unfold")
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl<T, F, Fut, Item> Stream for Unfold<T, F, Fut>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Option<(Item, T)>>,
{
    type Item = Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        let mut this = self.project();
        if let Some(value) = this.state.as_mut().take_value() {
            this.state.set(UnfoldState::Step {
                future: (this.f)(value),
            });
        }
        let step = match this.state.as_mut().project() {
            UnfoldStateProj::Step { future } => ready!(future.poll(cx)),
            // `Ended` (a `Value` was just turned into a `Step`).
            _ => return Poll::Ready(None),
        };
        match step {
            Some((item, next)) => {
                this.state.set(UnfoldState::Value { value: next });
                Poll::Ready(Some(item))
            }
            None => {
                this.state.set(UnfoldState::Ended);
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self.state {
            UnfoldState::Ended => (0, Some(0)),
            _ => (0, None),
        }
    }
}

impl<T, F, Fut, Item> FusedStream for Unfold<T, F, Fut>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Option<(Item, T)>>,
{
    fn is_terminated(&self) -> bool {
        matches!(self.state, UnfoldState::Ended)
    }
}
