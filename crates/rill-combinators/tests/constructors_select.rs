//! Tests for `select`, `select_with_strategy`, `StreamExt::merge` and
//! `Either`.

mod inputs;

use std::cell::Cell;
use std::marker::PhantomPinned;
use std::pin::{Pin, pin};
use std::rc::Rc;

use inputs::scripted;
use proptest::prelude::*;
use rill_combinators::stream::{self, PollNext};
use rill_combinators::{Either, StreamExt};
use rill_core::{FusedStream, Stream};
use rill_test::{
    assert_impl, assert_not_impl, assert_stream_done, assert_stream_next, assert_stream_pending,
    block_on, check_fused_stream, check_stream,
};

/// Items tagged with their side and their index on that side.
type Tagged = (PollNext, usize);

fn tagged(side: PollNext, n: usize) -> Vec<Tagged> {
    (0..n).map(|i| (side, i)).collect()
}

/// Checks that `out` holds every item of both sides, each side in order.
fn assert_interleaving(out: &[Tagged], left: usize, right: usize) {
    for (side, n) in [(PollNext::Left, left), (PollNext::Right, right)] {
        let got: Vec<Tagged> = out.iter().copied().filter(|t| t.0 == side).collect();
        assert_eq!(
            got,
            tagged(side, n),
            "{side:?} items missing or out of order"
        );
    }
    assert_eq!(out.len(), left + right);
}

/// Strict alternation, starting with the left side, then the rest.
fn alternate<T: Clone>(left: &[T], right: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    for i in 0..left.len().max(right.len()) {
        out.extend(left.get(i).cloned());
        out.extend(right.get(i).cloned());
    }
    out
}

fn pendings() -> impl Strategy<Value = Vec<bool>> {
    proptest::collection::vec(any::<bool>(), 13)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn select_is_an_order_preserving_interleaving(
        left in 0usize..12, right in 0usize..12, lp in pendings(), rp in pendings(),
    ) {
        let l = tagged(PollNext::Left, left);
        let r = tagged(PollNext::Right, right);
        let make = || {
            stream::select(scripted(&l, &lp), scripted(&r, &rp))
        };
        assert_interleaving(&check_fused_stream(make), left, right);
        // `merge` is the same stream.
        let merged = check_fused_stream(|| {
            scripted(&l, &lp).merge(scripted(&r, &rp))
        });
        prop_assert_eq!(merged, check_fused_stream(make));
    }

    #[test]
    fn select_alternates_strictly_when_both_are_ready(
        left in proptest::collection::vec(any::<u8>(), 0..15),
        right in proptest::collection::vec(any::<u8>(), 0..15),
    ) {
        let model = alternate(&left, &right);
        let got = check_fused_stream(|| stream::select(stream::iter(left.clone()), stream::iter(right.clone())));
        prop_assert_eq!(&got, &model);
        let merged = check_fused_stream(|| stream::iter(left.clone()).merge(stream::iter(right.clone())));
        prop_assert_eq!(&merged, &model);
    }

    #[test]
    fn select_with_strategy_follows_a_custom_strategy(
        left in 0usize..12, right in 0usize..12, lp in pendings(), rp in pendings(),
    ) {
        // Two from the left, then one from the right.
        let two_to_one = |n: &mut u8| {
            *n = (*n + 1) % 3;
            if *n == 0 { PollNext::Right } else { PollNext::Left }
        };
        let l = tagged(PollNext::Left, left);
        let r = tagged(PollNext::Right, right);
        let out = check_fused_stream(|| {
            stream::select_with_strategy(
                scripted(&l, &lp),
                scripted(&r, &rp),
                two_to_one,
            )
        });
        assert_interleaving(&out, left, right);

        // Always ready: exactly two-to-one until a side runs out.
        let out = check_fused_stream(|| {
            stream::select_with_strategy(stream::iter(l.clone()), stream::iter(r.clone()), two_to_one)
        });
        let mut model = Vec::new();
        let (mut li, mut ri) = (l.iter(), r.iter());
        let mut state = 0u8;
        loop {
            let (first, second) = match two_to_one(&mut state) {
                PollNext::Left => (&mut li, &mut ri),
                PollNext::Right => (&mut ri, &mut li),
            };
            match first.next().or_else(|| second.next()) {
                Some(item) => model.push(*item),
                None => break,
            }
        }
        prop_assert_eq!(out, model);
    }
}

#[test]
fn select_with_strategy_always_left_drains_left_first() {
    let s = stream::select_with_strategy(
        stream::iter([1, 2, 3]),
        stream::iter([10, 20]),
        |_: &mut ()| PollNext::Left,
    );
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1, 2, 3, 10, 20]);
}

