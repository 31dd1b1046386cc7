use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Wraps a stream so that it never waits: each poll yields
/// `Some(Poll::Ready(item))` when the inner stream has an item and
/// `Some(Poll::Pending)` when it has not, instead of returning `Pending`.
///
/// The wrapper ends (`Ready(None)`) when the inner stream ends, and drops the
/// inner stream then; polling after the end keeps returning `Ready(None)`.
/// The inner stream is polled with the caller's context, so its waker is
/// still registered when it reports `Pending`.
///
/// `size_hint`'s lower bound is the inner stream's; the upper bound is
/// `None` until the end, since every `Pending` of the inner stream becomes
/// an item.
///
/// # Example
///
/// ```
/// use core::task::Poll;
/// use rill_combinators::{StreamExt, stream};
///
/// let inner = rill_test::interleave_pending(stream::iter([1]));
/// let s = stream::poll_immediate(inner);
/// let got: Vec<Poll<i32>> = rill_test::block_on(s.collect());
/// assert_eq!(got, [Poll::Pending, Poll::Ready(1), Poll::Pending]);
/// ```
pub fn poll_immediate<S: Stream>(stream: S) -> PollImmediate<S> {
    PollImmediate {
        stream: Some(stream),
    }
}

pin_project_lite::pin_project! {
    /// A stream that reports the inner stream's `Pending` as an item: see
    /// [`poll_immediate`].
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::stream;
    ///
    /// let mut s = stream::poll_immediate(stream::pending::<u8>());
    /// rill_test::assert_stream_next!(s, Poll::Pending);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct PollImmediate<S> {
        #[pin]
        stream: Option<S>,
    }
}

impl<S: fmt::Debug> fmt::Debug for PollImmediate<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PollImmediate")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<S: Stream> Stream for PollImmediate<S> {
    type Item = Poll<S::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Poll<S::Item>>> {
        let mut this = self.project();
        let Some(stream) = this.stream.as_mut().as_pin_mut() else {
            return Poll::Ready(None);
        };
        match stream.poll_next(cx) {
            Poll::Ready(Some(item)) => Poll::Ready(Some(Poll::Ready(item))),
            Poll::Pending => Poll::Ready(Some(Poll::Pending)),
            Poll::Ready(None) => {
                this.stream.set(None);
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.stream {
            Some(stream) => (stream.size_hint().0, None),
            None => (0, Some(0)),
        }
    }
}

impl<S: Stream> FusedStream for PollImmediate<S> {
    fn is_terminated(&self) -> bool {
        self.stream.is_none()
    }
}
