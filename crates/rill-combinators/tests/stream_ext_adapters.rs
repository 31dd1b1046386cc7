//! The sequential `StreamExt` adapters, each compared with the `Iterator`
//! method of the same name on random inputs, plus their edge cases.
//!
//! The property tests go through `check_adapter` / `check_fused_adapter`:
//! the adapter runs over a `TestSource` that is always ready and over one
//! that returns `Pending` before every item, each time also with `Pending`
//! interleaved outside it, with `size_hint` bounds (and `is_terminated`)
//! checked at every step.

use core::future::{Future, ready};
use core::pin::{Pin, pin};
use core::task::{Context, Poll};

use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    TestSource, assert_stream_done, assert_stream_next, assert_stream_pending,
    assert_stream_terminates, block_on, check_adapter, check_fused_adapter, check_fused_stream,
    noop_context, yield_once,
};

/// Drives `stream` to its end and asserts that `size_hint` is exact before
/// every poll; returns the items.
fn collect_exact<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = pin!(stream);
    let mut hints = Vec::new();
    let mut items = Vec::new();
    loop {
        hints.push(stream.size_hint());
        match block_on(core::future::poll_fn(|cx| stream.as_mut().poll_next(cx))) {
            Some(item) => items.push(item),
            None => break,
        }
    }
    for (step, hint) in hints.into_iter().enumerate() {
        let left = items.len() - step;
        assert_eq!(
            hint,
            (left, Some(left)),
            "size_hint not exact before poll #{step}"
        );
    }
    items
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..40)
}

