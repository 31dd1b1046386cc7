//! The state `filter`, `skip_while` and `take_while` share: an item waiting
//! for the verdict of the predicate's future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::Stream;

pin_project! {
    /// An item taken from the stream and the future that judges it. Both
    /// are kept across `Pending`, so no item is lost when the caller stops
    /// polling half-way (`next()` is cancel-safe through these adapters).
    pub(super) struct PendingCheck<Fut, T> {
        #[pin]
        fut: Option<Fut>,
        item: Option<T>,
    }
}

impl<Fut: fmt::Debug, T: fmt::Debug> fmt::Debug for PendingCheck<Fut, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingCheck")
            .field("fut", &self.fut)
            .field("item", &self.item)
            .finish()
    }
}

impl<Fut, T> PendingCheck<Fut, T> {
    pub(super) fn new() -> Self {
        PendingCheck {
            fut: None,
            item: None,
        }
    }

    /// 1 while an item waits for its verdict, else 0: the items this state
    /// may still yield, for `size_hint`.
    pub(super) fn len(&self) -> usize {
        usize::from(self.item.is_some())
    }

    /// The upper bound of `size_hint` for a stream with the inner `upper`
    /// bound: the inner items plus the one waiting here.
    pub(super) fn upper_with(&self, upper: Option<usize>) -> Option<usize> {
        upper.and_then(|u| u.checked_add(self.len()))
    }

    /// Pulls the next item from `stream` (unless one is waiting), runs
    /// `f`'s future on it and resolves to the item with its verdict, or to
    /// `None` when the stream ends.
    pub(super) fn poll_judged<St, F>(
        self: Pin<&mut Self>,
        mut stream: Pin<&mut St>,
        f: &mut F,
        cx: &mut Context<'_>,
    ) -> Poll<Option<(T, bool)>>
    where
        St: Stream<Item = T>,
        F: FnMut(&T) -> Fut,
        Fut: Future<Output = bool>,
    {
        let mut this = self.project();
        loop {
            if let Some(fut) = this.fut.as_mut().as_pin_mut() {
                let verdict = ready!(fut.poll(cx));
                this.fut.set(None);
                return Poll::Ready(this.item.take().map(|item| (item, verdict)));
            }
            let Some(item) = ready!(stream.as_mut().poll_next(cx)) else {
                return Poll::Ready(None);
            };
            this.fut.set(Some(f(&item)));
            *this.item = Some(item);
        }
    }
}
