//! The core of the lexicographic comparisons (`cmp`, `partial_cmp`, `eq`,
//! `ne`, `lt`, `le`, `gt`, `ge`): two streams walked in step, one pair of
//! items at a time, with the rules of `Iterator`'s methods of those names.

use core::cmp::Ordering;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

pin_project_lite::pin_project! {
    /// Two streams and the item each holds for the current pair.
    ///
    /// A stream is dropped (set to `None`) when it ends; both are dropped
    /// when the comparison is decided.
    pub(super) struct Pairs<St1, St2>
    where
        St1: Stream,
        St2: Stream,
    {
        #[pin]
        stream1: Option<St1>,
        #[pin]
        stream2: Option<St2>,
        item1: Option<St1::Item>,
        item2: Option<St2::Item>,
        done: bool,
    }
}

impl<St1: Stream, St2: Stream> Pairs<St1, St2> {
    pub(super) fn new(stream1: St1, stream2: St2) -> Self {
        Pairs {
            stream1: Some(stream1),
            stream2: Some(stream2),
            item1: None,
            item2: None,
            done: false,
        }
    }

    /// Adds both streams and the items held for the current pair to a
    /// future's `Debug` output.
    pub(super) fn debug_fields<'a, 'b>(
        &self,
        mut out: fmt::DebugStruct<'a, 'b>,
    ) -> fmt::DebugStruct<'a, 'b>
    where
        St1: fmt::Debug,
        St2: fmt::Debug,
        St1::Item: fmt::Debug,
        St2::Item: fmt::Debug,
    {
        out.field("stream1", &self.stream1)
            .field("stream2", &self.stream2)
            .field("item1", &self.item1)
            .field("item2", &self.item2);
        out
    }

    /// Walks the streams pair by pair. `on_pair` gets each pair and returns
    /// `Some(output)` to decide (neither stream is polled again); when a
    /// stream ends first, `on_end` gets how the lengths compare: `Less`
    /// when the first stream is shorter, `Greater` when the second is,
    /// `Equal` when both end together.
    ///
    /// Both streams are polled while the current pair is incomplete, so
    /// they make progress together; an item that came first waits for its
    /// partner. Neither stream is polled past the pair (or end) that
    /// decides, so each gives up exactly the items `Iterator`'s methods
    /// would take.
    #[inline]
    pub(super) fn poll_pairs<R>(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        name: &str,
        mut on_pair: impl FnMut(St1::Item, St2::Item) -> Option<R>,
        on_end: impl FnOnce(Ordering) -> R,
    ) -> Poll<R> {
        let mut this = self.project();
        assert!(!*this.done, "`{name}` polled after completion");
        let output = loop {
            poll_side(this.stream1.as_mut(), this.item1, cx);
            poll_side(this.stream2.as_mut(), this.item2, cx);
            let ended1 = this.stream1.is_none() && this.item1.is_none();
            let ended2 = this.stream2.is_none() && this.item2.is_none();
            match (ended1, ended2) {
                (true, true) => break on_end(Ordering::Equal),
                (true, false) if this.item2.is_some() => break on_end(Ordering::Less),
                (false, true) if this.item1.is_some() => break on_end(Ordering::Greater),
                _ => {}
            }
            match (this.item1.take(), this.item2.take()) {
                (Some(a), Some(b)) => {
                    if let Some(output) = on_pair(a, b) {
                        break output;
                    }
                }
                (a, b) => {
                    *this.item1 = a;
                    *this.item2 = b;
                    return Poll::Pending;
                }
            }
        };
        *this.done = true;
        this.stream1.set(None);
        this.stream2.set(None);
        *this.item1 = None;
        *this.item2 = None;
        Poll::Ready(output)
    }

    /// `Iterator::partial_cmp`: the first pair that is not `Some(Equal)`
    /// decides, else the lengths do.
    #[inline]
    pub(super) fn poll_partial_cmp(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        name: &str,
    ) -> Poll<Option<Ordering>>
    where
        St1::Item: PartialOrd<St2::Item>,
    {
        self.poll_pairs(
            cx,
            name,
            |a, b| match a.partial_cmp(&b) {
                Some(Ordering::Equal) => None,
                decided => Some(decided),
            },
            Some,
        )
    }

    /// `Iterator::eq`: the first unequal pair gives `false`, else the
    /// lengths decide.
    #[inline]
    pub(super) fn poll_eq(self: Pin<&mut Self>, cx: &mut Context<'_>, name: &str) -> Poll<bool>
    where
        St1::Item: PartialEq<St2::Item>,
    {
        self.poll_pairs(
            cx,
            name,
            |a, b| if a == b { None } else { Some(false) },
            |lengths| lengths == Ordering::Equal,
        )
    }
}

/// Polls one side when it holds no item and has not ended; an ended stream
/// is dropped at once.
#[inline]
fn poll_side<St: Stream>(
    mut stream: Pin<&mut Option<St>>,
    item: &mut Option<St::Item>,
    cx: &mut Context<'_>,
) {
    if item.is_some() {
        return;
    }
    if let Some(live) = stream.as_mut().as_pin_mut() {
        match live.poll_next(cx) {
            Poll::Ready(Some(next)) => *item = Some(next),
            Poll::Ready(None) => stream.set(None),
            Poll::Pending => {}
        }
    }
}
