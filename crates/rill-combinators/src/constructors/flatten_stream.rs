use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream};

/// Creates a stream from a future whose output is a stream: awaits the
/// future, then yields the items of the stream it gave. The counterpart of
/// futures-util's `FutureExt::flatten_stream` (see its entry in
/// docs/migrating.md for why this is a function).
///
/// The future is polled only when the stream is, and dropped as soon as it
/// completes; the inner stream is dropped when it ends. `size_hint` is
/// `(0, None)` while the future runs, the inner stream's after, and
/// `(0, Some(0))` at the end. Fused: after `Ready(None)` it keeps returning
/// `Ready(None)` and `is_terminated` is `true`.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// // A connection that must be opened before it streams rows.
/// let rows = stream::flatten_stream(async { stream::iter(["a", "b"]) });
/// assert_eq!(rill_test::block_on(rows.collect::<Vec<_>>()), ["a", "b"]);
/// ```
pub fn flatten_stream<Fut>(future: Fut) -> FlattenStream<Fut>
where
    Fut: Future,
    Fut::Output: Stream,
{
    FlattenStream {
        state: State::Future { future },
    }
}

pin_project_lite::pin_project! {
    #[project = StateProj]
    enum State<Fut, St> {
        Future { #[pin] future: Fut },
        Stream { #[pin] stream: St },
        Done,
    }
}

pin_project_lite::pin_project! {
    /// The stream of the stream a future gives: see [`flatten_stream`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::flatten_stream(async { stream::iter(1..=3) });
    /// assert_eq!(rill_test::block_on(s.count()), 3);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct FlattenStream<Fut>
    where
        Fut: Future,
    {
        #[pin]
        state: State<Fut, Fut::Output>,
    }
}

impl<Fut> Stream for FlattenStream<Fut>
where
    Fut: Future,
    Fut::Output: Stream,
{
    type Item = <Fut::Output as Stream>::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut state = self.project().state;
        loop {
            match state.as_mut().project() {
                StateProj::Future { future } => {
                    let stream = ready!(future.poll(cx));
                    state.set(State::Stream { stream });
                }
                StateProj::Stream { stream } => {
                    let item = ready!(stream.poll_next(cx));
                    if item.is_none() {
                        state.set(State::Done);
                    }
                    return Poll::Ready(item);
                }
                StateProj::Done => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.state {
            State::Future { .. } => (0, None),
            State::Stream { stream } => stream.size_hint(),
            State::Done => (0, Some(0)),
        }
    }
}

impl<Fut> FusedStream for FlattenStream<Fut>
where
    Fut: Future,
    Fut::Output: Stream,
{
    fn is_terminated(&self) -> bool {
        matches!(self.state, State::Done)
    }
}

impl<Fut> fmt::Debug for FlattenStream<Fut>
where
    Fut: Future + fmt::Debug,
    Fut::Output: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("FlattenStream");
        match &self.state {
            State::Future { future } => out.field("future", future),
            State::Stream { stream } => out.field("stream", stream),
            State::Done => out.field("done", &true),
        };
        out.finish()
    }
}
