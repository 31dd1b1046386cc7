//! TryStreamExt against models written with `Iterator`, over random inputs,
//! through `rill_test::check_fused_adapter` / `check_fused_stream` (so also
//! with `Pending` interleaved, both from the input and from the caller, and
//! with `size_hint` and `is_terminated` checked);
//! then the error rules at the first, a middle and the last position, and
//! the `From` conversions.

use core::future::{Future, ready};
use core::pin::Pin;
use core::task::{Context, Poll};
use std::cell::Cell;
use std::rc::Rc;

use proptest::prelude::*;
use rill_combinators::stream::{self, TryChunksError, TryReadyChunksError};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::{FusedStream, Stream};
use rill_test::{
    TestSource, block_on, check_fused_adapter, check_fused_stream, collect_checked,
    interleave_pending,
};

type Item = Result<i32, u8>;

/// A fused source with an exact `size_hint`, which counts the items taken
/// from it (to see where a consumer stopped).
struct Src<T> {
    items: std::vec::IntoIter<T>,
    taken: Rc<Cell<usize>>,
    done: bool,
}

fn src<T>(items: Vec<T>) -> Src<T> {
    Src {
        items: items.into_iter(),
        taken: Rc::default(),
        done: false,
    }
}

// The items are never pinned in place.
impl<T> Unpin for Src<T> {}

impl<T> Stream for Src<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<T>> {
        if self.done {
            return Poll::Ready(None);
        }
        let next = self.items.next();
        match next {
            Some(_) => self.taken.set(self.taken.get() + 1),
            None => self.done = true,
        }
        Poll::Ready(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            self.items.size_hint()
        }
    }
}

impl<T> FusedStream for Src<T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    // Mostly `Ok`, with errors sprinkled in, small values so that
    // predicates go both ways.
    prop::collection::vec(
        prop_oneof![4 => (-20i32..20).prop_map(Ok), 1 => any::<u8>().prop_map(Err)],
        0..24,
    )
}

/// Runs a future to its end, also through a source with `Pending`
/// interleaved, and checks that both give the same output.
fn run_both<T: PartialEq + std::fmt::Debug, Fut: Future<Output = T>>(
    make: impl Fn(bool) -> Fut,
) -> T {
    let plain = block_on(make(false));
    let interleaved = block_on(make(true));
    assert_eq!(
        plain, interleaved,
        "the output changes with `Pending` interleaved"
    );
    plain
}

/// A boxed source, plain or interleaved with `Pending`.
fn source(v: &[Item], interleave: bool) -> Pin<Box<dyn Stream<Item = Item>>> {
    if interleave {
        Box::pin(interleave_pending(src(v.to_vec())))
    } else {
        Box::pin(src(v.to_vec()))
    }
}

fn is_even(x: &i32) -> bool {
    x % 2 == 0
}

/// A fallible step: multiples of 3 fail.
fn step(x: i32) -> Result<i32, u8> {
    if x % 3 == 0 {
        Err(x.unsigned_abs() as u8)
    } else {
        Ok(x * 2)
    }
}

/// A fallible predicate: multiples of 5 fail.
fn fallible_small(x: &i32) -> Result<bool, u8> {
    if x % 5 == 0 {
        Err(x.unsigned_abs() as u8)
    } else {
        Ok(*x < 8)
    }
}

/// A chunking model: `Ok` values in chunks of `cap`, an error closes the
/// chunk being gathered.
/// A chunk, or an error with the items gathered before it.
type Chunk = Result<Vec<i32>, (Vec<i32>, u8)>;

