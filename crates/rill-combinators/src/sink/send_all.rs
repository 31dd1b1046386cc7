use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;
use rill_core::TryStream;

/// Future for [`SinkExt::send_all`](super::SinkExt::send_all): sends every
/// `Ok` item of a stream into the sink, then flushes it; the sink is not
/// closed.
///
/// While the stream is pending the sink is flushed (so what was sent is not
/// held back); the stream is only polled when the sink is ready for an
/// item, and an item taken from it waits in the future until the sink is.
/// The first `Err`, of the stream or the sink, resolves the future at once
/// (without a flush); polling again goes on where it stopped. Once the
/// stream ended it is not polled again. Dropping the future drops an item
/// taken from the stream but not yet accepted by the sink.
///
/// ```
/// use rill_combinators::{SinkExt, stream};
///
/// let mut sink = rill_test::TestSink::new().pending(true);
/// let mut items = stream::iter([Ok(1), Ok(2), Ok(3)]);
/// rill_test::block_on(sink.send_all(&mut items)).unwrap();
/// assert_eq!(sink.items(), [1, 2, 3]);
/// assert_eq!(sink.flushed(), 3);
/// assert!(!sink.is_closed());
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct SendAll<'a, Si: ?Sized, St: ?Sized + TryStream> {
    sink: &'a mut Si,
    stream: &'a mut St,
    stream_done: bool,
    buffered: Option<St::Ok>,
}

impl<'a, Si, St> SendAll<'a, Si, St>
where
    Si: Sink<St::Ok, Error = St::Error> + Unpin + ?Sized,
    St: TryStream + Unpin + ?Sized,
{
    pub(super) fn new(sink: &'a mut Si, stream: &'a mut St) -> Self {
        SendAll {
            sink,
            stream,
            stream_done: false,
            buffered: None,
        }
    }
}

impl<Si, St> Unpin for SendAll<'_, Si, St>
where
    Si: Unpin + ?Sized,
    St: TryStream + Unpin + ?Sized,
{
}

impl<Si, St> Future for SendAll<'_, Si, St>
where
    Si: Sink<St::Ok, Error = St::Error> + Unpin + ?Sized,
    St: TryStream + Unpin + ?Sized,
{
    type Output = Result<(), St::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let mut sink = Pin::new(&mut *this.sink);
        loop {
            if this.buffered.is_some() {
                ready!(sink.as_mut().poll_ready(cx))?;
                let item = this.buffered.take().expect("checked above");
                sink.as_mut().start_send(item)?;
            }
            if this.stream_done {
                return sink.poll_flush(cx);
            }
            match Pin::new(&mut *this.stream).try_poll_next(cx)? {
                Poll::Ready(Some(item)) => this.buffered = Some(item),
                Poll::Ready(None) => this.stream_done = true,
                Poll::Pending => {
                    ready!(sink.poll_flush(cx))?;
                    return Poll::Pending;
                }
            }
        }
    }
}

impl<Si, St> fmt::Debug for SendAll<'_, Si, St>
where
    Si: fmt::Debug + ?Sized,
    St: fmt::Debug + TryStream + ?Sized,
    St::Ok: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendAll")
            .field("sink", &self.sink)
            .field("stream", &self.stream)
            .field("stream_done", &self.stream_done)
            .field("buffered", &self.buffered)
            .finish()
    }
}
