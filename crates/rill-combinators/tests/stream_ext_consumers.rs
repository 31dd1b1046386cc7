//! The consuming futures (`count`, `fold`, `any`, `find`, ...): each against
//! the `Iterator` method of the same name on random inputs, over a plain
//! stream and through `interleave_pending`, with closure futures that are
//! pending once; then short-circuiting, completion and drop, and the auto
//! traits of every future.

mod inputs;

use std::cell::RefCell;
use std::pin::pin;

use inputs::{drop_flag, message_of_poll_after_completion, sources};
use proptest::prelude::*;
use rill_combinators::{StreamExt, stream};
use rill_test::{TestSource, block_on, yield_once};

fn small_vec() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..16)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn count_last_nth_match_iterator(v in small_vec(), n in 0..20usize) {
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.count()), v.len());
        }
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.last()), v.last().copied());
        }
        for s in sources(&v) {
            prop_assert_eq!(block_on(s.nth(n)), v.iter().copied().nth(n));
        }
    }

    #[test]
    fn fold_and_for_each_match_iterator(v in small_vec()) {
        let expected = v.iter().fold(0u32, |acc, &x| acc * 3 % 1_000_003 + u32::from(x));
        for s in sources(&v) {
            let got = block_on(s.fold(0u32, |acc, x| async move {
                yield_once(()).await;
                acc * 3 % 1_000_003 + u32::from(x)
            }));
            prop_assert_eq!(got, expected);
        }
        for s in sources(&v) {
            let seen = RefCell::new(Vec::new());
            block_on(s.for_each(|x| {
                let seen = &seen;
                async move {
                    yield_once(()).await;
                    seen.borrow_mut().push(x);
                }
            }));
            prop_assert_eq!(seen.into_inner(), v.clone());
        }
    }

    #[test]
    fn any_all_match_iterator(v in small_vec(), k in any::<u8>()) {
        for s in sources(&v) {
            let got = block_on(s.any(|x| async move { yield_once(()).await; x > k }));
            prop_assert_eq!(got, v.iter().any(|&x| x > k));
        }
        for s in sources(&v) {
            let got = block_on(s.all(|x| async move { yield_once(()).await; x > k }));
            prop_assert_eq!(got, v.iter().all(|&x| x > k));
        }
    }

    #[test]
    fn find_find_map_position_match_iterator(v in small_vec(), k in any::<u8>()) {
        for s in sources(&v) {
            let got = block_on(s.find(|&x| async move { yield_once(()).await; x > k }));
            prop_assert_eq!(got, v.iter().copied().find(|&x| x > k));
        }
        let half = |x: u8| (x.is_multiple_of(2) && x > k).then_some(x / 2);
        for s in sources(&v) {
            let got = block_on(s.find_map(|x| async move { yield_once(()).await; half(x) }));
            prop_assert_eq!(got, v.iter().copied().find_map(half));
        }
        for s in sources(&v) {
            let got = block_on(s.position(|x| async move { yield_once(()).await; x > k }));
            prop_assert_eq!(got, v.iter().position(|&x| x > k));
        }
    }

    #[test]
    fn partition_unzip_concat_match_iterator(v in small_vec(), k in any::<u8>()) {
        for s in sources(&v) {
            let got: (Vec<u8>, Vec<u8>) =
                block_on(s.partition(|&x| async move { yield_once(()).await; x > k }));
            prop_assert_eq!(got, v.iter().partition(|&&x| x > k));
        }
        let pairs: Vec<(u8, bool)> = v.iter().map(|&x| (x, x > k)).collect();
        for s in sources(&pairs) {
            let got: (Vec<u8>, Vec<bool>) = block_on(s.unzip());
            prop_assert_eq!(got, pairs.iter().copied().unzip());
        }
        let chunks: Vec<Vec<u8>> = v.chunks(3).map(<[u8]>::to_vec).collect();
        for s in sources(&chunks) {
            prop_assert_eq!(block_on(s.concat()), v.clone());
        }
    }
}

