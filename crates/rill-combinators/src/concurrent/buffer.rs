//! [`Buffer`]: the engine of `buffered`, `buffer_unordered` and their
//! `try_*` forms: input items go into a [`Pool`], at most `limit` at a
//! time; outputs come out of it.

use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::fill::{Filled, fill, size_hint};
use super::pool::Pool;
use super::ready_queue::BUDGET;

pin_project_lite::pin_project! {
    /// The engine of `buffered` and `buffer_unordered`: input futures go
    /// into the pool, at most `limit` at a time; outputs come out of it.
    #[project = BufferProj]
    #[derive(Debug)]
    pub(crate) struct Buffer<St, P> {
        #[pin]
        pub(crate) stream: St,
        done: bool,
        terminated: bool,
        pub(crate) pool: P,
        pub(crate) limit: Option<usize>,
    }
}

impl<St, P> Buffer<St, P> {
    /// `pool` should have room for `limit` futures (no growth later).
    pub(crate) fn with_pool(stream: St, pool: P, limit: Option<usize>) -> Self {
        Self {
            stream,
            done: false,
            terminated: false,
            pool,
            limit,
        }
    }
}

impl<St: Stream, P: Pool<St::Item>> Buffer<St, P> {
    pub(crate) fn new(stream: St, limit: Option<usize>) -> Self {
        Self::with_pool(stream, P::with_capacity(limit.unwrap_or(0)), limit)
    }

    pub(crate) fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<P::Item>> {
        let mut this = self.project();
        if *this.terminated {
            return Poll::Ready(None);
        }
        // One budget of input items for the whole poll, both refills.
        let mut inputs = BUDGET;
        let filled = this.refill(cx, &mut inputs);
        match Pin::new(&mut *this.pool).poll_next(cx) {
            Poll::Ready(Some(out)) => {
                // Keep the pipeline full: the freed slot is refilled now,
                // not on the next poll.
                let _ = this.refill(cx, &mut inputs);
                Poll::Ready(Some(out))
            }
            Poll::Ready(None) if *this.done => {
                *this.terminated = true;
                Poll::Ready(None)
            }
            _ => {
                if let Filled::Budget = filled {
                    cx.waker().wake_by_ref();
                }
                Poll::Pending
            }
        }
    }

    pub(crate) fn size_hint(&self) -> (usize, Option<usize>) {
        if self.terminated {
            return (0, Some(0));
        }
        size_hint(self.pool.len(), self.stream.size_hint(), self.done)
    }

    pub(crate) fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<St: Stream, P: Pool<St::Item>> BufferProj<'_, St, P> {
    fn refill(&mut self, cx: &mut Context<'_>, budget: &mut usize) -> Filled<()> {
        fill(
            self.stream.as_mut(),
            self.done,
            cx,
            budget,
            *self.limit,
            &mut *self.pool,
            P::len,
            |pool, fut| {
                pool.push(fut);
                ControlFlow::Continue(())
            },
        )
    }
}
