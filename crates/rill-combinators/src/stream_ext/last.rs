use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::last`](crate::StreamExt::last): resolves to
    /// the last item of the stream, or `None` if it was empty.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before. Polling it again after it resolved
    /// panics with "`Last` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let last: stream::Last<_> = stream::iter(1..=3).last();
    /// assert_eq!(rill_test::block_on(last), Some(3));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Last<St>
    where
        St: Stream,
    {
        #[pin]
        stream: Option<St>,
        last: Option<St::Item>,
    }
}

impl<St> fmt::Debug for Last<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Last")
            .field("stream", &self.stream)
            .field("last", &self.last)
            .finish()
    }
}

impl<St: Stream> Last<St> {
    pub(crate) fn new(stream: St) -> Self {
        Last {
            stream: Some(stream),
            last: None,
        }
    }
}

impl<St: Stream> Future for Last<St> {
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        poll_items(
            this.stream,
            this.last,
            cx,
            "Last",
            |last, item| {
                *last = Some(item);
                None
            },
            Option::take,
        )
    }
}
