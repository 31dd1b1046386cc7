//! The `Iterator` consumers that async-std has and futures-util lacks
//! (`min`, `max` and their `_by`/`_by_key` forms, `sum`, `product`, `cmp`,
//! `partial_cmp`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`) and the `cloned` /
//! `copied` adapters: each against the `Iterator` method of the same name
//! on random inputs, over plain streams, through `interleave_pending` and
//! from a `TestSource` that pends before every item; then the items each
//! consumer pulls, tie rules, overflow, completion, drop and auto traits.

mod inputs;

use std::cmp::Ordering;
use std::num::Wrapping;
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::time::Duration;

use inputs::{drop_flag, message_of_poll_after_completion, sources};
use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_test::{TestSource, block_on, check_fused_adapter};

/// An item whose order looks at `key` only, so equal items can be told
/// apart by `id`: the tie rules become visible.
#[derive(Debug, Clone, Copy)]
struct Keyed {
    key: u8,
    id: usize,
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Keyed {}
impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// Few distinct keys, so ties are frequent.
fn keyed() -> impl Strategy<Value = Vec<Keyed>> {
    prop::collection::vec(0..4u8, 0..12).prop_map(|keys| {
        keys.into_iter()
            .enumerate()
            .map(|(id, key)| Keyed { key, id })
            .collect()
    })
}

/// Short vectors over a tiny alphabet: equal prefixes and equal streams are
/// common, so every branch of the comparisons is taken.
fn short() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0..3u8, 0..5)
}