fn ints() -> impl Strategy<Value = Vec<i32>> {
    proptest::collection::vec(-50i32..50, 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn map_is_iterator_map(v in ints(), k in -5i32..5) {
        let f = move |x: i32| x.wrapping_mul(k);
        let got = check_fused_adapter(v.clone(), |s| s.map(f));
        prop_assert_eq!(&got, &v.iter().copied().map(f).collect::<Vec<_>>());
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).map(f)), got);
    }

    #[test]
    fn enumerate_is_iterator_enumerate(v in bytes()) {
        let got = check_fused_adapter(v.clone(), |s| s.enumerate());
        prop_assert_eq!(&got, &v.iter().copied().enumerate().collect::<Vec<_>>());
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).enumerate()), got);
    }

    #[test]
    fn filter_is_iterator_filter(v in ints(), m in 1i32..5) {
        let want: Vec<i32> = v.iter().copied().filter(|x| x % m == 0).collect();
        let got = check_fused_adapter(v.clone(), |s| s.filter(move |x| ready(x % m == 0)));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.filter(move |x| yield_once(x % m == 0)));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| {
            s.filter(move |x| {
                let x = *x;
                async move { x % m == 0 }
            })
        });
        prop_assert_eq!(got, want);
    }

    #[test]
    fn filter_map_is_iterator_filter_map(v in ints(), m in 1i32..5) {
        let f = move |x: i32| (x % m == 0).then_some(x / m);
        let want: Vec<i32> = v.iter().copied().filter_map(f).collect();
        let got = check_fused_adapter(v.clone(), |s| s.filter_map(move |x| ready(f(x))));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.filter_map(move |x| yield_once(f(x))));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.filter_map(move |x| async move { f(x) }));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn then_is_iterator_map(v in ints()) {
        let want: Vec<i64> = v.iter().map(|&x| i64::from(x) * 3).collect();
        let got = check_fused_adapter(v.clone(), |s| s.then(|x| yield_once(i64::from(x) * 3)));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.then(|x| async move { i64::from(x) * 3 }));
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).then(|x| yield_once(i64::from(x) * 3))), want);
    }

    #[test]
    fn inspect_sees_every_item_once(v in bytes()) {
        let mut seen = Vec::new();
        let got = check_fused_adapter(v.clone(), |s| s.inspect(|_| {}));
        prop_assert_eq!(&got, &v);
        let got = collect_exact(stream::iter(v.clone()).inspect(|x| seen.push(*x)));
        prop_assert_eq!(&got, &v);
        prop_assert_eq!(seen, v);
    }

    #[test]
    fn map_while_is_iterator_map_while(v in ints(), limit in -50i32..50) {
        let f = move |x: i32| (x < limit).then_some(x * 2);
        let got = check_fused_adapter(v.clone(), |s| s.map_while(f));
        prop_assert_eq!(got, v.iter().copied().map_while(f).collect::<Vec<_>>());
    }

    #[test]
    fn step_by_is_iterator_step_by(v in bytes(), step in 1usize..7) {
        let got = check_fused_adapter(v.clone(), |s| s.step_by(step));
        prop_assert_eq!(&got, &v.iter().copied().step_by(step).collect::<Vec<_>>());
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).step_by(step)), got);
    }

    #[test]
    fn skip_is_iterator_skip(v in bytes(), n in 0usize..50) {
        let got = check_fused_adapter(v.clone(), |s| s.skip(n));
        prop_assert_eq!(&got, &v.iter().copied().skip(n).collect::<Vec<_>>());
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).skip(n)), got);
    }

    #[test]
    fn skip_while_is_iterator_skip_while(v in ints(), limit in -50i32..50) {
        let want: Vec<i32> = v.iter().copied().skip_while(|&x| x < limit).collect();
        let got = check_fused_adapter(v.clone(), |s| s.skip_while(move |&x| ready(x < limit)));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.skip_while(move |&x| yield_once(x < limit)));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn take_is_iterator_take(v in bytes(), n in 0usize..50) {
        let got = check_fused_adapter(v.clone(), |s| s.take(n));
        prop_assert_eq!(&got, &v.iter().copied().take(n).collect::<Vec<_>>());
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).take(n)), got);
    }

    #[test]
    fn take_while_is_iterator_take_while(v in ints(), limit in -50i32..50) {
        let want: Vec<i32> = v.iter().copied().take_while(|&x| x < limit).collect();
        let got = check_fused_adapter(v.clone(), |s| s.take_while(move |&x| ready(x < limit)));
        prop_assert_eq!(&got, &want);
        let got = check_adapter(v.clone(), |s| s.take_while(move |&x| yield_once(x < limit)));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn scan_is_iterator_scan(v in ints(), limit in 0i64..500) {
        let want: Vec<i64> = v
            .iter()
            .scan(0i64, |sum, &x| {
                *sum += i64::from(x).abs();
                (*sum < limit).then_some(*sum)
            })
            .collect();
        let got = check_fused_adapter(v.clone(), |s| {
            s.scan(0i64, move |sum, x| {
                *sum += i64::from(x).abs();
                yield_once((*sum < limit).then_some(*sum))
            })
        });
        prop_assert_eq!(got, want);
    }

    #[test]
    fn fuse_passes_everything(v in bytes()) {
        let got = check_fused_adapter(v.clone(), |s| s.fuse());
        prop_assert_eq!(&got, &v);
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).fuse()), got);
    }

    #[test]
    fn peekable_is_iterator_peekable(
        v in proptest::collection::vec(0u8..10, 0..40),
        ops in proptest::collection::vec(0u8..4, 0..60),
    ) {
        let got = check_fused_adapter(v.clone(), |s| s.peekable());
        prop_assert_eq!(&got, &v);
        // Random peeks, `next_if`s and `next_if_eq`s, step by step against
        // `core::iter::Peekable`, over an input that is pending before every
        // item; the size hint stays exact with an item peeked.
        let mut s = pin!(TestSource::new(v.clone()).pending(true).peekable());
        let mut want = v.iter().copied().peekable();
        for op in ops {
            match op {
                0 => prop_assert_eq!(block_on(s.as_mut().peek()).copied(), want.peek().copied()),
                1 => prop_assert_eq!(block_on(s.next()), want.next()),
                2 => prop_assert_eq!(
                    block_on(s.as_mut().next_if(|x| x % 2 == 0)),
                    want.next_if(|x| x % 2 == 0)
                ),
                _ => prop_assert_eq!(block_on(s.as_mut().next_if_eq(&7)), want.next_if_eq(&7)),
            }
            let left = want.len();
            prop_assert_eq!(s.size_hint(), (left, Some(left)));
        }
        let rest: Vec<u8> = want.collect();
        prop_assert_eq!(block_on(s.collect::<Vec<_>>()), rest);
    }

    #[test]
    fn chunks_is_slice_chunks(v in bytes(), cap in 1usize..7) {
        let want: Vec<Vec<u8>> = v.chunks(cap).map(<[u8]>::to_vec).collect();
        let got = check_fused_adapter(v.clone(), |s| s.chunks(cap));
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(collect_exact(stream::iter(v.clone()).chunks(cap)), want);
    }

    #[test]
    fn ready_chunks_cuts_at_pending(v in bytes(), cap in 1usize..7) {
        let want: Vec<Vec<u8>> = v.chunks(cap).map(<[u8]>::to_vec).collect();
        // Always ready: full chunks.
        let got = check_fused_stream(|| stream::iter(v.clone()).ready_chunks(cap));
        prop_assert_eq!(got, want);
        // Pending before every item: one item per chunk, none lost.
        let got = check_fused_stream(|| rill_test::interleave_pending(stream::iter(v.clone())).ready_chunks(cap));
        prop_assert!(got.iter().all(|c| c.len() == 1));
        prop_assert_eq!(got.concat(), v);
    }

    #[test]
    fn take_until_pending_future_passes_everything(v in bytes()) {
        let got = check_fused_adapter(v.clone(), |s| s.take_until(core::future::pending::<()>()));
        prop_assert_eq!(got, v);
    }

    #[test]
    fn take_until_stops_after_the_polls_before_the_stop(v in bytes(), after in 1usize..50) {
        // The stop future is polled once per poll of the stream, first.
        let stop = ReadyAfter { value: Some(()), after };
        let got = rill_test::collect_checked(stream::iter(v.clone()).take_until(stop));
        prop_assert_eq!(got, v.iter().copied().take(after - 1).collect::<Vec<_>>());
    }

    #[test]
    fn catch_unwind_without_panic_is_ok_items(v in bytes()) {
        let got = check_fused_adapter(v.clone(), |s| s.catch_unwind().map(|r| r.ok()));
        prop_assert_eq!(got, v.iter().map(|&x| Some(x)).collect::<Vec<_>>());
    }

    #[test]
    fn catch_unwind_keeps_every_item_before_a_panic(v in bytes(), at in 0usize..50) {
        // The map closure panics on item number `at` (if there is one).
        let got = check_adapter(v.clone(), |s| {
            s.enumerate()
                .map(move |(i, x)| {
                    assert!(i != at, "boom");
                    x
                })
                .catch_unwind()
                .map(|r| r.map_err(|e| e.downcast_ref::<&str>().copied()))
        });
        let mut want: Vec<Result<u8, Option<&str>>> = v.iter().copied().take(at).map(Ok).collect();
        if at < v.len() {
            want.push(Err(Some("boom")));
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn boxed_passes_everything(v in bytes()) {
        prop_assert_eq!(&check_adapter(v.clone(), |s| s.boxed()), &v);
        prop_assert_eq!(check_adapter(v.clone(), |s| s.boxed_local()), v);
    }

    #[test]
    fn pipeline_is_iterator_pipeline(v in ints(), n in 0usize..20, cap in 1usize..5) {
        let want: Vec<Vec<(usize, i32)>> = v
            .iter()
            .copied()
            .filter(|x| x % 2 == 0)
            .map(|x| x * x)
            .enumerate()
            .skip(1)
            .take(n)
            .collect::<Vec<_>>()
            .chunks(cap)
            .map(<[_]>::to_vec)
            .collect();
        let got = check_fused_adapter(v.clone(), |s| {
            s.filter(|x| yield_once(x % 2 == 0))
                .map(|x| x * x)
                .enumerate()
                .skip(1)
                .take(n)
                .chunks(cap)
        });
        prop_assert_eq!(got, want);
    }
}

#[test]
#[should_panic(expected = "`Chunks` needs a capacity greater than 0 (`chunks(0)` was called)")]
fn chunks_zero_panics() {
    let _ = stream::iter([1]).chunks(0);
}

#[test]
#[should_panic(
    expected = "`ReadyChunks` needs a capacity greater than 0 (`ready_chunks(0)` was called)"
)]
fn ready_chunks_zero_panics() {
    let _ = stream::iter([1]).ready_chunks(0);
}

