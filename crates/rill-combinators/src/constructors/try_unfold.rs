use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::Stream;

/// Creates a stream of `Result`s from a state and a fallible async step
/// function: the `Result` version of [`unfold`](super::unfold()).
///
/// The stream calls `f(state)` and awaits the future it returns:
/// `Ok(Some((item, next_state)))` yields `Ok(item)` and keeps `next_state`;
/// `Ok(None)` ends the stream; `Err(e)` yields `Err(e)` and then ends the
/// stream, since the state was consumed by the failed step.
///
/// Polling after the end is harmless: the stream keeps returning
/// `Poll::Ready(None)` (as in futures-util; it does not implement
/// `FusedStream`). `size_hint` is `(0, None)` until the end.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::try_unfold(0u8, |n| async move {
///     match n {
///         0 | 1 => Ok(Some((n, n + 1))),
///         _ => Err("too far"),
///     }
/// });
/// let got: Vec<Result<u8, &str>> = rill_test::block_on(s.collect());
/// assert_eq!(got, [Ok(0), Ok(1), Err("too far")]);
/// ```
pub fn try_unfold<T, F, Fut, Item, E>(init: T, f: F) -> TryUnfold<T, F, Fut>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Result<Option<(Item, T)>, E>>,
{
    TryUnfold {
        f,
        state: Some(init),
        future: None,
    }
}

pin_project_lite::pin_project! {
    /// A stream of `Result`s built from a state and a fallible async step
    /// function: see [`try_unfold`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::try_unfold(0, |n| async move { Ok::<_, ()>((n < 2).then_some((n, n + 1))) });
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [Ok(0), Ok(1)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryUnfold<T, F, Fut> {
        f: F,
        // Between steps: `Some(state)`, `future` is `None`.
        // During a step: `None`, `future` is `Some`. After the end: both `None`.
        state: Option<T>,
        #[pin]
        future: Option<Fut>,
    }
}

impl<T: fmt::Debug, F, Fut: fmt::Debug> fmt::Debug for TryUnfold<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryUnfold")
            .field("state", &self.state)
            .field("future", &self.future)
            .finish_non_exhaustive()
    }
}

impl<T, F, Fut, Item, E> Stream for TryUnfold<T, F, Fut>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = Result<Option<(Item, T)>, E>>,
{
    type Item = Result<Item, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Item, E>>> {
        let mut this = self.project();
        if let Some(state) = this.state.take() {
            this.future.set(Some((this.f)(state)));
        }
        let Some(future) = this.future.as_mut().as_pin_mut() else {
            return Poll::Ready(None);
        };
        let step = ready!(future.poll(cx));
        this.future.set(None);
        match step {
            Ok(Some((item, next))) => {
                *this.state = Some(next);
                Poll::Ready(Some(Ok(item)))
            }
            Ok(None) => Poll::Ready(None),
            Err(e) => Poll::Ready(Some(Err(e))),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.state.is_none() && self.future.is_none() {
            (0, Some(0))
        } else {
            (0, None)
        }
    }
}
