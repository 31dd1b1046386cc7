//! `try_flatten_unordered`: input errors are handed out at once and
//! converted with `From` (futures-util's behaviour; found by running
//! futures-util's `stream_try_stream.rs` against rill).

use core::pin::Pin;
use core::task::Poll;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

use rill_combinators::{StreamExt, TryStreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{TestSource, block_on, collect_checked, noop_context};

#[derive(Debug, PartialEq)]
struct Outer(u8);

#[derive(Debug, PartialEq)]
enum Inner {
    Own(u8),
    FromOuter(u8),
}

impl From<Outer> for Inner {
    fn from(e: Outer) -> Self {
        Inner::FromOuter(e.0)
    }
}

#[test]
fn input_errors_convert_with_from() {
    let inner = |x: u8| stream::iter(vec![Ok::<u8, Inner>(x), Err(Inner::Own(x))]);
    let input = stream::iter(vec![Ok(inner(1)), Err(Outer(9)), Ok(inner(2))]);
    let mut out: Vec<Result<u8, Inner>> = block_on(input.try_flatten_unordered(None).collect());
    out.sort_by_key(|r| format!("{r:?}"));
    assert_eq!(
        out,
        [
            Err(Inner::FromOuter(9)),
            Err(Inner::Own(1)),
            Err(Inner::Own(2)),
            Ok(1),
            Ok(2)
        ]
    );
}

#[test]
fn an_input_error_comes_out_in_the_poll_that_pulled_it() {
    // The inner stream has an item ready, but the input's error, pulled in
    // the same poll, comes first (futures-util: "immediately propagated").
    let input = stream::iter(vec![Ok(stream::iter(vec![Ok::<u8, u8>(1)])), Err(9)]);
    let out: Vec<_> = block_on(input.try_flatten_unordered(None).collect());
    assert_eq!(out, [Err(9), Ok(1)]);
}

#[test]
fn the_input_is_not_polled_past_its_error() {
    let polls = Arc::new(AtomicUsize::new(0));
    let p = polls.clone();
    let input = stream::poll_fn(move |_| {
        let n = p.fetch_add(1, SeqCst);
        Poll::Ready(Some(if n == 0 {
            Err(7u8)
        } else {
            Ok(stream::iter(vec![Ok::<u8, u8>(n as u8)]))
        }))
    });
    let mut s = input.try_flatten_unordered(None);
    assert_eq!(block_on(s.next()), Some(Err(7)));
    assert_eq!(polls.load(SeqCst), 1);
    assert_eq!(block_on(s.next()), Some(Ok(1)));
}

#[test]
fn errors_and_items_survive_pending_inputs_and_limits() {
    for limit in [None, Some(1), Some(2)] {
        let inners = vec![
            Ok(TestSource::new(vec![Ok::<u8, u8>(1), Ok(2)]).pending(true)),
            Err(5),
            Ok(TestSource::new(vec![Err(3), Ok(4)]).pending(true)),
            Err(6),
        ];
        let input = TestSource::new(inners).pending(true);
        let mut out = collect_checked(input.try_flatten_unordered(limit));
        // Input errors keep their order among themselves.
        let outer: Vec<_> = out
            .iter()
            .filter(|r| **r == Err(5) || **r == Err(6))
            .collect();
        assert_eq!(outer, [&Err(5), &Err(6)], "limit {limit:?}");
        out.sort();
        assert_eq!(
            out,
            [Ok(1), Ok(2), Ok(4), Err(3), Err(5), Err(6)],
            "limit {limit:?}"
        );
    }
}

#[test]
fn ends_and_stays_ended() {
    let input = stream::iter(vec![Err::<
        stream::Iter<std::vec::IntoIter<Result<u8, u8>>>,
        u8,
    >(1)]);
    let mut s = input.try_flatten_unordered(None);
    assert_eq!(block_on(s.next()), Some(Err(1)));
    assert_eq!(block_on(s.next()), None);
    assert!(s.is_terminated());
    assert_eq!(
        Pin::new(&mut s).poll_next(&mut noop_context()),
        Poll::Ready(None)
    );
    assert_eq!(s.size_hint(), (0, Some(0)));
}
