use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Wraps a stream so that it returns `Poll::Pending` once before every poll
/// of the inner stream that produced a result (an item or the end), waking
/// its task each time so that progress goes on.
///
/// Streams must behave the same however often they are told "not yet": an
/// adapter that loses state on `Pending`, or that does not arrange its own
/// wake-up, gives different items (or hangs) through this wrapper. The
/// wrapper forwards `size_hint` and `FusedStream` unchanged.
///
/// # Example
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::Stream;
/// use rill_test::{assert_stream_done, assert_stream_next, assert_stream_pending};
///
/// struct One(bool);
/// impl Stream for One {
///     type Item = &'static str;
///     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<&'static str>> {
///         Poll::Ready((!std::mem::replace(&mut self.0, true)).then_some("item"))
///     }
/// }
///
/// let mut s = rill_test::interleave_pending(One(false));
/// assert_stream_pending!(s);
/// assert_stream_next!(s, "item");
/// assert_stream_pending!(s);
/// assert_stream_done!(s);
/// ```
pub fn interleave_pending<S: Stream>(stream: S) -> InterleavePending<S> {
    InterleavePending {
        stream,
        pended: false,
    }
}

pin_project_lite::pin_project! {
    /// A stream that returns `Pending` before every item: see
    /// [`interleave_pending`].
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct InterleavePending<S> {
        #[pin]
        stream: S,
        pended: bool,
    }
}

impl<S> InterleavePending<S> {
    /// Returns the wrapped stream.
    ///
    /// ```
    /// # use core::{pin::Pin, task::{Context, Poll}};
    /// # #[derive(Debug, PartialEq)]
    /// # struct Nothing;
    /// # impl rill_core::Stream for Nothing {
    /// #     type Item = ();
    /// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> {
    /// #         Poll::Ready(None)
    /// #     }
    /// # }
    /// let s = rill_test::interleave_pending(Nothing);
    /// assert_eq!(s.into_inner(), Nothing);
    /// ```
    pub fn into_inner(self) -> S {
        self.stream
    }
}

impl<S: Stream> Stream for InterleavePending<S> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let this = self.project();
        if !*this.pended {
            *this.pended = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        let poll = this.stream.poll_next(cx);
        if poll.is_ready() {
            *this.pended = false;
        }
        poll
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<S: FusedStream> FusedStream for InterleavePending<S> {
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
