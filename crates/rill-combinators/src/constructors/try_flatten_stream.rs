use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream, TryStream};

/// Creates a stream from a future that resolves to `Ok(stream)` or
/// `Err(e)`: yields the stream's items, or `Err(e)` once and then ends. The
/// counterpart of futures-util's `TryFutureExt::try_flatten_stream` (see
/// docs/migrating.md for why this is a function).
///
/// The inner stream's own errors are yielded as items and do not end it
/// (`try_*` adapters pass errors through). The future is polled only when
/// the stream is and dropped once it completes. `size_hint` is `(0, None)`
/// while the future runs, the inner stream's while it runs, `(0, Some(0))` at the end. Fused:
/// after `Ready(None)` it keeps returning `Ready(None)` and `is_terminated`
/// is `true` (after the future's `Err`: from the `Ready(None)` that
/// follows it).
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let connect = |ok: bool| async move {
///     if ok { Ok(stream::iter([Ok(1), Ok(2)])) } else { Err("refused") }
/// };
/// let up = stream::try_flatten_stream(connect(true));
/// assert_eq!(rill_test::block_on(up.collect::<Vec<_>>()), [Ok(1), Ok(2)]);
/// let down = stream::try_flatten_stream(connect(false));
/// assert_eq!(rill_test::block_on(down.collect::<Vec<_>>()), [Err("refused")]);
/// ```
pub fn try_flatten_stream<Fut, St, E>(future: Fut) -> TryFlattenStream<Fut, St>
where
    Fut: Future<Output = Result<St, E>>,
    St: TryStream<Error = E>,
{
    TryFlattenStream {
        state: State::Future { future },
    }
}

pin_project_lite::pin_project! {
    #[project = StateProj]
    enum State<Fut, St> {
        Future { #[pin] future: Fut },
        Stream { #[pin] stream: St },
        // The future's error was yielded; `Ready(None)` is next.
        Failed,
        Done,
    }
}

pin_project_lite::pin_project! {
    /// The stream of the stream a fallible future gives: see
    /// [`try_flatten_stream`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::try_flatten_stream(async {
    ///     Ok::<_, ()>(stream::iter([Ok(1), Err(()), Ok(2)]))
    /// });
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [Ok(1), Err(()), Ok(2)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryFlattenStream<Fut, St> {
        #[pin]
        state: State<Fut, St>,
    }
}

impl<Fut, St, E> Stream for TryFlattenStream<Fut, St>
where
    Fut: Future<Output = Result<St, E>>,
    St: TryStream<Error = E>,
{
    type Item = Result<St::Ok, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut state = self.project().state;
        loop {
            match state.as_mut().project() {
                StateProj::Future { future } => match ready!(future.poll(cx)) {
                    Ok(stream) => state.set(State::Stream { stream }),
                    Err(e) => {
                        state.set(State::Failed);
                        return Poll::Ready(Some(Err(e)));
                    }
                },
                StateProj::Stream { stream } => {
                    let item = ready!(stream.try_poll_next(cx));
                    if item.is_none() {
                        state.set(State::Done);
                    }
                    return Poll::Ready(item);
                }
                StateProj::Failed => {
                    state.set(State::Done);
                    return Poll::Ready(None);
                }
                StateProj::Done => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.state {
            State::Future { .. } => (0, None),
            State::Stream { stream } => stream.size_hint(),
            State::Failed | State::Done => (0, Some(0)),
        }
    }
}

impl<Fut, St, E> FusedStream for TryFlattenStream<Fut, St>
where
    Fut: Future<Output = Result<St, E>>,
    St: TryStream<Error = E>,
{
    fn is_terminated(&self) -> bool {
        matches!(self.state, State::Done)
    }
}

impl<Fut: fmt::Debug, St: fmt::Debug> fmt::Debug for TryFlattenStream<Fut, St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("TryFlattenStream");
        match &self.state {
            State::Future { future } => out.field("future", future),
            State::Stream { stream } => out.field("stream", stream),
            State::Failed | State::Done => out.field("done", &true),
        };
        out.finish()
    }
}