#[test]
fn strategy_is_not_asked_once_a_side_has_ended() {
    let calls = Rc::new(Cell::new(0));
    let counted = Rc::clone(&calls);
    let s = stream::select_with_strategy(
        stream::iter([1]),
        stream::iter([10, 20, 30]),
        move |side: &mut PollNext| {
            counted.set(counted.get() + 1);
            side.toggle()
        },
    );
    assert_eq!(block_on(s.collect::<Vec<_>>()), [1, 10, 20, 30]);
    // Poll 1: Left -> 1. Poll 2: Right -> 10. Poll 3: Left ends, Right -> 20.
    // Then only Right is polled.
    assert_eq!(calls.get(), 3);
}

#[test]
fn select_waits_for_a_pending_side_and_never_repolls_an_ended_one() {
    // `scripted` sources panic if polled after their end.
    let mut s = stream::select(stream::pending(), scripted(&[1, 2], &[]));
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    for _ in 0..3 {
        assert_stream_pending!(s);
    }
    assert!(!s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));

    let mut both = stream::select(scripted(&[], &[]), scripted::<u8>(&[], &[]));
    assert_stream_done!(both);
    assert!(both.is_terminated());
    assert_stream_done!(both);
}

#[test]
fn select_size_hint_sums_the_live_sides() {
    let mut s = stream::select(stream::iter(0..3), stream::iter(0..4));
    assert_eq!(s.size_hint(), (7, Some(7)));
    let s2 = stream::select(stream::iter(0..3), stream::repeat(0));
    assert_eq!(s2.size_hint(), (usize::MAX, None));
    let s3 = stream::select(stream::repeat(1), stream::repeat(0));
    assert_eq!(s3.size_hint(), (usize::MAX, None), "lower bound saturates");
    for _ in 0..6 {
        let _ = rill_test::poll_next_once(&mut s);
    }
    assert_eq!(s.size_hint(), (1, Some(1)));
    let m = stream::iter(0..2).merge(stream::iter(0..5));
    assert_eq!(m.size_hint(), (7, Some(7)));
}

#[test]
fn select_accessors() {
    let mut s = stream::select(stream::iter(0..2), stream::iter(5..9));
    assert_eq!(s.get_mut().1.get_mut().next(), Some(5));
    assert_eq!(block_on(s.next()), Some(0));
    let (l, r) = s.into_inner();
    assert_eq!(l.into_inner().collect::<Vec<_>>(), [1]);
    assert_eq!(r.into_inner().collect::<Vec<_>>(), [6, 7, 8]);
}

#[test]
fn debug_output() {
    assert_eq!(
        format!("{:?}", stream::select(stream::repeat(1), stream::repeat(2))),
        "Select { stream1: Repeat { item: 1 }, stream2: Repeat { item: 2 } }"
    );
    assert_eq!(
        format!("{:?}", stream::repeat(1).merge(stream::repeat(2))),
        "Merge { stream1: Repeat { item: 1 }, stream2: Repeat { item: 2 } }"
    );
    assert_eq!(
        format!(
            "{:?}",
            stream::select_with_strategy(stream::repeat(1), stream::repeat(2), |_: &mut u8| {
                PollNext::Left
            })
        ),
        "SelectWithStrategy { stream1: Repeat { item: 1 }, stream2: Repeat { item: 2 }, \
         done1: false, done2: false, state: 0, .. }"
    );
    assert_eq!(format!("{:?}", Either::<u8, char>::left(1)), "Left(1)");
}

// ---------------------------------------------------------------- Either

#[test]
fn either_is_a_stream() {
    let left = check_fused_stream(|| stream::once(async { 1 }).left_stream::<stream::Empty<i32>>());
    assert_eq!(left, [1]);
    let right =
        check_fused_stream(|| stream::once(async { 1 }).right_stream::<stream::Empty<i32>>());
    assert_eq!(right, [1]);
    let plain = check_stream(|| {
        if left.is_empty() {
            Either::left(stream::iter(vec![0]))
        } else {
            Either::right(stream::iter([7, 8]))
        }
    });
    assert_eq!(plain, [7, 8]);
    let s: Either<_, stream::Empty<u8>> = Either::left(stream::iter([1, 2, 3]));
    assert_eq!(s.size_hint(), (3, Some(3)));
    let mut e: Either<stream::Empty<u8>, stream::Empty<u8>> = Either::right(stream::empty());
    assert!(!e.is_terminated());
    assert_stream_done!(e);
    assert!(e.is_terminated());
}

#[test]
fn either_is_a_future() {
    let pick = |left: bool| {
        if left {
            Either::left(async { "left" })
        } else {
            Either::right(std::future::ready("right"))
        }
    };
    assert_eq!(block_on(pick(true)), "left");
    assert_eq!(block_on(pick(false)), "right");
    assert_eq!(
        block_on(Either::<_, std::future::Ready<u8>>::left(
            rill_test::yield_once(4)
        )),
        4
    );
}

#[test]
fn either_helpers() {
    let mut e = pin!(Either::<u8, char>::left(1));
    assert!(e.is_left() && !e.is_right());
    match e.as_mut().as_pin_mut() {
        Either::Left(inner) => *inner.get_mut() = 9,
        Either::Right(_) => unreachable!(),
    }
    assert!(matches!(e.as_ref().as_pin_ref(), Either::Left(inner) if *inner == 9));
    assert_eq!(Either::<u8, u8>::right(2).into_inner(), 2);
    assert_eq!(Either::<u8, u8>::left(3), Either::Left(3));
}

