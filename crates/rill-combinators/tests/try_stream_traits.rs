//! Compile-time checks: every TryStreamExt type is `Send`, `Sync` and
//! `Unpin` exactly when its parts are; and every one is `Debug`.

mod common;

use core::future::Ready;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::rc::Rc;

use rill_combinators::TryStreamExt;
use rill_combinators::stream::*;
use rill_core::Stream;

type Item = Result<i32, u8>;

/// Send, Sync and Unpin.
type Plain = Iter<std::vec::IntoIter<Item>>;

/// Neither Send nor Sync (but Unpin).
#[derive(Debug)]
struct NotSend(#[allow(dead_code)] Rc<()>);

/// Not Unpin (but Send and Sync).
#[derive(Debug)]
struct NotUnpin(PhantomPinned);

impl Stream for NotSend {
    type Item = Item;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Item>> {
        Poll::Ready(None)
    }
}

impl Stream for NotUnpin {
    type Item = Item;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Item>> {
        Poll::Ready(None)
    }
}

fn assert_send_sync_unpin<T: Send + Sync + Unpin>() {}

/// Checks `$ty` (written with the stream type `$st`) with a plain stream,
/// a `!Send + !Sync` one and a `!Unpin` one.
macro_rules! check_auto {
    ($st:ident => $ty:ty) => {{
        {
            type $st = Plain;
            assert_send_sync_unpin::<$ty>();
        }
        {
            type $st = NotSend;
            assert_not_impl!($ty: Send);
            assert_not_impl!($ty: Sync);
        }
        {
            type $st = NotUnpin;
            assert_not_impl!($ty: Unpin);
        }
    }};
}

type Pred = fn(&i32) -> Ready<bool>;
type TryPred = fn(&i32) -> Ready<Result<bool, u8>>;

#[test]
fn auto_traits_follow_the_parts() {
    check_auto!(St => MapOk<St, fn(i32) -> i64>);
    check_auto!(St => MapErr<St, fn(u8) -> u16>);
    check_auto!(St => ErrInto<St, u16>);
    check_auto!(St => OkInto<St, i64>);
    check_auto!(St => InspectOk<St, fn(&i32)>);
    check_auto!(St => InspectErr<St, fn(&u8)>);
    check_auto!(St => IntoStream<St>);
    check_auto!(St => AndThen<St, Ready<Item>, fn(i32) -> Ready<Item>>);
    check_auto!(St => OrElse<St, Ready<Item>, fn(u8) -> Ready<Item>>);
    check_auto!(St => TryFilter<St, Ready<bool>, Pred>);
    check_auto!(St => TryFilterMap<St, Ready<Result<Option<i32>, u8>>, fn(i32) -> Ready<Result<Option<i32>, u8>>>);
    check_auto!(St => TrySkipWhile<St, Ready<Result<bool, u8>>, TryPred>);
    check_auto!(St => TryTakeWhile<St, Ready<Result<bool, u8>>, TryPred>);
    check_auto!(St => TryFlatten<St>);
    check_auto!(St => TryChunks<St>);
    check_auto!(St => TryReadyChunks<St>);
    check_auto!(St => TryCollect<St, Vec<i32>>);
    check_auto!(St => TryFold<St, Ready<Item>, i32, fn(i32, i32) -> Ready<Item>>);
    check_auto!(St => TryForEach<St, Ready<Result<(), u8>>, fn(i32) -> Ready<Result<(), u8>>>);
    check_auto!(St => TryAll<St, Ready<bool>, fn(i32) -> Ready<bool>>);
    check_auto!(St => TryAny<St, Ready<bool>, fn(i32) -> Ready<bool>>);

    // `try_concat` needs a stream of collections.
    assert_send_sync_unpin::<TryConcat<Iter<std::vec::IntoIter<Result<Vec<i32>, u8>>>>>();

    // `TryNext` borrows the stream and is always `Unpin`.
    assert_send_sync_unpin::<TryNext<'static, Plain>>();
    assert_not_impl!(TryNext<'static, NotSend>: Send);

    // The error marker of `err_into` does not leak into the auto traits.
    assert_send_sync_unpin::<ErrInto<Plain, Rc<()>>>();

    // The errors carry their parts' traits.
    assert_send_sync_unpin::<TryChunksError<i32, u8>>();
    assert_not_impl!(TryReadyChunksError<Rc<()>, u8>: Send);

    // A pending future that is not `Unpin` makes the adapter `!Unpin`.
    assert_not_impl!(AndThen<Plain, NotUnpinFut, fn(i32) -> NotUnpinFut>: Unpin);
    assert_not_impl!(TryFold<Plain, NotUnpinFut, i32, fn(i32, i32) -> NotUnpinFut>: Unpin);
}

/// A future that is not `Unpin`.
struct NotUnpinFut(PhantomPinned);

impl Future for NotUnpinFut {
    type Output = Item;
    fn poll(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Item> {
        Poll::Ready(Ok(0))
    }
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
