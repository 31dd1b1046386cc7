use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::set::StreamSet;

/// Zips a collection of streams: one item of every stream at a time, as
/// `.zip()` does in futures-concurrency, until any stream ends.
///
/// Implemented for tuples of 1 to 12 streams (the items may differ; a
/// tuple of streams yields tuples of items), arrays `[S; N]` (yielding
/// `[S::Item; N]`) and (with `alloc`) `Vec<S>` (yielding `Vec<S::Item>`).
/// For two streams, [`StreamExt::zip`] does the same.
///
/// ```
/// use rill_combinators::collections::Zip;
/// use rill_combinators::{StreamExt, stream};
///
/// let s = (stream::iter(1..), stream::iter(['a', 'b']), stream::repeat(true)).zip();
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [(1, 'a', true), (2, 'b', true)]);
/// ```
///
/// [`StreamExt::zip`]: crate::StreamExt::zip
pub trait Zip {
    /// One item of every stream.
    type Item;
    /// The zipped stream.
    type Stream: Stream<Item = Self::Item>;

    /// Zips the streams.
    ///
    /// ```
    /// use rill_combinators::collections::Zip;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = [stream::iter(0..3), stream::iter(5..7)].zip();
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [[0, 5], [1, 6]]);
    /// ```
    fn zip(self) -> Self::Stream;
}

impl<C: StreamSet> Zip for C {
    type Item = C::Items;
    type Stream = ZipStreams<C>;

    fn zip(self) -> ZipStreams<C> {
        ZipStreams {
            slots: self.empty_slots(),
            streams: self,
            pins: PhantomData,
            done: false,
        }
    }
}

pin_project_lite::pin_project! {
    /// Stream for [`Zip::zip`]: one item of every stream of a collection at
    /// a time.
    ///
    /// Each poll polls, in order, every stream that has not given its item
    /// for the tuple being assembled; an item that came early waits for the
    /// others (so the streams make progress together). The tuple is yielded
    /// in the poll that completes it. As soon as any stream ends, the zip
    /// ends: the items already taken from the other streams are dropped (as
    /// with [`Iterator::zip`]) and no stream is polled again. A collection
    /// of no streams gives an empty stream. `size_hint` is the smallest of
    /// the streams' (counting items already taken). Fused.
    ///
    /// ```
    /// use rill_combinators::collections::{Zip, ZipStreams};
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s: ZipStreams<Vec<_>> = vec![stream::iter(0..2), stream::iter(5..9)].zip();
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [vec![0, 5], vec![1, 6]]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ZipStreams<C>
    where
        C: StreamSet,
    {
        #[pin]
        streams: C,
        // `Unpin` exactly when every stream is (see `set.rs`).
        #[pin]
        pins: PhantomData<C::Pins>,
        slots: C::Slots,
        done: bool,
    }
}

impl<C: StreamSet> ZipStreams<C> {
    /// Returns a shared reference to the collection of streams.
    ///
    /// ```
    /// use rill_combinators::collections::Zip;
    /// use rill_combinators::stream;
    ///
    /// let s = (stream::iter(0..2), stream::iter("abcd".chars())).zip();
    /// assert_eq!(s.get_ref().0.get_ref().len(), 2);
    /// ```
    pub fn get_ref(&self) -> &C {
        &self.streams
    }

    /// Consumes the zip and returns the collection of streams. Items kept
    /// for an incomplete tuple are dropped.
    ///
    /// There is no `get_mut`: changing the collection (a `Vec`'s length, a
    /// stream's pinned place) under the zip would break it.
    ///
    /// ```
    /// use rill_combinators::collections::Zip;
    /// use rill_combinators::stream;
    ///
    /// let (a, b) = (stream::iter(0..2), stream::iter(5..9)).zip().into_inner();
    /// assert_eq!(a.into_inner().chain(b.into_inner()).count(), 6);
    /// ```
    pub fn into_inner(self) -> C {
        self.streams
    }
}

impl<C: StreamSet + fmt::Debug> fmt::Debug for ZipStreams<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ZipStreams")
            .field("streams", &self.streams)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<C: StreamSet> Stream for ZipStreams<C> {
    type Item = C::Items;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<C::Items>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        let mut streams = this.streams;
        let count = streams.count();
        let mut waiting = false;
        for index in 0..count {
            if C::is_filled(this.slots, index) {
                continue;
            }
            match streams.as_mut().poll_into(index, cx, this.slots) {
                Poll::Ready(Some(())) => {}
                Poll::Ready(None) => {
                    *this.done = true;
                    C::clear(this.slots);
                    return Poll::Ready(None);
                }
                Poll::Pending => waiting = true,
            }
        }
        if waiting {
            Poll::Pending
        } else if count == 0 {
            *this.done = true;
            Poll::Ready(None)
        } else {
            Poll::Ready(Some(C::take_items(this.slots)))
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let count = self.streams.count();
        if self.done || count == 0 {
            return (0, Some(0));
        }
        (0..count)
            .map(|index| {
                let (lower, upper) = self.streams.size_hint_at(index);
                let held = usize::from(C::is_filled(&self.slots, index));
                (
                    lower.saturating_add(held),
                    upper.and_then(|u| u.checked_add(held)),
                )
            })
            .fold((usize::MAX, None), |(lower, upper), (lo, up)| {
                let upper = match (upper, up) {
                    (Some(a), Some(b)) => Some(Ord::min(a, b)),
                    (a, b) => a.or(b),
                };
                (Ord::min(lower, lo), upper)
            })
    }
}

impl<C: StreamSet> FusedStream for ZipStreams<C> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}
