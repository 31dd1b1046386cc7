use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::map_err`](super::TryStreamExt::map_err).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err(2)]).map_err(|e| e * 10);
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(1), Err(20)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct MapErr<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St, F> MapErr<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        MapErr { stream, f }
    }
}

delegate_access!(
    MapErr<St, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).map_err(|e| e) }"
);

impl<St: fmt::Debug, F> fmt::Debug for MapErr<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapErr")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F, E> Stream for MapErr<St, F>
where
    St: TryStream,
    F: FnMut(St::Error) -> E,
{
    type Item = Result<St::Ok, E>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_map_result(this.stream, cx, |item| item.map_err(this.f))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F, E> FusedStream for MapErr<St, F>
where
    St: TryStream + FusedStream,
    F: FnMut(St::Error) -> E,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
