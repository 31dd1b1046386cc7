//! Contract, model and edge-case tests for the stream constructors.

mod inputs;

use std::cell::Cell;
use std::marker::PhantomPinned;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::Poll;

use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::auto_traits::NotUnpin;
use rill_test::{
    assert_impl, assert_not_impl, assert_stream_done, assert_stream_next, assert_stream_pending,
    assert_stream_terminates, block_on, check_fused_stream, check_stream, counting_waker,
    interleave_pending, yield_once,
};

// ---------------------------------------------------------------- empty

#[test]
fn empty_yields_nothing_and_stays_ended() {
    let items = check_fused_stream(stream::empty::<u8>);
    assert!(items.is_empty());
    let mut s = stream::empty::<String>();
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_terminates!(s);
    assert_eq!(s.size_hint(), (0, Some(0)));
}

// ---------------------------------------------------------------- pending

#[test]
fn pending_never_yields_never_wakes() {
    let (waker, wakes) = counting_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    let mut s = stream::pending::<u8>();
    for _ in 0..3 {
        assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Pending);
    }
    assert_eq!(wakes.get(), 0);
    assert_eq!(s.size_hint(), (0, Some(0)));
    // It can prove it will never yield: terminated from the start, as in
    // futures-util.
    assert!(s.is_terminated());
    let mut c = s.clone();
    assert_stream_pending!(c);
}

// ---------------------------------------------------------------- once

#[test]
fn once_contract() {
    assert_eq!(check_fused_stream(|| stream::once(async { 5 })), [5]);
    // A future that is pending first.
    assert_eq!(check_fused_stream(|| stream::once(yield_once('a'))), ['a']);
}

#[test]
fn once_size_hint_and_termination() {
    let mut s = stream::once(yield_once(1u8));
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_stream_pending!(s);
    assert_eq!(s.size_hint(), (1, Some(1)));
    assert_stream_next!(s, 1);
    assert_eq!(s.size_hint(), (0, Some(0)));
    // Terminated only once `Ready(None)` was returned.
    assert_stream_terminates!(s);
}

#[test]
fn once_drops_the_future_when_it_completes() {
    let rc = Rc::new(());
    let held = Rc::clone(&rc);
    let mut s = pin!(stream::once(async move {
        let _keep = held;
        1
    }));
    assert_eq!(Rc::strong_count(&rc), 2);
    assert_eq!(block_on(s.next()), Some(1));
    assert_eq!(Rc::strong_count(&rc), 1);
}

// ---------------------------------------------------------------- repeat

#[test]
fn repeat_is_endless() {
    let mut s = stream::repeat(String::from("x"));
    for _ in 0..5 {
        assert_stream_next!(s, "x");
    }
    assert_eq!(s.size_hint(), (usize::MAX, None));
    assert!(!s.is_terminated());
    let mut c = s.clone();
    assert_stream_next!(c, "x");
}

#[test]
fn repeat_with_calls_the_closure_per_item() {
    let calls = Cell::new(0);
    let mut s = stream::repeat_with(|| {
        calls.set(calls.get() + 1);
        calls.get()
    });
    assert_eq!(calls.get(), 0, "nothing happens before the first poll");
    for i in 1..=4 {
        assert_stream_next!(s, i);
    }
    assert_eq!(s.size_hint(), (usize::MAX, None));
    assert!(!s.is_terminated());
    assert_eq!(format!("{s:?}"), "RepeatWith { .. }");
}

// ---------------------------------------------------------------- poll_fn

#[test]
fn poll_fn_contract_and_pending() {
    let make = || {
        let mut n = 0;
        stream::poll_fn(move |cx| {
            n += 1;
            if n % 2 == 1 && n < 6 {
                cx.waker().wake_by_ref();
                return Poll::Pending;
            }
            Poll::Ready((n < 6).then_some(n))
        })
    };
    assert_eq!(check_stream(make), [2, 4]);
}

#[test]
fn poll_fn_after_end_calls_the_closure_again() {
    let mut n = 0;
    let mut s = stream::poll_fn(move |_| {
        n += 1;
        Poll::Ready((n != 1).then_some(n))
    });
    assert_stream_done!(s);
    assert_stream_next!(s, 2);
}

