use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::map_ok`](super::TryStreamExt::map_ok).
    ///
    /// One item out per item in, so `size_hint` is the stream's.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2)]).map_ok(|x| x + 1);
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(2), Ok(3)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct MapOk<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St, F> MapOk<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        MapOk { stream, f }
    }
}

delegate_access!(
    MapOk<St, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).map_ok(|x| x) }"
);

impl<St: fmt::Debug, F> fmt::Debug for MapOk<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapOk")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F, T> Stream for MapOk<St, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> T,
{
    type Item = Result<T, St::Error>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_map_result(this.stream, cx, |item| item.map(this.f))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F, T> FusedStream for MapOk<St, F>
where
    St: TryStream + FusedStream,
    F: FnMut(St::Ok) -> T,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
