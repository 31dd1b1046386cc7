//! rill-core's traits are futures-core's: every forwarding impl (futures-core's
//! own, for `&mut S`, `Box<S>`, `Pin<P>`, `AssertUnwindSafe<S>`) delegates
//! `poll_next`, `size_hint` and `is_terminated` to the stream it wraps, and a
//! stream of either name is a stream of the other.

use core::pin::Pin;
use core::task::{Context, Poll};
use std::panic::AssertUnwindSafe;

use rill_core::{BoxStream, FusedStream, LocalBoxStream, Stream, TryStream};
use rill_test::{
    TestSource, assert_stream_done, assert_stream_next, assert_stream_terminates, block_on_stream,
    noop_context,
};

/// Yields `0..n` and then `None` forever; reports exact bounds and
/// `is_terminated` once it returned `None`.
fn upto(n: u32) -> TestSource<u32> {
    TestSource::new(0..n)
}

pin_project_lite::pin_project! {
    /// A `!Unpin` stream, to check that the `Pin<P>` and `AssertUnwindSafe`
    /// impls do not need `Unpin`.
    struct NotUnpin {
        #[pin]
        inner: TestSource<u32>,
        #[pin]
        _pin: core::marker::PhantomPinned,
    }
}

fn not_unpin(n: u32) -> NotUnpin {
    NotUnpin {
        inner: upto(n),
        _pin: core::marker::PhantomPinned,
    }
}

impl Stream for NotUnpin {
    type Item = u32;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.project().inner.poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl FusedStream for NotUnpin {
    fn is_terminated(&self) -> bool {
        self.inner.is_terminated()
    }
}

fn check_fused<S: FusedStream + Unpin>(mut s: S, expect: &[u32])
where
    S::Item: PartialEq<u32> + core::fmt::Debug,
{
    assert_eq!(s.size_hint(), (expect.len(), Some(expect.len())));
    for (i, want) in expect.iter().enumerate() {
        assert!(!s.is_terminated());
        match rill_test::poll_next_once(&mut s) {
            Poll::Ready(Some(got)) => assert_eq!(got, *want),
            other => panic!(
                "item {i}: expected Ready(Some), got {:?}",
                other.map(|o| o.is_some())
            ),
        }
        let left = expect.len() - i - 1;
        assert_eq!(s.size_hint(), (left, Some(left)));
    }
    assert_stream_terminates!(s);
}

#[test]
fn mut_ref_forwards() {
    let mut inner = upto(3);
    check_fused(&mut inner, &[0, 1, 2]);
    // The stream behind the reference was driven, not a copy.
    assert!(inner.is_terminated());
}

#[test]
fn mut_ref_of_unsized_forwards() {
    let mut inner = upto(2);
    let dyn_ref: &mut (dyn FusedStream<Item = u32> + Unpin) = &mut inner;
    check_fused(dyn_ref, &[0, 1]);
}

#[test]
fn box_forwards() {
    check_fused(Box::new(upto(3)), &[0, 1, 2]);
    let boxed_dyn: Box<dyn FusedStream<Item = u32> + Unpin> = Box::new(upto(1));
    check_fused(boxed_dyn, &[0]);
}

#[test]
fn pin_box_forwards() {
    check_fused(Box::pin(upto(2)), &[0, 1]);
}

#[test]
fn pin_mut_ref_forwards() {
    let mut inner = upto(2);
    check_fused(Pin::new(&mut inner), &[0, 1]);
}

#[test]
fn pin_of_not_unpin_forwards() {
    check_fused(Box::pin(not_unpin(3)), &[0, 1, 2]);
}

/// Drains a stream that is not a `FusedStream`, checking the bounds on the way.
fn check_plain<S: Stream + Unpin>(mut s: S, expect: &[u32])
where
    S::Item: PartialEq<u32> + core::fmt::Debug,
{
    for (i, want) in expect.iter().enumerate() {
        let left = expect.len() - i;
        assert_eq!(s.size_hint(), (left, Some(left)));
        assert_stream_next!(s, *want);
    }
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
}

#[test]
fn assert_unwind_safe_forwards() {
    // futures-core makes `AssertUnwindSafe<S>` a `Stream` (not a
    // `FusedStream`).
    check_plain(AssertUnwindSafe(upto(3)), &[0, 1, 2]);
    // A `!Unpin` stream inside: the impl projects the pin structurally.
    check_plain(Box::pin(AssertUnwindSafe(not_unpin(2))), &[0, 1]);
}

#[test]
fn box_stream_and_local_box_stream() {
    let s: BoxStream<'static, u32> = Box::pin(upto(3));
    assert_eq!(s.size_hint(), (3, Some(3)));
    assert_eq!(block_on_stream(s).collect::<Vec<_>>(), [0, 1, 2]);

    let rc = std::rc::Rc::new(10);
    struct WithRc(std::rc::Rc<u32>, TestSource<u32>);
    impl Stream for WithRc {
        type Item = u32;
        fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
            let base = *self.0;
            Pin::new(&mut self.1)
                .poll_next(cx)
                .map(|o| o.map(|x| x + base))
        }
    }
    let s: LocalBoxStream<'static, u32> = Box::pin(WithRc(rc, upto(2)));
    assert_eq!(block_on_stream(s).collect::<Vec<_>>(), [10, 11]);
}

