//! `Compat` in both directions, with real futures-core streams.
#![cfg(feature = "futures-core")]

use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::compat::Compat;
use rill_core::{FusedStream, Stream};
use rill_test::{assert_stream_done, assert_stream_next, block_on_stream, noop_context};

/// A stream written against futures-core only, as a third-party crate would.
struct FuturesCounter {
    n: u8,
    end: u8,
    ended: bool,
}

impl futures_core::Stream for FuturesCounter {
    type Item = u8;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        if self.n == self.end {
            self.ended = true;
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.end - self.n);
        (left, Some(left))
    }
}

impl futures_core::stream::FusedStream for FuturesCounter {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

/// A rill stream.
struct RillCounter {
    n: u8,
    end: u8,
    ended: bool,
}

impl Stream for RillCounter {
    type Item = u8;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        if self.n == self.end {
            self.ended = true;
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::from(self.end - self.n);
        (left, Some(left))
    }
}

impl FusedStream for RillCounter {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

/// Drains a futures-core stream with futures-core's trait only, as a
/// futures-based API (tonic, axum) would.
fn drain_as_futures<S: futures_core::stream::FusedStream + Unpin>(
    mut s: S,
) -> (Vec<S::Item>, bool) {
    let mut out = Vec::new();
    let mut cx = noop_context();
    assert_eq!(
        futures_core::Stream::size_hint(&s).0,
        futures_core::Stream::size_hint(&s).1.unwrap_or(0)
    );
    assert!(!s.is_terminated());
    while let Poll::Ready(Some(x)) = futures_core::Stream::poll_next(Pin::new(&mut s), &mut cx) {
        out.push(x);
    }
    (out, s.is_terminated())
}

#[test]
fn rill_stream_used_as_futures_stream() {
    let (items, terminated) = drain_as_futures(Compat::new(RillCounter {
        n: 0,
        end: 3,
        ended: false,
    }));
    assert_eq!(items, [1, 2, 3]);
    assert!(terminated);
}

#[test]
fn futures_stream_used_as_rill_stream() {
    let mut s = Compat::new(FuturesCounter {
        n: 0,
        end: 2,
        ended: false,
    });
    assert_eq!(s.size_hint(), (2, Some(2)));
    assert!(!s.is_terminated());
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_eq!(s.into_inner().n, 2);
}

#[test]
fn futures_util_stream_through_compat() {
    // A stream made by futures-util itself, not by hand.
    let fs = futures_util::stream::iter(vec![4, 5, 6]);
    assert_eq!(
        block_on_stream(Compat::new(fs)).collect::<Vec<_>>(),
        [4, 5, 6]
    );
}

#[test]
fn round_trip_keeps_items() {
    let twice = Compat::new(Compat::new(RillCounter {
        n: 5,
        end: 7,
        ended: false,
    }));
    assert_eq!(block_on_stream(twice).collect::<Vec<_>>(), [6, 7]);
}

#[test]
fn accessors() {
    let mut c = Compat::new(RillCounter {
        n: 0,
        end: 1,
        ended: false,
    });
    assert_eq!(c.get_ref().end, 1);
    c.get_mut().end = 2;
    let mut pinned = Box::pin(c);
    assert_eq!(pinned.as_mut().get_pin_mut().end, 2);
}
