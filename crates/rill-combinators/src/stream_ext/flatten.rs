use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::flatten`](crate::StreamExt::flatten): the
    /// items of each inner stream, one inner stream after the other.
    ///
    /// An inner stream is polled to its end (and dropped) before the next
    /// one is pulled from the outer stream; empty inner streams are skipped.
    /// `size_hint` has the lower bound of the inner stream in use, and an
    /// upper bound only once the outer stream can yield no more inner
    /// streams. It is a [`FusedStream`] when the outer stream is; otherwise
    /// polling after the end polls the outer stream again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let inner = [stream::iter(vec![1, 2]), stream::iter(vec![]), stream::iter(vec![3])];
    /// let flat: stream::Flatten<_> = stream::iter(inner).flatten();
    /// assert_eq!(rill_test::block_on(flat.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Flatten<St>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        #[pin]
        next: Option<St::Item>,
    }
}

impl<St> fmt::Debug for Flatten<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Flatten")
            .field("stream", &self.stream)
            .field("next", &self.next)
            .finish()
    }
}

impl<St> Flatten<St>
where
    St: Stream,
    St::Item: Stream,
{
    pub(crate) fn new(stream: St) -> Self {
        Flatten { stream, next: None }
    }
}

delegate_access!(
    Flatten<St>,
    stream: St,
    example: "stream::iter(vec![stream::iter([1u8]); 3]).flatten()", where St: Stream
);

/// The loop of `flatten` and `flat_map`: drains the inner stream in use,
/// then turns the next outer item into the next inner stream with `make`.
pub(super) fn poll_flat<St, U>(
    mut stream: Pin<&mut St>,
    mut next: Pin<&mut Option<U>>,
    cx: &mut Context<'_>,
    mut make: impl FnMut(St::Item) -> U,
) -> Poll<Option<U::Item>>
where
    St: Stream,
    U: Stream,
{
    loop {
        if let Some(inner) = next.as_mut().as_pin_mut() {
            match inner.poll_next(cx) {
                Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
                Poll::Ready(None) => next.set(None),
                Poll::Pending => return Poll::Pending,
            }
        }
        match stream.as_mut().poll_next(cx) {
            Poll::Ready(Some(item)) => next.set(Some(make(item))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => return Poll::Pending,
        }
    }
}

/// The `size_hint` of `flatten` and `flat_map`: later inner streams may
/// hold any number of items, unless the outer stream has none left.
pub(super) fn flat_size_hint<St: Stream, U: Stream>(
    stream: &St,
    next: Option<&U>,
) -> (usize, Option<usize>) {
    let (lower, upper) = next.map_or((0, Some(0)), Stream::size_hint);
    match stream.size_hint() {
        (_, Some(0)) => (lower, upper),
        _ => (lower, None),
    }
}

impl<St> Stream for Flatten<St>
where
    St: Stream,
    St::Item: Stream,
{
    type Item = <St::Item as Stream>::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        poll_flat(this.stream, this.next, cx, |inner| inner)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        flat_size_hint(&self.stream, self.next.as_ref())
    }
}

impl<St> FusedStream for Flatten<St>
where
    St: FusedStream,
    St::Item: Stream,
{
    fn is_terminated(&self) -> bool {
        self.next.is_none() && self.stream.is_terminated()
    }
}