#[test]
#[should_panic(expected = "`StepBy` needs a step greater than 0 (`step_by(0)` was called)")]
fn step_by_zero_panics() {
    let _ = stream::iter([1]).step_by(0);
}

#[test]
fn huge_chunk_capacity_does_not_preallocate() {
    let got = block_on(
        stream::iter([1, 2, 3])
            .chunks(usize::MAX)
            .collect::<Vec<_>>(),
    );
    assert_eq!(got, [vec![1, 2, 3]]);
    let got = block_on(
        stream::iter([1])
            .ready_chunks(usize::MAX)
            .collect::<Vec<_>>(),
    );
    assert_eq!(got, [vec![1]]);
}

#[test]
fn catch_unwind_turns_a_panic_into_err_then_ends() {
    let make = || {
        stream::iter(1..=5)
            .map(|x| {
                assert!(x != 3, "three is right out");
                x * 10
            })
            .catch_unwind()
    };
    for interleave in [false, true] {
        let mut s: rill_core::LocalBoxStream<'_, _> = if interleave {
            Box::pin(rill_test::interleave_pending(make()))
        } else {
            Box::pin(make())
        };
        let mut items = Vec::new();
        while let Some(item) = block_on(s.next()) {
            items.push(item);
        }
        assert_eq!(items.len(), 3, "two items, the panic, then the end");
        assert_eq!(items[0].as_ref().ok(), Some(&10));
        assert_eq!(items[1].as_ref().ok(), Some(&20));
        let payload = items.pop().unwrap().unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"three is right out"));
        // Polling after the end keeps returning `None`.
        assert_eq!(block_on(s.next()).map(|r| r.is_ok()), None);
    }
}