fn chunks_model(v: &[Item], cap: usize) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut chunk = Vec::new();
    for r in v {
        match r {
            Ok(x) => {
                chunk.push(*x);
                if chunk.len() == cap {
                    out.push(Ok(std::mem::take(&mut chunk)));
                }
            }
            Err(e) => out.push(Err((std::mem::take(&mut chunk), *e))),
        }
    }
    if !chunk.is_empty() {
        out.push(Ok(chunk));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn map_ok_err_inspect_into_match_result_methods(v in items()) {
        let got = check_fused_adapter(v.clone(), |s| s.map_ok(|x| x * 3));
        prop_assert_eq!(got, v.iter().map(|r| r.map(|x| x * 3)).collect::<Vec<_>>());

        let got = check_fused_adapter(v.clone(), |s| s.map_err(|e| u16::from(e) + 1));
        prop_assert_eq!(got, v.iter().map(|r| r.map_err(|e| u16::from(e) + 1)).collect::<Vec<_>>());

        let got = check_fused_adapter(v.clone(), |s| s.err_into::<u32>());
        prop_assert_eq!(got, v.iter().map(|r| r.map_err(u32::from)).collect::<Vec<_>>());

        let got = check_fused_adapter(v.clone(), |s| s.ok_into::<i64>());
        prop_assert_eq!(got, v.iter().map(|r| r.map(i64::from)).collect::<Vec<_>>());

        let oks = Cell::new(0);
        let errs = Cell::new(0);
        let got = check_fused_adapter(v.clone(), |s| {
            s.inspect_ok(|_| oks.set(oks.get() + 1))
                .inspect_err(|_| errs.set(errs.get() + 1))
        });
        prop_assert_eq!(&got, &v);
        // Called once per item, in each of the six runs.
        prop_assert_eq!(oks.get(), 6 * v.iter().filter(|r| r.is_ok()).count());
        prop_assert_eq!(errs.get(), 6 * v.iter().filter(|r| r.is_err()).count());

        let got = check_fused_adapter(v.clone(), |s| s.into_stream());
        prop_assert_eq!(got, v.clone());
    }

    #[test]
    fn and_then_or_else_match_result_methods(v in items()) {
        let got = check_fused_adapter(v.clone(), |s| s.and_then(|x| ready(step(x))));
        prop_assert_eq!(got, v.iter().map(|r| r.and_then(step)).collect::<Vec<_>>());

        // An async step that really awaits (a `Pending` inside the future).
        let got = check_fused_adapter(v.clone(), |s| {
            s.and_then(|x| async move {
                let mut once = interleave_pending(stream::iter([x]));
                let x = once.next().await.unwrap();
                step(x)
            })
        });
        prop_assert_eq!(got, v.iter().map(|r| r.and_then(step)).collect::<Vec<_>>());

        let recover = |e: u8| if e.is_multiple_of(2) { Ok(i32::from(e)) } else { Err(u16::from(e)) };
        let got = check_fused_adapter(v.clone(), |s| s.or_else(move |e| ready(recover(e))));
        prop_assert_eq!(got, v.iter().map(|r| r.or_else(recover)).collect::<Vec<_>>());
    }

    #[test]
    fn try_filter_and_try_filter_map_match_iterator_filters(v in items()) {
        let got = check_fused_adapter(v.clone(), |s| s.try_filter(|x| ready(is_even(x))));
        let want: Vec<Item> = v.iter().copied().filter(|r| r.as_ref().map_or(true, is_even)).collect();
        prop_assert_eq!(got, want);

        let g = |x: i32| match step(x) {
            Ok(y) if x % 2 == 0 => Ok(Some(y)),
            Ok(_) => Ok(None),
            Err(e) => Err(e),
        };
        let got = check_fused_adapter(v.clone(), |s| s.try_filter_map(move |x| ready(g(x))));
        let want: Vec<Item> = v.iter().filter_map(|r| r.and_then(g).transpose()).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn try_skip_while_matches_a_model(v in items()) {
        let got = check_fused_adapter(v.clone(), |s| s.try_skip_while(|x| ready(fallible_small(x))));
        let mut want = Vec::new();
        let mut skipping = true;
        for r in &v {
            match r {
                Ok(x) if skipping => match fallible_small(x) {
                    Ok(true) => {}
                    Ok(false) => {
                        skipping = false;
                        want.push(Ok(*x));
                    }
                    Err(e) => want.push(Err(e)),
                },
                other => want.push(*other),
            }
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn try_take_while_matches_a_model(v in items()) {
        let got = check_fused_adapter(v.clone(), |s| s.try_take_while(|x| ready(fallible_small(x))));
        let mut want = Vec::new();
        for r in &v {
            match r {
                Ok(x) => match fallible_small(x) {
                    Ok(true) => want.push(Ok(*x)),
                    Ok(false) => break,
                    Err(e) => want.push(Err(e)),
                },
                Err(e) => want.push(Err(*e)),
            }
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn try_flatten_matches_iterator_flatten(
        outer in prop::collection::vec(
            prop_oneof![4 => items().prop_map(Ok), 1 => any::<u8>().prop_map(Err)],
            0..6,
        )
    ) {
        let outer: Vec<_> = outer.into_iter().map(|r| r.map(TestSource::new)).collect();
        let got = check_fused_adapter(outer.clone(), |s| s.try_flatten());
        let want: Vec<Item> = outer
            .iter()
            .flat_map(|r| match r {
                Ok(inner) => rill_test::block_on_stream(inner.clone()).collect(),
                Err(e) => vec![Err(*e)],
            })
            .collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn try_chunks_matches_a_model(v in items(), cap in 1usize..6) {
        let got = check_fused_adapter(v.clone(), |s| s.try_chunks(cap));
        let got: Vec<_> = got.into_iter().map(|r| r.map_err(|TryChunksError(items, e)| (items, e))).collect();
        prop_assert_eq!(got, chunks_model(&v, cap));
    }

    #[test]
    fn try_ready_chunks_matches_a_model(v in items(), cap in 1usize..6) {
        let unpack = |r: Result<Vec<i32>, TryReadyChunksError<i32, u8>>| {
            r.map_err(|TryReadyChunksError(items, e)| (items, e))
        };
        // Always ready: chunks fill up as with `try_chunks`.
        let got: Vec<_> = check_fused_stream(|| src(v.clone()).try_ready_chunks(cap))
            .into_iter()
            .map(unpack)
            .collect();
        prop_assert_eq!(got, chunks_model(&v, cap));
        // Pending before every item: each chunk holds what was ready, one item.
        let got: Vec<_> = collect_checked(interleave_pending(src(v.clone())).try_ready_chunks(cap))
            .into_iter()
            .map(unpack)
            .collect();
        prop_assert_eq!(got, chunks_model(&v, 1));
    }

    #[test]
    fn consumers_match_iterator_consumers(v in items()) {
        let want: Result<Vec<i32>, u8> = v.iter().copied().collect();
        prop_assert_eq!(run_both(|i| source(&v, i).try_collect::<Vec<i32>>()), want);

        let want = v.iter().copied().try_fold(0i32, |acc, r| r.map(|x| acc.wrapping_add(x)));
        let got = run_both(|i| source(&v, i).try_fold(0i32, |acc, x| ready(Ok(acc.wrapping_add(x)))));
        prop_assert_eq!(got, want);

        // The closure's own error stops the fold too.
        let want = v.iter().copied().try_fold(0i32, |acc, r| r.and_then(step).map(|y| acc.wrapping_add(y)));
        let got = run_both(|i| source(&v, i).try_fold(0i32, |acc, x| ready(step(x).map(|y| acc.wrapping_add(y)))));
        prop_assert_eq!(got, want);

        let seen = std::cell::RefCell::new(Vec::new());
        let got = run_both(|i| {
            seen.borrow_mut().clear();
            source(&v, i).try_for_each(|x| {
                seen.borrow_mut().push(x);
                ready(step(x).map(drop))
            })
        });
        let mut want_seen = Vec::new();
        let want = v.iter().copied().try_for_each(|r| {
            let x = r?;
            want_seen.push(x);
            step(x).map(drop)
        });
        prop_assert_eq!(got, want);
        prop_assert_eq!(seen.into_inner(), want_seen);

        // `try_all` stops at the first `false`: model it with a loop.
        let mut want_all = Ok(true);
        for r in &v {
            match r {
                Err(e) => { want_all = Err(*e); break; }
                Ok(x) if !is_even(x) => { want_all = Ok(false); break; }
                Ok(_) => {}
            }
        }
        prop_assert_eq!(run_both(|i| source(&v, i).try_all(|x| ready(is_even(&x)))), want_all);

        let mut want_any = Ok(false);
        for r in &v {
            match r {
                Err(e) => { want_any = Err(*e); break; }
                Ok(x) if is_even(x) => { want_any = Ok(true); break; }
                Ok(_) => {}
            }
        }
        prop_assert_eq!(run_both(|i| source(&v, i).try_any(|x| ready(is_even(&x)))), want_any);

        let want: Result<Vec<i32>, u8> = v.iter().copied().collect();
        let parts = |i| source(&v, i).map_ok(|x| vec![x; (x.unsigned_abs() % 3) as usize]);
        let want = want.map(|xs| xs.iter().flat_map(|&x| vec![x; (x.unsigned_abs() % 3) as usize]).collect::<Vec<_>>());
        prop_assert_eq!(run_both(|i| parts(i).try_concat()), want);
    }

    #[test]
    fn try_next_walks_past_errors(v in items()) {
        let mut s = interleave_pending(src(v.clone()));
        let mut got = Vec::new();
        loop {
            match block_on(s.try_next()) {
                Ok(Some(x)) => got.push(Ok(x)),
                Ok(None) => break,
                Err(e) => got.push(Err(e)),
            }
        }
        prop_assert_eq!(got, v);
    }
}

/// `[Ok(1), Ok(2), Ok(3)]` with `Err(9)` at `pos` instead.
fn with_err_at(pos: usize) -> Vec<Item> {
    (0..3)
        .map(|i| if i == pos { Err(9) } else { Ok(i as i32 + 1) })
        .collect()
}

#[test]
fn adapters_pass_an_error_through_at_any_position() {
    for pos in 0..3 {
        let v = with_err_at(pos);
        let expect = |f: &dyn Fn(i32) -> i32| -> Vec<Item> { v.iter().map(|r| r.map(f)).collect() };
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.map_ok(|x| x + 10)),
            expect(&|x| x + 10),
            "map_ok, error at {pos}"
        );
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.and_then(|x| ready(Ok(x * 2)))),
            expect(&|x| x * 2),
            "and_then, error at {pos}"
        );
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.try_filter(|_| ready(true))),
            v,
            "try_filter, error at {pos}"
        );
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.try_filter_map(|x| ready(Ok(Some(x))))),
            v,
            "try_filter_map, error at {pos}"
        );
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.try_skip_while(|_| ready(Ok(false)))),
            v,
            "try_skip_while, error at {pos}"
        );
        assert_eq!(
            check_fused_adapter(v.clone(), |s| s.try_take_while(|_| ready(Ok(true)))),
            v,
            "try_take_while, error at {pos}"
        );
        // The error closes the chunk in progress and keeps what it held.
        let chunks = check_fused_adapter(v.clone(), |s| s.try_chunks(3));
        let want = match pos {
            0 => vec![Err(TryChunksError(vec![], 9)), Ok(vec![2, 3])],
            1 => vec![Err(TryChunksError(vec![1], 9)), Ok(vec![3])],
            _ => vec![Err(TryChunksError(vec![1, 2], 9))],
        };
        assert_eq!(chunks, want, "try_chunks, error at {pos}");
    }
}

