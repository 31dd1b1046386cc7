use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::inspect_ok`](super::TryStreamExt::inspect_ok).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut total = 0;
    /// let s = stream::iter([Ok(2), Err(()), Ok(3)]).inspect_ok(|x| total += x);
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(total, 5);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct InspectOk<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St, F> InspectOk<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        InspectOk { stream, f }
    }
}

delegate_access!(
    InspectOk<St, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).inspect_ok(|_| {}) }"
);

impl<St: fmt::Debug, F> fmt::Debug for InspectOk<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InspectOk")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Stream for InspectOk<St, F>
where
    St: TryStream,
    F: FnMut(&St::Ok),
{
    type Item = Result<St::Ok, St::Error>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_map_result(this.stream, cx, |item| item.inspect(this.f))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F> FusedStream for InspectOk<St, F>
where
    St: TryStream + FusedStream,
    F: FnMut(&St::Ok),
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
