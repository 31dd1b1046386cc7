use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedStream, Stream};

pin_project_lite::pin_project! {
    /// Stream for [`StreamExt::cycle`](crate::StreamExt::cycle): the items
    /// of the stream, over and over.
    ///
    /// Keeps an untouched clone of the stream; whenever the copy in use
    /// ends, a fresh clone takes its place. If a copy ends without having
    /// yielded a single item, the cycle ends (it would never yield again):
    /// so the cycle of an empty stream is empty, even when its copies
    /// return `Pending` before they end. After that the cycle keeps
    /// returning `None` (it is a [`FusedStream`]). `size_hint` is
    /// `(usize::MAX, None)` when every copy yields at least one item, the
    /// copy in use's own hint when the copies are empty. The accessors
    /// (`get_ref`, ..., `into_inner`) reach the copy in use.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let abab: stream::Cycle<_> = stream::iter(['a', 'b']).cycle();
    /// let five = abab.zip(stream::iter(0..5));
    /// let v: Vec<(char, i32)> = rill_test::block_on(five.collect());
    /// assert_eq!(v.iter().map(|p| p.0).collect::<String>(), "ababa");
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Cycle<St> {
        orig: St,
        #[pin]
        stream: St,
        // Whether the copy in use has yielded an item.
        yielded: bool,
        done: bool,
    }
}

impl<St: fmt::Debug> fmt::Debug for Cycle<St> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cycle")
            .field("orig", &self.orig)
            .field("stream", &self.stream)
            .field("done", &self.done)
            .finish()
    }
}

impl<St: Stream + Clone> Cycle<St> {
    pub(crate) fn new(stream: St) -> Self {
        Cycle {
            orig: stream.clone(),
            stream,
            yielded: false,
            done: false,
        }
    }
}

delegate_access!(
    Cycle<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).cycle()"
);

impl<St: Stream + Clone> Stream for Cycle<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        loop {
            match this.stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => {
                    *this.yielded = true;
                    return Poll::Ready(Some(item));
                }
                Poll::Ready(None) if *this.yielded => {
                    this.stream.set(this.orig.clone());
                    *this.yielded = false;
                }
                Poll::Ready(None) => {
                    *this.done = true;
                    return Poll::Ready(None);
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            return (0, Some(0));
        }
        match self.orig.size_hint() {
            // Every copy yields: endless.
            (1.., _) => (usize::MAX, None),
            // Every copy is empty: what is left of the copy in use.
            (0, Some(0)) => self.stream.size_hint(),
            (0, _) => (self.stream.size_hint().0, None),
        }
    }
}

impl<St: Stream + Clone> FusedStream for Cycle<St> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}
