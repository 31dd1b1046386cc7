//! [`try_stream_fn`] and its stream, [`TryStreamFn`].

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use crate::Yielder;
use crate::receiver::{Receiver, drop_body};

/// Creates a stream of `Result<T, E>` from a fallible async body.
///
/// Like [`stream_fn`](crate::stream_fn), but the body returns
/// `Result<(), E>`, so `?` works inside it. Each `y.yield_item(v).await`
/// yields `Ok(v)`. When the body returns `Err(e)` the stream yields `Err(e)`
/// and then ends; when it returns `Ok(())` the stream just ends.
///
/// - An item handed over in the same poll in which the body fails (possible
///   only if a `Yield` future was dropped after its first poll) comes out
///   first, then the error.
/// - Polling after the end returns `Ready(None)` ([`TryStreamFn`] is a
///   [`FusedStream`]); dropping the stream drops the body.
///
/// # Example
///
/// ```
/// use rill_gen::try_stream_fn;
///
/// fn parse(s: &str) -> Result<u32, String> {
///     s.parse().map_err(|_| format!("not a number: {s}"))
/// }
///
/// let s = try_stream_fn(|mut y| async move {
///     for word in ["1", "2", "three", "4"] {
///         y.yield_item(parse(word)?).await;
///     }
///     Ok(())
/// });
/// let v: Vec<Result<u32, String>> = rill_test::block_on_stream(Box::pin(s)).collect();
/// assert_eq!(v, [Ok(1), Ok(2), Err("not a number: three".to_string())]);
/// ```
pub fn try_stream_fn<T, E, F, Fut>(f: F) -> TryStreamFn<T, E, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = Result<(), E>>,
{
    let (receiver, yielder) = Receiver::pair();
    TryStreamFn {
        body: Some(f(yielder)),
        receiver,
        error: None,
        done: false,
    }
}

pin_project_lite::pin_project! {
    /// The stream returned by [`try_stream_fn`] (and by the `try_stream!`
    /// macro).
    ///
    /// `Send`, `Sync` and `Unpin` exactly when the body future `Fut` and the
    /// error type `E` are (and, for `Send`/`Sync`, when `T: Send`).
    ///
    /// ```
    /// use rill_core::Stream;
    /// use rill_gen::try_stream_fn;
    ///
    /// let s = try_stream_fn(|_y: rill_gen::Yielder<u8>| async { Err("boom") });
    /// assert_eq!(s.size_hint(), (0, None));
    /// let v: Vec<_> = rill_test::block_on_stream(Box::pin(s)).collect();
    /// assert_eq!(v, [Err("boom")]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TryStreamFn<T, E, Fut> {
        // `None` once the body has finished.
        #[pin]
        body: Option<Fut>,
        receiver: Receiver<T>,
        // The body's error, until it is yielded.
        error: Option<E>,
        // `Ready(None)` was returned.
        done: bool,
    }
}

impl<T, E, Fut> Stream for TryStreamFn<T, E, Fut>
where
    Fut: Future<Output = Result<(), E>>,
{
    type Item = Result<T, E>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T, E>>> {
        let mut this = self.project();
        if let Some(body) = this.body.as_mut().as_pin_mut() {
            let (item, poll) = this.receiver.poll_body(body, cx);
            match poll {
                Poll::Ready(result) => {
                    drop_body(this.body.as_mut());
                    *this.error = result.err();
                }
                Poll::Pending if item.is_none() => return Poll::Pending,
                Poll::Pending => {}
            }
            if let Some(item) = item {
                return Poll::Ready(Some(Ok(item)));
            }
        }
        if let Some(error) = this.error.take() {
            return Poll::Ready(Some(Err(error)));
        }
        *this.done = true;
        Poll::Ready(None)
    }

    /// `(0, None)` while the body runs; then `(1, Some(1))` while its error
    /// is still to be yielded, `(0, Some(0))` after.
    fn size_hint(&self) -> (usize, Option<usize>) {
        match (&self.body, &self.error) {
            (Some(_), _) => (0, None),
            (None, Some(_)) => (1, Some(1)),
            (None, None) => (0, Some(0)),
        }
    }
}

impl<T, E, Fut> FusedStream for TryStreamFn<T, E, Fut>
where
    Fut: Future<Output = Result<(), E>>,
{
    /// `true` once the stream has returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<T, E, Fut> fmt::Debug for TryStreamFn<T, E, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryStreamFn")
            .field("body_finished", &self.body.is_none())
            .field("error_pending", &self.error.is_some())
            .field("done", &self.done)
            .field("slot", &self.receiver)
            .finish()
    }
}
