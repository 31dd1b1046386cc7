use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::err_into`](super::TryStreamExt::err_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `E`.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err(2u8)]).err_into::<u32>();
    /// let items: Vec<Result<i32, u32>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(2)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ErrInto<St, E> {
        #[pin]
        stream: St,
        error: PhantomData<fn() -> E>,
    }
}

impl<St, E> ErrInto<St, E> {
    pub(super) fn new(stream: St) -> Self {
        ErrInto {
            stream,
            error: PhantomData,
        }
    }
}

delegate_access!(
    ErrInto<St, E>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).err_into::<u16>() }"
);

impl<St: fmt::Debug, E> fmt::Debug for ErrInto<St, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrInto")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, E> Stream for ErrInto<St, E>
where
    St: TryStream,
    St::Error: Into<E>,
{
    type Item = Result<St::Ok, E>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        poll_map_result(self.project().stream, cx, |item| item.map_err(Into::into))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, E> FusedStream for ErrInto<St, E>
where
    St: TryStream + FusedStream,
    St::Error: Into<E>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
