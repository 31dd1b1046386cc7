use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use futures_sink::Sink;

/// Future for [`SinkExt::feed`](super::SinkExt::feed): resolves once the
/// sink accepted the item (`poll_ready`, then `start_send`), without
/// flushing it.
///
/// Dropping it before it resolved drops the item. Polling it again after it
/// resolved panics ("`Feed` polled after completion").
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let mut sink = rill_test::TestSink::new();
/// rill_test::block_on(sink.feed(1)).unwrap();
/// assert_eq!(sink.items(), [1]);
/// assert_eq!(sink.flushed(), 0);
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Feed<'a, Si: ?Sized, Item> {
    sink: &'a mut Si,
    item: Option<Item>,
}

impl<'a, Si: Sink<Item> + Unpin + ?Sized, Item> Feed<'a, Si, Item> {
    pub(super) fn new(sink: &'a mut Si, item: Item) -> Self {
        Feed {
            sink,
            item: Some(item),
        }
    }
}

impl<Si: Unpin + ?Sized, Item> Unpin for Feed<'_, Si, Item> {}

impl<Si: Sink<Item> + Unpin + ?Sized, Item> Future for Feed<'_, Si, Item> {
    type Output = Result<(), Si::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        assert!(this.item.is_some(), "`Feed` polled after completion");
        let mut sink = Pin::new(&mut *this.sink);
        ready!(sink.as_mut().poll_ready(cx))?;
        let item = this.item.take().expect("checked above");
        Poll::Ready(sink.start_send(item))
    }
}