// ---------------------------------------------------------------- unfold

/// The step function of the model: a small LCG that stops after `n` items.
fn lcg_step((x, n): (u32, u8)) -> Option<(u32, (u32, u8))> {
    (n > 0).then(|| {
        (
            x,
            (x.wrapping_mul(1_103_515_245).wrapping_add(12_345), n - 1),
        )
    })
}

fn lcg_model(x: u32, n: u8) -> Vec<u32> {
    std::iter::successors(lcg_step((x, n)), |&(_, s)| lcg_step(s))
        .map(|(item, _)| item)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn unfold_matches_iterating_the_step(x in any::<u32>(), n in 0u8..40, pend in any::<bool>()) {
        let items = check_fused_stream(|| {
            stream::unfold((x, n), move |s| async move {
                if pend {
                    yield_once(()).await;
                }
                lcg_step(s)
            })
        });
        prop_assert_eq!(items, lcg_model(x, n));
    }

    #[test]
    fn try_unfold_stops_after_the_first_error(
        steps in proptest::collection::vec(prop_oneof![3 => any::<u8>().prop_map(Ok), 1 => Just(Err(()))], 0..30),
    ) {
        let make = || {
            let steps = steps.clone();
            stream::try_unfold(0usize, move |i| {
                let step = steps.get(i).copied();
                async move {
                    match step {
                        None => Ok(None),
                        Some(Ok(v)) => Ok(Some((v, i + 1))),
                        Some(Err(e)) => Err(e),
                    }
                }
            })
        };
        let mut model = Vec::new();
        for step in &steps {
            model.push(*step);
            if step.is_err() {
                break;
            }
        }
        prop_assert_eq!(check_stream(make), model);
    }

    #[test]
    fn successors_matches_std(first in proptest::option::of(any::<u16>()), stop in 1u16..u16::MAX) {
        let succ = move |n: &u16| n.checked_add(stop / 3 + 1).filter(|&m| m < stop);
        let items = check_fused_stream(|| stream::successors(first, succ));
        prop_assert_eq!(items, std::iter::successors(first, succ).collect::<Vec<_>>());
    }

    #[test]
    fn poll_immediate_reports_every_pending(
        items in proptest::collection::vec(any::<i8>(), 0..20),
        pendings in proptest::collection::vec(any::<bool>(), 21),
    ) {
        let got = check_fused_stream(|| {
            stream::poll_immediate(inputs::scripted(&items, &pendings))
        });
        let mut model = Vec::new();
        for (i, &item) in items.iter().enumerate() {
            if pendings[i] {
                model.push(Poll::Pending);
            }
            model.push(Poll::Ready(item));
        }
        if pendings[items.len()] {
            model.push(Poll::Pending);
        }
        prop_assert_eq!(got, model);
    }
}

#[test]
fn unfold_is_terminated_only_after_the_end() {
    let mut s = pin!(stream::unfold(0, |n| async move {
        (n < 1).then_some((n, n + 1))
    }));
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (0, None));
    assert_eq!(block_on(s.next()), Some(0));
    assert!(!s.is_terminated());
    assert_eq!(block_on(s.next()), None);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
}

#[test]
fn unfold_is_fused_after_the_end() {
    let calls = Cell::new(0);
    let mut s = pin!(stream::unfold((), |()| {
        calls.set(calls.get() + 1);
        async { None::<((), ())> }
    }));
    assert_eq!(block_on(s.next()), None);
    for _ in 0..3 {
        assert_eq!(block_on(s.next()), None);
    }
    assert_eq!(calls.get(), 1, "`f` is not called after the end");
    assert!(s.is_terminated());
}

#[test]
fn unfold_runs_one_step_at_a_time_and_only_when_polled() {
    let calls = Rc::new(Cell::new(0));
    let counted = Rc::clone(&calls);
    let mut s = pin!(stream::unfold(0, move |n| {
        counted.set(counted.get() + 1);
        yield_once((n < 2).then_some((n, n + 1)))
    }));
    assert_eq!(calls.get(), 0);
    let mut cx = rill_test::noop_context();
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Pending);
    assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(0)));
    assert_eq!(calls.get(), 1, "the next step starts on the next poll");
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1]);
    assert_eq!(calls.get(), 3);
}

