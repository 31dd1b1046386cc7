//! `FusedFuture` on the futures rill returns (where futures-util has it),
//! `select_next_some`, and both inside `futures::select!` loops.
//!
//! For each future: `is_terminated` is false before the first poll and
//! through every `Pending` (the input says "not yet" before each item), and
//! true once it resolved (or, for the futures that borrow a stream or keep
//! it, once the stream is terminated).

use core::future::{Future, ready};
use core::pin::{Pin, pin};
use core::task::{Context, Poll};

use futures::select;
use rill_combinators::{Either, StreamExt, TryStreamExt, stream};
use rill_core::{FusedFuture, FusedStream, Stream};
use rill_test::{TestSource, block_on, counting_waker, noop_context};

/// Polls `fut` to completion with a no-op waker (the inputs wake
/// themselves), checking `is_terminated` before and after every poll.
/// Returns the output and how many times it was pending.
fn run_fused<F: Future + FusedFuture>(fut: F) -> (F::Output, usize) {
    let mut fut = pin!(fut);
    let mut cx = noop_context();
    let mut pending = 0;
    loop {
        assert!(!fut.is_terminated(), "terminated before it resolved");
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(out) => {
                assert!(fut.is_terminated(), "not terminated after it resolved");
                return (out, pending);
            }
            Poll::Pending => pending += 1,
        }
        assert!(pending < 1_000, "never resolved");
    }
}

fn src(items: &[u32]) -> TestSource<u32> {
    TestSource::new(items.to_vec()).pending(true)
}

fn ok_src(items: &[u32]) -> TestSource<Result<u32, &'static str>> {
    TestSource::new(items.iter().map(|&x| Ok(x)).collect::<Vec<_>>()).pending(true)
}

#[test]
fn consumers_that_drop_their_stream_are_terminated_once_resolved() {
    let items = [1, 2, 3];
    assert_eq!(run_fused(src(&items).count()).0, 3);
    assert_eq!(run_fused(src(&items).fold(0, |a, x| ready(a + x))), (6, 4));
    let mut seen = Vec::new();
    run_fused(src(&items).for_each(|x| {
        seen.push(x);
        ready(())
    }));
    assert_eq!(seen, items);
    assert!(run_fused(src(&items).all(|x| ready(x > 0))).0);
    assert!(!run_fused(src(&items).any(|x| ready(x > 5))).0);
    // Short-circuiting ends them too.
    assert!(run_fused(src(&items).any(|x| ready(x == 2))).0);
    assert!(!run_fused(src(&items).all(|x| ready(x < 2))).0);
    let parts = TestSource::new(vec![vec![1, 2], vec![3]]).pending(true);
    assert_eq!(run_fused(parts.concat()).0, [1, 2, 3]);
    let pairs = TestSource::new(vec![(1, 'a'), (2, 'b')]).pending(true);
    assert_eq!(
        run_fused(pairs.unzip::<u32, char, Vec<_>, String>()).0,
        (vec![1, 2], String::from("ab"))
    );
    let (first, rest) = run_fused(src(&items).into_future()).0;
    assert_eq!(first, Some(1));
    assert_eq!(rest.size_hint(), (2, Some(2)));
}

#[test]
fn concurrent_consumers_are_terminated_once_resolved() {
    let items = [1, 2, 3];
    let mut seen = Vec::new();
    let (_, pending) = run_fused(src(&items).for_each_concurrent(2, |x| {
        seen.push(x);
        ready(())
    }));
    assert!(pending > 0);
    assert_eq!(seen, items);
    assert_eq!(
        run_fused(src(&[]).for_each_concurrent(None, |_| ready(()))).0,
        ()
    );
    let ok = run_fused(ok_src(&items).try_for_each_concurrent(2, |_| ready(Ok(()))));
    assert_eq!(ok.0, Ok(()));
    let failed = run_fused(
        ok_src(&items)
            .try_for_each_concurrent(None, |x| ready(if x == 2 { Err("two") } else { Ok(()) })),
    );
    assert_eq!(failed.0, Err("two"));
}