#[test]
fn catch_unwind_is_terminated_only_after_none() {
    let mut s = stream::iter([0u8, 1])
        .fuse()
        .map(|x| 1 / x) // panics on the first item
        .catch_unwind();
    assert!(!s.is_terminated());
    assert!(block_on(s.next()).unwrap().is_err());
    assert!(!s.is_terminated(), "the `Err` was yielded, not yet the end");
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(block_on(s.next()).is_none());
    assert!(s.is_terminated());
}

#[test]
fn next_is_cancel_safe_through_adapters() {
    // Each poll of the `filter` future first returns `Pending`: the item is
    // then inside the adapter. Dropping the `next()` future must not lose it.
    let s = stream::iter(1..=4).filter(|x| yield_once(x % 2 == 0));
    let mut s = pin!(s);
    let mut got = Vec::new();
    loop {
        {
            let mut next = s.next();
            let polled = rill_test::poll_once(&mut next);
            if let Poll::Ready(item) = polled {
                match item {
                    Some(x) => got.push(x),
                    None => break,
                }
                continue;
            }
            // `next` returned `Pending` and is dropped here.
        }
        match block_on(s.next()) {
            Some(x) => got.push(x),
            None => break,
        }
    }
    assert_eq!(got, [2, 4]);

    let mut s = rill_test::interleave_pending(stream::iter(1..=3)).then(yield_once);
    let mut got = Vec::new();
    loop {
        drop(assert_pending(s.next()));
        match block_on(s.next()) {
            Some(x) => got.push(x),
            None => break,
        }
    }
    assert_eq!(got, [1, 2, 3]);
}

/// Polls a future once, asserts it is pending and returns it.
fn assert_pending<F: Future + Unpin>(mut fut: F) -> F {
    assert!(rill_test::poll_once(&mut fut).is_pending());
    fut
}

