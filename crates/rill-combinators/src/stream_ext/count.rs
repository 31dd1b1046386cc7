use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::count`](crate::StreamExt::count): resolves to
    /// the number of items the stream yielded.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before. Polling it again after it resolved
    /// panics with "`Count` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let count: stream::Count<_> = stream::iter("abc".chars()).count();
    /// assert_eq!(rill_test::block_on(count), 3);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Count<St> {
        #[pin]
        stream: Option<St>,
        count: usize,
    }
}

impl<St: fmt::Debug> fmt::Debug for Count<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Count")
            .field("stream", &self.stream)
            .field("count", &self.count)
            .finish()
    }
}

impl<St: Stream> Count<St> {
    pub(crate) fn new(stream: St) -> Self {
        Count {
            stream: Some(stream),
            count: 0,
        }
    }
}

impl<St: Stream> Future for Count<St> {
    type Output = usize;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        let this = self.project();
        poll_items(
            this.stream,
            this.count,
            cx,
            "Count",
            |count, _| {
                *count += 1;
                None
            },
            |count| *count,
        )
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St: Stream> FusedFuture for Count<St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_none()
    }
}
