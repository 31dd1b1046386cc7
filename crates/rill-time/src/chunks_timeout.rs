use alloc::vec::Vec;
use core::fmt;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

use crate::Timer;
use crate::deadline::Deadline;

/// The largest capacity reserved up front for a batch; bigger batches grow.
const MAX_RESERVE: usize = 1024;

pin_project! {
    /// Stream for `chunks_timeout` (see
    /// [`StreamTimeExt::chunks_timeout`](crate::tokio::StreamTimeExt::chunks_timeout)).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// use core::time::Duration;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_time::tokio::{StreamTimeExt, TokioTimer};
    ///
    /// let s: rill_time::ChunksTimeout<_, TokioTimer> =
    ///     stream::iter([1, 2, 3]).chunks_timeout(2, Duration::from_secs(1));
    /// assert_eq!(s.collect::<Vec<_>>().await, [vec![1, 2], vec![3]]);
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ChunksTimeout<S: Stream, T: Timer> {
        #[pin]
        stream: S,
        #[pin]
        deadline: Deadline<T>,
        items: Vec<S::Item>,
        max: usize,
        period: Duration,
        done: bool,
    }
}

delegate_access!(ChunksTimeout<T> where S: Stream, "stream::iter([1, 2]).chunks_timeout(2, d)");

impl<S: Stream, T: Timer> ChunksTimeout<S, T> {
    #[track_caller]
    pub(crate) fn new(stream: S, max: usize, period: Duration) -> Self {
        assert!(
            max != 0,
            "`ChunksTimeout`: `chunks_timeout` called with a batch size of 0"
        );
        Self {
            stream,
            deadline: Deadline::new(),
            items: Vec::new(),
            max,
            period,
            done: false,
        }
    }
}

impl<S: Stream, T: Timer> Stream for ChunksTimeout<S, T> {
    type Item = Vec<S::Item>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Vec<S::Item>>> {
        let mut this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        // Bounded: at most `max` items are taken before a batch goes out.
        loop {
            match this.stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => {
                    if this.items.is_empty() {
                        this.items.reserve((*this.max).min(MAX_RESERVE));
                        this.deadline.as_mut().set(T::now() + *this.period);
                    }
                    this.items.push(item);
                    if this.items.len() >= *this.max {
                        this.deadline.clear();
                        return Poll::Ready(Some(mem::take(this.items)));
                    }
                }
                Poll::Ready(None) => {
                    *this.done = true;
                    this.deadline.release();
                    if this.items.is_empty() {
                        return Poll::Ready(None);
                    }
                    return Poll::Ready(Some(mem::take(this.items)));
                }
                Poll::Pending => {
                    // No target while the batch is empty: never an empty batch.
                    return match this.deadline.as_mut().poll_reached(cx) {
                        Poll::Ready(_) => Poll::Ready(Some(mem::take(this.items))),
                        Poll::Pending => Poll::Pending,
                    };
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        let held = self.items.len();
        let lower = lower.saturating_add(held).div_ceil(self.max);
        // Every batch holds at least one item; the held ones share one batch.
        let upper = upper.and_then(|n| n.checked_add(usize::from(held > 0)));
        (lower, upper)
    }
}

impl<S: Stream, T: Timer> FusedStream for ChunksTimeout<S, T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<S: Stream + fmt::Debug, T: Timer> fmt::Debug for ChunksTimeout<S, T>
where
    S::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunksTimeout")
            .field("stream", &self.stream)
            .field("items", &self.items)
            .field("max", &self.max)
            .field("period", &self.period)
            .field("deadline", &self.deadline)
            .field("done", &self.done)
            .finish()
    }
}