#[test]
fn consumers_stop_at_the_first_error_at_any_position() {
    for pos in 0..3 {
        let v = with_err_at(pos);
        // Each consumer resolves to the error and takes nothing after it.
        let check = |name: &str, taken: &Rc<Cell<usize>>, got: Result<(), u8>| {
            assert_eq!(got, Err(9), "{name}, error at {pos}");
            assert_eq!(
                taken.get(),
                pos + 1,
                "{name} polled past the error at {pos}"
            );
        };
        let s = src(v.clone());
        let taken = Rc::clone(&s.taken);
        check(
            "try_collect",
            &taken,
            block_on(s.try_collect::<Vec<_>>()).map(drop),
        );
        let s = src(v.clone());
        let taken = Rc::clone(&s.taken);
        check(
            "try_fold",
            &taken,
            block_on(s.try_fold(0, |a, x| ready(Ok(a + x)))).map(drop),
        );
        let s = src(v.clone());
        let taken = Rc::clone(&s.taken);
        check(
            "try_for_each",
            &taken,
            block_on(s.try_for_each(|_| ready(Ok(())))),
        );
        let s = src(v.clone()).map_ok(|x| vec![x]);
        let taken = Rc::clone(&s.get_ref().taken);
        check("try_concat", &taken, block_on(s.try_concat()).map(drop));
        let s = src(v.clone());
        let taken = Rc::clone(&s.taken);
        check(
            "try_all",
            &taken,
            block_on(s.try_all(|_| ready(true))).map(drop),
        );
        let s = src(v.clone());
        let taken = Rc::clone(&s.taken);
        check(
            "try_any",
            &taken,
            block_on(s.try_any(|_| ready(false))).map(drop),
        );
    }
}

