use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::inspect_err`](super::TryStreamExt::inspect_err).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut last = None;
    /// let s = stream::iter([Err(1), Ok(()), Err(2)]).inspect_err(|e| last = Some(*e));
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(last, Some(2));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct InspectErr<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St, F> InspectErr<St, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        InspectErr { stream, f }
    }
}

delegate_access!(
    InspectErr<St, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).inspect_err(|_| {}) }"
);

impl<St: fmt::Debug, F> fmt::Debug for InspectErr<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InspectErr")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, F> Stream for InspectErr<St, F>
where
    St: TryStream,
    F: FnMut(&St::Error),
{
    type Item = Result<St::Ok, St::Error>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_map_result(this.stream, cx, |item| item.inspect_err(this.f))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, F> FusedStream for InspectErr<St, F>
where
    St: TryStream + FusedStream,
    F: FnMut(&St::Error),
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
