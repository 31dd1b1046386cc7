use core::fmt;
use core::future::Future;
use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream, TryStream};

use crate::support::{hint_plus, poll_then};

pin_project_lite::pin_project! {
    /// Stream for
    /// [`TryStreamExt::try_filter_map`](super::TryStreamExt::try_filter_map).
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2)]).try_filter_map(|x| ready(Ok((x > 1).then_some(x * 10))));
    /// assert_eq!(s.size_hint(), (0, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(20)]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryFilterMap<St, Fut, F> {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        pending: Option<Fut>,
    }
}

impl<St, Fut, F> TryFilterMap<St, Fut, F> {
    pub(super) fn new(stream: St, f: F) -> Self {
        TryFilterMap {
            stream,
            f,
            pending: None,
        }
    }
}

delegate_access!(
    TryFilterMap<St, Fut, F>,
    stream: St,
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).try_filter_map(|x| core::future::ready(Ok(Some(x)))) }"
);

impl<St: fmt::Debug, Fut, F> fmt::Debug for TryFilterMap<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryFilterMap")
            .field("stream", &self.stream)
            .field("future_pending", &self.pending.is_some())
            .finish()
    }
}

impl<St, Fut, F, T> Stream for TryFilterMap<St, Fut, F>
where
    St: TryStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<Option<T>, St::Error>>,
{
    type Item = Result<T, St::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_then(
            this.stream,
            this.pending,
            this.f,
            cx,
            Result::transpose,
            |f, item| match item {
                Ok(ok) => ControlFlow::Continue(f(ok)),
                Err(e) => ControlFlow::Break(Err(e)),
            },
        )
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Every item may be filtered out.
        (
            0,
            hint_plus(self.stream.size_hint(), self.pending.is_some()).1,
        )
    }
}

impl<St, Fut, F, T> FusedStream for TryFilterMap<St, Fut, F>
where
    St: TryStream + FusedStream,
    F: FnMut(St::Ok) -> Fut,
    Fut: Future<Output = Result<Option<T>, St::Error>>,
{
    fn is_terminated(&self) -> bool {
        self.pending.is_none() && self.stream.is_terminated()
    }
}
