use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::position`](crate::StreamExt::position):
    /// resolves to the zero-based index of the first item for which the
    /// closure's future resolves to `true`, or `None` when the stream ends
    /// first.
    ///
    /// The stream is not polled past that item. It is dropped as soon as
    /// the future resolves, and with the future if it is dropped before.
    /// Polling it again after it resolved panics with "`Position` polled
    /// after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let at = stream::iter("rill".chars()).position(|c| async move { c == 'l' });
    /// assert_eq!(rill_test::block_on(at), Some(2));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Position<St, Fut, F> {
        #[pin]
        drive: Drive<St, Fut, F>,
        // Index of the item the running future tests (or of the next item).
        index: usize,
    }
}

impl<St: fmt::Debug, Fut, F> fmt::Debug for Position<St, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive
            .debug_fields(f.debug_struct("Position"))
            .field("index", &self.index)
            .finish()
    }
}

impl<St, Fut, F> Position<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    pub(crate) fn new(stream: St, f: F) -> Self {
        Position {
            drive: Drive::new(stream, f),
            index: 0,
        }
    }
}

impl<St, Fut, F> Future for Position<St, Fut, F>
where
    St: Stream,
    F: FnMut(St::Item) -> Fut,
    Fut: Future<Output = bool>,
{
    type Output = Option<usize>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<usize>> {
        let this = self.project();
        this.drive.poll_drive(
            this.index,
            cx,
            "Position",
            |f, _, item| f(item),
            |index, hit| {
                if hit {
                    return Some(Some(*index));
                }
                *index += 1;
                None
            },
            |_| None,
        )
    }
}
