//! [`try_stream_fn`] and its stream, [`TryStreamFn`].

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use crate::Yielder;
use crate::consumer::Consumer;
use crate::kind::{Checked, Kind};
use crate::slot::ConsumerRef;

/// Creates a stream of `Result<T, E>` from a fallible async body.
///
/// Like [`stream_fn`](crate::stream_fn), but the body returns
/// `Result<(), E>`, so `?` works inside it. Each `y.yield_item(v).await`
/// yields `Ok(v)`. When the body returns `Err(e)` the stream yields `Err(e)`
/// and then ends; when it returns `Ok(())` the stream just ends.
///
/// - Items handed over before the body fails (possible in the same poll
///   only if `Yield` futures were dropped after their first poll) come out
///   first, in order, then the error.
/// - Polling after the end returns `Ready(None)` ([`TryStreamFn`] is a
///   [`FusedStream`]); dropping the stream drops the body, then every item
///   still waiting.
/// - A panic in the body propagates out of `poll_next`; an item handed
///   over before it is yielded by a later poll or dropped with the stream,
///   as with [`stream_fn`](crate::stream_fn).
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
    let (slot, yielder) = ConsumerRef::pair();
    TryStreamFn {
        body: f(Yielder::new(yielder)),
        consumer: Consumer::new(slot),
        error: None,
    }
}

pin_project_lite::pin_project! {
    /// The stream returned by [`try_stream_fn`] (and by the `try_stream!`
    /// macro).
    ///
    /// `K` is the [kind](crate::kind) of yielder the body was given:
    /// [`Checked`] (the default) from [`try_stream_fn`],
    /// [`Scoped`](crate::kind::Scoped) from the macro.
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
    pub struct TryStreamFn<T, E, Fut, K = Checked> {
        // Dropped first (field order): its yielder uses the slot.
        #[pin]
        pub(crate) body: Fut,
        pub(crate) consumer: Consumer<T, K>,
        // The body's error, until it is yielded.
        pub(crate) error: Option<E>,
    }
}

impl<T, E, Fut, K> Stream for TryStreamFn<T, E, Fut, K>
where
    K: Kind,
    Fut: Future<Output = Result<(), E>>,
{
    type Item = Result<T, E>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T, E>>> {
        let this = self.project();
        let next = match this.consumer.before_poll(this.error.is_none()) {
            Some(next) => next,
            None => {
                let poll = if K::CHECKED {
                    let guard = this.consumer.guard();
                    let poll = this.body.poll(cx);
                    guard.disarm();
                    poll
                } else {
                    this.body.poll(cx)
                };
                let ready = match poll {
                    Poll::Ready(result) => {
                        *this.error = result.err();
                        true
                    }
                    Poll::Pending => false,
                };
                this.consumer.after_poll(ready, this.error.is_none())
            }
        };
        match next {
            Poll::Ready(Some(item)) => Poll::Ready(Some(Ok(item))),
            // With an error to yield, `Ready(None)` did not end the
            // stream: the next poll does.
            Poll::Ready(None) => match this.error.take() {
                Some(error) => Poll::Ready(Some(Err(error))),
                None => Poll::Ready(None),
            },
            Poll::Pending => Poll::Pending,
        }
    }

    /// `(0, None)` while the body runs; once it has finished, exactly the
    /// number of items still waiting plus its error, if any
    /// (`(0, Some(0))` at the end).
    fn size_hint(&self) -> (usize, Option<usize>) {
        let (low, high) = self.consumer.size_hint();
        let e = usize::from(self.error.is_some());
        (low + e, high.map(|h| h + e))
    }
}

impl<T, E, Fut, K> FusedStream for TryStreamFn<T, E, Fut, K>
where
    K: Kind,
    Fut: Future<Output = Result<(), E>>,
{
    /// `true` once the stream has returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.consumer.done()
    }
}

impl<T, E, Fut, K> fmt::Debug for TryStreamFn<T, E, Fut, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryStreamFn")
            .field("consumer", &self.consumer)
            .field("error_pending", &self.error.is_some())
            .finish_non_exhaustive()
    }
}
