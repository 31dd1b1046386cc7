use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use rill_core::{FusedFuture, Stream};

/// Future for [`StreamExt::into_future`](crate::StreamExt::into_future):
/// resolves to the next item and the stream itself.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let fut = stream::iter([1, 2]).into_future();
/// assert_eq!(fut.get_ref().map(|s| s.get_ref().len()), Some(2));
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct StreamFuture<St> {
    stream: Option<St>,
}

impl<St: Stream + Unpin> StreamFuture<St> {
    pub(crate) fn new(stream: St) -> Self {
        StreamFuture {
            stream: Some(stream),
        }
    }

    /// Returns a shared reference to the stream, or `None` once the future
    /// has completed (and handed the stream back).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let fut = stream::iter([1]).into_future();
    /// assert!(fut.get_ref().is_some());
    /// ```
    pub fn get_ref(&self) -> Option<&St> {
        self.stream.as_ref()
    }

    /// Returns a mutable reference to the stream, or `None` once the future
    /// has completed.
    ///
    /// Pulling items from the stream directly means the future resolves to
    /// a later item.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut fut = stream::iter([1, 2]).into_future();
    /// let _ = fut.get_mut().unwrap().get_mut().next();
    /// let (item, _) = rill_test::block_on(fut);
    /// assert_eq!(item, Some(2));
    /// ```
    pub fn get_mut(&mut self) -> Option<&mut St> {
        self.stream.as_mut()
    }

    /// Returns a pinned mutable reference to the stream, or `None` once the
    /// future has completed.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut fut = core::pin::pin!(stream::iter([1]).into_future());
    /// assert!(fut.as_mut().get_pin_mut().is_some());
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Option<Pin<&mut St>> {
        self.get_mut().stream.as_mut().map(Pin::new)
    }

    /// Returns the stream, or `None` if the future has completed (it handed
    /// the stream back in its output). Dropping the future before it
    /// completed this way loses no item.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let fut = stream::iter([1]).into_future();
    /// let s = fut.into_inner().unwrap();
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1]);
    /// ```
    pub fn into_inner(self) -> Option<St> {
        self.stream
    }
}

impl<St: Stream + Unpin> Future for StreamFuture<St> {
    type Output = (Option<St::Item>, St);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let stream = self
            .stream
            .as_mut()
            .expect("`StreamFuture` polled after it completed");
        let item = ready!(Pin::new(stream).poll_next(cx));
        let stream = self.stream.take().expect("checked above");
        Poll::Ready((item, stream))
    }
}

/// Terminated once it resolved (the stream was handed back).
impl<St: Stream + Unpin> FusedFuture for StreamFuture<St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_none()
    }
}
