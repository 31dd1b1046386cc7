use core::future::poll_fn;
use core::task::Poll;
use std::boxed::Box;
use std::fmt::Debug;
use std::vec::Vec;

use rill_core::{FusedStream, Stream};

use crate::{block_on, interleave_pending};

/// Drives a stream to its end and checks the [`Stream`] contract on the way:
/// before every poll that yields an item or ends the stream, `size_hint`
/// must bound the number of items still to come (lower <= left <= upper).
/// Returns the items.
///
/// Panics, naming the step, when a bound is wrong.
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// struct Three(u8);
/// impl rill_core::Stream for Three {
///     type Item = u8;
///     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
///         self.0 += 1;
///         Poll::Ready((self.0 <= 3).then_some(self.0))
///     }
///     fn size_hint(&self) -> (usize, Option<usize>) {
///         let left = 3usize.saturating_sub(self.0.into());
///         (left, Some(left))
///     }
/// }
/// assert_eq!(rill_test::collect_checked(Three(0)), [1, 2, 3]);
/// ```
pub fn collect_checked<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = Box::pin(stream);
    let mut items = Vec::new();
    let mut hints = Vec::new();
    loop {
        // A hint is read right before the poll that produces a result.
        let next = block_on(poll_fn(|cx| {
            let hint = stream.size_hint();
            match stream.as_mut().poll_next(cx) {
                Poll::Ready(item) => Poll::Ready((hint, item)),
                Poll::Pending => Poll::Pending,
            }
        }));
        hints.push(next.0);
        match next.1 {
            Some(item) => items.push(item),
            None => break,
        }
    }
    let total = items.len();
    for (step, (lower, upper)) in hints.into_iter().enumerate() {
        let left = total - step.min(total);
        assert!(
            lower <= left,
            "size_hint lower bound {lower} > {left} items left (before poll #{step})"
        );
        if let Some(upper) = upper {
            assert!(
                left <= upper,
                "size_hint upper bound {upper} < {left} items left (before poll #{step})"
            );
        }
    }
    items
}

/// Checks a stream against the contract both as it is and through
/// [`interleave_pending`], and returns its items.
///
/// The `Pending` here is interleaved *outside* the stream under test, which
/// checks that the stream tolerates being told "not yet" by its caller. To
/// check an adapter against an input that returns `Pending`, use
/// [`check_adapter`](crate::check_adapter), which does both.
///
/// `make` is called twice to build two identical streams. Both are driven to
/// the end with [`collect_checked`]; the items must be equal (a correct
/// stream gives the same items however often it is told "not yet").
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Upto(u8, u8);
/// # impl rill_core::Stream for Upto {
/// #     type Item = u8;
/// #     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         self.0 += 1;
/// #         Poll::Ready((self.0 <= self.1).then_some(self.0))
/// #     }
/// # }
/// let items = rill_test::check_stream(|| Upto(0, 4));
/// assert_eq!(items, [1, 2, 3, 4]);
/// ```
pub fn check_stream<S, F>(mut make: F) -> Vec<S::Item>
where
    S: Stream,
    S::Item: PartialEq + Debug,
    F: FnMut() -> S,
{
    let plain = collect_checked(make());
    let interleaved = collect_checked(interleave_pending(make()));
    assert_eq!(
        plain, interleaved,
        "the stream yields other items when `Pending` is interleaved"
    );
    plain
}

/// [`check_stream`] for a [`FusedStream`], which also checks
/// `is_terminated`: `false` before the stream returned `Ready(None)`, `true`
/// after, and polling again after the end keeps returning `Ready(None)`.
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Upto(u8, u8);
/// # impl rill_core::Stream for Upto {
/// #     type Item = u8;
/// #     fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         if self.0 < self.1 { self.0 += 1; Poll::Ready(Some(self.0)) } else { self.1 = 0; Poll::Ready(None) }
/// #     }
/// # }
/// # impl rill_core::FusedStream for Upto {
/// #     fn is_terminated(&self) -> bool { self.1 == 0 }
/// # }
/// let items = rill_test::check_fused_stream(|| Upto(0, 2));
/// assert_eq!(items, [1, 2]);
/// ```
pub fn check_fused_stream<S, F>(mut make: F) -> Vec<S::Item>
where
    S: FusedStream,
    S::Item: PartialEq + Debug,
    F: FnMut() -> S,
{
    let items = check_stream(&mut make);
    let mut stream = Box::pin(make());
    let mut seen = 0;
    loop {
        assert!(
            !stream.is_terminated(),
            "is_terminated() is true before the stream returned Ready(None) (after {seen} items)"
        );
        match block_on(poll_fn(|cx| stream.as_mut().poll_next(cx))) {
            Some(_) => seen += 1,
            None => break,
        }
    }
    assert!(
        stream.is_terminated(),
        "is_terminated() is false after the stream returned Ready(None)"
    );
    for _ in 0..2 {
        let again = stream.as_mut().poll_next(&mut crate::noop_context());
        assert!(
            matches!(again, Poll::Ready(None)),
            "a fused stream must keep returning Ready(None) after its end"
        );
    }
    assert_eq!(seen, items.len());
    items
}
