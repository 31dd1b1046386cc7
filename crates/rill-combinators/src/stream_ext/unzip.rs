use core::fmt;
use core::future::Future;
use core::mem;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::unzip`](crate::StreamExt::unzip): resolves to
    /// two collections, of the first and of the second halves of the pairs.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before. Polling it again after it resolved
    /// panics with "`Unzip` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let unzip: stream::Unzip<_, Vec<u8>, String> = stream::iter([(1, 'a'), (2, 'b')]).unzip();
    /// assert_eq!(rill_test::block_on(unzip), (vec![1, 2], "ab".to_string()));
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Unzip<St, FromA, FromB> {
        #[pin]
        stream: Option<St>,
        left: FromA,
        right: FromB,
    }
}

impl<St, FromA, FromB> fmt::Debug for Unzip<St, FromA, FromB>
where
    St: fmt::Debug,
    FromA: fmt::Debug,
    FromB: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unzip")
            .field("stream", &self.stream)
            .field("left", &self.left)
            .field("right", &self.right)
            .finish()
    }
}

impl<St: Stream, FromA: Default, FromB: Default> Unzip<St, FromA, FromB> {
    pub(crate) fn new(stream: St) -> Self {
        Unzip {
            stream: Some(stream),
            left: FromA::default(),
            right: FromB::default(),
        }
    }
}

impl<St, A, B, FromA, FromB> Future for Unzip<St, FromA, FromB>
where
    St: Stream<Item = (A, B)>,
    FromA: Default + Extend<A>,
    FromB: Default + Extend<B>,
{
    type Output = (FromA, FromB);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<(FromA, FromB)> {
        let this = self.project();
        poll_items(
            this.stream,
            &mut (this.left, this.right),
            cx,
            "Unzip",
            |(left, right), (a, b)| {
                left.extend(Some(a));
                right.extend(Some(b));
                None
            },
            |(left, right)| (mem::take(*left), mem::take(*right)),
        )
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St, A, B, FromA, FromB> FusedFuture for Unzip<St, FromA, FromB>
where
    St: Stream<Item = (A, B)>,
    FromA: Default + Extend<A>,
    FromB: Default + Extend<B>,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_none()
    }
}
