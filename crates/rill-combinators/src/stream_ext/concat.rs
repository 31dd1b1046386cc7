use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{FusedFuture, Stream};

use crate::support::poll_items;

pin_project_lite::pin_project! {
    /// Future for [`StreamExt::concat`](crate::StreamExt::concat): resolves
    /// to all items (themselves collections) joined into one.
    ///
    /// The stream is dropped as soon as the future resolves, and with the
    /// future if it is dropped before. Polling it again after it resolved
    /// panics with "`Concat` polled after completion".
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let joined: stream::Concat<_> = stream::iter([vec![1], vec![2, 3]]).concat();
    /// assert_eq!(rill_test::block_on(joined), [1, 2, 3]);
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct Concat<St>
    where
        St: Stream,
    {
        #[pin]
        stream: Option<St>,
        // The first item, extended by the later ones.
        accum: Option<St::Item>,
    }
}

impl<St> fmt::Debug for Concat<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Concat")
            .field("stream", &self.stream)
            .field("accum", &self.accum)
            .finish()
    }
}

impl<St: Stream> Concat<St> {
    pub(crate) fn new(stream: St) -> Self {
        Concat {
            stream: Some(stream),
            accum: None,
        }
    }
}

impl<St> Future for Concat<St>
where
    St: Stream,
    St::Item: Extend<<St::Item as IntoIterator>::Item> + IntoIterator + Default,
{
    type Output = St::Item;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<St::Item> {
        let this = self.project();
        poll_items(
            this.stream,
            this.accum,
            cx,
            "Concat",
            |accum, item| {
                match accum {
                    Some(accum) => accum.extend(item),
                    // The first item is kept as it is: no copy into a fresh
                    // collection.
                    None => *accum = Some(item),
                }
                None
            },
            |accum| accum.take().unwrap_or_default(),
        )
    }
}

/// Terminated once it resolved (the stream is dropped then).
impl<St> FusedFuture for Concat<St>
where
    St: Stream,
    St::Item: Extend<<St::Item as IntoIterator>::Item> + IntoIterator + Default,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.stream.is_none()
    }
}