#[test]
fn empty_inputs() {
    let none = || stream::iter(Vec::<u8>::new());
    assert_eq!(block_on(none().count()), 0);
    assert_eq!(block_on(none().last()), None);
    assert_eq!(block_on(none().nth(0)), None);
    assert_eq!(block_on(none().fold(5, |a, x| async move { a + x })), 5);
    block_on(none().for_each(|_| async { unreachable!("no items") }));
    assert!(!block_on(none().any(|_| async { true })));
    assert!(block_on(none().all(|_| async { false })));
    assert_eq!(block_on(none().find(|_| async { true })), None);
    assert_eq!(block_on(none().find_map(|x| async move { Some(x) })), None);
    assert_eq!(block_on(none().position(|_| async { true })), None);
    let (a, b): (Vec<u8>, Vec<u8>) = block_on(none().partition(|_| async { true }));
    assert!(a.is_empty() && b.is_empty());
    let (a, b): (Vec<u8>, String) = block_on(stream::iter(Vec::<(u8, char)>::new()).unzip());
    assert!(a.is_empty() && b.is_empty());
    assert_eq!(block_on(stream::iter(Vec::<Vec<char>>::new()).concat()), []);
}

#[test]
fn nth_zero_is_the_first_item() {
    assert_eq!(block_on(stream::iter([7, 8]).nth(0)), Some(7));
}

/// Runs the consumer over a stream of 0..10 and returns how often the
/// stream was polled.
fn polls(consume: impl FnOnce(&mut TestSource<u8>)) -> usize {
    let mut src = TestSource::new(0..10);
    consume(&mut src);
    src.polls()
}

#[test]
fn short_circuiting_consumers_stop_polling_at_the_hit() {
    // The hit is item 3, the fourth poll.
    assert_eq!(
        polls(|s| assert!(block_on(s.any(|x| async move { x == 3 })))),
        4
    );
    assert_eq!(
        polls(|s| assert!(!block_on(s.all(|x| async move { x < 3 })))),
        4
    );
    assert_eq!(
        polls(|s| assert_eq!(block_on(s.find(|&x| async move { x == 3 })), Some(3))),
        4
    );
    assert_eq!(
        polls(|s| assert_eq!(
            block_on(s.find_map(|x| async move { (x == 3).then_some(x) })),
            Some(3)
        )),
        4
    );
    assert_eq!(
        polls(|s| assert_eq!(block_on(s.position(|x| async move { x == 3 })), Some(3))),
        4
    );
    assert_eq!(polls(|s| assert_eq!(block_on(s.nth(3)), Some(3))), 4);
    // Without a hit, the stream is polled to its end, once.
    assert_eq!(
        polls(|s| assert!(!block_on(s.any(|_| async { false })))),
        11
    );
    assert_eq!(polls(|s| assert_eq!(block_on(s.nth(10)), None)), 11);
    assert_eq!(polls(|s| assert_eq!(block_on(s.count()), 10)), 11);
}

#[test]
fn the_stream_goes_on_after_a_consumer_on_a_reference() {
    let mut s = stream::iter(0..10);
    assert_eq!(block_on((&mut s).find(|&x| async move { x == 3 })), Some(3));
    assert_eq!(
        block_on((&mut s).position(|x| async move { x == 6 })),
        Some(2)
    );
    assert!(block_on((&mut s).any(|x| async move { x == 7 })));
    assert_eq!(block_on(s.collect::<Vec<_>>()), [8, 9]);
}

#[test]
fn polling_after_completion_panics_naming_the_future() {
    let s = || stream::iter([1u8, 2, 3]);
    let cases = [
        (
            "All",
            message_of_poll_after_completion(s().all(|_| async { true })),
        ),
        (
            "Any",
            message_of_poll_after_completion(s().any(|_| async { true })),
        ),
        (
            "Concat",
            message_of_poll_after_completion(stream::iter([vec![1]]).concat()),
        ),
        ("Count", message_of_poll_after_completion(s().count())),
        (
            "Find",
            message_of_poll_after_completion(s().find(|_| async { true })),
        ),
        (
            "FindMap",
            message_of_poll_after_completion(s().find_map(|x| async move { Some(x) })),
        ),
        (
            "Fold",
            message_of_poll_after_completion(s().fold(0, |a, x| async move { a + x })),
        ),
        (
            "ForEach",
            message_of_poll_after_completion(s().for_each(|_| async {})),
        ),
        ("Last", message_of_poll_after_completion(s().last())),
        ("Nth", message_of_poll_after_completion(s().nth(1))),
        (
            "Partition",
            message_of_poll_after_completion(s().partition::<Vec<_>, _, _>(|_| async { true })),
        ),
        (
            "Position",
            message_of_poll_after_completion(s().position(|_| async { true })),
        ),
        (
            "Unzip",
            message_of_poll_after_completion(
                stream::iter([(1, 2)]).unzip::<_, _, Vec<_>, Vec<_>>(),
            ),
        ),
    ];
    for (name, message) in cases {
        assert_eq!(message, format!("`{name}` polled after completion"));
    }
}

