use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::fuse`](crate::StreamExt::fuse): once the inner
    /// stream returned `Ready(None)`, it is never polled again and the
    /// adapter keeps returning `Ready(None)`.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::FusedStream as _;
    ///
    /// let s = stream::iter([1]).fuse();
    /// assert!(!s.is_done());
    /// assert!(!s.is_terminated());
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct Fuse<St> {
        #[pin]
        stream: St,
        done: bool,
    }
}

impl<St> Fuse<St> {
    pub(crate) fn new(stream: St) -> Self {
        Fuse {
            stream,
            done: false,
        }
    }

    /// Returns `true` once the inner stream has ended: from then on the
    /// adapter returns `Ready(None)` without polling it.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter([1]).fuse();
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert!(!s.is_done());
    ///     assert_eq!(s.next().await, None);
    ///     assert!(s.is_done());
    /// });
    /// ```
    pub fn is_done(&self) -> bool {
        self.done
    }
}

delegate_access!(
    Fuse<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).fuse()"
);

impl<St: Stream> Stream for Fuse<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        let item = ready!(this.stream.poll_next(cx));
        *this.done = item.is_none();
        Poll::Ready(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            self.stream.size_hint()
        }
    }
}

impl<St: Stream> FusedStream for Fuse<St> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}