fn ids(k: Option<Keyed>) -> Option<usize> {
    k.map(|k| k.id)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn min_max_and_their_forms_match_iterator_with_its_tie_rules(v in keyed()) {
        let by_key = |k: &Keyed| k.key;
        let compare = |a: &Keyed, b: &Keyed| a.key.cmp(&b.key);
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.min())), ids(v.iter().copied().min()));
        }
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.max())), ids(v.iter().copied().max()));
        }
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.min_by(compare))), ids(v.iter().copied().min_by(compare)));
        }
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.max_by(compare))), ids(v.iter().copied().max_by(compare)));
        }
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.min_by_key(by_key))), ids(v.iter().copied().min_by_key(by_key)));
        }
        for s in sources(&v) {
            prop_assert_eq!(ids(block_on(s.max_by_key(by_key))), ids(v.iter().copied().max_by_key(by_key)));
        }
    }

    #[test]
    fn comparators_and_keys_are_called_as_iterator_calls_them(v in keyed()) {
        // Same arguments, same order, same number of calls.
        let record = |calls: &mut Vec<(usize, usize)>, a: &Keyed, b: &Keyed| {
            calls.push((a.id, b.id));
            a.key.cmp(&b.key)
        };
        for s in sources(&v) {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            block_on(s.max_by(|a, b| record(&mut got, a, b)));
            let _ = v.iter().copied().max_by(|a, b| record(&mut want, a, b));
            prop_assert_eq!(got, want);
        }
        for s in sources(&v) {
            let (mut got, mut want) = (Vec::new(), Vec::new());
            block_on(s.min_by(|a, b| record(&mut got, a, b)));
            let _ = v.iter().copied().min_by(|a, b| record(&mut want, a, b));
            prop_assert_eq!(got, want);
        }
        for s in sources(&v) {
            let mut keyed = Vec::new();
            block_on(s.min_by_key(|k| { keyed.push(k.id); k.key }));
            prop_assert_eq!(keyed, (0..v.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn sum_and_product_match_iterator(v in prop::collection::vec(-50i64..50, 0..12)) {
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.sum::<i64>()), v.iter().sum::<i64>());
        }
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.product::<i64>()), v.iter().product::<i64>());
        }
        // By reference, and into another type.
        for s in sources(&v) {
            let got: i64 = block_on(s.map(|x| x.to_string()).fold(0, |acc, x| async move {
                acc + x.parse::<i64>().unwrap()
            }));
            prop_assert_eq!(got, v.iter().sum::<i64>());
        }
        let wrapped: Vec<Wrapping<u8>> = v.iter().map(|&x| Wrapping(x as u8)).collect();
        for s in sources(&wrapped) {
            prop_assert_eq!(block_on(s.sum::<Wrapping<u8>>()), wrapped.iter().copied().sum());
        }
        for s in sources(&wrapped) {
            prop_assert_eq!(block_on(s.product::<Wrapping<u8>>()), wrapped.iter().copied().product());
        }
    }

    #[test]
    fn float_sum_and_product_are_bit_for_bit_those_of_iterator(
        v in prop::collection::vec(prop_oneof![
            -1e6f64..1e6,
            Just(0.0),
            Just(-0.0),
            Just(1e300),
            Just(-1e300),
        ], 0..10)
    ) {
        // Float addition is not associative: the same rounding needs the
        // same order of operations.
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.sum::<f64>()).to_bits(), v.iter().sum::<f64>().to_bits());
        }
        for s in sources(&v) {
            prop_assert_eq!(
                block_on(s.product::<f64>()).to_bits(),
                v.iter().product::<f64>().to_bits()
            );
        }
    }

    #[test]
    fn option_and_result_sums_stop_where_iterator_stops(
        v in prop::collection::vec(prop::option::weighted(0.8, 0..10u32), 0..10)
    ) {
        let want: Option<u32> = v.iter().copied().sum();
        let pulled = v.iter().position(Option::is_none).map_or(v.len() + 1, |i| i + 1);
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.sum::<Option<u32>>()), want);
        }
        // A ready source is polled once per item it gives up, plus once for
        // its end: exactly the items `Iterator::sum` takes.
        let mut src = TestSource::new(v.clone());
        prop_assert_eq!(block_on((&mut src).sum::<Option<u32>>()), want);
        prop_assert_eq!(src.polls(), pulled);

        let results: Vec<Result<u32, usize>> =
            v.iter().enumerate().map(|(i, x)| x.ok_or(i)).collect();
        for s in sources(&results) {
            prop_assert_eq!(block_on(s.product::<Result<u32, usize>>()), results.iter().copied().product());
        }
    }

    #[test]
    fn comparisons_match_iterator(a in short(), b in short()) {
        for (i, x) in sources(&a).into_iter().enumerate() {
            // Each left source against each right source, 3 x 3.
            let y = sources(&b).into_iter().nth(i % 3).unwrap();
            prop_assert_eq!(block_on(x.cmp(y)), a.iter().cmp(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b).into_iter().rev()) {
            prop_assert_eq!(block_on(x.partial_cmp(y)), a.iter().partial_cmp(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.eq(y)), a.iter().eq(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.ne(y)), a.iter().ne(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.lt(y)), a.iter().lt(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.le(y)), a.iter().le(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.gt(y)), a.iter().gt(b.iter()));
        }
        for (x, y) in sources(&a).into_iter().zip(sources(&b)) {
            prop_assert_eq!(block_on(x.ge(y)), a.iter().ge(b.iter()));
        }
    }

    #[test]
    fn every_pairing_of_pending_inputs_gives_the_same_answer(a in short(), b in short()) {
        let want = a.iter().cmp(b.iter());
        for x in 0..3 {
            for y in 0..3 {
                let left = sources(&a).into_iter().nth(x).unwrap();
                let right = sources(&b).into_iter().nth(y).unwrap();
                prop_assert_eq!(block_on(left.cmp(right)), want);
            }
        }
    }

    #[test]
    fn comparisons_pull_exactly_the_items_iterator_pulls(a in short(), b in short()) {
        // A ready `TestSource` is polled once per item it gives up and once
        // for its end: the same count as `next` calls on an iterator.
        let iterator_pulls = |compare: fn(&mut CountNext, &mut CountNext)| {
            let (mut x, mut y) = (CountNext::new(a.clone()), CountNext::new(b.clone()));
            compare(&mut x, &mut y);
            (x.calls, y.calls)
        };
        let (mut x, mut y) = (TestSource::new(a.clone()), TestSource::new(b.clone()));
        block_on((&mut x).cmp(&mut y));
        prop_assert_eq!((x.polls(), y.polls()), iterator_pulls(|x, y| {
            Iterator::cmp(x, y);
        }));

        let (mut x, mut y) = (TestSource::new(a.clone()), TestSource::new(b.clone()));
        block_on((&mut x).partial_cmp(&mut y));
        prop_assert_eq!((x.polls(), y.polls()), iterator_pulls(|x, y| {
            Iterator::partial_cmp(x, y);
        }));

        let (mut x, mut y) = (TestSource::new(a.clone()), TestSource::new(b.clone()));
        block_on((&mut x).eq(&mut y));
        prop_assert_eq!((x.polls(), y.polls()), iterator_pulls(|x, y| {
            Iterator::eq(x, y);
        }));
    }

    #[test]
    fn cloned_and_copied_match_iterator(v in prop::collection::vec(any::<u16>(), 0..16)) {
        let refs: Vec<&u16> = v.iter().collect();
        let copied = check_fused_adapter(refs.clone(), |src| src.copied());
        prop_assert_eq!(copied, v.clone());
        let strings: Vec<String> = v.iter().map(u16::to_string).collect();
        let refs: Vec<&String> = strings.iter().collect();
        let cloned = check_fused_adapter(refs, |src| src.cloned());
        prop_assert_eq!(cloned, strings.clone());
    }
}