#[test]
fn into_future_gives_the_item_and_the_stream() {
    let (item, rest) = block_on(stream::iter([1, 2]).into_future());
    assert_eq!(item, Some(1));
    let (item, rest) = block_on(rest.into_future());
    assert_eq!(item, Some(2));
    let (item, _) = block_on(rest.into_future());
    assert_eq!(item, None);

    // Dropped before it completed: the stream comes back whole.
    let fut = assert_pending(rill_test::interleave_pending(stream::iter([1, 2])).into_future());
    let s = fut.into_inner().unwrap();
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1, 2]);
}

#[test]
#[should_panic(expected = "`StreamFuture` polled after it completed")]
fn into_future_polled_after_completion_panics() {
    let mut fut = stream::iter([1]).into_future();
    let mut cx = noop_context();
    assert!(Pin::new(&mut fut).poll(&mut cx).is_ready());
    let _ = Pin::new(&mut fut).poll(&mut cx);
}

/// A future that resolves to `value` on its `after`-th poll (from 1).
struct ReadyAfter<T> {
    value: Option<T>,
    after: usize,
}

impl<T: Unpin> Future for ReadyAfter<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        self.after = self.after.saturating_sub(1);
        if self.after > 0 {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(
            self.value
                .take()
                .expect("ReadyAfter polled after it completed"),
        )
    }
}

#[test]
fn take_until_stops_when_the_future_resolves() {
    for after in 1..6 {
        let stop = ReadyAfter {
            value: Some("stop"),
            after,
        };
        let mut s = stream::iter(1..).take_until(stop);
        let mut got = Vec::new();
        while let Some(x) = block_on(s.next()) {
            got.push(x);
            assert!(!s.is_stopped());
            assert!(!s.is_terminated());
        }
        // The future is polled first on every poll of the stream.
        assert_eq!(got, (1..after).collect::<Vec<_>>());
        assert!(s.is_stopped());
        assert!(s.is_terminated());
        assert_eq!(s.size_hint(), (0, Some(0)));
        assert_eq!(s.take_result(), Some("stop"));
        assert_eq!(s.take_result(), None);
        assert_eq!(s.take_future().map(|_| ()), None);
        assert_eq!(block_on(s.next()), None);
    }
}

#[test]
fn take_until_ends_with_the_stream() {
    let mut s = stream::iter([1, 2]).take_until(core::future::pending::<()>());
    assert_eq!(s.size_hint(), (0, Some(2)), "the future may stop it early");
    assert_eq!(block_on(s.by_ref().collect::<Vec<_>>()), [1, 2]);
    assert!(s.is_stopped());
    assert_eq!(s.take_result(), None);
    assert!(
        s.take_future().is_none(),
        "dropped at the end of the stream"
    );
}

#[test]
fn take_until_take_future_frees_the_stream() {
    let make = || {
        let stop = ReadyAfter {
            value: Some(7),
            after: 2,
        };
        let mut s = stream::iter(1..=4).take_until(stop);
        assert_eq!(block_on(s.next()), Some(1));
        let stop = s.take_future().expect("not resolved yet");
        assert!(!s.is_stopped());
        assert_eq!(
            s.size_hint(),
            (3, Some(3)),
            "exact once nothing can stop it"
        );
        (s, stop)
    };
    let rest = check_fused_stream(|| make().0);
    assert_eq!(rest, [2, 3, 4]);
    let (s, stop) = make();
    assert_eq!(block_on(s.collect::<Vec<_>>()), [2, 3, 4]);
    assert_eq!(block_on(stop), 7);
}

