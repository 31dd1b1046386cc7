//! The state the judging adapters share (`filter`, `skip_while`,
//! `take_while` and their `try_` forms): an item waiting for the verdict of
//! the predicate's future.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{Stream, TryStream};

pin_project! {
    /// An item taken from the stream and the future that judges it. Both
    /// are kept across `Pending`, so no item is lost when the caller stops
    /// polling half-way (`next()` is cancel-safe through these adapters).
    pub(crate) struct PendingCheck<Fut, T> {
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
    pub(crate) fn new() -> Self {
        PendingCheck {
            fut: None,
            item: None,
        }
    }

    /// The item waiting for its verdict, if any.
    pub(crate) fn item(&self) -> Option<&T> {
        self.item.as_ref()
    }

    /// 1 while an item waits for its verdict, else 0: the items this state
    /// may still yield, for `size_hint`.
    pub(crate) fn len(&self) -> usize {
        usize::from(self.item.is_some())
    }

    /// The upper bound of `size_hint` for a stream with the inner `upper`
    /// bound: the inner items plus the one waiting here.
    pub(crate) fn upper_with(&self, upper: Option<usize>) -> Option<usize> {
        upper.and_then(|u| u.checked_add(self.len()))
    }
}

/// A value of the stream with its verdict, or an error of the stream.
type Judged<St, V> = Result<(<St as TryStream>::Ok, V), <St as TryStream>::Error>;

// Two loops, not one generic over how the stream is polled: written over a
// closure (or through `drive::poll_each`), `skip_while(..).take_while(..)`
// and `map(..).filter(..).fold(..)` cost up to twice the instructions per
// item (callgrind), so each form keeps the loop the optimiser handles well.
impl<Fut: Future, T> PendingCheck<Fut, T> {
    /// Pulls the next item from `stream` (unless one is waiting), runs
    /// `f`'s future on it and resolves to the item with its verdict, or to
    /// `None` when the stream ends.
    pub(crate) fn poll_judged<St, F>(
        self: Pin<&mut Self>,
        mut stream: Pin<&mut St>,
        f: &mut F,
        cx: &mut Context<'_>,
    ) -> Poll<Option<(T, Fut::Output)>>
    where
        St: Stream<Item = T>,
        F: FnMut(&T) -> Fut,
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

    /// [`poll_judged`](Self::poll_judged) for a [`TryStream`]: only `Ok`
    /// values are judged; an `Err` of the stream is handed out at once as
    /// it is (the caller passes it through).
    pub(crate) fn try_poll_judged<St, F>(
        self: Pin<&mut Self>,
        mut stream: Pin<&mut St>,
        f: &mut F,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Judged<St, Fut::Output>>>
    where
        St: TryStream<Ok = T>,
        F: FnMut(&T) -> Fut,
    {
        let mut this = self.project();
        loop {
            if let Some(fut) = this.fut.as_mut().as_pin_mut() {
                let verdict = ready!(fut.poll(cx));
                this.fut.set(None);
                // Always `Some`: the item is stored with its future.
                if let Some(item) = this.item.take() {
                    return Poll::Ready(Some(Ok((item, verdict))));
                }
            }
            match ready!(stream.as_mut().try_poll_next(cx)) {
                Some(Ok(item)) => {
                    this.fut.set(Some(f(&item)));
                    *this.item = Some(item);
                }
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }
}
