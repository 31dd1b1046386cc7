use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::map_while`](crate::StreamExt::map_while):
    /// maps items while the closure returns `Some`, and ends for good at the
    /// first `None`.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([4, 2, 0, 1]).map_while(|x| 8u32.checked_div(x));
    /// assert_eq!(s.size_hint(), (0, Some(4)));
    /// assert!(!s.is_done());
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct MapWhile<St, F> {
        #[pin]
        stream: St,
        f: F,
        done: bool,
    }
}

impl<St: fmt::Debug, F> fmt::Debug for MapWhile<St, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapWhile")
            .field("stream", &self.stream)
            .field("done", &self.done)
            .finish()
    }
}

impl<St, F> MapWhile<St, F> {
    pub(crate) fn new(stream: St, f: F) -> Self {
        MapWhile {
            stream,
            f,
            done: false,
        }
    }

    /// Returns `true` once the stream has ended, because the closure
    /// returned `None` or the inner stream ended.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter([1, -1, 2]).map_while(|x: i32| u8::try_from(x).ok());
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert_eq!(s.next().await, None);
    ///     assert!(s.is_done());
    ///     assert_eq!(s.next().await, None); // `2` is never pulled
    /// });
    /// ```
    pub fn is_done(&self) -> bool {
        self.done
    }
}

delegate_access!(
    MapWhile<St, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).map_while(Some)"
);

impl<St, F, T> Stream for MapWhile<St, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Option<T>,
{
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        let mapped = ready!(this.stream.poll_next(cx)).and_then(this.f);
        *this.done = mapped.is_none();
        Poll::Ready(mapped)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            return (0, Some(0));
        }
        (0, self.stream.size_hint().1)
    }
}

impl<St, F, T> FusedStream for MapWhile<St, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Option<T>,
{
    fn is_terminated(&self) -> bool {
        self.done
    }
}