#[test]
fn consumers_stop_at_the_first_error_of_their_closure() {
    let s = src(vec![Ok(1), Ok(2), Ok(3)]);
    let taken = Rc::clone(&s.taken);
    let got = block_on(s.try_fold(0, |a, x| ready(if x == 2 { Err(7) } else { Ok(a + x) })));
    assert_eq!(got, Err(7));
    assert_eq!(taken.get(), 2);

    let s = src(vec![Ok(1), Ok(2), Ok(3)]);
    let taken = Rc::clone(&s.taken);
    let got = block_on(s.try_for_each(|x| ready(if x == 1 { Err(7u8) } else { Ok(()) })));
    assert_eq!(got, Err(7));
    assert_eq!(taken.get(), 1);
}

#[test]
fn empty_streams() {
    let empty = || src(Vec::<Item>::new());
    assert_eq!(block_on(empty().try_collect::<Vec<_>>()), Ok(vec![]));
    assert_eq!(
        block_on(empty().try_fold(5, |a, x| ready(Ok(a + x)))),
        Ok(5)
    );
    assert_eq!(block_on(empty().try_all(|_| ready(false))), Ok(true));
    assert_eq!(block_on(empty().try_any(|_| ready(true))), Ok(false));
    assert_eq!(
        block_on(empty().map_ok(|x| vec![x]).try_concat()),
        Ok(vec![])
    );
    assert_eq!(check_fused_stream(|| empty().try_chunks(2)), vec![]);
    assert_eq!(check_fused_stream(|| empty().try_ready_chunks(2)), vec![]);
}