/// An iterator over a vector that counts its `next` calls.
struct CountNext {
    items: std::vec::IntoIter<u8>,
    calls: usize,
}

impl CountNext {
    fn new(items: Vec<u8>) -> Self {
        CountNext {
            items: items.into_iter(),
            calls: 0,
        }
    }
}

impl Iterator for CountNext {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        self.calls += 1;
        self.items.next()
    }
}

#[test]
fn empty_streams() {
    let none = || stream::iter(Vec::<u8>::new());
    assert_eq!(block_on(none().min()), None);
    assert_eq!(block_on(none().max()), None);
    assert_eq!(block_on(none().min_by(u8::cmp)), None);
    assert_eq!(block_on(none().max_by(u8::cmp)), None);
    assert_eq!(block_on(none().min_by_key(|x| *x)), None);
    assert_eq!(block_on(none().max_by_key(|x| *x)), None);
    assert_eq!(block_on(none().sum::<u8>()), 0);
    assert_eq!(block_on(none().product::<u8>()), 1);
    assert_eq!(
        block_on(stream::iter(Vec::<Option<u8>>::new()).sum::<Option<u8>>()),
        Some(0)
    );
    assert_eq!(
        block_on(stream::iter(Vec::<Duration>::new()).sum::<Duration>()),
        Duration::ZERO
    );
    assert_eq!(
        block_on(stream::iter(Vec::<f64>::new()).sum::<f64>()).to_bits(),
        std::iter::empty::<f64>().sum::<f64>().to_bits()
    );
    assert_eq!(block_on(none().cmp(none())), Ordering::Equal);
    assert_eq!(block_on(none().partial_cmp(none())), Some(Ordering::Equal));
    assert!(block_on(none().eq(none())));
    assert!(!block_on(none().ne(none())));
    assert!(!block_on(none().lt(none())));
    assert!(block_on(none().le(none())));
    assert!(!block_on(none().gt(none())));
    assert!(block_on(none().ge(none())));
    assert_eq!(block_on(none().cmp(stream::iter([0]))), Ordering::Less);
    assert_eq!(block_on(stream::iter([0]).cmp(none())), Ordering::Greater);
}

#[test]
fn a_single_item_is_min_and_max_without_calling_the_comparator() {
    let s = stream::iter([5]);
    assert_eq!(
        block_on(s.max_by(|_, _| unreachable!("one item, nothing to compare"))),
        Some(5)
    );
}

#[test]
fn comparisons_of_different_item_types() {
    let words = ["a", "b"];
    let owned = [String::from("a"), String::from("b")];
    assert!(block_on(
        stream::iter(words).eq(stream::iter(owned.clone()))
    ));
    assert!(block_on(
        stream::iter(owned).ne(stream::iter([String::from("a")]))
    ));
    // NaN: incomparable, so `partial_cmp` is `None` and every test is false.
    let nan = || stream::iter([1.0, f64::NAN]);
    let one = || stream::iter([1.0, 1.0]);
    assert_eq!(block_on(nan().partial_cmp(one())), None);
    assert!(!block_on(nan().lt(one())));
    assert!(!block_on(nan().le(one())));
    assert!(!block_on(nan().gt(one())));
    assert!(!block_on(nan().ge(one())));
    assert!(!block_on(nan().eq(nan())));
    assert!(block_on(nan().ne(nan())));
}

