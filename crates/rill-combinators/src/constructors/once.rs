use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedStream, Stream};

/// Creates a stream that yields the output of one future, then ends.
///
/// The future is polled (and only polled) when the stream is; it is dropped
/// as soon as it completes. `size_hint` is `(1, Some(1))` until the item is
/// yielded and `(0, Some(0))` after. Polling after the end keeps returning
/// `Poll::Ready(None)`; `is_terminated` is `true` once `Ready(None)` has
/// been returned.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::once(async { 7 });
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [7]);
/// ```
pub fn once<Fut: Future>(future: Fut) -> Once<Fut> {
    Once {
        future: Some(future),
        ended: false,
    }
}

pin_project_lite::pin_project! {
    /// A stream of one item, the output of a future: see [`once`].
    ///
    /// ```
    /// use core::pin::pin;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut s = pin!(stream::once(async { 'x' }));
    /// assert_eq!(rill_test::block_on(s.next()), Some('x'));
    /// assert_eq!(rill_test::block_on(s.next()), None);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Once<Fut> {
        #[pin]
        future: Option<Fut>,
        ended: bool,
    }
}

impl<Fut: fmt::Debug> fmt::Debug for Once<Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Once")
            .field("future", &self.future)
            .field("ended", &self.ended)
            .finish()
    }
}

impl<Fut: Future> Stream for Once<Fut> {
    type Item = Fut::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        let mut this = self.project();
        match this.future.as_mut().as_pin_mut() {
            Some(future) => {
                let output = ready!(future.poll(cx));
                this.future.set(None);
                Poll::Ready(Some(output))
            }
            None => {
                *this.ended = true;
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.future.is_some());
        (left, Some(left))
    }
}

impl<Fut: Future> FusedStream for Once<Fut> {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}
