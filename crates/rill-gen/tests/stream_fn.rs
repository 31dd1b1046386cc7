//! `stream_fn`: items, ends, drops, nesting and the contract checks.

use core::future::{Future, poll_fn};
use core::pin::{Pin, pin};
use core::task::Poll;
use std::cell::Cell;
use std::rc::Rc;

use rill_core::{FusedStream, Stream};
use rill_gen::{StreamFn, Yielder, stream_fn};
use rill_test::{
    assert_stream_done, assert_stream_next, assert_stream_pending, block_on, check_fused_stream,
    noop_context,
};

/// Awaits the next item of a pinned stream (no combinator crate needed).
async fn next<S: Stream + Unpin>(s: &mut S) -> Option<S::Item> {
    poll_fn(|cx| Pin::new(&mut *s).poll_next(cx)).await
}

/// A future that returns `Pending` once (waking its task) and then `Ready`:
/// makes a body pend without yielding.
async fn pend_once() {
    let mut pended = false;
    poll_fn(|cx| {
        if pended {
            Poll::Ready(())
        } else {
            pended = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

fn range(n: u32) -> StreamFn<u32, impl Future<Output = ()>> {
    stream_fn(move |mut y| async move {
        for i in 0..n {
            y.yield_item(i).await;
        }
    })
}

#[test]
fn items_in_order_for_many_lengths() {
    for n in [0, 1, 2, 3, 10, 257] {
        let items = check_fused_stream(|| range(n));
        assert_eq!(items, (0..n).collect::<Vec<_>>(), "n = {n}");
    }
}

#[test]
fn body_that_pends_between_items() {
    // Pending from the body (not from the yield) must reach the caller, with
    // the body's own wake-up, and the items must not change.
    let make = || {
        stream_fn(|mut y| async move {
            for i in 0..5u8 {
                pend_once().await;
                y.yield_item(i).await;
                pend_once().await;
            }
        })
    };
    assert_eq!(check_fused_stream(make), [0, 1, 2, 3, 4]);

    let mut s = pin!(make());
    assert_stream_pending!(s);
    assert_stream_next!(s, 0);
}

#[test]
fn empty_body_is_an_empty_stream() {
    let make = || stream_fn(|_y: Yielder<String>| async {});
    assert!(check_fused_stream(make).is_empty());
}

#[test]
fn size_hint_and_termination() {
    let mut s = pin!(range(2));
    assert_eq!(s.size_hint(), (0, None));
    assert!(!s.is_terminated());
    assert_stream_next!(s, 0);
    assert_stream_next!(s, 1);
    assert_eq!(s.size_hint(), (0, None), "the body has not finished yet");
    assert_stream_done!(s);
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(s.is_terminated());
    // Polling after the end keeps returning `Ready(None)`.
    assert_stream_done!(s);
    assert_stream_done!(s);
}

#[test]
fn closure_runs_at_creation_body_runs_when_polled() {
    let log = Rc::new(Cell::new(0));
    let l = Rc::clone(&log);
    let s = stream_fn(move |mut y| {
        l.set(1);
        async move {
            l.set(2);
            y.yield_item(()).await;
        }
    });
    assert_eq!(log.get(), 1);
    let mut s = pin!(s);
    assert_stream_next!(s, ());
    assert_eq!(log.get(), 2);
}

/// Sets a flag when dropped.
struct Guard(Rc<Cell<bool>>);
impl Drop for Guard {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

#[test]
fn early_drop_drops_the_body_where_it_stands() {
    let dropped = Rc::new(Cell::new(false));
    let after_first = Rc::new(Cell::new(false));
    let (d, a) = (Rc::clone(&dropped), Rc::clone(&after_first));
    let s = stream_fn(move |mut y| async move {
        let _guard = Guard(d);
        y.yield_item(1).await;
        a.set(true);
        y.yield_item(2).await;
    });
    let mut s = Box::pin(s);
    assert_stream_next!(s, 1);
    assert!(!dropped.get());
    drop(s);
    assert!(
        dropped.get(),
        "the body's locals are dropped with the stream"
    );
    assert!(
        !after_first.get(),
        "the body did not run past its first yield"
    );
}

#[test]
fn dropped_before_polling_runs_nothing() {
    let ran = Rc::new(Cell::new(false));
    let r = Rc::clone(&ran);
    let s = stream_fn(move |mut y| async move {
        r.set(true);
        y.yield_item(0).await;
    });
    drop(s);
    assert!(!ran.get());
}

#[test]
fn yield_from_a_helper_fn() {
    async fn twice(y: &mut Yielder<&'static str>, s: &'static str) {
        y.yield_item(s).await;
        y.yield_item(s).await;
    }
    let make = || {
        stream_fn(|mut y| async move {
            twice(&mut y, "a").await;
            twice(&mut y, "b").await;
        })
    };
    assert_eq!(check_fused_stream(make), ["a", "a", "b", "b"]);
}

#[test]
fn nested_stream_created_and_consumed_inside_the_body() {
    let make = || {
        stream_fn(|mut outer| async move {
            for round in 0..3u32 {
                let mut inner = pin!(stream_fn(move |mut y| async move {
                    for i in 0..round {
                        pend_once().await;
                        y.yield_item(i).await;
                    }
                }));
                let mut sum = 0;
                while let Some(i) = next(&mut inner).await {
                    outer.yield_item(i * 10).await;
                    sum += i;
                }
                outer.yield_item(1000 + sum).await;
            }
        })
    };
    assert_eq!(check_fused_stream(make), [1000, 0, 1000, 0, 10, 1001]);
}

#[test]
fn streams_of_streams() {
    let make = || {
        stream_fn(|mut y| async move {
            for n in 1..=3 {
                y.yield_item(range(n)).await;
            }
        })
    };
    let mut outer = Box::pin(make());
    let mut all = Vec::new();
    while let Some(inner) = block_on(next(&mut outer)) {
        all.push(rill_test::collect_checked(inner));
    }
    assert_eq!(all, [vec![0], vec![0, 1], vec![0, 1, 2]]);
}

#[test]
fn yield_future_dropped_after_first_poll_still_yields() {
    // As when a yield loses a `select!`: the item was handed over and comes
    // out; the next yield, polled in the same poll of the stream, finds the
    // slot still holding it and is queued behind it.
    let make = || {
        stream_fn(|mut y| async move {
            {
                let mut first = y.yield_item(1);
                poll_fn(|cx| {
                    assert!(Pin::new(&mut first).poll(cx).is_pending());
                    Poll::Ready(())
                })
                .await;
            }
            y.yield_item(2).await;
            {
                let mut last = y.yield_item(3);
                poll_fn(|cx| {
                    assert!(Pin::new(&mut last).poll(cx).is_pending());
                    Poll::Ready(())
                })
                .await;
            }
            // The body ends with 3 still in the slot.
        })
    };
    assert_eq!(check_fused_stream(make), [1, 2, 3]);
}

#[test]
fn yield_future_dropped_before_polling_yields_nothing() {
    let make = || {
        stream_fn(|mut y| async move {
            drop(y.yield_item(1));
            y.yield_item(2).await;
        })
    };
    assert_eq!(check_fused_stream(make), [2]);
}

#[test]
#[should_panic(expected = "boom in the body")]
fn a_panic_in_the_body_propagates() {
    let s = stream_fn(|mut y| async move {
        y.yield_item(1).await;
        panic!("boom in the body");
    });
    let mut s = pin!(s);
    let cx = &mut noop_context();
    assert_eq!(s.as_mut().poll_next(cx), Poll::Ready(Some(1)));
    let _ = s.as_mut().poll_next(cx);
}

#[test]
fn items_that_are_not_copy_and_zero_sized() {
    let make = || {
        stream_fn(|mut y| async move {
            for s in ["x", "yy"] {
                y.yield_item(s.to_string()).await;
            }
        })
    };
    assert_eq!(check_fused_stream(make), ["x", "yy"]);
    let units = || {
        stream_fn(|mut y| async move {
            y.yield_item(()).await;
            y.yield_item(()).await;
        })
    };
    assert_eq!(check_fused_stream(units).len(), 2);
}

#[test]
fn many_items_match_the_iterator() {
    // A model check: the same items as the iterator, with and without
    // `Pending` interleaved (check_fused_stream does both).
    let data: Vec<u64> = (0..2000u64)
        .map(|i| i.wrapping_mul(0x9E37_79B9) % 1000)
        .collect();
    let expected: Vec<u64> = data.iter().copied().filter(|v| v % 3 != 0).collect();
    let items = check_fused_stream(|| {
        let data = data.clone();
        stream_fn(move |mut y| async move {
            for v in data {
                if v % 3 != 0 {
                    y.yield_item(v).await;
                }
            }
        })
    });
    assert_eq!(items, expected);
}

#[test]
fn debug_output() {
    let mut s = Box::pin(range(1));
    let text = format!("{s:?}");
    assert!(text.starts_with("StreamFn"), "{text}");
    assert!(text.contains("body_finished: false"), "{text}");
    assert_stream_next!(s, 0);
    assert_stream_done!(s);
    let text = format!("{s:?}");
    assert!(text.contains("done: true"), "{text}");
    assert!(text.contains("closed"), "{text}");
}

#[test]
fn owned_items_in_flight_are_dropped_exactly_once() {
    // Heap items through every path of the hand-off: taken by the stream, a
    // second yield refused because the slot is full (queued behind the
    // first), and the stream dropped with that second item still queued. Counted with `Rc`s; valgrind sees no leak and
    // no double free.
    let token = Rc::new(());
    let make = |token: Rc<()>| {
        stream_fn(move |mut y: Yielder<(String, Rc<()>)>| async move {
            {
                // Hand "a" over, as a `Yield` that loses a `select!` would.
                let mut first = y.yield_item(("a".to_string(), Rc::clone(&token)));
                poll_fn(|cx| {
                    assert!(Pin::new(&mut first).poll(cx).is_pending());
                    Poll::Ready(())
                })
                .await;
            }
            // Same poll: the slot holds "a", so "b" is queued behind it
            // (its future returns `Pending`); the stream returns "a".
            y.yield_item(("b".to_string(), Rc::clone(&token))).await;
            y.yield_item(("c".to_string(), token)).await;
        })
    };
    let mut s = Box::pin(make(Rc::clone(&token)));
    let (a, _) = block_on(next(&mut s)).unwrap();
    assert_eq!(a, "a");
    assert_eq!(Rc::strong_count(&token), 3, "the test, \"b\" and the body");
    drop(s);
    assert_eq!(Rc::strong_count(&token), 1);

    let all: Vec<String> = check_fused_stream(|| make(Rc::clone(&token)))
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(all, ["a", "b", "c"]);
    assert_eq!(Rc::strong_count(&token), 1);
}

/// Polls a fresh `Yield` of `item` once inside the body and drops it, as a
/// `select!` that another branch won would.
async fn poll_once_and_drop<T>(y: &mut Yielder<T>, item: T) {
    let mut fut = y.yield_item(item);
    poll_fn(|cx| {
        assert!(Pin::new(&mut fut).poll(cx).is_pending());
        Poll::Ready(())
    })
    .await;
}

#[test]
fn yield_dropped_after_a_poll_that_found_the_slot_full_is_still_yielded() {
    // 1 is handed over; 2 and 3 find the slot still holding 1 (same poll of
    // the stream) and are dropped: their items come out after 1, in order.
    let make = || {
        stream_fn(|mut y| async move {
            poll_once_and_drop(&mut y, 1).await;
            poll_once_and_drop(&mut y, 2).await;
            poll_once_and_drop(&mut y, 3).await;
            y.yield_item(4).await;
            poll_once_and_drop(&mut y, 5).await;
            poll_once_and_drop(&mut y, 6).await;
            // The body ends with 6 waiting behind 5.
        })
    };
    assert_eq!(check_fused_stream(make), [1, 2, 3, 4, 5, 6]);
}

#[test]
fn dropped_yields_items_are_dropped_once_when_the_stream_is_dropped() {
    let token = Rc::new(());
    let t = Rc::clone(&token);
    let s = stream_fn(move |mut y| async move {
        poll_once_and_drop(&mut y, Rc::clone(&t)).await;
        poll_once_and_drop(&mut y, Rc::clone(&t)).await;
        poll_once_and_drop(&mut y, Rc::clone(&t)).await;
        y.yield_item(t).await;
    });
    let mut s = Box::pin(s);
    let first = block_on(next(&mut s)).unwrap();
    assert_eq!(
        Rc::strong_count(&token),
        5,
        "the test, the first item, two waiting, the body's last"
    );
    drop(first);
    drop(s);
    assert_eq!(Rc::strong_count(&token), 1);
}

/// Polls `s` until it ends; for each item, what `log` held when the stream
/// returned it (the last item whose yield had completed in the body).
fn items_and_completed_yields<S: Stream<Item = u32>>(
    s: S,
    log: &Cell<Option<u32>>,
) -> Vec<(u32, Option<u32>)> {
    let mut s = pin!(s);
    let cx = &mut noop_context();
    let mut seen = Vec::new();
    loop {
        match s.as_mut().poll_next(cx) {
            Poll::Ready(Some(x)) => seen.push((x, log.get())),
            Poll::Ready(None) => return seen,
            Poll::Pending => {}
        }
    }
}

#[test]
fn after_a_lost_yield_the_stream_catches_up_with_its_body() {
    // 0 is handed over and its future dropped (it lost a `select!`); 1 is
    // polled in the same poll of the stream and queued behind 0. From then
    // on the stream must not stay one item behind the body: the yield of
    // `k` completes only once the stream has returned `k` (when the stream
    // returns `k`, the last completed yield is that of `k - 1`).
    let log = Rc::new(Cell::new(None));
    let l = Rc::clone(&log);
    let s = stream_fn(move |mut y| async move {
        poll_once_and_drop(&mut y, 0).await;
        for i in 1..=100u32 {
            y.yield_item(i).await;
            l.set(Some(i));
        }
    });
    let seen = items_and_completed_yields(s, &log);
    // (0's yield never completes: its future was dropped.)
    let expected: Vec<_> = (0..=100u32)
        .map(|k| (k, k.checked_sub(1).filter(|&j| j > 0)))
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_queued_yield_completes_only_after_its_item_was_returned() {
    // Three yields in one poll of the stream (two lost, the third awaited):
    // 1 in the slot, 2 and 3 queued. The yield of 3 waits while the stream
    // returns 1, 2, 3 (one per poll), so the body's code after it has not
    // run when 3 comes out; then 4 goes through the slot again.
    let log = Rc::new(Cell::new(None));
    let l = Rc::clone(&log);
    let s = stream_fn(move |mut y| async move {
        poll_once_and_drop(&mut y, 1).await;
        poll_once_and_drop(&mut y, 2).await;
        y.yield_item(3).await;
        l.set(Some(3));
        y.yield_item(4).await;
        l.set(Some(4));
    });
    let seen = items_and_completed_yields(s, &log);
    assert_eq!(seen, [(1, None), (2, None), (3, None), (4, Some(3))]);
}

#[test]
fn size_hint_counts_the_queued_items() {
    // While the body runs, the lower bound is the number of queued items.
    let s = stream_fn(|mut y| async move {
        poll_once_and_drop(&mut y, 1).await;
        poll_once_and_drop(&mut y, 2).await;
        poll_once_and_drop(&mut y, 3).await;
        y.yield_item(4).await;
    });
    let mut s = pin!(s);
    // 4's first poll was in the same poll of the stream: queued too.
    assert_stream_next!(s, 1);
    assert_eq!(s.size_hint(), (3, None), "2, 3, 4 wait; the body runs on");
    assert_stream_next!(s, 2);
    assert_eq!(s.size_hint(), (2, None));
    assert_stream_next!(s, 3);
    assert_eq!(s.size_hint(), (1, None));
    assert_stream_next!(s, 4);
    assert_eq!(s.size_hint(), (0, None));
    assert_stream_done!(s);
}
