use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

/// The state and closure of a running `Scan`; dropped together when the
/// closure's future resolves to `None`.
struct StateFn<S, F> {
    state: S,
    f: F,
}

pin_project! {
    /// Stream for [`StreamExt::scan`](crate::StreamExt::scan): threads a
    /// state through an asynchronous closure and yields its outputs until
    /// one is `None`.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::iter([1, 2]).scan(0, |sum, x| {
    ///     *sum += x;
    ///     ready(Some(*sum))
    /// });
    /// assert!(!s.is_done_taking());
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Scan<St, S, Fut, F> {
        #[pin]
        stream: St,
        state_f: Option<StateFn<S, F>>,
        #[pin]
        future: Option<Fut>,
    }
}

impl<St: fmt::Debug, S: fmt::Debug, Fut: fmt::Debug, F> fmt::Debug for Scan<St, S, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scan")
            .field("stream", &self.stream)
            .field("state", &self.state_f.as_ref().map(|sf| &sf.state))
            .field("future", &self.future)
            .field("done_taking", &self.is_done_taking())
            .finish()
    }
}

impl<St, S, Fut, F> Scan<St, S, Fut, F> {
    pub(crate) fn new(stream: St, state: S, f: F) -> Self {
        Scan {
            stream,
            state_f: Some(StateFn { state, f }),
            future: None,
        }
    }

    /// Returns `true` once the closure's future resolved to `None`: the
    /// stream has ended (and dropped its state) and will only return
    /// `Ready(None)` from now on.
    ///
    /// ```
    /// use core::future::ready;
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = stream::iter([1, 2, 3]).scan((), |_, x| ready((x < 2).then_some(x)));
    ///     assert_eq!(s.next().await, Some(1));
    ///     assert!(!s.is_done_taking());
    ///     assert_eq!(s.next().await, None);
    ///     assert!(s.is_done_taking());
    /// });
    /// ```
    pub fn is_done_taking(&self) -> bool {
        self.state_f.is_none()
    }
}

delegate_access!(
    Scan<St, S, Fut, F>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).scan(0u8, |acc, x| { *acc += x; core::future::ready(Some(*acc)) })"
);

impl<St, S, Fut, F, B> Stream for Scan<St, S, Fut, F>
where
    St: Stream,
    F: FnMut(&mut S, St::Item) -> Fut,
    Fut: Future<Output = Option<B>>,
{
    type Item = B;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<B>> {
        let mut this = self.project();
        let Some(state_f) = this.state_f.as_mut() else {
            return Poll::Ready(None);
        };
        if this.future.is_none() {
            match ready!(this.stream.as_mut().poll_next(cx)) {
                Some(item) => this.future.set(Some((state_f.f)(&mut state_f.state, item))),
                None => return Poll::Ready(None),
            }
        }
        let Some(fut) = this.future.as_mut().as_pin_mut() else {
            return Poll::Ready(None);
        };
        let output = ready!(fut.poll(cx));
        this.future.set(None);
        if output.is_none() {
            *this.state_f = None;
        }
        Poll::Ready(output)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.is_done_taking() {
            return (0, Some(0));
        }
        let pending = usize::from(self.future.is_some());
        let (_, upper) = self.stream.size_hint();
        (0, upper.and_then(|u| u.checked_add(pending)))
    }
}

impl<St, S, Fut, F, B> FusedStream for Scan<St, S, Fut, F>
where
    St: FusedStream,
    F: FnMut(&mut S, St::Item) -> Fut,
    Fut: Future<Output = Option<B>>,
{
    fn is_terminated(&self) -> bool {
        self.is_done_taking() || (self.future.is_none() && self.stream.is_terminated())
    }
}
