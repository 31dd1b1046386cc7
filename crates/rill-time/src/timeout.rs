use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::deadline::Deadline;
use crate::{Elapsed, Timer};

pin_project! {
    /// Stream for `timeout` and `timeout_repeating`: the methods of each
    /// backend's `StreamTimeExt` ([`tokio`](crate::tokio::StreamTimeExt::timeout),
    /// [`async_io`](crate::async_io::StreamTimeExt::timeout)), or
    /// [`new`](Self::new) / [`new_repeating`](Self::new_repeating) on any
    /// [`Timer`].
    ///
    /// Items come through as `Ok(item)`; an `Err(Elapsed)` marks silence.
    /// Made by `timeout`, it gives up waiting after `period` of silence:
    /// each silent gap of `period` (from the first poll or the last item)
    /// yields one `Err(Elapsed)`, after which the stream goes on waiting
    /// without further errors until the next item. Made by
    /// `timeout_repeating`, it yields an `Err(Elapsed)` every `period` for
    /// as long as the silence lasts. It ends when the stream ends; the
    /// [timing rules](crate#timing-rules) of every adapter apply.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let s: rill_time::Timeout<_, TokioTimer> = stream::iter([1]).timeout(Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [Ok(1)]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Timeout<S, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        period: Duration,
        repeat: bool,
        started: bool,
        done: bool,
    }
}

delegate_access!(Timeout<T>, "stream::iter([1, 2]).timeout(d)");

impl<S: Stream, T: Timer> Timeout<S, T> {
    /// The adapter of
    /// [`StreamTimeExt::timeout`](crate::tokio::StreamTimeExt::timeout) on
    /// any [`Timer`]: one `Err(Elapsed)` per silent gap of `period`.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_combinators::stream;
    /// use rill_test::{ManualClock, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::{Elapsed, Timeout};
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// // A source that never yields: one error, then a quiet wait.
    /// let mut s = Timeout::<_, TestTimer>::new(stream::pending::<u8>(), Duration::from_secs(1));
    /// assert_stream_pending!(s);
    /// clock.advance(Duration::from_secs(1));
    /// assert_stream_next!(s, Err(Elapsed::new()));
    /// clock.advance(Duration::from_secs(5));
    /// assert_stream_pending!(s);
    /// ```
    pub fn new(stream: S, period: Duration) -> Self {
        Self::with_repeat(stream, period, false)
    }

    /// The adapter of
    /// [`StreamTimeExt::timeout_repeating`](crate::tokio::StreamTimeExt::timeout_repeating)
    /// on any [`Timer`]: an `Err(Elapsed)` every `period` of silence.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_combinators::stream;
    /// use rill_test::{ManualClock, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::{Elapsed, Timeout};
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let silent = stream::pending::<u8>();
    /// let mut s = Timeout::<_, TestTimer>::new_repeating(silent, Duration::from_secs(1));
    /// assert_stream_pending!(s);
    /// for _ in 0..3 {
    ///     clock.advance(Duration::from_secs(1));
    ///     assert_stream_next!(s, Err(Elapsed::new()));
    /// }
    /// ```
    pub fn new_repeating(stream: S, period: Duration) -> Self {
        Self::with_repeat(stream, period, true)
    }

    fn with_repeat(stream: S, period: Duration, repeat: bool) -> Self {
        Self {
            stream,
            deadline: Deadline::new(),
            period,
            repeat,
            started: false,
            done: false,
        }
    }
}

impl<S: Stream, T: Timer> Stream for Timeout<S, T> {
    type Item = Result<S::Item, Elapsed>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let mut this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        if !*this.started {
            // The first gap is measured from the first poll.
            *this.started = true;
            this.deadline.as_mut().set(T::now() + *this.period);
        }
        match this.stream.poll_next(cx) {
            Poll::Ready(Some(item)) => {
                this.deadline.set(T::now() + *this.period);
                return Poll::Ready(Some(Ok(item)));
            }
            Poll::Ready(None) => {
                *this.done = true;
                this.deadline.release();
                return Poll::Ready(None);
            }
            Poll::Pending => {}
        }
        // Without a target (after the one error of a gap) this is `Pending`
        // and only the stream can wake us.
        match this.deadline.as_mut().poll_reached(cx) {
            Poll::Ready(_) => {
                if *this.repeat {
                    this.deadline.set(T::now() + *this.period);
                }
                Poll::Ready(Some(Err(Elapsed::new())))
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        if self.repeat {
            return (lower, None);
        }
        // At most one error before each item and one before the end.
        (lower, upper.and_then(|n| n.checked_mul(2)?.checked_add(1)))
    }
}

impl<S: Stream, T: Timer> FusedStream for Timeout<S, T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<S: fmt::Debug, T: Timer> fmt::Debug for Timeout<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timeout")
            .field("stream", &self.stream)
            .field("period", &self.period)
            .field("repeat", &self.repeat)
            .field("deadline", &self.deadline)
            .field("done", &self.done)
            .finish()
    }
}
