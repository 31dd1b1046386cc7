use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::Drive;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::fold`](crate::StreamExt::fold): resolves to
    /// the accumulator after the closure's future ran on every item.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before (so is the accumulator). Polling it
    /// again after it resolved panics with "`Fold` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let sum = stream::iter(1..=4).fold(0, |acc, x| async move { acc + x });
    /// assert_eq!(rill_test::block_on(sum), 10);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Fold<St, Fut, T, F> {
        #[pin]
        drive: Drive<St, Fut, F>,
        // `None` while the closure's future runs: it owns the accumulator.
        accum: Option<T>,
    }
}

impl<St, Fut, T, F> fmt::Debug for Fold<St, Fut, T, F>
where
    St: fmt::Debug,
    T: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.drive
            .debug_fields(f.debug_struct("Fold"))
            .field("accum", &self.accum)
            .finish()
    }
}

impl<St, Fut, T, F> Fold<St, Fut, T, F>
where
    St: Stream,
    F: FnMut(T, St::Item) -> Fut,
    Fut: Future<Output = T>,
{
    pub(crate) fn new(stream: St, init: T, f: F) -> Self {
        Fold {
            drive: Drive::new(stream, f),
            accum: Some(init),
        }
    }
}

// Only reachable if the closure panicked and the future is polled again.
const LOST: &str = "`Fold` polled again after its closure panicked";

impl<St, Fut, T, F> Future for Fold<St, Fut, T, F>
where
    St: Stream,
    F: FnMut(T, St::Item) -> Fut,
    Fut: Future<Output = T>,
{
    type Output = T;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.project();
        this.drive.poll_drive(
            this.accum,
            cx,
            "Fold",
            |f, accum, item| f(accum.take().expect(LOST), item),
            |accum, next| {
                *accum = Some(next);
                None
            },
            |accum| accum.take().expect(LOST),
        )
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St, Fut, T, F> FusedFuture for Fold<St, Fut, T, F>
where
    St: Stream,
    F: FnMut(T, St::Item) -> Fut,
    Fut: Future<Output = T>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.drive.is_done()
    }
}
