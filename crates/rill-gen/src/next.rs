//! The `for await` helper used by the macros' expansion.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Returns a future that resolves to the next item of `stream` (`None` at
/// its end). `for await x in s { .. }` expands to a loop over it.
pub fn next<S: Stream + ?Sized>(stream: Pin<&mut S>) -> Next<'_, S> {
    Next { stream }
}

/// The future returned by [`next`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Next<'a, S: ?Sized> {
    stream: Pin<&'a mut S>,
}

impl<S: Stream + ?Sized> Future for Next<'_, S> {
    type Output = Option<S::Item>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.stream.as_mut().poll_next(cx)
    }
}

impl<S: ?Sized> fmt::Debug for Next<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Next").finish_non_exhaustive()
    }
}
