//! [`TryForEachConcurrent`]: `TryStreamExt::try_for_each_concurrent`.

use core::fmt;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, TryStream};

use super::FuturesUnordered;
use super::fill::{self, Filled};
use super::ready_queue::BUDGET;
use super::try_support::TryItems;

pin_project_lite::pin_project! {
    /// A future that runs a fallible closure's future for every `Ok` item
    /// of a `TryStream`, at most `limit` at a time, and stops at the first
    /// error:
    /// [`TryStreamExt::try_for_each_concurrent`](crate::TryStreamExt::try_for_each_concurrent).
    ///
    /// Resolves to `Ok(())` once the input has ended and every future
    /// succeeded. The first error (from the input or from a future) resolves
    /// it to that `Err` at once: the input and every future still in flight
    /// are dropped (cancelled) right then. Limits: `None` and `0` mean
    /// unlimited. Polling it again after it resolved panics.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let input = stream::iter([Ok::<u8, &str>(1), Ok(2), Ok(3)]);
    /// let run = input.try_for_each_concurrent(2, |n| async move {
    ///     if n == 2 { Err("two") } else { Ok(()) }
    /// });
    /// assert_eq!(rill_test::block_on(run), Err("two"));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct TryForEachConcurrent<St, Fut, F> {
        #[pin]
        stream: Option<St>,
        f: F,
        done: bool,
        finished: bool,
        in_progress: FuturesUnordered<Fut>,
        limit: Option<usize>,
    }
}

impl<St, Fut, F> TryForEachConcurrent<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<(), St::Error>>,
{
    /// `TryStreamExt::try_for_each_concurrent`.
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>, f: F) -> Self {
        let limit = fill::limit(limit);
        Self {
            stream: Some(stream),
            f,
            done: false,
            finished: false,
            in_progress: FuturesUnordered::with_capacity(limit.unwrap_or(0)),
            limit,
        }
    }
}

impl<St, Fut, F> Future for TryForEachConcurrent<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<(), St::Error>>,
{
    type Output = Result<(), St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        assert!(
            !*this.finished,
            "`TryForEachConcurrent` polled after it completed"
        );
        // One budget of input items and one of child polls for the whole
        // poll (see `for_each_concurrent`).
        let mut inputs = BUDGET;
        let mut children = BUDGET;
        loop {
            let mut filled = Filled::Idle;
            if let Some(stream) = this.stream.as_mut().as_pin_mut() {
                let f = &mut *this.f;
                filled = fill::fill(
                    Pin::new(&mut TryItems(stream)),
                    this.done,
                    cx,
                    &mut inputs,
                    *this.limit,
                    &mut *this.in_progress,
                    FuturesUnordered::len,
                    |set, item| match item {
                        Ok(item) => {
                            set.push(f(item));
                            ControlFlow::Continue(())
                        }
                        Err(e) => ControlFlow::Break(e),
                    },
                );
            }
            let step = match filled {
                Filled::Break(e) => Err(e),
                _ => match this.in_progress.poll_within(cx, &mut children) {
                    Poll::Ready(Some(Ok(()))) => continue,
                    Poll::Ready(Some(Err(e))) => Err(e),
                    Poll::Ready(None) if *this.done => Ok(()),
                    _ => {
                        if let Filled::Budget = filled {
                            cx.waker().wake_by_ref();
                        }
                        return Poll::Pending;
                    }
                },
            };
            // Finished (first error, or everything done): cancel the rest.
            *this.finished = true;
            this.stream.set(None);
            this.in_progress.clear();
            return Poll::Ready(step);
        }
    }
}

/// A pinned `TryStream` seen as a stream of `Result`s.
impl<St, Fut, F> FusedFuture for TryForEachConcurrent<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<(), St::Error>>,
{
    /// `true` once the future resolved (to `Ok` at the end, or to the
    /// first error).
    fn is_terminated(&self) -> bool {
        self.finished
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryForEachConcurrent<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryForEachConcurrent")
            .field("stream", &self.stream)
            .field("in_progress", &self.in_progress.len())
            .field("limit", &self.limit)
            .finish()
    }
}
