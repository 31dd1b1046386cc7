use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::poll_map_result;

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::ok_into`](super::TryStreamExt::ok_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `U`.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1u8), Err(2)]).ok_into::<u64>();
    /// let items: Vec<Result<u64, i32>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(2)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct OkInto<St, U> {
        #[pin]
        stream: St,
        ok: PhantomData<fn() -> U>,
    }
}

impl<St, U> OkInto<St, U> {
    pub(super) fn new(stream: St) -> Self {
        OkInto {
            stream,
            ok: PhantomData,
        }
    }
}

delegate_access!(
    OkInto<St, U>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).ok_into::<u16>() }"
);

impl<St: fmt::Debug, U> fmt::Debug for OkInto<St, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OkInto")
            .field("stream", &self.stream)
            .finish()
    }
}

impl<St, U> Stream for OkInto<St, U>
where
    St: TryStream,
    St::Ok: Into<U>,
{
    type Item = Result<U, St::Error>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        poll_map_result(self.project().stream, cx, |item| item.map(Into::into))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St, U> FusedStream for OkInto<St, U>
where
    St: TryStream + FusedStream,
    St::Ok: Into<U>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
