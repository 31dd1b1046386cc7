//! [`stream_fn`] and its stream, [`StreamFn`].

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use crate::Yielder;
use crate::receiver::{Receiver, drop_body};

/// Creates a stream from an async body that yields items through a
/// [`Yielder`].
///
/// `f` is called once, right away, with the yielder; it returns the body, a
/// future that runs only when the stream is polled. Each
/// `y.yield_item(v).await` in the body makes the stream return `v`; when the
/// body finishes, the stream ends.
///
/// - A body that yields nothing gives an empty stream.
/// - Polling after the end returns `Ready(None)` ([`StreamFn`] is a
///   [`FusedStream`]).
/// - Dropping the stream drops the body where it stands (at its current
///   `.await`), running the destructors of its locals.
/// - A panic in the body propagates out of `poll_next`.
///
/// No thread-local storage and no waker tricks are involved; the stream
/// allocates one small shared slot when created and nothing per item.
///
/// # Example
///
/// ```
/// use rill_gen::stream_fn;
///
/// let evens = stream_fn(|mut y| async move {
///     for i in 0..10u32 {
///         if i % 2 == 0 {
///             y.yield_item(i).await;
///         }
///     }
/// });
/// let v: Vec<u32> = rill_test::block_on_stream(Box::pin(evens)).collect();
/// assert_eq!(v, [0, 2, 4, 6, 8]);
/// ```
pub fn stream_fn<T, F, Fut>(f: F) -> StreamFn<T, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    let (receiver, yielder) = Receiver::pair();
    StreamFn {
        body: Some(f(yielder)),
        receiver,
        done: false,
    }
}

pin_project_lite::pin_project! {
    /// The stream returned by [`stream_fn`] (and by the `stream!` macro).
    ///
    /// `Send`, `Sync` and `Unpin` exactly when the body future `Fut` is (and,
    /// for `Send`/`Sync`, when `T: Send`).
    ///
    /// ```
    /// use rill_core::{FusedStream, Stream};
    /// use rill_gen::{StreamFn, stream_fn};
    ///
    /// fn digits() -> StreamFn<u8, impl Future<Output = ()>> {
    ///     stream_fn(|mut y| async move {
    ///         for d in 0..10 {
    ///             y.yield_item(d).await;
    ///         }
    ///     })
    /// }
    /// let s = digits();
    /// assert!(!s.is_terminated());
    /// assert_eq!(rill_test::block_on_stream(Box::pin(s)).count(), 10);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct StreamFn<T, Fut> {
        // `None` once the body has finished.
        #[pin]
        body: Option<Fut>,
        receiver: Receiver<T>,
        // `Ready(None)` was returned.
        done: bool,
    }
}

impl<T, Fut> Stream for StreamFn<T, Fut>
where
    Fut: Future<Output = ()>,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut this = self.project();
        if let Some(body) = this.body.as_mut().as_pin_mut() {
            let (item, poll) = this.receiver.poll_body(body, cx);
            if poll.is_ready() {
                drop_body(this.body.as_mut());
            }
            match item {
                Some(item) => return Poll::Ready(Some(item)),
                None if poll.is_pending() => return Poll::Pending,
                None => {}
            }
        }
        *this.done = true;
        Poll::Ready(None)
    }

    /// `(0, Some(0))` once the body has finished, `(0, None)` before.
    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.body.is_some() {
            (0, None)
        } else {
            (0, Some(0))
        }
    }
}

impl<T, Fut> FusedStream for StreamFn<T, Fut>
where
    Fut: Future<Output = ()>,
{
    /// `true` once the stream has returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl<T, Fut> fmt::Debug for StreamFn<T, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamFn")
            .field("body_finished", &self.body.is_none())
            .field("done", &self.done)
            .field("slot", &self.receiver)
            .finish()
    }
}
