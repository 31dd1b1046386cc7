use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::take_until`](crate::StreamExt::take_until):
    /// passes items on until a stopping future resolves, then ends.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter(1..=3).take_until(core::future::pending::<()>());
    /// assert!(!s.is_stopped());
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct TakeUntil<St, Fut>
    where
        Fut: Future,
    {
        #[pin]
        stream: St,
        #[pin]
        fut: Option<Fut>,
        fut_result: Option<Fut::Output>,
        // The future was taken out by `take_future`: the stream runs on
        // until the inner stream ends.
        free: bool,
        // The inner stream returned `Ready(None)`.
        stream_done: bool,
    }
}

impl<St, Fut> fmt::Debug for TakeUntil<St, Fut>
where
    St: fmt::Debug,
    Fut: Future + fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TakeUntil")
            .field("stream", &self.stream)
            .field("fut", &self.fut)
            .field("stopped", &self.is_stopped())
            .finish()
    }
}

impl<St, Fut: Future> TakeUntil<St, Fut> {
    pub(crate) fn new(stream: St, fut: Fut) -> Self {
        TakeUntil {
            stream,
            fut: Some(fut),
            fut_result: None,
            free: false,
            stream_done: false,
        }
    }

    /// Takes out the stopping future, unless it has already resolved or
    /// been taken.
    ///
    /// From then on the stream is no longer stopped by it and runs until
    /// the inner stream ends; the caller may await the future elsewhere.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(1..=3).take_until(core::future::ready("stop"));
    ///     let stop = s.take_future().expect("the future has not resolved yet");
    ///     assert_eq!(s.collect::<Vec<_>>().await, [1, 2, 3]);
    ///     assert_eq!(stop.await, "stop");
    /// });
    /// ```
    pub fn take_future(&mut self) -> Option<Fut> {
        if self.fut.is_some() {
            self.free = true;
        }
        self.fut.take()
    }

    /// Takes out the output of the stopping future, if it has resolved
    /// (and the output was not taken before).
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(1..=3).take_until(core::future::ready("stop"));
    ///     assert_eq!(s.take_result(), None);
    ///     assert_eq!(s.next().await, None);
    ///     assert_eq!(s.take_result(), Some("stop"));
    ///     assert_eq!(s.take_result(), None);
    /// });
    /// ```
    pub fn take_result(&mut self) -> Option<Fut::Output> {
        self.fut_result.take()
    }

    /// Returns `true` once the stream has stopped: the stopping future
    /// resolved (and was not taken out before) or the inner stream ended.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter(1..=3).take_until(core::future::ready(()));
    ///     assert!(!s.is_stopped());
    ///     assert_eq!(s.next().await, None);
    ///     assert!(s.is_stopped());
    /// });
    /// ```
    pub fn is_stopped(&self) -> bool {
        self.stream_done || (!self.free && self.fut.is_none())
    }
}

delegate_access!(
    TakeUntil<St, Fut>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).take_until(core::future::pending::<()>())", where Fut: Future
);

impl<St, Fut> Stream for TakeUntil<St, Fut>
where
    St: Stream,
    Fut: Future,
{
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        if let Some(fut) = this.fut.as_mut().as_pin_mut()
            && let Poll::Ready(output) = fut.poll(cx)
        {
            this.fut.set(None);
            *this.fut_result = Some(output);
        }
        if *this.stream_done || (!*this.free && this.fut.is_none()) {
            return Poll::Ready(None);
        }
        let item = ready!(this.stream.poll_next(cx));
        if item.is_none() {
            *this.stream_done = true;
            // The stream is over: the stopping future is of no more use.
            this.fut.set(None);
        }
        Poll::Ready(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.is_stopped() {
            return (0, Some(0));
        }
        let (lower, upper) = self.stream.size_hint();
        // The future may stop the stream at any time, unless it was taken.
        if self.free {
            (lower, upper)
        } else {
            (0, upper)
        }
    }
}

impl<St, Fut> FusedStream for TakeUntil<St, Fut>
where
    St: Stream,
    Fut: Future,
{
    fn is_terminated(&self) -> bool {
        self.is_stopped()
    }
}