#[test]
fn integer_overflow_panics_exactly_when_iterator_sum_panics() {
    // Tests run with overflow checks on (the test profile); the running sum
    // is combined with each item in stream order, as `Iterator::sum` does,
    // so an overflow that a later item would undo still panics.
    fn panics(f: impl FnOnce() -> u8) -> bool {
        panic::catch_unwind(AssertUnwindSafe(f)).is_err()
    }
    let quiet = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    for v in [
        vec![200u8, 100],
        vec![200, 50, 5],
        vec![255, 0],
        vec![1, 255],
        vec![16, 16],
        vec![15, 17],
    ] {
        for s in sources(&v) {
            let want = panics(|| v.iter().sum::<u8>());
            assert_eq!(panics(|| block_on(s.sum::<u8>())), want, "sum of {v:?}");
        }
        for s in sources(&v) {
            let want = panics(|| v.iter().product::<u8>());
            assert_eq!(
                panics(|| block_on(s.product::<u8>())),
                want,
                "product of {v:?}"
            );
        }
    }
    panic::set_hook(quiet);
}

#[test]
fn polling_after_completion_panics_naming_the_future() {
    let s = || stream::iter([1u8, 2, 3]);
    let t = || stream::iter([1u8, 4]);
    let cases = [
        ("Min", message_of_poll_after_completion(s().min())),
        ("Max", message_of_poll_after_completion(s().max())),
        (
            "MinBy",
            message_of_poll_after_completion(s().min_by(u8::cmp)),
        ),
        (
            "MaxBy",
            message_of_poll_after_completion(s().max_by(u8::cmp)),
        ),
        (
            "MinByKey",
            message_of_poll_after_completion(s().min_by_key(|x| *x)),
        ),
        (
            "MaxByKey",
            message_of_poll_after_completion(s().max_by_key(|x| *x)),
        ),
        ("Sum", message_of_poll_after_completion(s().sum::<u8>())),
        (
            "Product",
            message_of_poll_after_completion(s().product::<u8>()),
        ),
        ("Cmp", message_of_poll_after_completion(s().cmp(t()))),
        (
            "PartialCmp",
            message_of_poll_after_completion(s().partial_cmp(t())),
        ),
        ("Equals", message_of_poll_after_completion(s().eq(t()))),
        ("Ne", message_of_poll_after_completion(s().ne(t()))),
        ("Lt", message_of_poll_after_completion(s().lt(t()))),
        ("Le", message_of_poll_after_completion(s().le(t()))),
        ("Gt", message_of_poll_after_completion(s().gt(t()))),
        ("Ge", message_of_poll_after_completion(s().ge(t()))),
    ];
    for (name, message) in cases {
        assert_eq!(message, format!("`{name}` polled after completion"));
    }
}

#[test]
fn streams_are_dropped_on_completion_and_with_the_future() {
    let mut cx = rill_test::noop_context();

    // On completion, before the future is dropped.
    let (s, dropped) = drop_flag(vec![1, 2], false);
    let mut fut = pin!(s.max());
    assert_eq!(fut.as_mut().poll(&mut cx), std::task::Poll::Ready(Some(2)));
    assert!(dropped.get());

    // A comparison drops both streams when it is decided, even though the
    // longer stream still has items.
    let (a, a_dropped) = drop_flag(vec![3], false);
    let (b, b_dropped) = drop_flag(vec![9, 1], false);
    let mut fut = pin!(a.lt(b));
    assert_eq!(fut.as_mut().poll(&mut cx), std::task::Poll::Ready(false));
    assert!(a_dropped.get() && b_dropped.get());

    // Mid-way: a pending future takes its streams with it.
    let (a, a_dropped) = drop_flag(vec![], true);
    let (b, b_dropped) = drop_flag(vec![1], false);
    let mut fut = Box::pin(a.cmp(b));
    assert!(fut.as_mut().poll(&mut cx).is_pending());
    assert!(!a_dropped.get() && !b_dropped.get());
    drop(fut);
    assert!(a_dropped.get() && b_dropped.get());

    let (s, dropped) = drop_flag(vec![], true);
    let mut fut = Box::pin(s.sum::<u8>());
    assert!(fut.as_mut().poll(&mut cx).is_pending());
    drop(fut);
    assert!(dropped.get());
}

