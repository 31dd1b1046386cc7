use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

/// Creates a stream that ends at once, without yielding any item.
///
/// The first poll returns `Poll::Ready(None)`, and so does every later poll.
/// `size_hint` is `(0, Some(0))`. `is_terminated` becomes `true` once the
/// stream has returned `Ready(None)`.
///
/// `Empty<T>` holds no `T`, so it is `Send`, `Sync` and `Unpin` whatever `T`
/// is.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let items: Vec<u8> = rill_test::block_on(stream::empty::<u8>().collect());
/// assert!(items.is_empty());
/// ```
pub fn empty<T>() -> Empty<T> {
    Empty {
        ended: false,
        _item: PhantomData,
    }
}

/// A stream that yields nothing: see [`empty`].
///
/// ```
/// use rill_combinators::stream::{self, Empty};
/// use rill_core::Stream as _;
///
/// let s: Empty<u8> = stream::empty();
/// assert_eq!(s.size_hint(), (0, Some(0)));
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct Empty<T> {
    ended: bool,
    // `fn() -> T`: the stream produces `T`s (in theory) but owns none.
    _item: PhantomData<fn() -> T>,
}

impl<T> Clone for Empty<T> {
    fn clone(&self) -> Self {
        Empty {
            ended: self.ended,
            _item: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Empty<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Empty").field("ended", &self.ended).finish()
    }
}

impl<T> Stream for Empty<T> {
    type Item = T;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.ended = true;
        Poll::Ready(None)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(0))
    }
}

impl<T> FusedStream for Empty<T> {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}
