//! [`stream_fn`] and its stream, [`StreamFn`].

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use crate::Yielder;
use crate::consumer::Consumer;
use crate::kind::{Checked, Kind};
use crate::slot::ConsumerRef;

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
///   `.await`), running the destructors of its locals, then every item
///   still waiting to be yielded.
/// - A panic in the body propagates out of `poll_next`. An item handed
///   over before the panic, in the same poll, stays in the stream: a later
///   poll yields it (if the body can be polled again), or it is dropped
///   with the stream. Never leaked, never dropped twice.
///
/// No thread-local storage and no waker tricks are involved; the stream
/// allocates one small shared slot when created and nothing per item.
///
/// The yielder may leave the body (it is `Send` and `'static`), so each
/// yield checks at run time that the stream is polling its body, which
/// costs a few instructions per item. The [`stream!`](crate::stream!)
/// macro's yielder cannot leave the body and needs no check; see
/// [the crate documentation](crate#performance).
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
    let (slot, yielder) = ConsumerRef::pair();
    StreamFn {
        body: f(Yielder::new(yielder)),
        consumer: Consumer::new(slot),
    }
}

pin_project_lite::pin_project! {
    /// The stream returned by [`stream_fn`] (and by the `stream!` macro).
    ///
    /// `K` is the [kind](crate::kind) of yielder the body was given:
    /// [`Checked`] (the default) from [`stream_fn`],
    /// [`Scoped`](crate::kind::Scoped) from the macro.
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
    pub struct StreamFn<T, Fut, K = Checked> {
        // Dropped first (field order): its yielder uses the slot.
        #[pin]
        pub(crate) body: Fut,
        pub(crate) consumer: Consumer<T, K>,
    }
}

impl<T, Fut, K> Stream for StreamFn<T, Fut, K>
where
    K: Kind,
    Fut: Future<Output = ()>,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = self.project();
        if let Some(next) = this.consumer.before_poll(true) {
            return next;
        }
        let ready = if K::CHECKED {
            let guard = this.consumer.guard();
            let ready = matches!(this.body.poll(cx), Poll::Ready(()));
            guard.disarm();
            ready
        } else {
            matches!(this.body.poll(cx), Poll::Ready(()))
        };
        this.consumer.after_poll(ready, true)
    }

    /// `(0, None)` while the body runs; once it has finished, exactly the
    /// number of items still waiting (`(0, Some(0))` at the end).
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.consumer.size_hint()
    }
}

impl<T, Fut, K> FusedStream for StreamFn<T, Fut, K>
where
    K: Kind,
    Fut: Future<Output = ()>,
{
    /// `true` once the stream has returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.consumer.done()
    }
}

impl<T, Fut, K> fmt::Debug for StreamFn<T, Fut, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamFn")
            .field("consumer", &self.consumer)
            .finish_non_exhaustive()
    }
}
