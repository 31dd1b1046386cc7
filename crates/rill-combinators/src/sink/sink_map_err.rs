use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_sink::Sink;
use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Sink for [`SinkExt::sink_map_err`](super::SinkExt::sink_map_err):
    /// converts the inner sink's error with a function.
    ///
    /// The function is `FnOnce`, as in futures-util: a sink that failed is
    /// usually done, so it is called for the first error only. A second
    /// error panics ("`SinkMapErr`: a second error after the first was
    /// mapped"). When the inner value is also a stream, `SinkMapErr` is
    /// that stream too.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut sink = rill_test::TestSink::new().fail_at(0).sink_map_err(|e| e.0 + 100);
    /// assert_eq!(rill_test::block_on(sink.send(1)), Err(100));
    /// ```
    #[must_use = "sinks do nothing unless polled"]
    pub struct SinkMapErr<Si, F> {
        #[pin]
        sink: Si,
        f: Option<F>,
    }
}

impl<Si, F> SinkMapErr<Si, F> {
    pub(super) fn new(sink: Si, f: F) -> Self {
        SinkMapErr { sink, f: Some(f) }
    }

    /// Returns a shared reference to the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let s = rill_test::TestSink::<u8>::new().sink_map_err(|e| e);
    /// assert!(s.get_ref().items().is_empty());
    /// ```
    pub fn get_ref(&self) -> &Si {
        &self.sink
    }

    /// Returns a mutable reference to the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut s = rill_test::TestSink::<u8>::new().sink_map_err(|e| e);
    /// rill_test::block_on(s.get_mut().send(1)).unwrap();
    /// assert_eq!(s.get_ref().items(), [1]);
    /// ```
    pub fn get_mut(&mut self) -> &mut Si {
        &mut self.sink
    }

    /// Returns a pinned mutable reference to the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut s = Box::pin(rill_test::TestSink::<u8>::new().sink_map_err(|e| e));
    /// assert!(s.as_mut().get_pin_mut().items().is_empty());
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut Si> {
        self.project().sink
    }

    /// Consumes the adapter and returns the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let s = rill_test::TestSink::<u8>::new().sink_map_err(|e| e);
    /// assert!(s.into_inner().into_items().is_empty());
    /// ```
    pub fn into_inner(self) -> Si {
        self.sink
    }
}

/// A clone has its own copy of the function (if not used up yet).
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let s = rill_test::TestSink::<u8>::new().sink_map_err(|e| e.0);
/// let copy = s.clone();
/// assert!(copy.get_ref().items().is_empty());
/// ```
impl<Si: Clone, F: Clone> Clone for SinkMapErr<Si, F> {
    fn clone(&self) -> Self {
        SinkMapErr {
            sink: self.sink.clone(),
            f: self.f.clone(),
        }
    }
}

/// Maps `result`'s error with the function, which is then used up.
fn map<T, E, F: FnOnce(E) -> E2, E2>(f: &mut Option<F>, result: Result<T, E>) -> Result<T, E2> {
    result.map_err(|e| match f.take() {
        Some(f) => f(e),
        None => panic!("`SinkMapErr`: a second error after the first was mapped"),
    })
}

impl<Si, F, E, Item> Sink<Item> for SinkMapErr<Si, F>
where
    Si: Sink<Item>,
    F: FnOnce(Si::Error) -> E,
{
    type Error = E;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let this = self.project();
        this.sink.poll_ready(cx).map(|r| map(this.f, r))
    }

    fn start_send(self: Pin<&mut Self>, item: Item) -> Result<(), E> {
        let this = self.project();
        map(this.f, this.sink.start_send(item))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let this = self.project();
        this.sink.poll_flush(cx).map(|r| map(this.f, r))
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let this = self.project();
        this.sink.poll_close(cx).map(|r| map(this.f, r))
    }
}

impl<Si: Stream, F> Stream for SinkMapErr<Si, F> {
    type Item = Si::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Si::Item>> {
        self.project().sink.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.sink.size_hint()
    }
}

impl<Si: FusedStream, F> FusedStream for SinkMapErr<Si, F> {
    fn is_terminated(&self) -> bool {
        self.sink.is_terminated()
    }
}

impl<Si: fmt::Debug, F> fmt::Debug for SinkMapErr<Si, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SinkMapErr")
            .field("sink", &self.sink)
            .finish()
    }
}
