//! [`TryBuffered`]: `TryStreamExt::try_buffered`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use super::buffer::Buffer;
use super::fill;
use super::futures_ordered::Ordered;
use super::try_support::{MapTry, OkOrErr};

pin_project_lite::pin_project! {
    /// A stream that runs the futures of a `TryStream` concurrently, at most
    /// `limit` at a time, yielding their results in input order:
    /// [`TryStreamExt::try_buffered`](crate::TryStreamExt::try_buffered).
    ///
    /// The input yields `Result<Fut, E>` with `Fut: Future<Output =
    /// Result<T, E>>`. An input error is passed through as an item (it takes
    /// a slot until it is yielded) and the stream goes on; a future's error
    /// is its output. Limits as in `buffered`: `None` and `0` mean
    /// unlimited.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, TryStreamExt, stream};
    ///
    /// let input = stream::iter([Ok(async { Ok::<u8, &str>(1) }), Err("bad input")]);
    /// let s = input.try_buffered(2);
    /// let out: Vec<Result<u8, &str>> = rill_test::block_on(s.collect());
    /// assert_eq!(out, [Ok(1), Err("bad input")]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryBuffered<St>
    where
        St: TryStream,
        St::Ok: Future,
    {
        #[pin]
        inner: Buffer<MapTry<St, OkOrErr<St::Ok, St::Error>>, Ordered<OkOrErr<St::Ok, St::Error>, <St::Ok as Future>::Output>>,
    }
}

impl<St: TryStream> TryBuffered<St>
where
    St::Ok: Future,
{
    pub(crate) fn new(stream: St, limit: impl Into<Option<usize>>) -> Self {
        let limit = fill::limit(limit);
        let pool = Ordered::with_capacity(limit.unwrap_or(0));
        Self {
            inner: Buffer::with_pool(MapTry::new(stream, OkOrErr::new), pool, limit),
        }
    }
}

delegate_access!(
    TryBuffered<St>,
    inner.stream.stream: St,
    example: "stream::iter(vec![Ok::<_, ()>(core::future::ready(Ok::<u8, ()>(1))), Ok(core::future::ready(Ok(2))), Ok(core::future::ready(Ok(3)))]).try_buffered(2)",
    where St: TryStream, St::Ok: Future
);

impl<St, T> Stream for TryBuffered<St>
where
    St: TryStream,
    St::Ok: Future<Output = Result<T, St::Error>>,
{
    type Item = Result<T, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<St, T> FusedStream for TryBuffered<St>
where
    St: TryStream,
    St::Ok: Future<Output = Result<T, St::Error>>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

impl<St> fmt::Debug for TryBuffered<St>
where
    St: TryStream + fmt::Debug,
    St::Ok: Future,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryBuffered")
            .field("stream", self.get_ref())
            .field("in_progress", &self.inner.pool.len())
            .field("limit", &self.inner.limit)
            .finish()
    }
}
