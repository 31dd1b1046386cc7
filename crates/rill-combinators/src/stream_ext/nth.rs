use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::nth`](crate::StreamExt::nth): resolves to the
    /// item at a zero-based index, or `None` if the stream ends before it.
    ///
    /// The stream is not polled past that item. It is dropped as soon as the
    /// future resolves, and with the future if it is dropped before. Polling
    /// it again after it resolved panics with "`Nth` polled after
    /// completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let nth: stream::Nth<_> = stream::iter("abc".chars()).nth(1);
    /// assert_eq!(rill_test::block_on(nth), Some('b'));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Nth<St> {
        #[pin]
        stream: Option<St>,
        // Items still to skip before the one to return.
        skip: usize,
    }
}

impl<St: fmt::Debug> fmt::Debug for Nth<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nth")
            .field("stream", &self.stream)
            .field("skip", &self.skip)
            .finish()
    }
}

impl<St: Stream> Nth<St> {
    pub(crate) fn new(stream: St, n: usize) -> Self {
        Nth {
            stream: Some(stream),
            skip: n,
        }
    }
}

impl<St: Stream> Future for Nth<St> {
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        poll_items(
            this.stream,
            this.skip,
            cx,
            "Nth",
            |skip, item| {
                if *skip == 0 {
                    return Some(Some(item));
                }
                *skip -= 1;
                None
            },
            |_| None,
        )
    }
}
