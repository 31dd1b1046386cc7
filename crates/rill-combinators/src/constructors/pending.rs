use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Creates a stream that never yields an item and never ends: every poll
/// returns `Poll::Pending`, and the waker is never woken.
///
/// `size_hint` is `(0, Some(0))`: no item will ever come. Since the stream
/// can prove it will never yield, `is_terminated` is `true` from the start
/// (as in futures-util), so code that skips terminated streams skips it.
///
/// `Pending<T>` holds no `T`, so it is `Send`, `Sync` and `Unpin` whatever
/// `T` is.
///
/// # Example
///
/// ```
/// use rill_combinators::stream;
/// use rill_core::FusedStream;
///
/// let mut s = stream::pending::<u8>();
/// rill_test::assert_stream_pending!(s);
/// assert!(s.is_terminated());
/// ```
pub fn pending<T>() -> Pending<T> {
    Pending { _item: PhantomData }
}

/// A stream that is always pending: see [`pending`].
///
/// ```
/// use rill_combinators::stream::{self, Pending};
///
/// let mut s: Pending<u8> = stream::pending();
/// rill_test::assert_stream_pending!(s);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct Pending<T> {
    _item: PhantomData<fn() -> T>,
}

impl<T> Clone for Pending<T> {
    fn clone(&self) -> Self {
        pending()
    }
}

impl<T> fmt::Debug for Pending<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pending").finish()
    }
}

impl<T> Stream for Pending<T> {
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        Poll::Pending
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(0))
    }
}

impl<T> FusedStream for Pending<T> {
    fn is_terminated(&self) -> bool {
        true
    }
}
