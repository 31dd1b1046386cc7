use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;
use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Sink for [`SinkExt::with`](super::SinkExt::with): runs each item
    /// through an async function before it goes into the inner sink.
    ///
    /// One item at a time: `start_send` starts `f(item)`; `poll_ready`,
    /// `poll_flush` and `poll_close` first drive that future and hand its
    /// `Ok` output to the inner sink, then do their own work on the inner
    /// sink. An `Err` from the future (an `E`, into which the inner sink's
    /// errors convert) is returned by that call, and the item is gone.
    /// Dropping the sink drops a future in flight. When the inner value is
    /// also a stream, `With` is that stream too (for `split`).
    ///
    /// # Panics
    ///
    /// `start_send` without a `poll_ready` that returned `Ready(Ok(()))`
    /// ("`With`: start_send while the previous item is still being
    /// processed").
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut inner = rill_test::TestSink::new();
    /// let mut doubled = core::pin::pin!((&mut inner).with(|x: u32| async move {
    ///     Ok::<_, rill_test::TestSinkError>(x * 2)
    /// }));
    /// rill_test::block_on(doubled.send(21)).unwrap();
    /// drop(doubled);
    /// assert_eq!(inner.items(), [42]);
    /// ```
    #[must_use = "sinks do nothing unless polled"]
    pub struct With<Si, Item, U, Fut, F> {
        #[pin]
        sink: Si,
        f: F,
        #[pin]
        future: Option<Fut>,
        _types: PhantomData<fn(U) -> Item>,
    }
}

impl<Si, Item, U, Fut, F> With<Si, Item, U, Fut, F> {
    pub(super) fn new(sink: Si, f: F) -> Self {
        With {
            sink,
            f,
            future: None,
            _types: PhantomData,
        }
    }

    /// Returns a shared reference to the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let w = rill_test::TestSink::<u8>::new()
    ///     .with(|x: u8| async move { Ok::<_, rill_test::TestSinkError>(x) });
    /// assert!(w.get_ref().items().is_empty());
    /// ```
    pub fn get_ref(&self) -> &Si {
        &self.sink
    }

    /// Returns a mutable reference to the inner sink. Sending into it
    /// directly bypasses this adapter.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut w = rill_test::TestSink::<u8>::new()
    ///     .with(|x: u8| async move { Ok::<_, rill_test::TestSinkError>(x) });
    /// rill_test::block_on(w.get_mut().send(1)).unwrap();
    /// assert_eq!(w.get_ref().items(), [1]);
    /// ```
    pub fn get_mut(&mut self) -> &mut Si {
        &mut self.sink
    }

    /// Returns a pinned mutable reference to the inner sink.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let mut w = Box::pin(rill_test::TestSink::<u8>::new()
    ///     .with(|x: u8| async move { Ok::<_, rill_test::TestSinkError>(x) }));
    /// assert!(w.as_mut().get_pin_mut().items().is_empty());
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut Si> {
        self.project().sink
    }

    /// Consumes the adapter and returns the inner sink; a future in flight
    /// (and its item) is dropped.
    ///
    /// ```
    /// use rill_combinators::SinkExt;
    ///
    /// let w = rill_test::TestSink::<u8>::new()
    ///     .with(|x: u8| async move { Ok::<_, rill_test::TestSinkError>(x) });
    /// assert!(w.into_inner().into_items().is_empty());
    /// ```
    pub fn into_inner(self) -> Si {
        self.sink
    }
}

/// A clone has its own copy of a future in flight (as futures-util's).
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let w = rill_test::TestSink::<u8>::new()
///     .with(|x: u8| core::future::ready(Ok::<_, rill_test::TestSinkError>(x)));
/// let mut copy = w.clone();
/// rill_test::block_on(copy.send(1)).unwrap();
/// assert_eq!(copy.get_ref().items(), [1]);
/// assert!(w.get_ref().items().is_empty());
/// ```
impl<Si: Clone, Item, U, Fut: Clone, F: Clone> Clone for With<Si, Item, U, Fut, F> {
    fn clone(&self) -> Self {
        With {
            sink: self.sink.clone(),
            f: self.f.clone(),
            future: self.future.clone(),
            _types: PhantomData,
        }
    }
}

impl<Si, Item, U, Fut, F, E> With<Si, Item, U, Fut, F>
where
    Si: Sink<Item>,
    F: FnMut(U) -> Fut,
    Fut: Future<Output = Result<Item, E>>,
    E: From<Si::Error>,
{
    /// Drives the future in flight (if any) and hands its output over.
    fn poll_pending_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        let mut this = self.project();
        if let Some(future) = this.future.as_mut().as_pin_mut() {
            let output = ready!(future.poll(cx));
            this.future.set(None);
            this.sink.start_send(output?)?;
        }
        Poll::Ready(Ok(()))
    }
}

impl<Si, Item, U, Fut, F, E> Sink<U> for With<Si, Item, U, Fut, F>
where
    Si: Sink<Item>,
    F: FnMut(U) -> Fut,
    Fut: Future<Output = Result<Item, E>>,
    E: From<Si::Error>,
{
    type Error = E;

    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        ready!(self.as_mut().poll_pending_item(cx))?;
        Poll::Ready(Ok(ready!(self.project().sink.poll_ready(cx))?))
    }

    fn start_send(self: Pin<&mut Self>, item: U) -> Result<(), E> {
        let mut this = self.project();
        assert!(
            this.future.is_none(),
            "`With`: start_send while the previous item is still being processed"
        );
        this.future.set(Some((this.f)(item)));
        Ok(())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        ready!(self.as_mut().poll_pending_item(cx))?;
        Poll::Ready(Ok(ready!(self.project().sink.poll_flush(cx))?))
    }

    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), E>> {
        ready!(self.as_mut().poll_pending_item(cx))?;
        Poll::Ready(Ok(ready!(self.project().sink.poll_close(cx))?))
    }
}

impl<Si: Stream, Item, U, Fut, F> Stream for With<Si, Item, U, Fut, F> {
    type Item = Si::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Si::Item>> {
        self.project().sink.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.sink.size_hint()
    }
}

impl<Si: FusedStream, Item, U, Fut, F> FusedStream for With<Si, Item, U, Fut, F> {
    fn is_terminated(&self) -> bool {
        self.sink.is_terminated()
    }
}

impl<Si: fmt::Debug, Item, U, Fut, F> fmt::Debug for With<Si, Item, U, Fut, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("With")
            .field("sink", &self.sink)
            .field("running", &self.future.is_some())
            .finish()
    }
}
