use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::into_stream`](super::TryStreamExt::into_stream).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok::<u8, ()>(1)]).into_stream();
    /// assert_eq!(s.get_ref().get_ref().len(), 1);
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(1)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct IntoStream<St> {
        #[pin]
        stream: St,
    }
}

impl<St> IntoStream<St> {
    pub(super) fn new(stream: St) -> Self {
        IntoStream { stream }
    }
}

delegate_access!(
    IntoStream<St>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).into_stream() }"
);

impl<St: fmt::Debug> fmt::Debug for IntoStream<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IntoStream")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St: TryStream> Stream for IntoStream<St> {
    type Item = Result<St::Ok, St::Error>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().stream.try_poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St: TryStream + FusedStream> FusedStream for IntoStream<St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