#[test]
fn an_item_held_for_a_pair_is_dropped_with_the_future() {
    let item = std::rc::Rc::new(1u8);
    let (pending, _) = drop_flag(vec![], true);
    let left = stream::iter([std::rc::Rc::clone(&item)]);
    let right = pending.map(std::rc::Rc::new);
    let mut fut = Box::pin(left.eq(right));
    assert!(rill_test::poll_once(&mut fut).is_pending());
    assert_eq!(std::rc::Rc::strong_count(&item), 2);
    drop(fut);
    assert_eq!(std::rc::Rc::strong_count(&item), 1);
}

#[test]
fn debug_output_skips_closures() {
    let fut = stream::iter([1]).max_by_key(|x| *x);
    assert_eq!(
        format!("{fut:?}"),
        "MaxByKey { stream: Some(Iter { iter: IntoIter([1]) }), best: None }"
    );
    let fut = stream::iter([2u8]).sum::<u8>();
    assert_eq!(
        format!("{fut:?}"),
        "Sum { stream: Some(Iter { iter: IntoIter([2]) }), acc: None }"
    );
    let fut = stream::iter([1]).cmp(stream::iter([2]));
    assert_eq!(
        format!("{fut:?}"),
        "Cmp { stream1: Some(Iter { iter: IntoIter([1]) }), stream2: Some(Iter { iter: IntoIter([2]) }), item1: None, item2: None }"
    );
    let s = stream::iter([&1]).copied();
    assert_eq!(
        format!("{s:?}"),
        "Copied { stream: Iter { iter: IntoIter([1]) } }"
    );
}

mod auto_traits {
    //! Send / Sync / Unpin exactly when the parts are.
    use rill_test::assert_auto_traits_follow;
    use rill_test::auto_traits::Plain;

    use rill_combinators::stream::{
        Cloned, Cmp, Copied, Equals, Ge, Gt, Iter, Le, Lt, Max, MaxBy, MaxByKey, Min, MinBy,
        MinByKey, Ne, PartialCmp, Product, Sum,
    };

    type Items<X> = Iter<std::option::IntoIter<X>>;

    #[test]
    fn consumers_and_adapters() {
        assert_auto_traits_follow!(pinned X => Min<X>);
        assert_auto_traits_follow!(unpinned X => Min<Items<X>>);
        assert_auto_traits_follow!(pinned X => Max<X>);
        assert_auto_traits_follow!(pinned X => MinBy<X, Plain>);
        assert_auto_traits_follow!(unpinned X => MinBy<Plain, X>);
        assert_auto_traits_follow!(unpinned X => MaxBy<Items<X>, Plain>);
        assert_auto_traits_follow!(pinned X => MaxBy<X, Plain>);
        assert_auto_traits_follow!(pinned X => MinByKey<X, u8, Plain>);
        assert_auto_traits_follow!(unpinned X => MinByKey<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => MinByKey<Plain, u8, X>);
        assert_auto_traits_follow!(pinned X => MaxByKey<X, u8, Plain>);
        assert_auto_traits_follow!(unpinned X => MaxByKey<Items<X>, u8, Plain>);
        assert_auto_traits_follow!(pinned X => Sum<X, u32>);
        assert_auto_traits_follow!(unpinned X => Sum<Plain, X>);
        assert_auto_traits_follow!(pinned X => Product<X, u32>);
        assert_auto_traits_follow!(unpinned X => Product<Plain, X>);
        assert_auto_traits_follow!(pinned X => Cmp<X, Plain>);
        assert_auto_traits_follow!(pinned X => Cmp<Plain, X>);
        assert_auto_traits_follow!(unpinned X => Cmp<Items<X>, Plain>);
        assert_auto_traits_follow!(pinned X => PartialCmp<X, Plain>);
        assert_auto_traits_follow!(unpinned X => PartialCmp<Plain, Items<X>>);
        assert_auto_traits_follow!(pinned X => Equals<X, Plain>);
        assert_auto_traits_follow!(pinned X => Ne<Plain, X>);
        assert_auto_traits_follow!(pinned X => Lt<X, Plain>);
        assert_auto_traits_follow!(pinned X => Le<Plain, X>);
        assert_auto_traits_follow!(pinned X => Gt<X, Plain>);
        assert_auto_traits_follow!(pinned X => Ge<Plain, X>);
        assert_auto_traits_follow!(pinned X => Copied<X>);
        assert_auto_traits_follow!(pinned X => Cloned<X>);
    }
}
