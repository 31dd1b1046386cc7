use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

pin_project! {
    /// Stream for `delay`: the method of each backend's `StreamTimeExt`
    /// ([`tokio`](crate::tokio::StreamTimeExt::delay),
    /// [`async_io`](crate::async_io::StreamTimeExt::delay)), or
    /// [`new`](Self::new) on any [`Timer`].
    ///
    /// Delays the start: the stream is first polled `period` after the
    /// adapter's first poll; from then on items pass through untouched.
    /// Unlike the other adapters it does not fuse by itself: after the end
    /// it forwards each poll to the inner stream (and is a [`FusedStream`]
    /// when that is). The [timing rules](crate#timing-rules) of every
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
    /// let s: rill_time::Delay<_, TokioTimer> = stream::iter([1, 2]).delay(Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [1, 2]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Delay<S, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        period: Duration,
        // 0: not polled yet, 1: waiting, 2: passing items through.
        state: u8,
    }
}

delegate_access!(Delay<T>, "stream::iter([1, 2]).delay(d)");

const UNSTARTED: u8 = 0;
const WAITING: u8 = 1;
const PASSING: u8 = 2;

impl<S: Stream, T: Timer> Delay<S, T> {
    /// The adapter of
    /// [`StreamTimeExt::delay`](crate::tokio::StreamTimeExt::delay) on any
    /// [`Timer`]: the stream is first polled `period` after the first poll.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestSource, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::Delay;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let mut s = Delay::<_, TestTimer>::new(TestSource::new([1, 2]), Duration::from_secs(5));
    /// assert_stream_pending!(s);
    /// clock.advance(Duration::from_secs(5));
    /// assert_stream_next!(s, 1);
    /// assert_stream_next!(s, 2);
    /// ```
    pub fn new(stream: S, period: Duration) -> Self {
        Self {
            stream,
            deadline: Deadline::new(),
            period,
            state: UNSTARTED,
        }
    }
}

impl<S: Stream, T: Timer> Stream for Delay<S, T> {
    type Item = S::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        let mut this = self.project();
        if *this.state == UNSTARTED {
            *this.state = WAITING;
            this.deadline.as_mut().set(T::now() + *this.period);
        }
        if *this.state == WAITING {
            if this.deadline.poll_reached(cx).is_pending() {
                return Poll::Pending;
            }
            *this.state = PASSING;
        }
        this.stream.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<S: FusedStream, T: Timer> FusedStream for Delay<S, T> {
    fn is_terminated(&self) -> bool {
        self.state == PASSING && self.stream.is_terminated()
    }
}

impl<S: fmt::Debug, T: Timer> fmt::Debug for Delay<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            UNSTARTED => "unstarted",
            WAITING => "waiting",
            _ => "passing",
        };
        f.debug_struct("Delay")
            .field("stream", &self.stream)
            .field("period", &self.period)
            .field("state", &state)
            .finish()
    }
}
