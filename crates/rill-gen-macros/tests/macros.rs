//! `stream!` and `try_stream!`: yield, `?`, `for await`, macros in the body.

use core::future::{Future, poll_fn};
use core::pin::{Pin, pin};
use core::task::Poll;
use std::cell::Cell;
use std::rc::Rc;

use rill_core::{FusedStream, Stream};
use rill_gen::{stream, try_stream};
use rill_test::{assert_stream_done, assert_stream_next, block_on, check_fused_stream};

async fn next<S: Stream + Unpin>(s: &mut S) -> Option<S::Item> {
    poll_fn(|cx| Pin::new(&mut *s).poll_next(cx)).await
}

/// Returns `Pending` once (waking the task), then `Ready`.
async fn pend_once() {
    let mut pended = false;
    poll_fn(|cx| {
        if std::mem::replace(&mut pended, true) {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

fn upto(n: u32) -> impl FusedStream<Item = u32> {
    stream! {
        for i in 0..n {
            yield i;
        }
    }
}

#[test]
fn items_in_order() {
    for n in [0, 1, 5, 100] {
        assert_eq!(check_fused_stream(|| upto(n)), (0..n).collect::<Vec<_>>());
    }
}

#[test]
fn yield_in_all_positions() {
    let make = || {
        stream! {
            yield 1;
            let x = 2;
            if x == 2 {
                yield x;
            } else {
                yield 0;
            }
            match x {
                2 => yield 3,
                _ => {}
            }
            let mut i = 4;
            while i < 6 {
                yield i;
                i += 1;
            }
            let mut n = 6;
            loop {
                yield n;
                n += 1;
                if n > 6 {
                    break;
                }
            }
            let unit: () = yield 7; // `yield` is an expression of type `()`
            let () = unit;
            pend_once().await;
            yield { 4 * 2 };
        }
    };
    assert_eq!(check_fused_stream(make), [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn bare_yield_yields_unit() {
    let make = || stream! { yield; yield; };
    assert_eq!(check_fused_stream(make), [(), ()]);
}

#[test]
fn return_ends_the_stream_early() {
    let make = || {
        stream! {
            for i in 0.. {
                if i == 3 {
                    return;
                }
                yield i;
            }
        }
    };
    assert_eq!(check_fused_stream(make), [0, 1, 2]);
}

#[test]
fn captures_by_move() {
    let words = vec![String::from("a"), String::from("b")];
    let s = stream! {
        for w in words {
            yield w.to_uppercase();
        }
    };
    assert_eq!(rill_test::collect_checked(s), ["A", "B"]);
}

#[test]
fn early_drop_runs_destructors() {
    struct Guard(Rc<Cell<bool>>);
    impl Drop for Guard {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let dropped = Rc::new(Cell::new(false));
    let d = Rc::clone(&dropped);
    let mut s = Box::pin(stream! {
        let _g = Guard(d);
        yield 1;
        yield 2;
    });
    assert_stream_next!(s, 1);
    drop(s);
    assert!(dropped.get());
}

#[test]
fn for_await_over_any_stream() {
    let make = || {
        stream! {
            yield "warm-up";
            for await x in upto(3) {
                pend_once().await;
                yield ["zero", "one", "two"][x as usize];
            }
            yield "summary";
        }
    };
    assert_eq!(
        check_fused_stream(make),
        ["warm-up", "zero", "one", "two", "summary"]
    );
}

#[test]
fn for_await_with_patterns_labels_break_and_continue() {
    let pairs = || stream! { for i in 0..6u32 { yield (i, i * i); } };
    let make = move || {
        stream! {
            'outer: for await (i, sq) in pairs() {
                if i == 1 {
                    continue;
                }
                for await j in upto(3) {
                    if j == 1 {
                        continue 'outer;
                    }
                    if i == 4 {
                        break 'outer;
                    }
                    yield (i, sq, j);
                }
            }
        }
    };
    assert_eq!(check_fused_stream(make), [(0, 0, 0), (2, 4, 0), (3, 9, 0)]);
}

#[test]
fn for_await_over_a_borrowed_unpin_stream() {
    let make = || {
        stream! {
            let mut inner = Box::pin(upto(4));
            for await x in &mut inner {
                if x == 1 {
                    break;
                }
            }
            // The loop stopped early; the rest is still there.
            for await x in inner {
                yield x;
            }
        }
    };
    assert_eq!(check_fused_stream(make), [2, 3]);
}

#[test]
fn nested_stream_macros_keep_their_own_yields() {
    let make = || {
        stream! {
            let inner = stream! {
                yield 10;
                yield 20;
            };
            yield 1;
            let mut inner = pin!(inner);
            while let Some(x) = next(&mut inner).await {
                yield x + 1;
            }
            let nested_try = try_stream! {
                yield 5;
                return Err(0u8);
            };
            for await r in nested_try {
                yield r.unwrap_or(99);
            }
        }
    };
    assert_eq!(check_fused_stream(make), [1, 11, 21, 5, 99]);
}

#[test]
fn stream_of_streams() {
    let outer = stream! {
        for n in 1..=3 {
            yield upto(n);
        }
    };
    let mut outer = Box::pin(outer);
    let mut all = Vec::new();
    while let Some(inner) = block_on(next(&mut outer)) {
        all.push(rill_test::collect_checked(inner));
    }
    assert_eq!(all, [vec![0], vec![0, 1], vec![0, 1, 2]]);
}

#[test]
fn yield_inside_other_macro_calls() {
    macro_rules! twice {
        ($e:expr) => {{
            $e;
            $e;
        }};
    }
    let make = || {
        stream! {
            twice!(yield 1);
            let v = format!("{}", 0);
            assert_eq!(v.len(), 1, "{}", "ordinary macros still work");
            if cfg!(test) { yield 2 }
        }
    };
    assert_eq!(check_fused_stream(make), [1, 1, 2]);
}

#[test]
// The closure is called where it is written on purpose: its parameters'
// comma is the point.
#[allow(clippy::redundant_closure_call)]
fn yield_in_macro_arguments_takes_a_whole_expression() {
    // The yielded expression ends where Rust's grammar says, not at the
    // first top-level `,`: generic arguments and closure parameters keep
    // their commas.
    macro_rules! both {
        ($a:expr, $b:expr) => {{
            $a;
            $b;
        }};
    }
    let make = || {
        stream! {
            both!(yield std::collections::HashMap::<u8, u8>::new().len(), yield 1);
            both!(yield (|a: usize, b: usize| a + b)(2, 3), yield 6);
        }
    };
    assert_eq!(check_fused_stream(make), [0, 1, 5, 6]);
    let units = || {
        stream! {
            both!(yield, yield ());
        }
    };
    assert_eq!(check_fused_stream(units), [(), ()]);
}

/// Passes its tokens through as a block: a macro call whose arguments the
/// generator macros rewrite.
macro_rules! block {
    ($($t:tt)*) => {{
        $($t)*
    }};
}

#[test]
fn for_await_in_macro_arguments_over_a_macro_stream() {
    // Among a macro call's arguments, the stream of a `for await` is the
    // whole expression before the loop's body, even when it ends in a
    // `{..}` group of its own (a nested `stream! { .. }`).
    let make = || {
        stream! {
            block! {
                for await x in stream! { yield 1u8; yield 2; } {
                    yield x * 10;
                }
            }
        }
    };
    assert_eq!(check_fused_stream(make), [10, 20]);
}

#[test]
fn async_closure_among_macro_arguments_yields_into_the_stream() {
    // The macros do not see an async closure among a macro call's
    // arguments: its `yield`s are the enclosing stream's, made while the
    // closure's future (which borrows the yielder) is awaited in the body.
    let make = || {
        stream! {
            block! {
                let mut twice = async |v: u32| {
                    yield v;
                    yield v + 1;
                };
                twice(10).await;
                twice(20).await;
            }
            yield 99;
        }
    };
    assert_eq!(check_fused_stream(make), [10, 11, 20, 21, 99]);
}

#[test]
fn a_body_without_yield_needs_its_item_type_written() {
    // Nothing to infer the item type from: the binding's type or the
    // function's return type gives it (tests/ui/no_yield_needs_the_item_type.rs
    // shows the error without).
    let ran = Rc::new(Cell::new(false));
    let r = Rc::clone(&ran);
    let s: rill_gen::StreamFn<(), _, _> = stream! {
        r.set(true);
    };
    assert_eq!(rill_test::collect_checked(s), []);
    assert!(ran.get());
    fn nothing() -> impl Stream<Item = ()> {
        stream! {}
    }
    assert_eq!(rill_test::collect_checked(nothing()), []);
}

#[test]
fn try_stream_question_mark_converts_with_from() {
    #[derive(Debug, PartialEq)]
    struct MyError(String);
    impl From<std::num::ParseIntError> for MyError {
        fn from(e: std::num::ParseIntError) -> Self {
            MyError(e.to_string())
        }
    }
    fn parse(words: &'static [&'static str]) -> impl FusedStream<Item = Result<u8, MyError>> {
        try_stream! {
            for w in words {
                let n: u8 = w.parse()?;
                yield n;
            }
        }
    }
    let err = |w: &str| Err(MyError(w.parse::<u8>().unwrap_err().to_string()));
    assert_eq!(check_fused_stream(|| parse(&["1", "2"])), [Ok(1), Ok(2)]);
    assert_eq!(check_fused_stream(|| parse(&["x", "2"])), [err("x")]);
    assert_eq!(
        check_fused_stream(|| parse(&["1", "300", "2"])),
        [Ok(1), err("300")]
    );
    assert_eq!(
        check_fused_stream(|| parse(&["1", "2", ""])),
        [Ok(1), Ok(2), err("")]
    );
}

#[test]
fn try_stream_return_err_and_return_ok() {
    fn make(fail: bool) -> impl FusedStream<Item = Result<u8, &'static str>> {
        try_stream! {
            yield 1;
            if fail {
                return Err("failed");
            }
            yield 2;
            return Ok(());
        }
    }
    assert_eq!(check_fused_stream(|| make(true)), [Ok(1), Err("failed")]);
    assert_eq!(check_fused_stream(|| make(false)), [Ok(1), Ok(2)]);
}

#[test]
fn try_stream_with_for_await_and_pending() {
    let make = || {
        try_stream! {
            for await x in upto(4) {
                pend_once().await;
                if x == 3 {
                    Err(format!("bad {x}"))?;
                }
                yield x;
            }
        }
    };
    assert_eq!(
        check_fused_stream(make),
        [Ok(0), Ok(1), Ok(2), Err(String::from("bad 3"))]
    );
}

#[test]
fn send_when_the_body_is() {
    let s = upto(3);
    rill_test::assert_impl!(value = s => Send);
}

#[test]
fn size_hint_and_fused_after_the_end() {
    let mut s = pin!(upto(1));
    assert_eq!(s.size_hint(), (0, None));
    assert_stream_next!(s, 0);
    assert_stream_done!(s);
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(s.is_terminated());
    assert_stream_done!(s);
}

/// Polls `async { $body }` once, then drops it: a `yield` inside (rewritten
/// by the generator, then wrapped by this macro) hands its item over to
/// the enclosing stream and is abandoned, as when it loses a `select!`.
macro_rules! poll_once_then_drop {
    ($($body:tt)*) => {{
        let mut fut = pin!(async { $($body)* });
        poll_fn(|cx| {
            assert!(fut.as_mut().poll(cx).is_pending());
            Poll::Ready(())
        })
        .await
    }};
}

/// Polls `s` until it ends; for each item, what `log` held when the stream
/// returned it (the last item whose yield had completed in the body).
fn items_and_completed_yields<S: Stream<Item = u32>>(
    s: S,
    log: &Cell<Option<u32>>,
) -> Vec<(u32, Option<u32>)> {
    let mut s = pin!(s);
    let cx = &mut rill_test::noop_context();
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
    // As in rill-gen's `stream_fn` test of the same name, through the
    // macros' (scoped) yielder: 0 is handed over and abandoned, 1 queued
    // behind it; then the yield of `k` completes only once the stream has
    // returned `k`.
    let log = Rc::new(Cell::new(None));
    let l = Rc::clone(&log);
    let s = stream! {
        poll_once_then_drop!(yield 0u32);
        for i in 1..=100u32 {
            yield i;
            l.set(Some(i));
        }
    };
    let seen = items_and_completed_yields(s, &log);
    // (0's yield never completes: its future was dropped.)
    let expected: Vec<_> = (0..=100u32)
        .map(|k| (k, k.checked_sub(1).filter(|&j| j > 0)))
        .collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_queued_yield_completes_only_after_its_item_was_returned() {
    // As in rill-gen's `stream_fn` test of the same name, in a
    // `try_stream!`: 1 handed over and abandoned, 2 and 3 queued; the body
    // gets past `yield 3` only once the stream has returned 3.
    let log = Rc::new(Cell::new(None));
    let l = Rc::clone(&log);
    let s = try_stream! {
        poll_once_then_drop!(yield 1u32);
        poll_once_then_drop!(yield 2);
        yield 3;
        l.set(Some(3));
        yield 4;
        l.set(Some(4));
        Err("end")?;
    };
    let mut s = pin!(s);
    let cx = &mut rill_test::noop_context();
    let mut seen = Vec::new();
    while let Poll::Ready(Some(x)) = s.as_mut().poll_next(cx) {
        seen.push((x, log.get()));
    }
    assert_eq!(
        seen,
        [
            (Ok(1), None),
            (Ok(2), None),
            (Ok(3), None),
            (Ok(4), Some(3)),
            (Err("end"), Some(4))
        ]
    );
}
