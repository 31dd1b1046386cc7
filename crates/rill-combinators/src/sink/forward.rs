use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;
use rill_core::{FusedFuture, TryStream};

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::forward`](crate::StreamExt::forward): sends
    /// every `Ok` item of the stream into the sink, then flushes and closes
    /// the sink.
    ///
    /// While the stream is pending the sink is flushed; the stream is only
    /// polled when the sink is ready for an item, and an item taken from it
    /// waits in the future until the sink is. Once the stream ended it is
    /// not polled again; once the sink is closed the future resolves to
    /// `Ok(())` and drops the sink (it is a
    /// [`FusedFuture`](rill_core::FusedFuture): terminated from then on).
    /// The first `Err`, of the stream or the sink, resolves the future at
    /// once without flushing or closing the sink; polling again goes on where
    /// it stopped. Dropping the future drops the stream, the sink and an item
    /// taken from the stream but not yet accepted by the sink. Polling after
    /// `Ok(())` panics ("`Forward` polled after completion").
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let mut sink = rill_test::TestSink::new().pending(true);
    /// let items = stream::iter([Ok(1), Ok(2)]);
    /// rill_test::block_on(items.forward(&mut sink)).unwrap();
    /// assert_eq!(sink.items(), [1, 2]);
    /// assert!(sink.is_closed());
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Forward<St, Si>
    where
        St: TryStream,
    {
        #[pin]
        stream: St,
        #[pin]
        sink: Option<Si>,
        stream_done: bool,
        buffered: Option<St::Ok>,
    }
}

impl<St: TryStream, Si> Forward<St, Si> {
    pub(crate) fn new(stream: St, sink: Si) -> Self {
        Forward {
            stream,
            sink: Some(sink),
            stream_done: false,
            buffered: None,
        }
    }
}

impl<St, Si> Future for Forward<St, Si>
where
    St: TryStream,
    Si: Sink<St::Ok, Error = St::Error>,
{
    type Output = Result<(), St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let Some(mut sink) = this.sink.as_mut().as_pin_mut() else {
            panic!("`Forward` polled after completion");
        };
        loop {
            if this.buffered.is_some() {
                ready!(sink.as_mut().poll_ready(cx))?;
                let item = this.buffered.take().expect("checked above");
                sink.as_mut().start_send(item)?;
            }
            if *this.stream_done {
                ready!(sink.poll_close(cx))?;
                this.sink.set(None);
                return Poll::Ready(Ok(()));
            }
            match this.stream.as_mut().try_poll_next(cx)? {
                Poll::Ready(Some(item)) => *this.buffered = Some(item),
                Poll::Ready(None) => *this.stream_done = true,
                Poll::Pending => {
                    ready!(sink.poll_flush(cx))?;
                    return Poll::Pending;
                }
            }
        }
    }
}

/// Terminated once it resolved to `Ok(())` (the sink is dropped then); not
/// after an error, since polling again goes on.
impl<St, Si> FusedFuture for Forward<St, Si>
where
    St: TryStream,
    Si: Sink<St::Ok, Error = St::Error>,
{
    fn is_terminated(&self) -> bool {
        self.sink.is_none()
    }
}

impl<St, Si> fmt::Debug for Forward<St, Si>
where
    St: TryStream + fmt::Debug,
    St::Ok: fmt::Debug,
    Si: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Forward")
            .field("stream", &self.stream)
            .field("sink", &self.sink)
            .field("stream_done", &self.stream_done)
            .field("buffered", &self.buffered)
            .finish()
    }
}
