use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::step_by`](crate::StreamExt::step_by): yields
    /// the first item, then every `step`-th item after it.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// // Items 0, 3, 6 and 9 of ten.
    /// let s = stream::iter(0..10).step_by(3);
    /// assert_eq!(s.size_hint(), (4, Some(4)));
    /// ```
    #[derive(Debug)]
    #[must_use = "streams do nothing unless polled"]
    pub struct StepBy<St> {
        #[pin]
        stream: St,
        // `step - 1`: how many items to drop between two yielded ones.
        gap: usize,
        // Items still to drop before the next yielded one.
        to_skip: usize,
    }
}

impl<St> StepBy<St> {
    #[track_caller]
    pub(crate) fn new(stream: St, step: usize) -> Self {
        assert!(
            step != 0,
            "`StepBy` needs a step greater than 0 (`step_by(0)` was called)"
        );
        StepBy {
            stream,
            gap: step - 1,
            to_skip: 0,
        }
    }
}

delegate_access!(
    StepBy<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).step_by(2)"
);

impl<St: Stream> Stream for StepBy<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let mut this = self.project();
        loop {
            let Some(item) = ready!(this.stream.as_mut().poll_next(cx)) else {
                return Poll::Ready(None);
            };
            if *this.to_skip == 0 {
                *this.to_skip = *this.gap;
                return Poll::Ready(Some(item));
            }
            *this.to_skip -= 1;
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // Of `n` items left, the next one kept is number `to_skip` (from 0),
        // then one in every `gap + 1`.
        let step = self.gap + 1;
        let count = |n: usize| match n.checked_sub(self.to_skip) {
            None | Some(0) => 0,
            Some(rest) => 1 + (rest - 1) / step,
        };
        let (lower, upper) = self.stream.size_hint();
        (count(lower), upper.map(count))
    }
}

impl<St: FusedStream> FusedStream for StepBy<St> {
    fn is_terminated(&self) -> bool {
        self.stream.is_terminated()
    }
}
