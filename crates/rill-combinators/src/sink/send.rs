use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;

/// Future for [`SinkExt::send`](super::SinkExt::send): resolves once the
/// sink accepted the item and flushed it.
///
/// Dropping it before the sink accepted the item drops the item; after that
/// the item is the sink's, flushed or not. Polling it again after it
/// resolved flushes the sink again (as futures-util's `Send`).
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let mut sink = rill_test::TestSink::new().pending(true);
/// rill_test::block_on(sink.send("a")).unwrap();
/// assert_eq!(sink.items(), ["a"]);
/// assert_eq!(sink.flushed(), 1);
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Send<'a, Si: ?Sized, Item> {
    sink: &'a mut Si,
    item: Option<Item>,
}

impl<'a, Si: Sink<Item> + Unpin + ?Sized, Item> Send<'a, Si, Item> {
    pub(super) fn new(sink: &'a mut Si, item: Item) -> Self {
        Send {
            sink,
            item: Some(item),
        }
    }
}

impl<Si: Unpin + ?Sized, Item> Unpin for Send<'_, Si, Item> {}

impl<Si: Sink<Item> + Unpin + ?Sized, Item> Future for Send<'_, Si, Item> {
    type Output = Result<(), Si::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let mut sink = Pin::new(&mut *this.sink);
        if this.item.is_some() {
            ready!(sink.as_mut().poll_ready(cx))?;
            let item = this.item.take().expect("checked above");
            sink.as_mut().start_send(item)?;
        }
        sink.poll_flush(cx)
    }
}
