//! The core of `sum` and `product`: items are folded one at a time through
//! `core::iter::Sum` / `core::iter::Product`, so every type those traits
//! serve (numbers, `Wrapping`, `Duration`, `Option`, `Result`, ...) works,
//! with the result and the short-circuiting of `Iterator::sum`/`product`.
//!
//! Each item goes through the trait alone (`A::sum(one item)`), and the
//! partial result is combined with the running one (`A::sum([acc, part])`).
//! For the standard types this gives exactly what `Iterator::sum` gives,
//! bit for bit: the neutral element (`0`, `-0.0`, `1`, ...) leaves a value
//! unchanged, and the running value is combined with each item in stream
//! order, so integer overflow happens (and panics in debug builds) at the
//! same item, and float rounding is the same.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::poll_items;

/// An iterator over one item that records whether it was asked for more
/// after the item. `Sum`/`Product` impls that stop early (those of
/// `Option` and `Result` stop at the first `None`/`Err`) never ask; the
/// stream is then not polled again, as `Iterator::sum` would not pull
/// another item.
pub(super) struct One<T> {
    item: Option<T>,
    asked_past: bool,
}

impl<T> Iterator for One<T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        let item = self.item.take();
        self.asked_past |= item.is_none();
        item
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.item.is_some());
        (n, Some(n))
    }
}

pin_project_lite::pin_project! {
    /// The stream and the running result.
    pub(super) struct Accumulate<St, A> {
        #[pin]
        stream: Option<St>,
        acc: Option<A>,
    }
}

impl<St, A> Accumulate<St, A> {
    pub(super) fn new(stream: St) -> Self {
        Accumulate {
            stream: Some(stream),
            acc: None,
        }
    }

    /// Adds the stream and the running result to a future's `Debug` output.
    pub(super) fn debug_fields<'a, 'b>(
        &self,
        mut out: fmt::DebugStruct<'a, 'b>,
    ) -> fmt::DebugStruct<'a, 'b>
    where
        St: fmt::Debug,
        A: fmt::Debug,
    {
        out.field("stream", &self.stream).field("acc", &self.acc);
        out
    }

    /// Folds the items: `one` turns an item into a partial result, `two`
    /// combines the running result with it, `none` is the result of an
    /// empty stream. Resolves when the stream ends, or as soon as `one`
    /// stopped without asking for more (a short-circuit).
    #[inline]
    pub(super) fn poll_accumulate(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        name: &str,
        mut one: impl FnMut(&mut One<St::Item>) -> A,
        mut two: impl FnMut([A; 2]) -> A,
        none: impl FnOnce() -> A,
    ) -> Poll<A>
    where
        St: Stream,
    {
        let this = self.project();
        poll_items(
            this.stream,
            this.acc,
            cx,
            name,
            |acc, item| {
                let mut single = One {
                    item: Some(item),
                    asked_past: false,
                };
                let part = one(&mut single);
                let next = match acc.take() {
                    None => part,
                    Some(prev) => two([prev, part]),
                };
                if single.asked_past {
                    *acc = Some(next);
                    None
                } else {
                    Some(next)
                }
            },
            |acc| acc.take().unwrap_or_else(none),
        )
    }
}
