use core::cmp;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::zip`](crate::StreamExt::zip): pairs of one
    /// item of each stream, until either ends.
    ///
    /// While no pair is complete both streams are polled, so that they make
    /// progress together; an item that arrives first is kept until its
    /// partner does. When the first stream ends the second is not polled
    /// again; when the second ends, an item already taken from the first is
    /// dropped (as with [`Iterator::zip`]). The stream is fused: after it
    /// returned `None` it keeps returning `None` without polling either
    /// stream. `size_hint` is the smaller of the two (counting kept items).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let pairs: stream::Zip<_, _> = stream::iter(1..=3).zip(stream::iter("ab".chars()));
    /// assert_eq!(rill_test::block_on(pairs.collect::<Vec<_>>()), [(1, 'a'), (2, 'b')]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Zip<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        stream1: St1,
        #[pin]
        stream2: St2,
        queued1: Option<St1::Item>,
        queued2: Option<St2::Item>,
        done: bool,
    }
}

impl<St1, St2> fmt::Debug for Zip<St1, St2>
where
    St1: Stream + fmt::Debug,
    St2: Stream + fmt::Debug,
    St1::Item: fmt::Debug,
    St2::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Zip")
            .field("stream1", &self.stream1)
            .field("stream2", &self.stream2)
            .field("queued1", &self.queued1)
            .field("queued2", &self.queued2)
            .field("done", &self.done)
            .finish()
    }
}

impl<St1: Stream, St2: Stream> Zip<St1, St2> {
    pub(crate) fn new(stream1: St1, stream2: St2) -> Self {
        Zip {
            stream1,
            stream2,
            queued1: None,
            queued2: None,
            done: false,
        }
    }

    /// Returns shared references to both streams.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let z = stream::iter(0..2).zip(stream::iter(0..5));
    /// assert_eq!((z.get_ref().0.get_ref().len(), z.get_ref().1.get_ref().len()), (2, 5));
    /// ```
    pub fn get_ref(&self) -> (&St1, &St2) {
        (&self.stream1, &self.stream2)
    }

    /// Returns mutable references to both streams. Pulling items from them
    /// directly may confuse this adapter.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut z = stream::iter(0..3).zip(stream::iter(0..3));
    /// assert_eq!(z.get_mut().0.get_mut().next(), Some(0));
    /// assert_eq!(rill_test::block_on(z.collect::<Vec<_>>()), [(1, 0), (2, 1)]);
    /// ```
    pub fn get_mut(&mut self) -> (&mut St1, &mut St2) {
        (&mut self.stream1, &mut self.stream2)
    }

    /// Returns pinned mutable references to both streams. Pulling items
    /// from them directly may confuse this adapter.
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let mut z = pin!(stream::iter(0..2).zip(stream::iter(0..4)));
    /// let (a, b) = z.as_mut().get_pin_mut();
    /// assert_eq!((a.size_hint().0, b.size_hint().0), (2, 4));
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> (Pin<&mut St1>, Pin<&mut St2>) {
        let this = self.project();
        (this.stream1, this.stream2)
    }

    /// Consumes the adapter and returns both streams. An item kept from one
    /// stream while waiting for the other is dropped.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let (a, b) = stream::iter([1]).zip(stream::iter([2])).into_inner();
    /// assert_eq!((a.into_inner().len(), b.into_inner().len()), (1, 1));
    /// ```
    pub fn into_inner(self) -> (St1, St2) {
        (self.stream1, self.stream2)
    }
}

impl<St1: Stream, St2: Stream> Stream for Zip<St1, St2> {
    type Item = (St1::Item, St2::Item);

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        if this.queued1.is_none() {
            match this.stream1.poll_next(cx) {
                Poll::Ready(Some(item)) => *this.queued1 = Some(item),
                Poll::Ready(None) => {
                    *this.done = true;
                    *this.queued2 = None;
                    return Poll::Ready(None);
                }
                Poll::Pending => {}
            }
        }
        if this.queued2.is_none() {
            match this.stream2.poll_next(cx) {
                Poll::Ready(Some(item)) => *this.queued2 = Some(item),
                Poll::Ready(None) => {
                    *this.done = true;
                    *this.queued1 = None;
                    return Poll::Ready(None);
                }
                Poll::Pending => {}
            }
        }
        match (this.queued1.take(), this.queued2.take()) {
            (Some(a), Some(b)) => Poll::Ready(Some((a, b))),
            (a, b) => {
                *this.queued1 = a;
                *this.queued2 = b;
                Poll::Pending
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            return (0, Some(0));
        }
        fn with_queued<T>(
            hint: (usize, Option<usize>),
            queued: &Option<T>,
        ) -> (usize, Option<usize>) {
            let n = usize::from(queued.is_some());
            (
                hint.0.saturating_add(n),
                hint.1.and_then(|u| u.checked_add(n)),
            )
        }
        let (lo1, up1) = with_queued(self.stream1.size_hint(), &self.queued1);
        let (lo2, up2) = with_queued(self.stream2.size_hint(), &self.queued2);
        let upper = match (up1, up2) {
            (Some(a), Some(b)) => Some(cmp::min(a, b)),
            (a, b) => a.or(b),
        };
        (cmp::min(lo1, lo2), upper)
    }
}

impl<St1: Stream, St2: Stream> FusedStream for Zip<St1, St2> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.done
    }
}
