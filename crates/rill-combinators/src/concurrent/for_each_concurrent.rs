//! [`ForEachConcurrent`]: `StreamExt::for_each_concurrent`.

use core::fmt;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use super::FuturesUnordered;
use super::fill::{self, Filled};
use super::ready_queue::BUDGET;

pin_project_lite::pin_project! {
    /// A future that runs a closure's future for every item of a stream,
    /// at most `limit` at a time: see
    /// [`StreamExt::for_each_concurrent`](crate::StreamExt::for_each_concurrent).
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct ForEachConcurrent<St, Fut, F> {
        #[pin]
        stream: St,
        f: F,
        done: bool,
        finished: bool,
        in_progress: FuturesUnordered<Fut>,
        limit: Option<usize>,
    }
}

impl<St, Fut, F> ForEachConcurrent<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>, f: F) -> Self {
        let limit = fill::limit(limit);
        Self {
            stream,
            f,
            done: false,
            finished: false,
            in_progress: FuturesUnordered::with_capacity(limit.unwrap_or(0)),
            limit,
        }
    }
}

impl<St, Fut, F> Future for ForEachConcurrent<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut this = self.project();
        // One budget of input items and one of child polls for the whole
        // poll, however often the loop goes round: every round that goes on
        // polled a child that completed.
        let mut inputs = BUDGET;
        let mut children = BUDGET;
        loop {
            let f = &mut *this.f;
            let filled = fill::fill(
                this.stream.as_mut(),
                this.done,
                cx,
                &mut inputs,
                *this.limit,
                &mut *this.in_progress,
                FuturesUnordered::len,
                |set, item| {
                    set.push(f(item));
                    ControlFlow::<()>::Continue(())
                },
            );
            match this.in_progress.poll_within(cx, &mut children) {
                Poll::Ready(Some(())) => continue,
                Poll::Ready(None) if *this.done => {
                    *this.finished = true;
                    return Poll::Ready(());
                }
                _ => {
                    if let Filled::Budget = filled {
                        cx.waker().wake_by_ref();
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}

impl<St, Fut, F> FusedFuture for ForEachConcurrent<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = ()>,
{
    /// `true` once the future resolved (the input ended and every future
    /// it started completed).
    fn is_terminated(&self) -> bool {
        self.finished
    }
}

impl<St: fmt::Debug, Fut: fmt::Debug, F> fmt::Debug for ForEachConcurrent<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForEachConcurrent")
            .field("stream", &self.stream)
            .field("in_progress", &self.in_progress)
            .field("limit", &self.limit)
            .finish()
    }
}
