use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::enumerate`](crate::StreamExt::enumerate):
    /// pairs every item with its index, counting from 0.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(['a', 'b']).enumerate();
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct Enumerate<St> {
        #[pin]
        stream: St,
        count: usize,
    }
}

impl<St> Enumerate<St> {
    pub(crate) fn new(stream: St) -> Self {
        Enumerate { stream, count: 0 }
    }
}

delegate_access!(
    Enumerate<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).enumerate()"
);

impl<St: Stream> Stream for Enumerate<St> {
    type Item = (usize, St::Item);

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.project();
        this.stream.poll_next(cx).map(|item| {
            item.map(|item| {
                let index = *this.count;
                // Like `Iterator::enumerate`, more than `usize::MAX` items
                // is a programming error; wrapping would repeat indices.
                *this.count = index
                    .checked_add(1)
                    .expect("`Enumerate` index overflowed `usize`");
                (index, item)
            })
        })
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St: FusedStream> FusedStream for Enumerate<St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