#[test]
fn try_stream_is_blanket_over_result_streams() {
    struct Results(Vec<Result<u8, String>>);
    impl Stream for Results {
        type Item = Result<u8, String>;
        fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
            Poll::Ready(if self.0.is_empty() {
                None
            } else {
                Some(self.0.remove(0))
            })
        }
    }
    fn ok_and_err<S: TryStream<Ok = u8, Error = String> + Unpin>(
        mut s: S,
    ) -> Vec<Result<u8, String>> {
        let mut out = Vec::new();
        while let Poll::Ready(Some(r)) = Pin::new(&mut s).try_poll_next(&mut noop_context()) {
            out.push(r);
        }
        out
    }
    let got = ok_and_err(Results(vec![Ok(1), Err("bad".into()), Ok(2)]));
    assert_eq!(got, vec![Ok(1), Err("bad".to_string()), Ok(2)]);
    // Through a forwarding impl, too.
    let mut r = Results(vec![Ok(7)]);
    assert_eq!(ok_and_err(&mut r), vec![Ok(7)]);
}

#[test]
fn default_size_hint_is_unknown() {
    struct Bare;
    impl Stream for Bare {
        type Item = ();
        fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<()>> {
            Poll::Ready(None)
        }
    }
    assert_eq!(Bare.size_hint(), (0, None));
    let mut b = Bare;
    assert_stream_done!(b);
}

#[test]
fn assert_next_through_forwarders() {
    let mut s = Box::new(AssertUnwindSafe(upto(1)));
    assert_stream_next!(s, 0);
    assert_stream_done!(s);
}

/// A stream written against futures-core by a third-party crate.
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

#[test]
fn futures_core_stream_is_a_rill_stream() {
    fn rill_fused<S: FusedStream>(_: &S) {}
    let mut s = FuturesCounter {
        n: 0,
        end: 2,
        ended: false,
    };
    rill_fused(&s);
    assert_eq!(s.size_hint(), (2, Some(2)));
    assert!(!s.is_terminated());
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert_stream_done!(s);
    assert!(s.is_terminated());
}

#[test]
fn rill_stream_goes_to_a_futures_core_api() {
    /// Drains with futures-core's trait only, as tonic or axum would.
    fn drain_as_futures<S: futures_core::stream::FusedStream + Unpin>(
        mut s: S,
    ) -> (Vec<S::Item>, bool) {
        let mut out = Vec::new();
        let mut cx = noop_context();
        while let Poll::Ready(Some(x)) = futures_core::Stream::poll_next(Pin::new(&mut s), &mut cx)
        {
            out.push(x);
        }
        (out, s.is_terminated())
    }
    assert_eq!(drain_as_futures(upto(3)), (vec![0, 1, 2], true));
}

#[test]
fn futures_util_stream_is_a_rill_stream() {
    // A stream made by futures-util itself, driven by rill-test.
    let fs = futures_util::stream::iter(vec![4, 5, 6]);
    assert_eq!(block_on_stream(fs).collect::<Vec<_>>(), [4, 5, 6]);
}
