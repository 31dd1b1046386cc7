use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

/// How many ready items `Debounce` takes in one poll before it yields to
/// the executor (a stream that is always ready must not starve the task).
const BUDGET: usize = 64;

pin_project! {
    /// Stream for `debounce`: the method of each backend's `StreamTimeExt`
    /// ([`tokio`](crate::tokio::StreamTimeExt::debounce),
    /// [`async_io`](crate::async_io::StreamTimeExt::debounce)), or
    /// [`new`](Self::new) on any [`Timer`].
    ///
    /// Yields the last item of each burst once `period` passed without a
    /// newer item; earlier items of the burst are dropped. When the stream
    /// ends, an item still waiting for its quiet period comes out at once,
    /// then the end. The [timing rules](crate#timing-rules) of every adapter
    /// apply.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let s: rill_time::Debounce<_, TokioTimer> = stream::iter([1, 2]).debounce(Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [2]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Debounce<S: Stream, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        pending: Option<S::Item>,
        period: Duration,
        // The input ended (it is not polled again); a waiting item may
        // still have gone out in the same poll.
        input_done: bool,
        // `Ready(None)` was returned.
        done: bool,
    }
}

delegate_access!(Debounce<T> where S: Stream, "stream::iter([1, 2]).debounce(d)");

impl<S: Stream, T: Timer> Debounce<S, T> {
    /// The adapter of
    /// [`StreamTimeExt::debounce`](crate::tokio::StreamTimeExt::debounce)
    /// on any [`Timer`]: the last item of each burst, once `period` passed
    /// without a newer one.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer};
    /// use rill_time::Debounce;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let s = Debounce::<_, TestTimer>::new(rill_test::TestSource::new([1, 2, 3]), Duration::from_secs(1));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [3]);
    /// ```
    pub fn new(stream: S, period: Duration) -> Self {
        Self {
            stream,
            deadline: Deadline::new(),
            pending: None,
            period,
            input_done: false,
            done: false,
        }
    }
}

impl<S: Stream, T: Timer> Stream for Debounce<S, T> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let mut this = self.project();
        if *this.input_done {
            *this.done = true;
            return Poll::Ready(None);
        }
        for _ in 0..BUDGET {
            match this.stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => {
                    // A newer item replaces the waiting one and restarts the
                    // quiet period.
                    *this.pending = Some(item);
                    this.deadline.as_mut().set(T::now() + *this.period);
                }
                Poll::Ready(None) => {
                    *this.input_done = true;
                    this.deadline.release();
                    let last = this.pending.take();
                    // With an item, the end comes in the next poll:
                    // `is_terminated` turns true only with `Ready(None)`.
                    *this.done = last.is_none();
                    return Poll::Ready(last);
                }
                Poll::Pending => {
                    return match this.deadline.as_mut().poll_reached(cx) {
                        Poll::Ready(_) => Poll::Ready(this.pending.take()),
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
        // The stream kept being ready: let other tasks run, then go on.
        cx.waker().wake_by_ref();
        Poll::Pending
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.input_done {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        let held = usize::from(self.pending.is_some());
        // Whatever comes, at least one item comes out if any is held or due.
        let lower = usize::from(held > 0 || lower > 0);
        (lower, upper.and_then(|n| n.checked_add(held)))
    }
}

impl<S: Stream, T: Timer> FusedStream for Debounce<S, T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<S: Stream + fmt::Debug, T: Timer> fmt::Debug for Debounce<S, T>
where
    S::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Debounce")
            .field("stream", &self.stream)
            .field("pending", &self.pending)
            .field("period", &self.period)
            .field("deadline", &self.deadline)
            .field("input_done", &self.input_done)
            .field("done", &self.done)
            .finish()
    }
}