#[test]
fn peekable_methods() {
    let mut s = pin!(rill_test::interleave_pending(stream::iter([1, 2, 3, 4])).peekable());
    let mut cx = noop_context();
    // `poll_peek` passes `Pending` through and keeps nothing back.
    assert_eq!(s.as_mut().poll_peek(&mut cx), Poll::Pending);
    assert_eq!(s.as_mut().poll_peek(&mut cx), Poll::Ready(Some(&1)));
    assert_eq!(s.as_mut().poll_peek(&mut cx), Poll::Ready(Some(&1)));
    assert_eq!(s.size_hint(), (4, Some(4)));
    if let Poll::Ready(Some(x)) = s.as_mut().poll_peek_mut(&mut cx) {
        *x = 10;
    }
    assert_eq!(block_on(s.as_mut().peek()), Some(&10));
    assert_stream_next!(s, 10);
    if let Some(x) = block_on(s.as_mut().peek_mut()) {
        *x += 20;
    }
    assert_eq!(block_on(s.as_mut().next_if(|&x| x == 2)), None);
    assert_eq!(block_on(s.as_mut().next_if(|&x| x == 22)), Some(22));
    assert_eq!(block_on(s.as_mut().next_if_eq(&4)), None);
    assert_eq!(block_on(s.as_mut().next_if_eq(&3)), Some(3));
    assert_eq!(block_on(s.as_mut().next_if(|_| true)), Some(4));
    assert!(!s.is_terminated());
    assert_eq!(block_on(s.as_mut().peek()), None);
    assert_eq!(block_on(s.as_mut().next_if(|_| true)), None);
    assert_eq!(s.size_hint(), (0, Some(0)));
    // The end was seen by `peek`, but not yet returned.
    assert_stream_terminates!(s);
}

#[test]
fn peekable_next_if_eq_takes_unsized_expected() {
    let mut s = pin!(stream::iter([String::from("a")]).peekable());
    assert_eq!(block_on(s.as_mut().next_if_eq("b")), None);
    assert_eq!(block_on(s.as_mut().next_if_eq("a")).as_deref(), Some("a"));
}

#[test]
#[should_panic(expected = "`Peek` polled after it completed")]
fn peek_polled_after_completion_panics() {
    let mut s = pin!(stream::iter([1]).peekable());
    let mut peek = s.as_mut().peek();
    let mut cx = noop_context();
    assert!(Pin::new(&mut peek).poll(&mut cx).is_ready());
    let _ = Pin::new(&mut peek).poll(&mut cx);
}

#[test]
#[should_panic(expected = "`NextIf` polled after it completed")]
fn next_if_polled_after_completion_panics() {
    let mut s = pin!(stream::iter([1]).peekable());
    let mut next = s.as_mut().next_if(|_| false);
    let mut cx = noop_context();
    assert!(Pin::new(&mut next).poll(&mut cx).is_ready());
    let _ = Pin::new(&mut next).poll(&mut cx);
}

/// `0..len`, as a stream that panics if polled after it ended: any adapter
/// that promises not to poll its inner stream again is checked by it.
fn panics_after_end(len: u8) -> TestSource<u8> {
    TestSource::new(0..len).panic_after_end(true)
}

/// Drives `s` to its end, then polls it twice more: it must keep returning
/// `Ready(None)`.
fn drain_then_poll_twice<S: Stream + Unpin>(mut s: S) -> usize {
    let mut n = 0;
    while block_on(s.next()).is_some() {
        n += 1;
    }
    assert_stream_done!(s);
    assert_stream_done!(s);
    n
}

#[test]
fn fused_adapters_never_poll_the_inner_stream_after_its_end() {
    for len in 0..5 {
        let n = usize::from(len);
        assert_eq!(drain_then_poll_twice(panics_after_end(len).fuse()), n);
        assert_eq!(
            drain_then_poll_twice(panics_after_end(len).fuse().map(|x| x)),
            n
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(panics_after_end(len).peekable())),
            n
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(panics_after_end(len).chunks(2))),
            n.div_ceil(2)
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(panics_after_end(len).ready_chunks(2))),
            n.div_ceil(2)
        );
        assert_eq!(
            drain_then_poll_twice(panics_after_end(len).map_while(Some)),
            n
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(
                panics_after_end(len).take_until(core::future::pending::<()>())
            )),
            n
        );
        assert_eq!(
            drain_then_poll_twice(panics_after_end(len).take(2)),
            n.min(2)
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(
                panics_after_end(len).take_while(|_| ready(true)).fuse()
            )),
            n
        );
        assert_eq!(
            drain_then_poll_twice(Box::pin(panics_after_end(len).then(yield_once).fuse())),
            n
        );
    }
}