#[test]
fn empty_inputs_resolve_and_terminate() {
    assert_eq!(run_fused(src(&[]).count()).0, 0);
    assert!(run_fused(src(&[]).all(|_| ready(false))).0);
    assert_eq!(run_fused(src(&[]).into_future()).0.0, None);
    assert_eq!(
        run_fused(ok_src(&[]).try_fold(7, |a, x| ready(Ok(a + x)))).0,
        Ok(7)
    );
}

#[test]
fn try_consumers_are_terminated_once_resolved() {
    assert_eq!(
        run_fused(ok_src(&[1, 2]).try_fold(0, |a, x| ready(Ok(a + x)))).0,
        Ok(3)
    );
    // An error from the closure's future ends it, too.
    assert_eq!(
        run_fused(ok_src(&[1, 2]).try_fold(0, |_, _| ready(Err::<u32, _>("no")))).0,
        Err("no")
    );
    assert_eq!(
        run_fused(ok_src(&[1, 2]).try_all(|x| ready(x > 0))).0,
        Ok(true)
    );
    assert_eq!(
        run_fused(ok_src(&[1, 2]).try_any(|x| ready(x == 2))).0,
        Ok(true)
    );
    let failing = TestSource::new(vec![Ok(1), Err("bad"), Ok(3)]).pending(true);
    assert_eq!(run_fused(failing.try_any(|x| ready(x == 3))).0, Err("bad"));
}

#[test]
fn collect_and_try_collect_follow_their_stream() {
    let (v, pending) = run_fused(src(&[4, 5]).collect::<Vec<_>>());
    assert_eq!((v, pending), (vec![4, 5], 3));

    let mut c = pin!(src(&[]).collect::<Vec<u32>>());
    assert!(!c.is_terminated());
    assert_eq!(block_on(c.as_mut()), Vec::<u32>::new());
    assert!(c.is_terminated());

    assert_eq!(
        run_fused(ok_src(&[1, 2]).try_collect::<Vec<_>>()).0,
        Ok(vec![1, 2])
    );
    // After an `Err` the stream is not terminated: neither is the future,
    // and polling again goes on with the rest, the items gathered before
    // the error included (futures-util's behaviour).
    let mut tc = pin!(TestSource::new(vec![Ok(1), Err("bad"), Ok(3)]).try_collect::<Vec<u32>>());
    assert_eq!(block_on(tc.as_mut()), Err("bad"));
    assert!(!tc.is_terminated());
    assert_eq!(block_on(tc.as_mut()), Ok(vec![1, 3]));
    assert!(tc.is_terminated());
}

#[test]
fn next_and_try_next_are_terminated_when_the_stream_is() {
    let mut s = src(&[1]);
    assert!(!s.next().is_terminated());
    assert_eq!(block_on(s.next()), Some(1));
    assert!(!s.next().is_terminated(), "the end was not seen yet");
    assert_eq!(block_on(s.next()), None);
    assert!(s.next().is_terminated());

    let mut t = ok_src(&[1]);
    assert_eq!(block_on(t.try_next()), Ok(Some(1)));
    assert!(!t.try_next().is_terminated());
    assert_eq!(block_on(t.try_next()), Ok(None));
    assert!(t.try_next().is_terminated());
}

#[test]
fn peek_futures_are_terminated_once_resolved() {
    let mut p = pin!(src(&[1, 2]).peekable());
    assert_eq!(run_fused(p.as_mut().peek()).0, Some(&1));
    assert_eq!(run_fused(p.as_mut().peek_mut()).0, Some(&mut 1));
    assert_eq!(run_fused(p.as_mut().next_if(|x| *x == 1)).0, Some(1));
    assert_eq!(run_fused(p.as_mut().next_if_eq(&7)).0, None);
    assert_eq!(run_fused(p.as_mut().next_if_eq(&2)).0, Some(2));
    assert_eq!(run_fused(p.as_mut().peek()).0, None);
}

