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
        let this = self.project();
        let f = this.f;
        poll_flatten(
            this.stream,
            Flattening {
                done: this.done,
                terminated: this.terminated,
                inner: this.inner,
                limit: *this.limit,
            },
            cx,
            |set, item| {
                set.insert(f(item));
                ControlFlow::Continue(())
            },
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        flatten_size_hint(
            &self.inner,
            self.stream.size_hint(),
            self.done,
            self.terminated,
        )
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

/// The state of a flattening adapter besides its input: shared by
/// `flat_map_unordered`, `flatten_unordered` and `try_flatten_unordered`.
pub(crate) struct Flattening<'a, U> {
    /// The input ended.
    pub(crate) done: &'a mut bool,
    /// `Ready(None)` was returned.
    pub(crate) terminated: &'a mut bool,
    /// The inner streams in flight.
    pub(crate) inner: &'a mut TaskSet<U>,
    pub(crate) limit: Option<usize>,
}

/// One poll of a flattening adapter: pulls input items into `inner` with
/// `push` (up to `limit` inner streams; `push` may instead hand out an item
/// at once with `Break`, which `try_flatten_unordered` does for an input
/// error), then polls the woken inner streams. Ends once the input ended
/// and every inner stream did.
pub(crate) fn poll_flatten<St, U>(
    mut stream: Pin<&mut St>,
    state: Flattening<'_, U>,
    cx: &mut Context<'_>,
    mut push: impl FnMut(&mut TaskSet<U>, St::Item) -> ControlFlow<U::Item>,
) -> Poll<Option<U::Item>>
where
    St: Stream,
    U: Stream,
{
    let Flattening {
        done,
        terminated,
        inner,
        limit,
    } = state;
    if *terminated {
        return Poll::Ready(None);
    }
    // One budget of input items and one of child polls for the whole poll:
    // the loop goes round only when inner streams ended (child polls).
    let mut inputs = BUDGET;
    let mut children = BUDGET;
    loop {
        let filled = fill::fill(
            stream.as_mut(),
            done,
            cx,
            &mut inputs,
            limit,
            &mut *inner,
            TaskSet::len,
            &mut push,
        );
        if let Filled::Break(item) = filled {
            return Poll::Ready(Some(item));
        }
        let full = limit.is_some_and(|l| inner.len() >= l);
        match inner.poll_with(cx, &mut children, poll_member) {
            Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
            Poll::Ready(None) if *done => {
                *terminated = true;
                return Poll::Ready(None);
            }
            _ => {
                // Inner streams that ended while the set was full made
                // room: pull from the input again before sleeping (the
                // input was not polled, so it would not wake us).
                if full && !*done && limit.is_some_and(|l| inner.len() < l) {
                    continue;
                }
                if let Filled::Budget = filled {
                    cx.waker().wake_by_ref();
                }
                return Poll::Pending;
            }
        }
    }
}

/// `size_hint` of a flattening adapter: what the inner streams in flight
/// may still give, unbounded while the input may yield more streams.
pub(crate) fn flatten_size_hint<U: Stream>(
    inner: &TaskSet<U>,
    input: (usize, Option<usize>),
    done: bool,
    terminated: bool,
) -> (usize, Option<usize>) {
    if terminated {
        return (0, Some(0));
    }
    let mut lower = 0usize;
    let mut upper = Some(0usize);
    for (_, s) in inner.iter() {
        let (l, u) = s.size_hint();
        lower = lower.saturating_add(l);
        upper = upper.zip(u).and_then(|(a, b)| a.checked_add(b));
    }
    // Every input item may give any number of items.
    if !done && input.1 != Some(0) {
        upper = None;
    }
    (lower, upper)
}