#[test]
fn try_unfold_keeps_returning_none_after_the_end() {
    let mut s = pin!(stream::try_unfold(0, |n| async move {
        if n == 0 {
            Ok(Some((n, 1)))
        } else {
            Err("boom")
        }
    }));
    assert_eq!(block_on(s.next()), Some(Ok(0)));
    assert_eq!(block_on(s.next()), Some(Err("boom")));
    assert_eq!(s.size_hint(), (0, Some(0)));
    for _ in 0..3 {
        assert_eq!(block_on(s.next()), None);
    }
    let mut ok = pin!(stream::try_unfold((), |()| async {
        Ok::<_, ()>(None::<((), ())>)
    }));
    assert_eq!(block_on(ok.next()), None);
    assert_eq!(block_on(ok.next()), None);
}

#[test]
fn poll_immediate_of_pending_yields_pending_forever() {
    let mut s = stream::poll_immediate(stream::pending::<u8>());
    for _ in 0..3 {
        assert_stream_next!(s, Poll::Pending);
    }
    assert_eq!(s.size_hint(), (0, None));
    assert!(!s.is_terminated());
}

#[test]
fn poll_immediate_hint_and_end() {
    let mut s = stream::poll_immediate(interleave_pending(stream::iter([1, 2])));
    assert_eq!(s.size_hint(), (2, None));
    assert_stream_next!(s, Poll::Pending);
    assert_stream_next!(s, Poll::Ready(1));
    assert_eq!(s.size_hint(), (1, None));
    assert_stream_next!(s, Poll::Pending);
    assert_stream_next!(s, Poll::Ready(2));
    assert_stream_next!(s, Poll::Pending);
    assert!(!s.is_terminated());
    assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
}

#[test]
fn successors_edges() {
    let mut none = stream::successors(None::<u8>, |_| unreachable!("no item, no call"));
    assert_eq!(none.size_hint(), (0, Some(0)));
    assert_stream_terminates!(none);

    let mut one = stream::successors(Some(3u8), |_| None);
    assert_eq!(one.size_hint(), (1, None));
    assert_stream_next!(one, 3);
    assert_eq!(one.size_hint(), (0, Some(0)));
    assert_stream_done!(one);
}

// ---------------------------------------------------------------- Debug

#[test]
fn debug_output_skips_closures() {
    assert_eq!(
        format!("{:?}", stream::empty::<u8>()),
        "Empty { ended: false }"
    );
    assert_eq!(format!("{:?}", stream::pending::<u8>()), "Pending");
    assert_eq!(format!("{:?}", stream::repeat(1)), "Repeat { item: 1 }");
    assert_eq!(
        format!("{:?}", stream::poll_fn(|_| Poll::Ready(None::<u8>))),
        "PollFn { .. }"
    );
    assert_eq!(
        format!("{:?}", stream::successors(Some(1), |_| None)),
        "Successors { next: Some(1), .. }"
    );
    assert_eq!(
        format!("{:?}", stream::once(std::future::ready(2))),
        "Once { future: Some(Ready(Some(2))), ended: false }"
    );
    assert_eq!(
        format!(
            "{:?}",
            stream::unfold(7, |_| std::future::ready(None::<(u8, u8)>))
        ),
        "Unfold { state: Value { value: 7 }, .. }"
    );
    assert_eq!(
        format!(
            "{:?}",
            stream::try_unfold(7, |_| std::future::ready(Ok::<_, ()>(None::<(u8, u8)>)))
        ),
        "TryUnfold { state: Some(7), future: None, .. }"
    );
    assert_eq!(
        format!("{:?}", stream::poll_immediate(stream::repeat(0))),
        "PollImmediate { stream: Some(Repeat { item: 0 }) }"
    );
}

// ---------------------------------------------------------------- auto traits