#[test]
fn the_stream_is_dropped_on_completion_and_with_the_future() {
    // On completion, before the future itself is dropped.
    let (s, dropped) = drop_flag(vec![1, 2], false);
    let mut fut = pin!(s.count());
    assert!(rill_test::poll_once(&mut fut).is_ready());
    assert!(dropped.get());

    // Mid-way: a pending future takes the stream with it.
    let (s, dropped) = drop_flag(vec![], true);
    let mut fut = Box::pin(s.fold(0, |a, x| async move { a + x }));
    assert!(rill_test::poll_once(&mut fut).is_pending());
    assert!(!dropped.get());
    drop(fut);
    assert!(dropped.get());
}

#[test]
fn an_item_under_test_is_dropped_with_the_future() {
    let item = std::rc::Rc::new(());
    let mut fut = Box::pin(
        stream::iter([std::rc::Rc::clone(&item)]).find(|_| std::future::pending::<bool>()),
    );
    assert!(rill_test::poll_once(&mut fut).is_pending());
    assert_eq!(std::rc::Rc::strong_count(&item), 2);
    drop(fut);
    assert_eq!(std::rc::Rc::strong_count(&item), 1);
}

#[test]
fn concat_extends_the_first_item() {
    let got = block_on(stream::iter([vec!['a'], vec![], vec!['b', 'c']]).concat());
    assert_eq!(got, ['a', 'b', 'c']);
}

#[test]
fn debug_output_skips_closures() {
    let fut = stream::iter([1]).fold(0, |a, x| async move { a + x });
    assert_eq!(
        format!("{fut:?}"),
        "Fold { stream: Some(Iter { iter: IntoIter([1]) }), running: false, accum: Some(0) }"
    );
    let fut = stream::iter([1]).count();
    assert!(format!("{fut:?}").starts_with("Count { stream: Some("));
}

mod auto_traits {
    //! Send / Sync / Unpin exactly when the parts are.
    use rill_test::assert_auto_traits_follow;
    use rill_test::auto_traits::Plain;

    use rill_combinators::stream::{
        All, Any, Concat, Count, Find, FindMap, Fold, ForEach, Iter, Last, Nth, Partition,
        Position, Unzip,
    };

    type Items<X> = Iter<std::option::IntoIter<X>>;

    #[test]
    fn consumers() {
        assert_auto_traits_follow!(pinned X => Count<X>);
        assert_auto_traits_follow!(pinned X => Nth<X>);
        assert_auto_traits_follow!(pinned X => Last<X>);
        assert_auto_traits_follow!(unpinned X => Last<Items<X>>);
        assert_auto_traits_follow!(pinned X => Concat<X>);
        assert_auto_traits_follow!(unpinned X => Concat<Items<X>>);
        assert_auto_traits_follow!(pinned X => Unzip<X, Plain, Plain>);
        assert_auto_traits_follow!(unpinned X => Unzip<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Unzip<Plain, Plain, X>);

        assert_auto_traits_follow!(pinned X => Fold<X, Plain, u8, Plain>);
        assert_auto_traits_follow!(pinned X => Fold<Plain, X, u8, Plain>);
        assert_auto_traits_follow!(unpinned X => Fold<Plain, Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Fold<Plain, Plain, u8, X>);

        assert_auto_traits_follow!(pinned X => ForEach<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => ForEach<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => ForEach<Plain, Plain, X>);
        assert_auto_traits_follow!(pinned X => Any<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => Any<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Any<Plain, Plain, X>);
        assert_auto_traits_follow!(pinned X => All<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => All<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => All<Plain, Plain, X>);
        assert_auto_traits_follow!(pinned X => FindMap<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => FindMap<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => FindMap<Plain, Plain, X>);
        assert_auto_traits_follow!(pinned X => Position<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => Position<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Position<Plain, Plain, X>);

        assert_auto_traits_follow!(pinned X => Find<X, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => Find<Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Find<Plain, Plain, X>);
        assert_auto_traits_follow!(unpinned X => Find<Items<X>, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => Partition<X, Plain, Plain, Plain>);
        assert_auto_traits_follow!(pinned X => Partition<Plain, X, Plain, Plain>);
        assert_auto_traits_follow!(unpinned X => Partition<Plain, Plain, X, Plain>);
        assert_auto_traits_follow!(unpinned X => Partition<Plain, Plain, Plain, X>);
        assert_auto_traits_follow!(unpinned X => Partition<Items<X>, Plain, Plain, Plain>);
    }
}