#[test]
fn either_is_terminated_when_its_side_is() {
    let left: Either<_, rill_combinators::stream::Count<TestSource<u32>>> =
        Either::Left(src(&[1, 2]).count());
    assert_eq!(run_fused(left).0, 2);
    let right: Either<rill_combinators::stream::Count<TestSource<u32>>, _> =
        Either::Right(src(&[1]).count());
    assert_eq!(run_fused(right).0, 1);
}

#[test]
fn select_next_some_resolves_to_items_then_parks_terminated() {
    let mut s = src(&[8]);
    let (waker, wakes) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    {
        let mut f = s.select_next_some();
        assert!(!f.is_terminated());
        assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Pending); // the source's
        assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Ready(8));
    }
    let before = wakes.get();
    let mut f = s.select_next_some();
    assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Pending); // the source's
    assert!(!f.is_terminated());
    // The end: not `Ready(None)`, but `Pending` with a wake, and terminated.
    assert_eq!(Pin::new(&mut f).poll(&mut cx), Poll::Pending);
    assert!(f.is_terminated());
    assert_eq!(
        wakes.get(),
        before + 2,
        "one wake from the source, one from the end"
    );
}

#[test]
fn select_next_some_after_the_end_panics_with_its_name() {
    let mut s = stream::iter([1]).fuse();
    assert_eq!(block_on(s.next()), Some(1));
    assert_eq!(block_on(s.next()), None);
    let mut f = s.select_next_some();
    let msg = rill_test::panic_site(|| {
        let _ = rill_test::poll_once(&mut f);
    })
    .message;
    assert_eq!(msg, "`SelectNextSome` polled after its stream terminated");
}

#[test]
fn select_loop_over_two_pending_streams_sees_every_item_once() {
    let mut odds = src(&[1, 3, 5, 7]);
    let mut evens = src(&[2, 4]);
    let mut got = Vec::new();
    let mut completes = 0;
    block_on(async {
        loop {
            select! {
                x = odds.select_next_some() => got.push(x),
                x = evens.select_next_some() => got.push(x),
                complete => {
                    completes += 1;
                    break;
                }
            }
        }
    });
    got.sort_unstable();
    assert_eq!(got, [1, 2, 3, 4, 5, 7]);
    assert_eq!(completes, 1);
    assert!(odds.is_terminated() && evens.is_terminated());
}

#[test]
fn select_loop_over_a_consumer_and_a_stream() {
    // A consumer (`fold`) and a stream in one loop: each branch runs until
    // it is done, then `select!` skips it.
    let mut total = pin!(src(&[10, 20]).fold(0, |a, x| ready(a + x)));
    let mut ticks = src(&[1, 1, 1]);
    let mut sum = None;
    let mut tick_count = 0;
    block_on(async {
        loop {
            select! {
                t = total => sum = Some(t),
                _ = ticks.select_next_some() => tick_count += 1,
                complete => break,
            }
        }
    });
    assert_eq!(sum, Some(30));
    assert_eq!(tick_count, 3);
    assert!(total.is_terminated());
}

#[test]
fn select_loop_with_next_on_fused_streams() {
    // `next()` on a fused stream is a `FusedFuture` too: `select!` with
    // `None` handling, as futures-util's docs show.
    let mut a = stream::iter([1, 2]).fuse();
    let mut b = stream::iter([10]).fuse();
    let mut got = Vec::new();
    block_on(async {
        loop {
            select! {
                x = a.next() => if let Some(x) = x { got.push(x) },
                x = b.next() => if let Some(x) = x { got.push(x) },
                complete => break,
            }
        }
    });
    got.sort_unstable();
    assert_eq!(got, [1, 2, 10]);
}

#[test]
fn select_next_some_is_send_sync_unpin_when_its_stream_is() {
    let mut s = stream::iter([1]).fuse();
    rill_test::assert_impl!(value = s.select_next_some() => Send, Sync, Unpin);
}
