use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::chain`](crate::StreamExt::chain): the items
    /// of the first stream, then those of the second.
    ///
    /// The first stream is dropped as soon as it ends; the second is only
    /// polled after that. `size_hint` is the sum of both (upper bound
    /// `None` on overflow). It is a [`FusedStream`] when the second stream
    /// is; otherwise polling after the end polls the second stream again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let both: stream::Chain<_, _> = stream::iter([1, 2]).chain(stream::iter([3]));
    /// assert_eq!(rill_test::block_on(both.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Chain<St1, St2> {
        #[pin]
        first: Option<St1>,
        #[pin]
        second: St2,
    }
}

impl<St1: fmt::Debug, St2: fmt::Debug> fmt::Debug for Chain<St1, St2> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Chain")
            .field("first", &self.first)
            .field("second", &self.second)
            .finish()
    }
}

impl<St1, St2> Chain<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    pub(crate) fn new(first: St1, second: St2) -> Self {
        Chain {
            first: Some(first),
            second,
        }
    }
}

impl<St1, St2> Chain<St1, St2> {
    /// Returns shared references to both streams; the first is `None` once
    /// it has ended (it is dropped then).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = stream::iter([1]).chain(stream::iter([2]));
    /// assert!(s.get_ref().0.is_some());
    /// rill_test::block_on(async {
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert_eq!(s.next().await, Some(2));
    /// });
    /// assert!(s.get_ref().0.is_none());
    /// ```
    pub fn get_ref(&self) -> (Option<&St1>, &St2) {
        (self.first.as_ref(), &self.second)
    }

    /// Returns mutable references to both streams; the first is `None` once
    /// it has ended. Pulling items from them directly may confuse this
    /// adapter.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = stream::iter(0..2).chain(stream::iter(5..7));
    /// assert_eq!(s.get_mut().1.get_mut().next(), Some(5));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [0, 1, 6]);
    /// ```
    pub fn get_mut(&mut self) -> (Option<&mut St1>, &mut St2) {
        (self.first.as_mut(), &mut self.second)
    }

    /// Returns pinned mutable references to both streams; the first is
    /// `None` once it has ended. Pulling items from them directly may
    /// confuse this adapter.
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = pin!(stream::iter([1]).chain(stream::iter([2])));
    /// let (first, _second) = s.as_mut().get_pin_mut();
    /// assert!(first.is_some());
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> (Option<Pin<&mut St1>>, Pin<&mut St2>) {
        let this = self.project();
        (this.first.as_pin_mut(), this.second)
    }

    /// Consumes the adapter and returns both streams; the first is `None`
    /// once it has ended.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let (first, second) = stream::iter([1]).chain(stream::iter([2, 3])).into_inner();
    /// assert_eq!(first.map(|s| s.into_inner().len()), Some(1));
    /// assert_eq!(second.into_inner().len(), 2);
    /// ```
    pub fn into_inner(self) -> (Option<St1>, St2) {
        (self.first, self.second)
    }
}

impl<St1, St2> Stream for Chain<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    type Item = St1::Item;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St1::Item>> {
        let mut this = self.project();
        if let Some(first) = this.first.as_mut().as_pin_mut() {
            match first.poll_next(cx) {
                Poll::Ready(Some(item)) => return Poll::Ready(Some(item)),
                Poll::Ready(None) => this.first.set(None),
                Poll::Pending => return Poll::Pending,
            }
        }
        this.second.poll_next(cx)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let second = self.second.size_hint();
        let Some(first) = &self.first else {
            return second;
        };
        let first = first.size_hint();
        let upper = match (first.1, second.1) {
            (Some(a), Some(b)) => a.checked_add(b),
            _ => None,
        };
        (first.0.saturating_add(second.0), upper)
    }
}

impl<St1, St2> FusedStream for Chain<St1, St2>
where
    St1: Stream,
    St2: FusedStream<Item = St1::Item>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.first.is_none() && self.second.is_terminated()
    }
}