// ---------------------------------------------------------------- auto traits

type NotSend = stream::Iter<std::vec::IntoIter<Rc<u8>>>;
type Pinned = stream::Once<NotUnpin>;
struct NotUnpin(PhantomPinned);
type Rr = fn(&mut PollNext) -> PollNext;

#[test]
fn auto_traits_follow_the_parts() {
    type It = stream::Iter<std::ops::Range<u8>>;
    assert_impl!(stream::Select<It, It>: Send, Sync, Unpin);
    assert_impl!(rill_combinators::stream::Merge<It, It>: Send, Sync, Unpin);
    assert_impl!(stream::SelectWithStrategy<It, It, Rr, PollNext>: Send);
    // The strategy and its state are never pinned.
    assert_impl!(stream::SelectWithStrategy<It, It, NotUnpin, NotUnpin>: Unpin);
    assert_impl!(Either<It, It>: Send, Sync, Unpin);
    assert_impl!(PollNext: Send);
}

assert_not_impl!(stream::Select<NotSend, stream::Iter<std::ops::Range<u8>>>: Send);
assert_not_impl!(stream::Select<stream::Iter<std::ops::Range<u8>>, NotSend>: Sync);
assert_not_impl!(stream::Select<Pinned, stream::Iter<std::ops::Range<u8>>>: Unpin);
assert_not_impl!(stream::Select<stream::Iter<std::ops::Range<u8>>, NotUnpin>: Unpin);
assert_not_impl!(rill_combinators::stream::Merge<NotSend, NotSend>: Send);
assert_not_impl!(rill_combinators::stream::Merge<NotUnpin, NotUnpin>: Unpin);
assert_not_impl!(stream::SelectWithStrategy<u8, u8, Rc<u8>, ()>: Send);
assert_not_impl!(stream::SelectWithStrategy<u8, u8, Rr, Rc<u8>>: Sync);
assert_not_impl!(Either<NotSend, u8>: Send);
assert_not_impl!(Either<u8, NotSend>: Sync);
assert_not_impl!(Either<u8, NotUnpin>: Unpin);
assert_not_impl!(Either<Pinned, u8>: Unpin);

// ---------------------------------------------------------------- wakers

/// A stream that is pending until its flag is set, remembering the last
/// waker it was polled with.
fn gated(
    flag: Rc<Cell<bool>>,
    last_waker: Rc<std::cell::RefCell<Option<std::task::Waker>>>,
) -> impl Stream<Item = u8> + Unpin {
    let mut done = false;
    stream::poll_fn(move |cx| {
        if done {
            return std::task::Poll::Ready(None);
        }
        if !flag.get() {
            *last_waker.borrow_mut() = Some(cx.waker().clone());
            return std::task::Poll::Pending;
        }
        done = true;
        std::task::Poll::Ready(Some(1))
    })
}

#[test]
fn a_pending_select_has_registered_both_wakers() {
    let (lf, rf) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
    let (lw, rw) = (Rc::default(), Rc::default());
    let mut s = stream::select(
        gated(Rc::clone(&lf), Rc::clone(&lw)),
        gated(Rc::clone(&rf), Rc::clone(&rw)),
    );
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    for _ in 0..2 {
        // Whichever side is asked first, both are polled before `Pending`.
        lw.replace(None);
        rw.replace(None);
        assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
        assert!(lw.borrow().is_some() && rw.borrow().is_some());
    }
    rf.set(true);
    rw.borrow().as_ref().unwrap().wake_by_ref();
    assert_eq!(wakes.get(), 1);
    assert_eq!(
        Pin::new(&mut s).poll_next(&mut cx),
        std::task::Poll::Ready(Some(1))
    );
    lf.set(true);
    assert_eq!(
        Pin::new(&mut s).poll_next(&mut cx),
        std::task::Poll::Ready(Some(1))
    );
    assert_eq!(
        Pin::new(&mut s).poll_next(&mut cx),
        std::task::Poll::Ready(None)
    );
}

// ---------------------------------------------------------------- as adapters

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn select_and_either_pass_their_input_through(items in proptest::collection::vec(any::<i16>(), 0..20)) {
        use rill_test::{TestSource, check_fused_adapter};
        let l = check_fused_adapter(items.clone(), |src: TestSource<i16>| stream::select(src, stream::empty()));
        prop_assert_eq!(&l, &items);
        let r = check_fused_adapter(items.clone(), |src: TestSource<i16>| stream::empty().merge(src));
        prop_assert_eq!(&r, &items);
        let e = check_fused_adapter(items.clone(), |src: TestSource<i16>| src.right_stream::<stream::Empty<i16>>());
        prop_assert_eq!(&e, &items);
    }
}
