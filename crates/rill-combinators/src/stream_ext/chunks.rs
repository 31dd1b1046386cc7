use alloc::vec::Vec;
use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;
use rill_core::{FusedStream, Stream};

/// At most this many items are reserved up front for a chunk, so that a
/// huge capacity (`chunks(usize::MAX)` as "everything") does not allocate
/// (or overflow) before any item arrived.
const MAX_PREALLOC: usize = 1024;

/// The state `chunks` and `ready_chunks` share: the chunk being gathered
/// and how far the streams got.
#[derive(Debug)]
pub(super) struct ChunkBuf<T> {
    items: Vec<T>,
    cap: usize,
    // The inner stream returned `Ready(None)`: it is not polled again.
    stream_done: bool,
    // The adapter returned `Ready(None)`.
    ended: bool,
}

impl<T> ChunkBuf<T> {
    pub(super) fn new(cap: usize) -> Self {
        ChunkBuf {
            items: Vec::new(),
            cap,
            stream_done: false,
            ended: false,
        }
    }

    /// Gathers items from `stream` into the next chunk. A chunk is
    /// complete when full or at the end of the stream, and also, with
    /// `cut_at_pending`, when the stream is pending (if it holds an item).
    #[inline]
    pub(super) fn poll_chunk<St>(
        &mut self,
        mut stream: Pin<&mut St>,
        cx: &mut Context<'_>,
        cut_at_pending: bool,
    ) -> Poll<Option<Vec<T>>>
    where
        St: Stream<Item = T>,
    {
        if self.stream_done {
            self.ended = true;
            return Poll::Ready(None);
        }
        let cap = self.cap;
        loop {
            // The chunk is gathered in a local `Vec`, which the compiler can
            // keep in registers (unlike `self.items`). The guard puts it back
            // when it goes out of scope, also if the inner stream panics, so
            // no gathered item is lost. Growing the `Vec` happens outside the
            // guard's scope, so that (as long as the inner stream cannot
            // panic) no clean-up code needs the guard's address.
            let overflow = {
                let mut chunk = Gathering {
                    items: core::mem::take(&mut self.items),
                    slot: &mut self.items,
                };
                let items = &mut chunk.items;
                loop {
                    match stream.as_mut().poll_next(cx) {
                        Poll::Pending if cut_at_pending && !items.is_empty() => {
                            return Poll::Ready(Some(core::mem::take(items)));
                        }
                        // Items gathered so far stay until the chunk completes.
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Some(item)) => {
                            if items.len() == items.capacity() {
                                break item;
                            }
                            items.push(item);
                            if items.len() >= cap {
                                return Poll::Ready(Some(core::mem::take(items)));
                            }
                        }
                        Poll::Ready(None) => {
                            self.stream_done = true;
                            if items.is_empty() {
                                self.ended = true;
                                return Poll::Ready(None);
                            }
                            return Poll::Ready(Some(core::mem::take(items)));
                        }
                    }
                }
            };
            push_growing(&mut self.items, overflow, cap);
            if self.items.len() >= cap {
                return Poll::Ready(Some(core::mem::take(&mut self.items)));
            }
        }
    }

    /// Bounds on the chunks left, given the inner stream's `size_hint`:
    /// full chunks only at best; one item per chunk at worst (with
    /// `cut_at_pending`).
    pub(super) fn size_hint(
        &self,
        (lower, upper): (usize, Option<usize>),
        cut_at_pending: bool,
    ) -> (usize, Option<usize>) {
        if self.stream_done {
            return (0, Some(0));
        }
        let held = self.items.len();
        let full_chunks = |n: usize| n.div_ceil(self.cap);
        let upper = upper.and_then(|u| u.checked_add(held));
        (
            full_chunks(lower.saturating_add(held)),
            if cut_at_pending {
                upper
            } else {
                upper.map(full_chunks)
            },
        )
    }

    pub(super) fn is_terminated(&self) -> bool {
        self.ended
    }

    pub(super) fn debug_fields(&self, d: &mut fmt::DebugStruct<'_, '_>)
    where
        T: fmt::Debug,
    {
        d.field("items", &self.items).field("cap", &self.cap);
    }
}

