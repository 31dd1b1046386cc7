use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::flatten::{flat_size_hint, poll_flat};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::flat_map`](crate::StreamExt::flat_map): the
    /// items of the streams the closure returns, one stream after the
    /// other.
    ///
    /// The closure is called for the next item only once the stream it
    /// returned before has ended (and was dropped). `size_hint` and fusing
    /// are as for [`Flatten`](super::Flatten).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s: stream::FlatMap<_, _, _> = stream::iter(1..=3).flat_map(|n| stream::iter(0..n));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [0, 0, 1, 0, 1, 2]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct FlatMap<St, U, F> {
        #[pin]
        stream: St,
        f: F,
        #[pin]
        next: Option<U>,
    }
}

impl<St: fmt::Debug, U: fmt::Debug, F> fmt::Debug for FlatMap<St, U, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FlatMap")
            .field("stream", &self.stream)
            .field("next", &self.next)
            .finish()
    }
}

impl<St, U, F> FlatMap<St, U, F>
where
    St: Stream,
    U: Stream,
    F: FnMut(St::Item) -> U,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        FlatMap {
            stream,
            f,
            next: None,
        }
    }
}

delegate_access!(
    FlatMap<St, U, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).flat_map(|x| stream::iter([x]))"
);

impl<St, U, F> Stream for FlatMap<St, U, F>
where
    St: Stream,
    U: Stream,
    F: FnMut(St::Item) -> U,
{
    type Item = U::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<U::Item>> {
        let this = self.project();
        poll_flat(this.stream, this.next, cx, this.f)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        flat_size_hint(&self.stream, self.next.as_ref())
    }
}

impl<St, U, F> FusedStream for FlatMap<St, U, F>
where
    St: FusedStream,
    U: Stream,
    F: FnMut(St::Item) -> U,
{
    fn is_terminated(&self) -> bool {
        self.next.is_none() && self.stream.is_terminated()
    }
}
