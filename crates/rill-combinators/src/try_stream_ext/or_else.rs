use core::fmt;
use core::future::Future;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::{hint_plus, poll_then};

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::or_else`](super::TryStreamExt::or_else).
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Err(1), Ok(2)]).or_else(|e| ready(Ok::<_, ()>(-e)));
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(-1), Ok(2)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct OrElse<St, Fut, F> {
        #[pin]
        stream: St,
        #[pin]
        future: Option<Fut>,
        f: F,
    }
}

impl<St, Fut, F> OrElse<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        OrElse {
            stream,
            future: None,
            f,
        }
    }
}

delegate_access!(
    OrElse<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).or_else(|e| core::future::ready(Err::<u8, u8>(e))) }"
);

impl<St: fmt::Debug, Fut, F> fmt::Debug for OrElse<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OrElse")
            .field("stream", &self.stream)
            .field("future_pending", &self.future.is_some())
            .finish()
    }
}

impl<St, Fut, F, E> Stream for OrElse<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Error) -> Fut,
    Fut: Future<Output = Result<St::Ok, E>>,
{
    type Item = Result<St::Ok, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_then(
            this.stream,
            this.future,
            this.f,
            cx,
            Some,
            |f, item| match item {
                Ok(ok) => ControlFlow::Break(Ok(ok)),
                Err(e) => ControlFlow::Continue(f(e)),
            },
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        hint_plus(self.stream.size_hint(), self.future.is_some())
    }
}

impl<St, Fut, F, E> FusedStream for OrElse<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(St::Error) -> Fut,
    Fut: Future<Output = Result<St::Ok, E>>,
{
    fn is_terminated(&self) -> bool {
        self.future.is_none() && self.stream.is_terminated()
    }
}
