//! [`TryFlattenUnordered`]: `TryStreamExt::try_flatten_unordered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::FlattenUnordered;
use super::try_support::{MapTry, TryInner};

pin_project_lite::pin_project! {
    /// A stream that polls up to `limit` of the `TryStream`s its input
    /// yields at once, yielding their results as they come:
    /// [`TryStreamExt::try_flatten_unordered`](crate::TryStreamExt::try_flatten_unordered).
    ///
    /// An input error and an inner stream's errors are passed through as
    /// items; the stream goes on. Limits: `None` and `0` mean unlimited.
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
        inner: FlattenUnordered<MapTry<St, TryInner<St::Ok, St::Error>>>,
    }
}

impl<St: TryStream> TryFlattenUnordered<St> {
    /// `TryStreamExt::try_flatten_unordered`.
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        Self {
            inner: FlattenUnordered::new(MapTry::new(stream, TryInner::new), limit),
        }
    }
}

delegate_access!(
    TryFlattenUnordered<St>,
    inner.inner.stream.stream: St,
    example: "stream::iter(vec![Ok::<_, ()>(stream::iter(vec![Ok::<u8, ()>(1)])), Ok(stream::iter(vec![Ok(2)])), Ok(stream::iter(vec![Ok(3)]))]).try_flatten_unordered(None)",
    where St: TryStream
);

impl<St> Stream for TryFlattenUnordered<St>
where
    St: TryStream,
    St::Ok: TryStream<Error = St::Error>,
{
    type Item = Result<<St::Ok as TryStream>::Ok, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St> FusedStream for TryFlattenUnordered<St>
where
    St: TryStream,
    St::Ok: TryStream<Error = St::Error>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl<St> fmt::Debug for TryFlattenUnordered<St>
where
    St: TryStream + fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFlattenUnordered")
            .field("stream", self.get_ref())
            .finish_non_exhaustive()
    }
}
