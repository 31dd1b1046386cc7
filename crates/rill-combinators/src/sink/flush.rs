use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_sink::Sink;

/// Future for [`SinkExt::flush`](super::SinkExt::flush): resolves once the
/// sink processed every item it accepted (its `poll_flush` returned `Ready`).
///
/// Polling it again after it resolved flushes again.
///
/// ```
/// use rill_combinators::SinkExt;
///
/// let mut sink = rill_test::TestSink::new().pending(true);
/// rill_test::block_on(sink.feed(1)).unwrap();
/// rill_test::block_on(sink.flush()).unwrap();
/// assert_eq!(sink.flushed(), 1);
/// ```
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Flush<'a, Si: ?Sized, Item> {
    sink: &'a mut Si,
    _item: PhantomData<fn(Item)>,
}

impl<'a, Si: Sink<Item> + Unpin + ?Sized, Item> Flush<'a, Si, Item> {
    pub(super) fn new(sink: &'a mut Si) -> Self {
        Flush {
            sink,
            _item: PhantomData,
        }
    }
}

impl<Si: Unpin + ?Sized, Item> Unpin for Flush<'_, Si, Item> {}

impl<Si: Sink<Item> + Unpin + ?Sized, Item> Future for Flush<'_, Si, Item> {
    type Output = Result<(), Si::Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut *self.get_mut().sink).poll_flush(cx)
    }
}
