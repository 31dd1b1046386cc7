//! [`TryFlattenUnordered`]: `TryStreamExt::try_flatten_unordered`.

use core::fmt;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::fill;
use super::flatten_unordered::{Flattening, flatten_size_hint, poll_flatten};
use super::task_set::TaskSet;
use super::try_support::{Results, TryItems};

pin_project_lite::pin_project! {
    /// A stream that polls up to `limit` of the `TryStream`s its input
    /// yields at once, yielding their results as they come:
    /// [`TryStreamExt::try_flatten_unordered`](crate::TryStreamExt::try_flatten_unordered).
    ///
    /// An inner stream's errors are passed through as items. An error of the
    /// input is handed out at once, in the poll in which the input yields it
    /// (converted with `From` into the inner streams' error type), ahead of
    /// items the inner streams have ready; the stream goes on afterwards.
    /// Limits: `None` and `0` mean unlimited.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let inner = stream::iter(vec![Ok::<u8, &str>(1), Err("inner")]);
    /// let input = stream::iter(vec![Ok(inner), Err("outer")]);
    /// let mut out: Vec<_> = rill_test::block_on(input.try_flatten_unordered(2).collect());
    /// out.sort();
    /// assert_eq!(out, [Ok(1), Err("inner"), Err("outer")]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryFlattenUnordered<St>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        done: bool,
        terminated: bool,
        inner: TaskSet<Results<St::Ok>>,
        limit: Option<usize>,
    }
}

impl<St: TryStream> TryFlattenUnordered<St> {
    /// `TryStreamExt::try_flatten_unordered`.
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        let limit = fill::limit(limit);
        Self {
            stream,
            done: false,
            terminated: false,
            inner: TaskSet::with_capacity(limit.unwrap_or(0)),
            limit,
        }
    }
}

delegate_access!(
    TryFlattenUnordered<St>,
    stream: St,
    example: "stream::iter(vec![Ok::<_, ()>(stream::iter(vec![Ok::<u8, ()>(1)])), Ok(stream::iter(vec![Ok(2)])), Ok(stream::iter(vec![Ok(3)]))]).try_flatten_unordered(None)",
    where St: TryStream
);

impl<St> Stream for TryFlattenUnordered<St>
where
    St: TryStream,
    St::Ok: TryStream,
    <St::Ok as TryStream>::Error: From<St::Error>,
{
    type Item = Result<<St::Ok as TryStream>::Ok, <St::Ok as TryStream>::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_flatten(
            Pin::new(&mut TryItems(this.stream)),
            Flattening {
                done: this.done,
                terminated: this.terminated,
                inner: this.inner,
                limit: *this.limit,
            },
            cx,
            |set, item| match item {
                Ok(stream) => {
                    set.insert(Results::new(stream));
                    ControlFlow::Continue(())
                }
                Err(e) => ControlFlow::Break(Err(e.into())),
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

impl<St> FusedStream for TryFlattenUnordered<St>
where
    St: TryStream,
    St::Ok: TryStream,
    <St::Ok as TryStream>::Error: From<St::Error>,
{
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}

impl<St> fmt::Debug for TryFlattenUnordered<St>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFlattenUnordered")
            .field("stream", &self.stream)
            .field("inner", &self.inner)
            .field("limit", &self.limit)
            .finish()
    }
}
