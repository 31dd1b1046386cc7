//! The rest of futures-util's stream module: `flatten_stream` and
//! `try_flatten_stream` (futures-util's `FutureExt::flatten_stream` and
//! `TryFutureExt::try_flatten_stream`), `stream::once` as `into_stream`, and
//! `stream_select!`; each through rill-test's checkers (the same items with
//! `Pending` interleaved, `size_hint` bounds, `is_terminated`) and against
//! futures-util where it has the same item.

use core::future::ready;
use core::pin::Pin;
use core::task::Poll;

use futures::FutureExt as _;
use rill_combinators::{StreamExt, TryStreamExt, stream, stream_select};
use rill_core::{FusedStream, Stream};
use rill_test::{TestSource, block_on, check_fused_stream, check_stream, noop_context, yield_once};

#[test]
fn flatten_stream_yields_the_inner_items_and_is_fused() {
    for n in 0..5u32 {
        let items: Vec<u32> = (0..n).collect();
        let got = check_fused_stream(|| {
            stream::flatten_stream(yield_once(TestSource::new(items.clone()).pending(true)))
        });
        assert_eq!(got, items);
    }
}

#[test]
fn flatten_stream_size_hint_follows_its_state() {
    let mut s = stream::flatten_stream(yield_once(stream::iter([1, 2])));
    assert_eq!(s.size_hint(), (0, None));
    let mut cx = noop_context();
    assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(Some(1)));
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(Some(2)));
    assert!(!s.is_terminated());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None));
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(s.is_terminated());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None));
}

#[test]
fn flatten_stream_matches_futures_util() {
    let ours: Vec<u8> =
        block_on(stream::flatten_stream(async { stream::iter(vec![3, 4]) }).collect());
    let theirs: Vec<u8> = block_on(rill_combinators::StreamExt::collect(
        async { stream::iter(vec![3, 4]) }.flatten_stream(),
    ));
    assert_eq!(ours, theirs);
}

#[test]
fn into_stream_is_once() {
    // futures-util's `fut.into_stream()` is `stream::once(fut)`.
    let ours: Vec<u8> = check_fused_stream(|| stream::once(yield_once(9)));
    let theirs: Vec<u8> = block_on(StreamExt::collect(ready(9).into_stream()));
    assert_eq!(ours, theirs);
}

#[test]
fn try_flatten_stream_ok_yields_the_inner_items_errors_included() {
    let inner = || TestSource::new(vec![Ok(1), Err("bad"), Ok(2)]).pending(true);
    let got = check_fused_stream(|| stream::try_flatten_stream(yield_once(Ok::<_, &str>(inner()))));
    assert_eq!(got, [Ok(1), Err("bad"), Ok(2)]);
    // Only `try_*` consumers stop at the inner error.
    let collected = block_on(
        stream::try_flatten_stream(yield_once(Ok::<_, &str>(inner()))).try_collect::<Vec<_>>(),
    );
    assert_eq!(collected, Err("bad"));
}

#[test]
fn try_flatten_stream_err_yields_the_error_once_then_ends() {
    let got = check_fused_stream(|| {
        stream::try_flatten_stream(yield_once(Err::<TestSource<Result<u8, &str>>, _>(
            "refused",
        )))
    });
    assert_eq!(got, [Err("refused")]);
    let theirs: Vec<Result<u8, &str>> = block_on(StreamExt::collect(
        futures::TryFutureExt::try_flatten_stream(ready(Err::<
            stream::Iter<std::vec::IntoIter<Result<u8, &str>>>,
            _,
        >("refused"))),
    ));
    assert_eq!(got, theirs);
}

#[test]
fn stream_select_of_two_is_select() {
    let got = check_fused_stream(|| stream_select!(stream::iter([1, 3, 5]), stream::iter([2, 4])));
    assert_eq!(got, [1, 2, 3, 4, 5]);
}

#[test]
fn stream_select_takes_turns_in_argument_order() {
    let got = check_fused_stream(|| {
        stream_select!(
            stream::iter(["a1", "a2", "a3"]),
            stream::iter(["b1"]),
            stream::iter(["c1", "c2"]),
            stream::iter(["d1", "d2", "d3", "d4"]),
        )
    });
    // Strict turns while all four are live; after `b` ended, `c` and `d`
    // share its turns (documented), and `a` still gets one in four.
    assert_eq!(
        got,
        ["a1", "b1", "c1", "d1", "a2", "c2", "d2", "d3", "a3", "d4"]
    );
}

#[test]
fn stream_select_with_pending_inputs_loses_nothing() {
    let make = || {
        stream_select!(
            TestSource::new(vec![1, 2, 3]).pending(true),
            TestSource::new(Vec::<u32>::new()).pending(true),
            TestSource::new(vec![10, 20]).pending(true),
            stream::iter(vec![100]),
            TestSource::new(vec![1000, 2000]),
        )
    };
    let mut got = check_fused_stream(make);
    got.sort_unstable();
    assert_eq!(got, [1, 2, 3, 10, 20, 100, 1000, 2000]);
    // `size_hint` adds the live inputs' hints.
    assert_eq!(make().size_hint(), (8, Some(8)));
}

#[test]
fn stream_select_gives_the_same_items_as_futures_util() {
    // futures-util picks at random: compare the items as sets, and each
    // input's own order.
    let ours = check_stream(|| {
        stream_select!(
            stream::iter([1, 2, 3]),
            stream::iter([10, 20]),
            stream::iter([100]),
        )
    });
    let mut theirs: Vec<i32> = block_on(StreamExt::collect(futures::stream_select!(
        futures::stream::iter([1, 2, 3]),
        futures::stream::iter([10, 20]),
        futures::stream::iter([100]),
    )));
    let mut sorted = ours.clone();
    sorted.sort_unstable();
    theirs.sort_unstable();
    assert_eq!(sorted, theirs);
    let ones: Vec<i32> = ours.iter().copied().filter(|x| *x < 10).collect();
    assert_eq!(ones, [1, 2, 3]);
}

#[test]
fn stream_select_takes_streams_that_are_not_unpin() {
    // `once` over an `async` block is `!Unpin` (futures-util needs `Unpin`).
    let s = stream_select!(
        stream::once(async { 1 }),
        stream::once(async { 2 }),
        stream::once(async { 3 }),
    );
    let mut got: Vec<i32> = block_on(s.collect());
    got.sort_unstable();
    assert_eq!(got, [1, 2, 3]);
}

#[test]
fn collect_into_result_is_try_collect() {
    // tokio-stream's `collect::<Result<Vec<_>, E>>()` is rill's
    // `try_collect::<Vec<_>>()`: the first error wins, otherwise every item.
    let ok = block_on(stream::iter([Ok::<u8, &str>(1), Ok(2)]).try_collect::<Vec<_>>());
    assert_eq!(ok, Ok(vec![1, 2]));
    let err = block_on(stream::iter([Ok(1), Err("first"), Err("second")]).try_collect::<Vec<u8>>());
    assert_eq!(err, Err("first"));
    let std_way: Result<Vec<u8>, &str> = [Ok(1), Err("first"), Err("second")].into_iter().collect();
    assert_eq!(err, std_way);
}
