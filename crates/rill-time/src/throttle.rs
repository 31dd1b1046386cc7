use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

pin_project! {
    /// Stream for `throttle`: the method of each backend's `StreamTimeExt`
    /// ([`tokio`](crate::tokio::StreamTimeExt::throttle),
    /// [`async_io`](crate::async_io::StreamTimeExt::throttle)), or
    /// [`new`](Self::new) on any [`Timer`].
    ///
    /// Lets at most one item through per `period`: after an item, the
    /// stream is not polled again until `period` has passed, so items wait
    /// in it and none is dropped. The first item passes at once; a zero
    /// period lets everything through. The end of the stream, too, is seen
    /// only after the wait. The [timing rules](crate#timing-rules) of every
    /// adapter apply.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let s: rill_time::Throttle<_, TokioTimer> = stream::iter([1, 2]).throttle(Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [1, 2]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Throttle<S, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        period: Duration,
        done: bool,
    }
}

delegate_access!(Throttle<T>, "stream::iter([1, 2]).throttle(d)");

impl<S: Stream, T: Timer> Throttle<S, T> {
    /// The adapter of
    /// [`StreamTimeExt::throttle`](crate::tokio::StreamTimeExt::throttle)
    /// on any [`Timer`]: at most one item per `period`.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestSource, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::Throttle;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let mut s = Throttle::<_, TestTimer>::new(TestSource::new([1, 2]), Duration::from_secs(1));
    /// assert_stream_next!(s, 1);
    /// assert_stream_pending!(s);
    /// clock.advance(Duration::from_secs(1));
    /// assert_stream_next!(s, 2);
    /// ```
    pub fn new(stream: S, period: Duration) -> Self {
        Self {
            stream,
            deadline: Deadline::new(),
            period,
            done: false,
        }
    }
}

impl<S: Stream, T: Timer> Stream for Throttle<S, T> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let mut this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        // Until the period after the last item is over, the stream is not
        // even polled: items wait in it, none is dropped.
        if this.deadline.target().is_some() && this.deadline.as_mut().poll_reached(cx).is_pending()
        {
            return Poll::Pending;
        }
        match this.stream.poll_next(cx) {
            Poll::Ready(Some(item)) => {
                if !this.period.is_zero() {
                    this.deadline.set(T::now() + *this.period);
                }
                Poll::Ready(Some(item))
            }
            Poll::Ready(None) => {
                *this.done = true;
                this.deadline.release();
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            self.stream.size_hint()
        }
    }
}

impl<S: Stream, T: Timer> FusedStream for Throttle<S, T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<S: fmt::Debug, T: Timer> fmt::Debug for Throttle<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Throttle")
            .field("stream", &self.stream)
            .field("period", &self.period)
            .field("deadline", &self.deadline)
            .field("done", &self.done)
            .finish()
    }
}
