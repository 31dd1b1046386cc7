//! Pulling work from an input stream into a bounded pool: shared by
//! `buffered`, `buffer_unordered`, `for_each_concurrent` and
//! `flatten_unordered`.

use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use super::ready_queue::BUDGET;

/// Normalises a concurrency limit: `None` and `0` both mean unlimited.
pub(crate) fn limit(n: impl Into<Option<usize>>) -> Option<usize> {
    n.into().filter(|&n| n != 0)
}

/// How a [`fill`] ended.
pub(crate) enum Filled<B> {
    /// The input is pending or ended, or the pool is full.
    Idle,
    /// The budget is spent and the input may have more ready: the caller
    /// must make sure it is polled again (wake its task if it returns
    /// `Pending`).
    Budget,
    /// `push` asked to stop.
    Break(B),
}

/// Pulls items from `input` (unless `done`) and hands them to `push` while
/// `len(pool)` is below `limit`, at most [`BUDGET`] items per call. Sets
/// `done` when the input ends; never polls it afterwards.
pub(crate) fn fill<St: Stream + ?Sized, P, B>(
    mut input: Pin<&mut St>,
    done: &mut bool,
    cx: &mut Context<'_>,
    limit: Option<usize>,
    pool: &mut P,
    len: impl Fn(&P) -> usize,
    mut push: impl FnMut(&mut P, St::Item) -> ControlFlow<B>,
) -> Filled<B> {
    for _ in 0..BUDGET {
        if *done || limit.is_some_and(|limit| len(pool) >= limit) {
            return Filled::Idle;
        }
        match input.as_mut().poll_next(cx) {
            Poll::Ready(Some(item)) => {
                if let ControlFlow::Break(b) = push(pool, item) {
                    return Filled::Break(b);
                }
            }
            Poll::Ready(None) => {
                *done = true;
                return Filled::Idle;
            }
            Poll::Pending => return Filled::Idle,
        }
    }
    if *done || limit.is_some_and(|limit| len(pool) >= limit) {
        Filled::Idle
    } else {
        Filled::Budget
    }
}

/// `size_hint` of a buffering adapter: what is in flight plus what the
/// input may still give (each input item gives exactly one output).
pub(crate) fn size_hint(
    in_flight: usize,
    input: (usize, Option<usize>),
    done: bool,
) -> (usize, Option<usize>) {
    if done {
        return (in_flight, Some(in_flight));
    }
    (
        input.0.saturating_add(in_flight),
        input.1.and_then(|u| u.checked_add(in_flight)),
    )
}

/// A pool of futures a [`Buffer`] feeds: `FuturesUnordered` or
/// `FuturesOrdered`.
pub(crate) trait Pool<F>: Stream + Unpin {
    fn with_capacity(capacity: usize) -> Self;
    fn len(&self) -> usize;
    fn push(&mut self, future: F);
}

impl<F: Future> Pool<F> for super::FuturesUnordered<F> {
    fn with_capacity(capacity: usize) -> Self {
        Self::with_capacity(capacity)
    }
    fn len(&self) -> usize {
        self.len()
    }
    fn push(&mut self, future: F) {
        self.push(future);
    }
}

impl<F: Future<Output = Out>, Out> Pool<F> for super::futures_ordered::Ordered<F, Out> {
    fn with_capacity(capacity: usize) -> Self {
        Self::with_capacity(capacity)
    }
    fn len(&self) -> usize {
        self.len()
    }
    fn push(&mut self, future: F) {
        self.push_back(future);
    }
}

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
        let filled = this.refill(cx);
        match Pin::new(&mut *this.pool).poll_next(cx) {
            Poll::Ready(Some(out)) => {
                // Keep the pipeline full: the freed slot is refilled now,
                // not on the next poll.
                let _ = this.refill(cx);
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
    fn refill(&mut self, cx: &mut Context<'_>) -> Filled<()> {
        fill(
            self.stream.as_mut(),
            self.done,
            cx,
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

/// Declares a public adapter over [`Buffer`] (`BufferUnordered`,
/// `Buffered`): the struct, its accessors, `Stream`, `FusedStream`, `Debug`.
macro_rules! buffer_adapter {
    ($(#[$meta:meta])* $name:ident, $method:literal, $pool:ty) => {
        pin_project_lite::pin_project! {
            $(#[$meta])*
            #[must_use = "streams do nothing unless polled"]
            pub struct $name<St>
            where
                St: Stream,
                St::Item: Future,
            {
                #[pin]
                inner: Buffer<St, $pool>,
            }
        }

        impl<St: Stream> $name<St>
        where
            St::Item: Future,
        {
            pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
                Self {
                    inner: Buffer::new(stream, fill::limit(limit)),
                }
            }

            /// Returns a shared reference to the underlying stream.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let mut s = stream::iter([core::future::ready(1)]).", $method, "(2);")]
            /// assert_eq!(s.get_ref().get_ref().len(), 1);
            /// # let _ = &mut s;
            /// ```
            pub fn get_ref(&self) -> &St {
                &self.inner.stream
            }

            /// Returns a mutable reference to the underlying stream. Pulling
            /// items from it directly may confuse this adapter.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let mut s = stream::iter([core::future::ready(1)]).", $method, "(2);")]
            /// assert_eq!(s.get_mut().get_mut().len(), 1);
            /// ```
            pub fn get_mut(&mut self) -> &mut St {
                &mut self.inner.stream
            }

            /// Returns a pinned mutable reference to the underlying stream.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let mut s = stream::iter([core::future::ready(1)]).", $method, "(2);")]
            /// assert_eq!(core::pin::Pin::new(&mut s).get_pin_mut().get_ref().len(), 1);
            /// ```
            pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut St> {
                self.project().inner.project().stream
            }

            /// Returns the underlying stream; the futures in flight are
            /// dropped.
            ///
            /// ```
            /// use rill_combinators::{StreamExt, stream};
            ///
            #[doc = concat!("let mut s = stream::iter([core::future::ready(1)]).", $method, "(2);")]
            /// # let _ = &mut s;
            /// assert_eq!(s.into_inner().get_ref().len(), 1);
            /// ```
            pub fn into_inner(self) -> St {
                self.inner.stream
            }
        }

        impl<St> Stream for $name<St>
        where
            St: Stream,
            St::Item: Future,
        {
            type Item = <St::Item as Future>::Output;

            fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
                self.project().inner.poll_next(cx)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<St> FusedStream for $name<St>
        where
            St: Stream,
            St::Item: Future,
        {
            fn is_terminated(&self) -> bool {
                self.inner.is_terminated()
            }
        }

        impl<St> fmt::Debug for $name<St>
        where
            St: Stream + fmt::Debug,
            St::Item: Future + fmt::Debug,
        {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("stream", &self.inner.stream)
                    .field("in_progress", &self.inner.pool.len())
                    .field("limit", &self.inner.limit)
                    .finish()
            }
        }
    };
}