#[test]
fn take_stops_polling_once_it_has_n_items() {
    // `take(n)` of a stream with n items ends without asking it for its end.
    let mut s = TestSource::new([0, 1, 2]).take(3);
    assert_eq!(block_on(s.by_ref().collect::<Vec<_>>()), [0, 1, 2]);
    assert_stream_done!(s);
    assert_eq!(s.get_ref().polls(), 3);
    let mut s = TestSource::new([0, 1, 2]).take(0);
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
    assert_eq!(s.get_ref().polls(), 0, "take(0) never polls");
}

#[test]
fn is_terminated_only_after_none() {
    // `take` with exactly `n` items: the last item does not terminate it.
    let mut s = stream::iter([1, 2]).fuse().take(2);
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert!(!s.is_terminated());
    assert_stream_done!(s);
    assert!(s.is_terminated());

    // `chunks` yields its left-over items, then ends.
    let mut s = Box::pin(stream::iter([1, 2, 3]).chunks(2));
    assert_stream_next!(s, vec![1, 2]);
    assert_stream_next!(s, vec![3]);
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
    assert!(s.is_terminated());

    // `take_while` ends at the first `false`.
    let mut s = Box::pin(stream::iter([1, 5, 2]).fuse().take_while(|x| ready(*x < 3)));
    assert_stream_next!(s, 1);
    assert!(!s.is_terminated());
    assert_stream_done!(s);
    assert!(s.is_terminated());

    // `then` with a future in flight is not terminated.
    let mut s = Box::pin(stream::iter([1]).fuse().then(yield_once));
    assert_stream_pending!(s);
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_stream_next!(s, 1);
    assert_stream_done!(s);
    assert!(s.is_terminated());
}

#[test]
fn skip_keeps_its_count_across_pending() {
    let mut s = rill_test::interleave_pending(stream::iter(0..6)).skip(2);
    let mut cx = noop_context();
    let mut got = Vec::new();
    loop {
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(x)) => got.push(x),
            Poll::Ready(None) => break,
            Poll::Pending => {}
        }
    }
    assert_eq!(got, [2, 3, 4, 5]);
}

#[test]
fn step_by_size_hint_after_some_items() {
    let mut s = stream::iter(0..10).step_by(3);
    assert_eq!(s.size_hint(), (4, Some(4)));
    assert_stream_next!(s, 0);
    assert_eq!(s.size_hint(), (3, Some(3)));
    // Unknown upper bounds stay unknown; lower bounds shrink with the step.
    let s = stream::iter(0..).step_by(4);
    assert_eq!(s.size_hint(), (usize::MAX / 4 + 1, None));
}

#[test]
fn accessors_reach_the_inner_stream() {
    let mut s = stream::iter(1..5).map(|x| x * 2);
    assert_eq!(s.get_ref().get_ref().len(), 4);
    assert_eq!(s.get_mut().get_mut().next(), Some(1));
    let mut s = pin!(s);
    assert_eq!(s.as_mut().get_pin_mut().get_mut().get_mut().next(), Some(2));
    assert_eq!(block_on(s.collect::<Vec<_>>()), [6, 8]);
    let s = stream::iter([1, 2]).peekable();
    assert_eq!(s.into_inner().into_inner().collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn debug_skips_closures() {
    let s = stream::iter([1]).map(|x| x + 1);
    assert_eq!(
        format!("{s:?}"),
        "Map { stream: Iter { iter: IntoIter([1]) } }"
    );
    let s = stream::iter([1]).filter(|_| ready(true));
    assert!(format!("{s:?}").starts_with("Filter { stream: Iter"));
    let s = stream::iter([1]).scan(5, |_, x| ready(Some(x)));
    assert!(format!("{s:?}").contains("state: Some(5)"));
}
