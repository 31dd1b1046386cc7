//! `chain`, `zip`, `cycle`, `flatten` and `flat_map`: each against the
//! `Iterator` method of the same name on random inputs (with `Pending`
//! interleaved and `size_hint` checked at every step by `rill_test`), then
//! the edge cases, then the auto traits of every adapter.

mod inputs;

use std::pin::pin;
use std::task::{Context, Poll};

use inputs::drop_flag;
use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    TestSource, assert_stream_done, assert_stream_next, assert_stream_pending, check_adapter,
    check_fused_adapter, check_fused_stream, interleave_pending,
};

fn small_vec() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn chain_matches_iterator(a in small_vec(), b in small_vec(), pend in any::<bool>()) {
        let expected: Vec<u8> = a.iter().chain(&b).copied().collect();
        // Each side in turn is the input that may pend before every item.
        let got = check_fused_adapter(a.clone(), |first| {
            first.chain(TestSource::new(b.clone()).pending(pend))
        });
        prop_assert_eq!(&got, &expected);
        let got = check_fused_adapter(b.clone(), |second| {
            TestSource::new(a.clone()).pending(pend).chain(second)
        });
        prop_assert_eq!(&got, &expected);
        // Not fused when the second stream is not.
        let got = check_adapter(a.clone(), |first| first.chain(stream::iter(b.clone())));
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn zip_matches_iterator(a in small_vec(), b in small_vec(), pend in any::<bool>()) {
        let expected: Vec<(u8, u8)> = a.iter().copied().zip(b.iter().copied()).collect();
        let got = check_fused_adapter(a.clone(), |first| {
            first.zip(TestSource::new(b.clone()).pending(pend))
        });
        prop_assert_eq!(&got, &expected);
        let got = check_fused_adapter(b.clone(), |second| {
            TestSource::new(a.clone()).pending(pend).zip(second)
        });
        prop_assert_eq!(&got, &expected);
        let got = check_fused_adapter(a.clone(), |first| first.zip(stream::iter(b.clone())));
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn cycle_matches_iterator(a in small_vec(), n in 0..40usize) {
        let expected: Vec<(u8, usize)> = a.iter().copied().cycle().zip(0..n).collect();
        // With pending on, every copy pends before each item and its end.
        let got = check_fused_adapter(a.clone(), |src| src.cycle().zip(stream::iter(0..n)));
        prop_assert_eq!(got, expected);
        let hint = TestSource::new(a.clone()).cycle().size_hint();
        prop_assert_eq!(hint, if a.is_empty() { (0, Some(0)) } else { (usize::MAX, None) });
    }

    #[test]
    fn flatten_matches_iterator(v in prop::collection::vec(small_vec(), 0..6), pend in any::<bool>()) {
        let expected: Vec<u8> = v.iter().flatten().copied().collect();
        let inner: Vec<TestSource<u8>> =
            v.iter().map(|i| TestSource::new(i.clone()).pending(pend)).collect();
        let got = check_fused_adapter(inner, |src| src.flatten());
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn flat_map_matches_iterator(v in prop::collection::vec(0..6u8, 0..8), pend in any::<bool>()) {
        let expected: Vec<u8> = v.iter().flat_map(|&n| 0..n).collect();
        let got = check_fused_adapter(v.clone(), |src| {
            src.flat_map(|n| TestSource::new(0..n).pending(pend))
        });
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn empty_inputs() {
    let none = || TestSource::new(Vec::<u8>::new());
    assert!(check_fused_stream(|| none().chain(none())).is_empty());
    assert!(check_fused_stream(|| none().zip(none())).is_empty());
    assert!(check_fused_stream(|| none().cycle()).is_empty());
    assert!(
        check_fused_stream(|| TestSource::new(Vec::<TestSource<u8>>::new()).flatten()).is_empty()
    );
    assert!(check_fused_stream(|| none().flat_map(|n| TestSource::new(0..n))).is_empty());
    // Only empty inner streams.
    let empties = vec![none(), none().pending(true), none()];
    assert!(check_fused_adapter(empties, |src| src.flatten()).is_empty());
}

#[test]
fn cycle_of_empty_stream_ends_even_when_copies_are_pending_first() {
    let mut s = pin!(TestSource::new(Vec::<u8>::new()).pending(true).cycle());
    assert!(!s.is_terminated());
    assert_stream_pending!(s);
    assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_done!(s);
}

#[test]
fn cycle_starts_from_the_state_at_the_call() {
    let mut s = stream::iter(1..4);
    rill_test::block_on(s.next());
    let v: Vec<_> = rill_test::block_on(s.cycle().zip(stream::iter(0..5)).collect());
    assert_eq!(v.iter().map(|p| p.0).collect::<Vec<_>>(), [2, 3, 2, 3, 2]);
}

#[test]
fn cycle_accessors_reach_the_copy_in_use() {
    let mut s = TestSource::new([1, 2]).cycle();
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert_eq!(s.get_ref().polls(), 2);
    // The copy ends, a fresh clone (never polled before) takes over.
    assert_stream_next!(s, 1);
    assert_eq!(s.get_ref().polls(), 1);
    assert_eq!(s.into_inner().size_hint(), (1, Some(1)));
}

#[test]
fn cycle_size_hint_when_copies_may_be_empty() {
    // A stream of unknown length: its items so far bound the rest below.
    let s = stream::iter((0..3).filter(|_| true)).cycle();
    assert_eq!(s.size_hint(), (0, None));
}

#[test]
fn zip_does_not_poll_the_second_stream_once_the_first_ended() {
    let polls = |s: &stream::Zip<TestSource<u8>, TestSource<u8>>| {
        (s.get_ref().0.polls(), s.get_ref().1.polls())
    };
    let mut s = TestSource::new([1, 2]).zip(TestSource::new([10, 20, 30]));
    assert_stream_next!(s, (1, 10));
    assert_stream_next!(s, (2, 20));
    assert_stream_done!(s);
    assert_eq!(polls(&s), (3, 2));
    // Fused: neither is polled again.
    assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_eq!(polls(&s), (3, 2));
}

#[test]
fn zip_ends_when_the_second_ends_and_drops_the_kept_item() {
    let mut s = TestSource::new([1, 2, 3]).zip(stream::iter([10]));
    assert_stream_next!(s, (1, 10));
    assert_stream_done!(s);
    // As with `Iterator::zip`, one more item was taken from the first.
    assert_eq!(s.get_ref().0.polls(), 2);
    assert_eq!(s.size_hint(), (0, Some(0)));
    let (first, _) = s.into_inner();
    assert_eq!(first.size_hint(), (1, Some(1)));
}

#[test]
fn zip_keeps_an_item_while_the_other_stream_is_pending() {
    let mut s = stream::iter([1, 2]).zip(interleave_pending(stream::iter(['a', 'b'])));
    assert_eq!(s.size_hint(), (2, Some(2)));
    assert_stream_pending!(s);
    // The item taken from the first stream is counted in the hint.
    assert_eq!(s.size_hint(), (2, Some(2)));
    assert_stream_next!(s, (1, 'a'));
    assert_stream_pending!(s);
    assert_stream_next!(s, (2, 'b'));
    // The first stream ends: the second is not polled, so no `Pending`.
    assert_stream_done!(s);
}

#[test]
fn zip_size_hint_is_the_smaller_side() {
    let s = stream::iter(0..5).zip(Hint(0, None));
    assert_eq!(s.size_hint(), (0, Some(5)));
    let s = stream::iter(0..5).zip(stream::iter(0..3));
    assert_eq!(s.size_hint(), (3, Some(3)));
}

/// A stream with a size hint of the caller's choice (and no items).
struct Hint(usize, Option<usize>);

impl Stream for Hint {
    type Item = u8;
    fn poll_next(self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.0, self.1)
    }
}

#[test]
fn chain_size_hint_saturates_and_overflows_to_none() {
    let s = Hint(usize::MAX, Some(usize::MAX)).chain(Hint(2, Some(2)));
    assert_eq!(s.size_hint(), (usize::MAX, None));
    let s = Hint(1, Some(3)).chain(Hint(2, None));
    assert_eq!(s.size_hint(), (3, None));
    let s = Hint(1, Some(3)).chain(Hint(2, Some(4)));
    assert_eq!(s.size_hint(), (3, Some(7)));
}

#[test]
fn chain_drops_the_first_stream_when_it_ends_and_polls_the_second_only_then() {
    let (first, dropped) = drop_flag(vec![1], false);
    let mut s = first.chain(TestSource::new([2]));
    assert_stream_next!(s, 1);
    assert_eq!(s.get_ref().1.polls(), 0);
    assert!(!dropped.get());
    assert_stream_next!(s, 2);
    assert!(dropped.get());
    assert!(s.get_ref().0.is_none());
    assert_stream_done!(s);
}

#[test]
fn flatten_skips_empty_inner_streams_and_bounds_by_the_current_one() {
    let inner = |v: Vec<u8>| stream::iter(v);
    let mut s = stream::iter([
        inner(vec![]),
        inner(vec![1, 2]),
        inner(vec![]),
        inner(vec![]),
    ])
    .flatten();
    assert_eq!(s.size_hint(), (0, None));
    assert_stream_next!(s, 1);
    // One item left in the current inner stream; more inner streams to come.
    assert_eq!(s.size_hint(), (1, None));
    assert_stream_next!(s, 2);
    assert_stream_done!(s);
    assert_eq!(s.size_hint(), (0, Some(0)));
}

#[test]
fn flat_map_calls_the_closure_lazily() {
    let calls = std::cell::Cell::new(0);
    let mut s = stream::iter([2u8, 1]).flat_map(|n| {
        calls.set(calls.get() + 1);
        stream::iter(0..n)
    });
    assert_eq!(calls.get(), 0);
    assert_stream_next!(s, 0);
    assert_stream_next!(s, 1);
    assert_eq!(calls.get(), 1);
    assert_stream_next!(s, 0);
    assert_eq!(calls.get(), 2);
    assert_stream_done!(s);
    assert_eq!(s.get_ref().size_hint(), (0, Some(0)));
}

#[test]
fn debug_output_names_the_adapter() {
    let s = stream::iter([1]).chain(stream::iter([2]));
    assert!(format!("{s:?}").starts_with("Chain"));
    let s = stream::iter([1]).zip(stream::iter([2]));
    assert!(format!("{s:?}").starts_with("Zip"));
    let s = stream::iter([1]).cycle();
    assert!(format!("{s:?}").starts_with("Cycle"));
    let s = stream::iter([stream::iter([1])]).flatten();
    assert!(format!("{s:?}").starts_with("Flatten"));
    let s = stream::iter([1]).flat_map(|x| stream::iter([x]));
    assert!(format!("{s:?}").starts_with("FlatMap"));
}

mod auto_traits {
    //! Send / Sync / Unpin exactly when the parts are.
    use rill_test::assert_auto_traits_follow;
    use rill_test::auto_traits::Plain;

    use rill_combinators::stream::{Chain, Cycle, FlatMap, Flatten, Iter, Zip};

    type Items<X> = Iter<std::option::IntoIter<X>>;

    #[test]
    fn adapters() {
        assert_auto_traits_follow!(pinned X => Chain<X, Plain>);
        assert_auto_traits_follow!(pinned X => Chain<Plain, X>);
        assert_auto_traits_follow!(pinned X => Zip<X, Plain>);
        assert_auto_traits_follow!(pinned X => Zip<Plain, X>);
        // A kept item is not pinned.
        assert_auto_traits_follow!(unpinned X => Zip<Items<X>, Plain>);
        assert_auto_traits_follow!(pinned X => Cycle<X>);
        assert_auto_traits_follow!(pinned X => Flatten<X>);
        assert_auto_traits_follow!(pinned X => Flatten<Items<X>>);
        assert_auto_traits_follow!(pinned X => FlatMap<X, Plain, fn(u8) -> Plain>);
        assert_auto_traits_follow!(pinned X => FlatMap<Plain, X, fn(u8) -> X>);
        assert_auto_traits_follow!(unpinned X => FlatMap<Plain, Plain, X>);
    }
}
