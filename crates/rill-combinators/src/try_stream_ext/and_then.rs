use core::fmt;
use core::future::Future;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::{hint_plus, poll_then};

pin_project_lite::pin_project! {
    /// Stream for [`TryStreamExt::and_then`](super::TryStreamExt::and_then).
    ///
    /// A future in progress counts as one item still to come in `size_hint`.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2)]).and_then(|x| ready(Ok(x * 10)));
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(10), Ok(20)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct AndThen<St, Fut, F> {
        #[pin]
        stream: St,
        #[pin]
        future: Option<Fut>,
        f: F,
    }
}

impl<St, Fut, F> AndThen<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        AndThen {
            stream,
            future: None,
            f,
        }
    }
}

delegate_access!(
    AndThen<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).and_then(|x| core::future::ready(Ok(x))) }"
);

impl<St: fmt::Debug, Fut, F> fmt::Debug for AndThen<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AndThen")
            .field("stream", &self.stream)
            .field("future_pending", &self.future.is_some())
            .finish()
    }
}

impl<St, Fut, F, T> Stream for AndThen<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<T, St::Error>>,
{
    type Item = Result<T, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_then(
            this.stream,
            this.future,
            this.f,
            cx,
            Some,
            |f, item| match item {
                Ok(ok) => ControlFlow::Continue(f(ok)),
                Err(e) => ControlFlow::Break(Err(e)),
            },
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        hint_plus(self.stream.size_hint(), self.future.is_some())
    }
}

impl<St, Fut, F, T> FusedStream for AndThen<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<T, St::Error>>,
{
    fn is_terminated(&self) -> bool {
        self.future.is_none() && self.stream.is_terminated()
    }
}
