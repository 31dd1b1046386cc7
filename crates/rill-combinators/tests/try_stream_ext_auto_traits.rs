//! Compile-time checks: every TryStreamExt type is `Send`, `Sync` and
//! `Unpin` exactly when its parts are (rill-test's
//! `assert_auto_traits_follow!` with a stand-in stream `St` of `Item`s); and
//! every one is `Debug`.

use core::future::Ready;
use std::rc::Rc;

use rill_combinators::TryStreamExt;
use rill_combinators::stream::*;
use rill_test::auto_traits::{NotSend, NotUnpin, Plain};
use rill_test::{assert_auto_traits_follow, assert_impl, assert_not_impl};

type Item = Result<i32, u8>;

type Pred = fn(&i32) -> Ready<bool>;
type TryPred = fn(&i32) -> Ready<Result<bool, u8>>;
type OptionFut = Ready<Result<Option<i32>, u8>>;
type UnitFut = Ready<Result<(), u8>>;

#[test]
fn auto_traits_follow_the_parts() {
    assert_auto_traits_follow!(pinned St => MapOk<St<Item>, fn(i32) -> i64>);
    assert_auto_traits_follow!(pinned St => MapErr<St<Item>, fn(u8) -> u16>);
    assert_auto_traits_follow!(pinned St => ErrInto<St<Item>, u16>);
    assert_auto_traits_follow!(pinned St => OkInto<St<Item>, i64>);
    assert_auto_traits_follow!(pinned St => InspectOk<St<Item>, fn(&i32)>);
    assert_auto_traits_follow!(pinned St => InspectErr<St<Item>, fn(&u8)>);
    assert_auto_traits_follow!(pinned St => IntoStream<St<Item>>);
    assert_auto_traits_follow!(pinned St => AndThen<St<Item>, Ready<Item>, fn(i32) -> Ready<Item>>);
    assert_auto_traits_follow!(pinned St => OrElse<St<Item>, Ready<Item>, fn(u8) -> Ready<Item>>);
    assert_auto_traits_follow!(pinned St => TryFilter<St<Item>, Ready<bool>, Pred>);
    assert_auto_traits_follow!(pinned St => TryFilterMap<St<Item>, OptionFut, fn(i32) -> OptionFut>);
    assert_auto_traits_follow!(pinned St => TrySkipWhile<St<Item>, Ready<Result<bool, u8>>, TryPred>);
    assert_auto_traits_follow!(pinned St => TryTakeWhile<St<Item>, Ready<Result<bool, u8>>, TryPred>);
    assert_auto_traits_follow!(pinned St => TryFlatten<St<Item>>);
    assert_auto_traits_follow!(pinned St => TryChunks<St<Item>>);
    assert_auto_traits_follow!(pinned St => TryReadyChunks<St<Item>>);
    assert_auto_traits_follow!(pinned St => TryCollect<St<Item>, Vec<i32>>);
    assert_auto_traits_follow!(pinned St => TryFold<St<Item>, Ready<Item>, i32, fn(i32, i32) -> Ready<Item>>);
    assert_auto_traits_follow!(pinned St => TryForEach<St<Item>, UnitFut, fn(i32) -> UnitFut>);
    assert_auto_traits_follow!(pinned St => TryAll<St<Item>, Ready<bool>, fn(i32) -> Ready<bool>>);
    assert_auto_traits_follow!(pinned St => TryAny<St<Item>, Ready<bool>, fn(i32) -> Ready<bool>>);

    // `try_concat` needs a stream of collections.
    assert_impl!(TryConcat<Iter<std::vec::IntoIter<Result<Vec<i32>, u8>>>>: Send, Sync, Unpin);

    // `TryNext` borrows the stream and is always `Unpin`.
    assert_impl!(TryNext<'static, Plain<Item>>: Send, Sync, Unpin);
    assert_not_impl!(TryNext<'static, NotSend<Item>>: Send);

    // The error marker of `err_into` does not leak into the auto traits.
    assert_impl!(ErrInto<Plain<Item>, Rc<()>>: Send, Sync, Unpin);

    // The errors carry their parts' traits.
    assert_impl!(TryChunksError<i32, u8>: Send, Sync, Unpin);
    assert_not_impl!(TryReadyChunksError<Rc<()>, u8>: Send);

    // A pending future that is not `Unpin` makes the adapter `!Unpin`.
    assert_not_impl!(AndThen<Plain<Item>, NotUnpin<Item>, fn(i32) -> NotUnpin<Item>>: Unpin);
    assert_not_impl!(TryFold<Plain<Item>, NotUnpin<Item>, i32, fn(i32, i32) -> NotUnpin<Item>>:
        Unpin);
}

#[test]
fn every_type_is_debug_and_names_itself() {
    use core::future::ready;

    let s = || iter(vec![Ok::<i32, u8>(1)]);
    let cases = [
        format!("{:?}", s().map_ok(|x| x)),
        format!("{:?}", s().map_err(|e| e)),
        format!("{:?}", s().err_into::<u16>()),
        format!("{:?}", s().ok_into::<i64>()),
        format!("{:?}", s().inspect_ok(|_| {})),
        format!("{:?}", s().inspect_err(|_| {})),
        format!("{:?}", s().into_stream()),
        format!("{:?}", s().and_then(|x| ready(Ok(x)))),
        format!("{:?}", s().or_else(|e| ready(Err::<i32, u8>(e)))),
        format!("{:?}", s().try_filter(|_| ready(true))),
        format!("{:?}", s().try_filter_map(|x| ready(Ok(Some(x))))),
        format!("{:?}", s().try_skip_while(|_| ready(Ok(true)))),
        format!("{:?}", s().try_take_while(|_| ready(Ok(true)))),
        format!("{:?}", iter(vec![Ok::<_, u8>(s())]).try_flatten()),
        format!("{:?}", s().try_chunks(2)),
        format!("{:?}", s().try_ready_chunks(2)),
        format!("{:?}", s().try_collect::<Vec<i32>>()),
        format!("{:?}", s().try_fold(0, |a, x| ready(Ok(a + x)))),
        format!("{:?}", s().try_for_each(|_| ready(Ok(())))),
        format!("{:?}", s().map_ok(|x| vec![x]).try_concat()),
        format!("{:?}", s().try_all(|_| ready(true))),
        format!("{:?}", s().try_any(|_| ready(true))),
    ];
    let names = [
        "MapOk",
        "MapErr",
        "ErrInto",
        "OkInto",
        "InspectOk",
        "InspectErr",
        "IntoStream",
        "AndThen",
        "OrElse",
        "TryFilter",
        "TryFilterMap",
        "TrySkipWhile",
        "TryTakeWhile",
        "TryFlatten",
        "TryChunks",
        "TryReadyChunks",
        "TryCollect",
        "TryFold",
        "TryForEach",
        "TryConcat",
        "TryAll",
        "TryAny",
    ];
    for (debug, name) in cases.iter().zip(names) {
        assert!(
            debug.starts_with(&format!("{name} {{")),
            "{debug} does not start with {name}"
        );
        assert!(
            debug.contains("stream: Iter"),
            "{debug} does not show its stream"
        );
    }
    let mut s = s();
    assert!(format!("{:?}", s.try_next()).starts_with("TryNext { stream: Iter"));
}
