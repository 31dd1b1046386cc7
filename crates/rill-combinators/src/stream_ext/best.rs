//! The core of `min`, `max` and their `_by` / `_by_key` forms: the stream
//! and the best candidate so far, with the tie rules of `Iterator`.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// A stream and the best candidate seen so far (`T` is the item, or a
    /// `(key, item)` pair for the `_by_key` forms).
    pub(super) struct Best<St, T> {
        #[pin]
        stream: Option<St>,
        best: Option<T>,
    }
}

impl<St, T> Best<St, T> {
    pub(super) fn new(stream: St) -> Self {
        Best {
            stream: Some(stream),
            best: None,
        }
    }

    /// Adds the stream and the best candidate so far to a future's `Debug`
    /// output.
    pub(super) fn debug_fields<'a, 'b>(
        &self,
        mut out: fmt::DebugStruct<'a, 'b>,
    ) -> fmt::DebugStruct<'a, 'b>
    where
        St: fmt::Debug,
        T: fmt::Debug,
    {
        out.field("stream", &self.stream).field("best", &self.best);
        out
    }

    /// Pulls every item, turns it into a candidate with `make`, and keeps
    /// it when there is no candidate yet or `replaces(&best, &candidate)`
    /// says so. Resolves to the last candidate kept when the stream ends.
    ///
    /// `replaces` is asked with the current best first, as `Iterator`'s
    /// `min_by`/`max_by` call their comparator, so the tie rules follow
    /// from the caller's predicate: `min` replaces only on `Greater` (the
    /// first minimum wins), `max` on anything but `Greater` (the last
    /// maximum wins).
    #[inline]
    pub(super) fn poll_best(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        name: &str,
        mut make: impl FnMut(St::Item) -> T,
        mut replaces: impl FnMut(&T, &T) -> bool,
    ) -> Poll<Option<T>>
    where
        St: Stream,
    {
        let this = self.project();
        poll_items(
            this.stream,
            this.best,
            cx,
            name,
            |best, item| {
                let candidate = make(item);
                if best.as_ref().is_none_or(|old| replaces(old, &candidate)) {
                    *best = Some(candidate);
                }
                None
            },
            Option::take,
        )
    }
}
