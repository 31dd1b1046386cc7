//! `WatchStream`: a tokio `watch::Receiver` as a stream of its values.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use ::tokio::sync::watch;
use rill_core::{FusedStream, Stream};

use crate::recv_slot::{RecvSlot, recv_slot};

/// Waits for a value the receiver has not seen, marks it seen and clones
/// it; `None` once the sender is gone and every value was seen. Hands the
/// receiver back.
async fn changed_owned<T: Clone>(
    mut receiver: watch::Receiver<T>,
) -> (Option<T>, watch::Receiver<T>) {
    let value = match receiver.changed().await {
        Ok(()) => Some(receiver.borrow_and_update().clone()),
        Err(_) => None,
    };
    (value, receiver)
}

/// A tokio `watch::Receiver<T>` as a stream of `T`.
///
/// [`new`](Self::new) yields the current value first, then one clone per
/// change it observes; [`from_changes`](Self::from_changes) yields only
/// values the receiver has not seen yet. A watch channel keeps only the
/// latest value: several changes between two polls are seen as one (the
/// latest). The stream ends when the sender is gone and the last value was
/// yielded; then it keeps returning `Ready(None)` ([`FusedStream`]).
/// `size_hint` is `(0, None)` until the end, then `(0, Some(0))`.
///
/// Allocation: one boxed "changed" future per stream, reused for every
/// value (no allocation per value). Values are cloned out of the channel,
/// so the read lock is never held across a yield.
///
/// ```
/// use rill_channel::tokio::WatchStream;
///
/// let (tx, rx) = tokio::sync::watch::channel("first");
/// let mut stream = WatchStream::new(rx);
/// rill_test::assert_stream_next!(stream, "first");
/// rill_test::assert_stream_pending!(stream);
/// tx.send("second").unwrap();
/// tx.send("third").unwrap(); // only the latest value is kept
/// rill_test::assert_stream_next!(stream, "third");
/// drop(tx);
/// rill_test::assert_stream_done!(stream);
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct WatchStream<T> {
    slot: RecvSlot<watch::Receiver<T>, Option<T>>,
    terminated: bool,
}

impl<T: Clone + Send + Sync + 'static> WatchStream<T> {
    /// A stream that yields the current value first (even when the receiver
    /// has already seen it), then every change. On a channel whose sender is
    /// already gone it yields the current value, then ends.
    ///
    /// ```
    /// let (tx, rx) = tokio::sync::watch::channel(1);
    /// drop(tx);
    /// let items: Vec<i32> =
    ///     rill_test::block_on_stream(rill_channel::tokio::WatchStream::new(rx)).collect();
    /// assert_eq!(items, [1]);
    /// ```
    pub fn new(mut receiver: watch::Receiver<T>) -> Self {
        receiver.mark_changed();
        Self::from_changes(receiver)
    }

    /// A stream that yields only values the receiver has not seen: it skips
    /// the current value if the receiver has already seen it (as a fresh
    /// receiver from `watch::channel` has), and waits for the next change.
    ///
    /// ```
    /// let (tx, rx) = tokio::sync::watch::channel(1);
    /// let mut stream = rill_channel::tokio::WatchStream::from_changes(rx);
    /// rill_test::assert_stream_pending!(stream);
    /// tx.send(2).unwrap();
    /// rill_test::assert_stream_next!(stream, 2);
    /// ```
    pub fn from_changes(receiver: watch::Receiver<T>) -> Self {
        WatchStream {
            slot: recv_slot(receiver, changed_owned::<T>),
            terminated: false,
        }
    }
}

impl<T: Clone + Send + Sync + 'static> From<watch::Receiver<T>> for WatchStream<T> {
    /// Same as [`WatchStream::new`]: the current value comes first.
    ///
    /// ```
    /// use rill_channel::tokio::WatchStream;
    ///
    /// let (_tx, rx) = tokio::sync::watch::channel('a');
    /// let mut stream: WatchStream<char> = rx.into();
    /// rill_test::assert_stream_next!(stream, 'a');
    /// ```
    fn from(receiver: watch::Receiver<T>) -> Self {
        WatchStream::new(receiver)
    }
}

impl<T> fmt::Debug for WatchStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WatchStream")
            .field("terminated", &self.terminated)
            .finish_non_exhaustive()
    }
}

impl<T: Clone> Stream for WatchStream<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if self.terminated {
            return Poll::Ready(None);
        }
        let (value, receiver) = ready!(self.slot.as_mut().poll(cx));
        self.slot.as_mut().restart(receiver);
        if value.is_none() {
            self.terminated = true;
        }
        Poll::Ready(value)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.terminated {
            (0, Some(0))
        } else {
            (0, None)
        }
    }
}

impl<T: Clone> FusedStream for WatchStream<T> {
    /// `true` once the stream returned `Ready(None)`.
    fn is_terminated(&self) -> bool {
        self.terminated
    }
}
