use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_sink::Sink;

/// Future for [`SinkExt::close`](super::SinkExt::close): resolves once the
/// sink closed (its `poll_close` returned `Ready`): every item it accepted is processed, and it accepts no more.
///
/// Polling it again after it resolved calls `poll_close` again, which most sinks allow.
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let mut sink = rill_test::TestSink::new().pending(true);
/// rill_test::block_on(sink.feed(1)).unwrap();
/// rill_test::block_on(sink.close()).unwrap();
/// assert!(sink.is_closed());
/// assert_eq!(sink.flushed(), 1);
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Close<'a, Si: ?Sized, Item> {
    sink: &'a mut Si,
    _item: PhantomData<fn(Item)>,
}

impl<'a, Si: Sink<Item> + Unpin + ?Sized, Item> Close<'a, Si, Item> {
    pub(super) fn new(sink: &'a mut Si) -> Self {
        Close {
            sink,
            _item: PhantomData,
        }
    }
}

impl<Si: Unpin + ?Sized, Item> Unpin for Close<'_, Si, Item> {}

impl<Si: Sink<Item> + Unpin + ?Sized, Item> Future for Close<'_, Si, Item> {
    type Output = Result<(), Si::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.get_mut().sink).poll_close(cx)
    }
}
