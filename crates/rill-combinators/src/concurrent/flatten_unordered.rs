//! [`FlatMapUnordered`] and [`FlattenUnordered`]:
//! `StreamExt::flat_map_unordered` and `StreamExt::flatten_unordered`.

use core::fmt;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::fill::{self, Filled};
use super::ready_queue::BUDGET;
use super::select_all::poll_member;
use super::task_set::TaskSet;

pin_project_lite::pin_project! {
    /// A stream that maps each item of its input to a stream with a closure
    /// and polls up to `limit` of those streams at once, yielding their items
    /// as they come: see
    /// [`StreamExt::flat_map_unordered`](crate::StreamExt::flat_map_unordered).
    #[must_use = "streams do nothing unless polled"]
    pub struct FlatMapUnordered<St, U, F> {
        #[pin]
        pub(crate) stream: St,
        f: F,
        done: bool,
        terminated: bool,
        inner: TaskSet<U>,
        limit: Option<usize>,
    }
}

impl<St, U, F> FlatMapUnordered<St, U, F> {
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>, f: F) -> Self {
        let limit = fill::limit(limit);
        Self {
            stream,
            f,
            done: false,
            terminated: false,
            inner: TaskSet::with_capacity(limit.unwrap_or(0)),
            limit,
        }
    }
}

delegate_access!(
    FlatMapUnordered<St, U, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).flat_map_unordered(None, |x| stream::iter([x]))"
);

impl<St, U, F> Stream for FlatMapUnordered<St, U, F>
where
    St: Stream,
    U: Stream,
    F: FnMut(St::Item) -> U,
{
    type Item = U::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<U::Item>> {
        let mut this = self.project();
        if *this.terminated {
            return Poll::Ready(None);
        }
        for _ in 0..BUDGET {
            let f = &mut *this.f;
            let filled = fill::fill(
                this.stream.as_mut(),
                this.done,
                cx,
                *this.limit,
                &mut *this.inner,
                TaskSet::len,
                |set, item| {
                    set.insert(f(item));
                    ControlFlow::<()>::Continue(())
                },
            );
            let full = this.limit.is_some_and(|l| this.inner.len() >= l);
            match this.inner.poll_with(cx, poll_member) {
                Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
                Poll::Ready(None) if *this.done => {
                    *this.terminated = true;
                    return Poll::Ready(None);
                }
                _ => {
                    // Inner streams that ended while the set was full made
                    // room: pull from the input again before sleeping (the
                    // input was not polled, so it would not wake us).
                    if full && !*this.done && this.limit.is_some_and(|l| this.inner.len() < l) {
                        continue;
                    }
                    if let Filled::Budget = filled {
                        cx.waker().wake_by_ref();
                    }
                    return Poll::Pending;
                }
            }
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.terminated {
            return (0, Some(0));
        }
        let mut lower = 0usize;
        let mut upper = Some(0usize);
        for (_, s) in self.inner.iter() {
            let (l, u) = s.size_hint();
            lower = lower.saturating_add(l);
            upper = upper.zip(u).and_then(|(a, b)| a.checked_add(b));
        }
        // Every input item may give any number of items.
        if !self.done && self.stream.size_hint().1 != Some(0) {
            upper = None;
        }
        (lower, upper)
    }
}

impl<St, U, F> FusedStream for FlatMapUnordered<St, U, F>
where
    St: Stream,
    U: Stream,
    F: FnMut(St::Item) -> U,
{
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<St: fmt::Debug, U: fmt::Debug, F> fmt::Debug for FlatMapUnordered<St, U, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlatMapUnordered")
            .field("stream", &self.stream)
            .field("inner", &self.inner)
            .field("limit", &self.limit)
            .finish()
    }
}

pin_project_lite::pin_project! {
    /// A stream that polls up to `limit` of the streams its input yields at
    /// once, yielding their items as they come: see
    /// [`StreamExt::flatten_unordered`](crate::StreamExt::flatten_unordered).
    #[must_use = "streams do nothing unless polled"]
    pub struct FlattenUnordered<St>
    where
        St: Stream,
    {
        #[pin]
        pub(crate) inner: FlatMapUnordered<St, St::Item, fn(St::Item) -> St::Item>,
    }
}

fn identity<T>(t: T) -> T {
    t
}

impl<St: Stream> FlattenUnordered<St> {
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        Self {
            inner: FlatMapUnordered::new(stream, limit, identity),
        }
    }
}

delegate_access!(
    FlattenUnordered<St>,
    inner.stream: St,
    example: "stream::iter(vec![stream::iter(0..1u8), stream::iter(1..2), stream::iter(2..3)]).flatten_unordered(None)",
    where St: Stream
);

impl<St> Stream for FlattenUnordered<St>
where
    St: Stream,
    St::Item: Stream,
{
    type Item = <St::Item as Stream>::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St> FusedStream for FlattenUnordered<St>
where
    St: Stream,
    St::Item: Stream,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl<St> fmt::Debug for FlattenUnordered<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlattenUnordered")
            .field("stream", &self.inner.stream)
            .field("inner", &self.inner.inner)
            .field("limit", &self.inner.limit)
            .finish()
    }
}