type NotSendFut = std::future::Ready<Rc<u8>>;
// Any type with a `PhantomPinned`: the auto-trait checks need no trait bounds.
type NotUnpinFut = NotUnpin;
type UnfoldOf<T, Fut> = stream::Unfold<T, fn(T) -> Fut, Fut>;

#[test]
fn auto_traits_follow_the_parts() {
    // Holding no `T`, `Empty`/`Pending` are Send + Sync + Unpin for any `T`.
    assert_impl!(stream::Empty<Rc<u8>>: Send, Sync);
    assert_impl!(stream::Empty<PhantomPinned>: Unpin);
    assert_impl!(stream::Pending<Rc<u8>>: Send, Sync);
    assert_impl!(stream::Pending<PhantomPinned>: Unpin);

    assert_impl!(stream::Once<std::future::Ready<u8>>: Send, Sync, Unpin);
    assert_impl!(stream::Repeat<u8>: Send, Sync);
    assert_impl!(stream::Repeat<PhantomPinned>: Unpin); // never pinned
    assert_impl!(stream::RepeatWith<NotUnpin>: Unpin);
    assert_impl!(stream::PollFn<NotUnpin>: Unpin);
    type Succ = stream::Successors<PhantomPinned, fn(&PhantomPinned) -> Option<PhantomPinned>>;
    assert_impl!(Succ: Unpin);
    assert_impl!(UnfoldOf<u8, std::future::Ready<Option<(u8, u8)>>>: Send, Sync, Unpin);
    assert_impl!(stream::TryUnfold<u8, fn(u8) -> NotSendFut, std::future::Ready<u8>>: Send);
    assert_impl!(stream::PollImmediate<stream::Repeat<u8>>: Send, Unpin);
}

assert_not_impl!(stream::Once<NotSendFut>: Send);
assert_not_impl!(stream::Once<NotSendFut>: Sync);
assert_not_impl!(stream::Once<NotUnpinFut>: Unpin);
assert_not_impl!(stream::Repeat<Rc<u8>>: Send);
assert_not_impl!(stream::RepeatWith<Rc<u8>>: Send);
assert_not_impl!(stream::PollFn<Rc<u8>>: Sync);
assert_not_impl!(stream::Successors<Rc<u8>, fn(&Rc<u8>) -> Option<Rc<u8>>>: Send);
assert_not_impl!(UnfoldOf<Rc<u8>, std::future::Ready<Option<(u8, Rc<u8>)>>>: Send);
assert_not_impl!(UnfoldOf<u8, NotUnpinFut>: Unpin);
assert_not_impl!(stream::TryUnfold<u8, fn(u8) -> NotUnpinFut, NotUnpinFut>: Unpin);
assert_not_impl!(stream::TryUnfold<u8, fn(u8) -> NotSendFut, NotSendFut>: Send);
assert_not_impl!(stream::PollImmediate<NotUnpin>: Unpin);
assert_not_impl!(stream::PollImmediate<stream::Repeat<Rc<u8>>>: Send);

/// `use futures::stream::{self, Stream, StreamExt}` becomes the same `use`
/// of `rill_combinators::stream` (found by running futures-util's tests).
#[test]
fn the_stream_module_names_the_traits_as_futures_stream_does() {
    use rill_combinators::stream::{
        self, BoxStream, FusedStream, LocalBoxStream, Stream, StreamExt, TryStream, TryStreamExt,
    };
    fn fused<S: FusedStream>(s: S) -> S {
        s
    }
    fn try_items<S: TryStream<Ok = u8, Error = ()>>(s: S) -> S {
        s
    }
    let boxed: BoxStream<'static, u8> = stream::iter([1u8, 2]).boxed();
    let local: LocalBoxStream<'static, u8> = stream::iter([3u8]).boxed_local();
    let mut all = fused(boxed.chain(local).fuse());
    assert_eq!(all.size_hint(), (3, Some(3)));
    assert_eq!(
        rill_test::block_on((&mut all).collect::<Vec<_>>()),
        [1, 2, 3]
    );
    let oks = try_items(stream::iter([Ok(4u8)]));
    assert_eq!(
        rill_test::block_on(oks.into_stream().collect::<Vec<_>>()),
        [Ok(4)]
    );
}
