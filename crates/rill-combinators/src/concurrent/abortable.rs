//! [`abortable`], [`Abortable`], [`AbortHandle`], [`AbortRegistration`],
//! [`Aborted`].

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

use super::atomic_waker::AtomicWaker;
use crate::sync::{Arc, AtomicBool, Ordering};

struct AbortInner {
    aborted: AtomicBool,
    waker: AtomicWaker,
}

/// Wraps a stream so that it can be stopped from elsewhere: returns the
/// wrapped stream and the handle that aborts it.
///
/// After [`AbortHandle::abort`], the stream yields `None` on its next poll
/// (the task polling it is woken) and drops nothing by itself: the inner
/// stream is dropped with the `Abortable`. Items already yielded are kept.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let (mut s, handle) = stream::abortable(stream::iter(1..));
/// assert_eq!(rill_test::block_on(s.next()), Some(1));
/// handle.abort();
/// assert_eq!(rill_test::block_on(s.next()), None);
/// assert!(s.is_aborted());
/// ```
pub fn abortable<St: Stream>(stream: St) -> (Abortable<St>, AbortHandle) {
    let (handle, registration) = AbortHandle::new_pair();
    (Abortable::new(stream, registration), handle)
}

pin_project_lite::pin_project! {
    /// A stream (or future) that can be aborted through an
    /// [`AbortHandle`]: see [`abortable`].
    ///
    /// As a stream it ends (`None`) once aborted; as a future it resolves to
    /// `Err(Aborted)`.
    #[must_use = "streams do nothing unless polled"]
    pub struct Abortable<T> {
        #[pin]
        inner: T,
        reg: AbortRegistration,
    }
}

impl<T> Abortable<T> {
    /// Wraps `inner`, abortable through the handle paired with `reg`.
    ///
    /// ```
    /// use rill_combinators::stream::{AbortHandle, Abortable, Aborted};
    ///
    /// let (handle, reg) = AbortHandle::new_pair();
    /// let fut = Abortable::new(async { 5 }, reg);
    /// handle.abort();
    /// assert_eq!(rill_test::block_on(fut), Err(Aborted));
    /// ```
    pub fn new(inner: T, reg: AbortRegistration) -> Self {
        Self { inner, reg }
    }

    /// Whether the paired handle has aborted it.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let (s, handle) = stream::abortable(stream::iter(0..1));
    /// assert!(!s.is_aborted());
    /// handle.abort();
    /// assert!(s.is_aborted());
    /// ```
    pub fn is_aborted(&self) -> bool {
        self.reg.inner.aborted.load(Ordering::Acquire)
    }

    /// Returns the wrapped stream or future.
    ///
    /// ```
    /// use rill_combinators::stream;
    ///
    /// let (s, _handle) = stream::abortable(stream::iter(0..3));
    /// assert_eq!(s.into_inner().get_ref().len(), 3);
    /// ```
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// Whether aborted; if not, registers the waker so that `abort` wakes
    /// the task.
    fn check(&self, cx: &mut Context<'_>) -> bool {
        if self.is_aborted() {
            return true;
        }
        self.reg.inner.waker.register(cx.waker());
        self.is_aborted()
    }
}

impl<St: Stream> Stream for Abortable<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        if self.check(cx) {
            return Poll::Ready(None);
        }
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.is_aborted() {
            (0, Some(0))
        } else {
            (0, self.inner.size_hint().1)
        }
    }
}

impl<St: FusedStream> FusedStream for Abortable<St> {
    fn is_terminated(&self) -> bool {
        self.is_aborted() || self.inner.is_terminated()
    }
}

impl<Fut: Future> Future for Abortable<Fut> {
    type Output = Result<Fut::Output, Aborted>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.check(cx) {
            return Poll::Ready(Err(Aborted));
        }
        self.project().inner.poll(cx).map(Ok)
    }
}

impl<T: fmt::Debug> fmt::Debug for Abortable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Abortable")
            .field("inner", &self.inner)
            .field("aborted", &self.is_aborted())
            .finish()
    }
}

/// Aborts the [`Abortable`] it is paired with; cloneable and `Send`.
#[derive(Clone)]
pub struct AbortHandle {
    inner: Arc<AbortInner>,
}

/// The other half of an [`AbortHandle`]: turned into an [`Abortable`] by
/// [`Abortable::new`].
pub struct AbortRegistration {
    inner: Arc<AbortInner>,
}

impl AbortHandle {
    /// Creates a handle and the registration it aborts.
    ///
    /// ```
    /// use rill_combinators::stream::AbortHandle;
    ///
    /// let (handle, _reg) = AbortHandle::new_pair();
    /// assert!(!handle.is_aborted());
    /// ```
    pub fn new_pair() -> (AbortHandle, AbortRegistration) {
        let inner = Arc::new(AbortInner {
            aborted: AtomicBool::new(false),
            waker: AtomicWaker::new(),
        });
        (
            AbortHandle {
                inner: Arc::clone(&inner),
            },
            AbortRegistration { inner },
        )
    }

    /// Aborts the paired `Abortable` and wakes the task polling it. Aborting
    /// twice (or after the `Abortable` was dropped) does nothing more.
    ///
    /// ```
    /// use rill_combinators::stream::AbortHandle;
    ///
    /// let (handle, _reg) = AbortHandle::new_pair();
    /// handle.abort();
    /// handle.abort();
    /// assert!(handle.is_aborted());
    /// ```
    pub fn abort(&self) {
        self.inner.aborted.store(true, Ordering::Release);
        self.inner.waker.wake();
    }

    /// Whether `abort` was called (on this handle or a clone).
    ///
    /// ```
    /// use rill_combinators::stream::AbortHandle;
    ///
    /// let (handle, _reg) = AbortHandle::new_pair();
    /// handle.clone().abort();
    /// assert!(handle.is_aborted());
    /// ```
    pub fn is_aborted(&self) -> bool {
        self.inner.aborted.load(Ordering::Acquire)
    }
}

impl AbortRegistration {
    /// A handle that aborts this registration's `Abortable`.
    ///
    /// ```
    /// use rill_combinators::stream::AbortHandle;
    ///
    /// let (_handle, reg) = AbortHandle::new_pair();
    /// let other = reg.handle();
    /// other.abort();
    /// assert!(_handle.is_aborted());
    /// ```
    pub fn handle(&self) -> AbortHandle {
        AbortHandle {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl fmt::Debug for AbortHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AbortHandle")
            .field("aborted", &self.is_aborted())
            .finish()
    }
}

impl fmt::Debug for AbortRegistration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AbortRegistration")
            .field("aborted", &self.inner.aborted.load(Ordering::Acquire))
            .finish()
    }
}

/// The error of an aborted [`Abortable`] future.
///
/// ```
/// use rill_combinators::stream::Aborted;
///
/// assert_eq!(Aborted.to_string(), "`Abortable` future has been aborted");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Aborted;

impl fmt::Display for Aborted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`Abortable` future has been aborted")
    }
}

impl core::error::Error for Aborted {}