#[derive(Debug, PartialEq)]
enum AppError {
    Io(u8),
    Parse(String),
}

impl From<u8> for AppError {
    fn from(code: u8) -> Self {
        AppError::Io(code)
    }
}

impl From<std::num::ParseIntError> for AppError {
    fn from(e: std::num::ParseIntError) -> Self {
        AppError::Parse(e.to_string())
    }
}

#[test]
fn err_into_converts_with_from() {
    let got = check_fused_stream(|| src(vec![Ok(1), Err(4u8), Ok(2)]).err_into::<AppError>());
    assert_eq!(got, [Ok(1), Err(AppError::Io(4)), Ok(2)]);
}

#[test]
fn and_then_converts_errors_with_question_mark() {
    // `err_into` first, then `?` inside the step converts a parse error.
    let lines = vec![Ok("1"), Err(3u8), Ok("zz"), Ok("4")];
    let got = check_fused_stream(|| {
        src(lines.clone())
            .err_into::<AppError>()
            .and_then(|line| async move { Ok(line.parse::<i32>()? * 10) })
    });
    assert_eq!(got.len(), 4);
    assert_eq!(got[0], Ok(10));
    assert_eq!(got[1], Err(AppError::Io(3)));
    assert!(matches!(&got[2], Err(AppError::Parse(msg)) if msg.contains("invalid digit")));
    assert_eq!(got[3], Ok(40));
}