/// The chunk being gathered by [`ChunkBuf::poll_chunk`], held outside the
/// `ChunkBuf` while it is polled. Dropping it puts the items back in their
/// slot: whatever `poll_chunk` did not hand out stays in the adapter, also
/// when the inner stream panics.
struct Gathering<'a, T> {
    items: Vec<T>,
    slot: &'a mut Vec<T>,
}

impl<T> Drop for Gathering<'_, T> {
    #[inline]
    fn drop(&mut self) {
        *self.slot = core::mem::take(&mut self.items);
    }
}

/// Pushes `item` onto a full chunk of at most `cap` items, making room
/// first. The first item of a chunk reserves the whole chunk (at most
/// [`MAX_PREALLOC`] slots); later on, the `Vec` grows as usual.
#[cold]
#[inline(never)]
fn push_growing<T>(items: &mut Vec<T>, item: T, cap: usize) {
    if items.capacity() == 0 {
        items.reserve_exact(cap.min(MAX_PREALLOC));
    }
    items.push(item);
}

pin_project! {
    /// Stream for [`StreamExt::chunks`](crate::StreamExt::chunks): gathers
    /// items into `Vec`s of `capacity` items; the last one may be shorter.
    ///
    /// The adapter is fused: once the inner stream ended, it is never polled
    /// again.
    /// If the inner stream panics, the items gathered so far stay in the
    /// adapter and go into the next chunk.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter(0..7).chunks(3);
    /// assert_eq!(s.size_hint(), (3, Some(3)));
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Chunks<St>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        buf: ChunkBuf<St::Item>,
    }
}

impl<St> fmt::Debug for Chunks<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Chunks");
        d.field("stream", &self.stream);
        self.buf.debug_fields(&mut d);
        d.finish()
    }
}

impl<St: Stream> Chunks<St> {
    #[track_caller]
    pub(crate) fn new(stream: St, capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "`Chunks` needs a capacity greater than 0 (`chunks(0)` was called)"
        );
        Chunks {
            stream,
            buf: ChunkBuf::new(capacity),
        }
    }
}

delegate_access!(
    Chunks<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).chunks(2)", where St: Stream
);

impl<St: Stream> Stream for Chunks<St> {
    type Item = Vec<St::Item>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Vec<St::Item>>> {
        let this = self.project();
        this.buf.poll_chunk(this.stream, cx, false)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.buf.size_hint(self.stream.size_hint(), false)
    }
}

impl<St: Stream> FusedStream for Chunks<St> {
    fn is_terminated(&self) -> bool {
        self.buf.is_terminated()
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;
    use core::pin::{Pin, pin};
    use core::task::{Context, Poll};
    use std::panic::{AssertUnwindSafe, catch_unwind};

    use rill_core::{FusedStream, Stream};
    use rill_test::noop_context;

    use crate::{StreamExt, stream};

    /// Yields 1 and 2, panics on the third poll, then yields 3 and ends.
    struct PanicsOnce {
        polls: u32,
    }

    impl Stream for PanicsOnce {
        type Item = u32;

        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
            self.polls += 1;
            match self.polls {
                1 | 2 => Poll::Ready(Some(self.polls)),
                3 => panic!("inner stream panics"),
                4 => Poll::Ready(Some(3)),
                _ => Poll::Ready(None),
            }
        }
    }

    #[test]
    fn items_gathered_before_an_inner_panic_stay_in_the_chunk() {
        let mut s = pin!(PanicsOnce { polls: 0 }.chunks(4));
        let mut cx = noop_context();
        let panicked = catch_unwind(AssertUnwindSafe(|| s.as_mut().poll_next(&mut cx)));
        assert!(panicked.is_err());
        assert_eq!(s.size_hint().0, 1, "the two gathered items are still held");
        assert_eq!(
            s.as_mut().poll_next(&mut cx),
            Poll::Ready(Some(vec![1, 2, 3]))
        );
        assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(None));
        assert!(s.is_terminated());
    }

    #[test]
    fn a_chunk_larger_than_the_preallocation_grows() {
        let cap = super::MAX_PREALLOC + 3;
        let lens: Vec<usize> = rill_test::block_on_stream(stream::iter(0..2 * cap - 1).chunks(cap))
            .map(|chunk| {
                assert!(chunk.windows(2).all(|w| w[1] == w[0] + 1));
                chunk.len()
            })
            .collect();
        assert_eq!(lens, [cap, cap - 1]);
    }
}