#[test]
fn try_flatten_converts_outer_errors_with_from() {
    let inner = |v: Vec<Result<i32, AppError>>| src(v);
    let outer = vec![
        Ok(inner(vec![Ok(1), Err(AppError::Parse("x".into()))])),
        Err(5u8),
        Ok(inner(vec![Ok(2)])),
    ];
    let got: Vec<_> = rill_test::block_on_stream(src(outer).try_flatten()).collect();
    assert_eq!(
        got,
        [
            Ok(1),
            Err(AppError::Parse("x".into())),
            Err(AppError::Io(5)),
            Ok(2)
        ]
    );
}

#[test]
fn try_take_while_ends_at_the_first_false_and_stays_ended() {
    let s = src(vec![Ok::<i32, u8>(1), Ok(9), Ok(2)]);
    let taken = Rc::clone(&s.taken);
    let mut s = s.try_take_while(|x| ready(Ok(*x < 5)));
    rill_test::assert_stream_next!(s, Ok(1));
    rill_test::assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    rill_test::assert_stream_done!(s);
    assert_eq!(taken.get(), 2, "the stream is not polled after the end");
}

#[test]
fn size_hints_are_exact_where_they_can_be() {
    let v: Vec<Item> = vec![Ok(1), Err(2), Ok(3)];
    assert_eq!(src(v.clone()).map_ok(|x| x).size_hint(), (3, Some(3)));
    assert_eq!(src(v.clone()).err_into::<u16>().size_hint(), (3, Some(3)));
    assert_eq!(
        src(v.clone()).and_then(|x| ready(Ok(x))).size_hint(),
        (3, Some(3))
    );
    assert_eq!(
        src(v.clone()).try_filter(|_| ready(true)).size_hint(),
        (0, Some(3))
    );
    // 2 `Ok` values and an error in chunks of 2: at least 2 items, at most 3.
    assert_eq!(src(v.clone()).try_chunks(2).size_hint(), (2, Some(3)));
    let mut skip = src(v).try_skip_while(|_| ready(Ok(false)));
    assert_eq!(skip.size_hint(), (0, Some(3)));
    rill_test::assert_stream_next!(skip, Ok(1));
    assert_eq!(
        skip.size_hint(),
        (2, Some(2)),
        "exact once skipping is over"
    );
}

#[test]
#[should_panic(expected = "`TryFold` polled after it completed")]
fn try_fold_panics_when_polled_after_completion() {
    let mut fold = Box::pin(src(vec![Ok::<i32, u8>(1)]).try_fold(0, |a, x| ready(Ok(a + x))));
    let mut cx = rill_test::noop_context();
    assert_eq!(fold.as_mut().poll(&mut cx), Poll::Ready(Ok(1)));
    let _ = fold.as_mut().poll(&mut cx);
}

#[test]
#[should_panic(expected = "`TryAny` polled after it completed")]
fn try_any_panics_when_polled_after_completion() {
    let mut any = Box::pin(src(vec![Ok::<i32, u8>(1)]).try_any(|_| ready(true)));
    let mut cx = rill_test::noop_context();
    assert_eq!(any.as_mut().poll(&mut cx), Poll::Ready(Ok(true)));
    let _ = any.as_mut().poll(&mut cx);
}

#[test]
fn try_next_is_cancel_safe() {
    let mut s = interleave_pending(src(vec![Ok::<i32, u8>(1), Ok(2)]));
    let mut cx = rill_test::noop_context();
    {
        // Polled once (Pending), then dropped: no item is lost.
        let mut fut = s.try_next();
        assert!(Pin::new(&mut fut).poll(&mut cx).is_pending());
    }
    assert_eq!(block_on(s.try_next()), Ok(Some(1)));
    assert_eq!(block_on(s.try_next()), Ok(Some(2)));
    assert_eq!(block_on(s.try_next()), Ok(None));
}

#[test]
fn chunks_errors_display_and_debug() {
    let e = TryChunksError(vec![1, 2], "disk on fire");
    assert_eq!(e.to_string(), "disk on fire");
    assert_eq!(
        format!("{e:?}"),
        r#"TryChunksError { items: 2, error: "disk on fire" }"#
    );
    let boxed: Box<dyn std::error::Error> = Box::new(TryReadyChunksError(vec![()], "late"));
    assert_eq!(boxed.to_string(), "late");
}
