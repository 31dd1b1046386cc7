//! Compile-time checks: every adapter is `Send`, `Sync` and `Unpin` exactly
//! when its parts are. A failing check is a compile error, not a test
//! failure. The checks are rill-test's (`assert_auto_traits_follow!`,
//! `assert_impl!`, `assert_not_impl!`), over its stand-in parts, whose
//! auto traits are those their names say.

use core::future::ready;
use core::marker::PhantomPinned;
use std::rc::Rc;

use rill_combinators::StreamExt;
use rill_test::auto_traits::{NotSend, NotSync, NotUnpin, Plain};
use rill_test::{assert_auto_traits_follow, assert_impl, assert_not_impl};

#[test]
fn stream_only_adapters() {
    assert_auto_traits_follow!(pinned X => value <X>::new().enumerate());
    assert_auto_traits_follow!(pinned X => value <X>::new().fuse());
    assert_auto_traits_follow!(pinned X => value <X>::new().skip(1));
    assert_auto_traits_follow!(pinned X => value <X>::new().take(1));
    assert_auto_traits_follow!(pinned X => value <X>::new().step_by(1));
    assert_auto_traits_follow!(pinned X => value <X>::new().peekable());
    assert_auto_traits_follow!(pinned X => value <X>::new().chunks(1));
    assert_auto_traits_follow!(pinned X => value <X>::new().ready_chunks(1));
    assert_auto_traits_follow!(pinned X => value <X>::new().catch_unwind());
    assert_auto_traits_follow!(pinned X => value <X>::new().map(|x| x));
    assert_auto_traits_follow!(pinned X => value <X>::new().inspect(|_| {}));
    assert_auto_traits_follow!(pinned X => value <X>::new().map_while(Some));
    assert_auto_traits_follow!(pinned X => value <X>::new().filter(|_| ready(true)));
    assert_auto_traits_follow!(pinned X => value <X>::new().filter_map(|x| ready(Some(x))));
    assert_auto_traits_follow!(pinned X => value <X>::new().then(ready));
    assert_auto_traits_follow!(pinned X => value <X>::new().skip_while(|_| ready(true)));
    assert_auto_traits_follow!(pinned X => value <X>::new().take_while(|_| ready(true)));
    assert_auto_traits_follow!(pinned X => value <X>::new().scan(0, |_, x| ready(Some(x))));
    assert_auto_traits_follow!(pinned X => value <X>::new().take_until(ready(())));
}

#[test]
fn into_future_needs_an_unpin_stream() {
    assert_impl!(value = StreamExt::into_future(<Plain>::new()) => Send, Sync, Unpin);
    assert_not_impl!(value = StreamExt::into_future(<NotSend>::new()) => Send);
    assert_not_impl!(value = StreamExt::into_future(<NotSync>::new()) => Sync);
}

#[test]
fn closures_decide_send_and_sync_only() {
    let s = || <Plain>::new();
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().map(move |x| {
            let _ = &m;
            x
        })
    });
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().inspect(move |_| {
            let _ = &m;
        })
    });
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().map_while(move |x| {
            let _ = &m;
            Some(x)
        })
    });
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().filter(move |_| {
            let _ = &m;
            ready(true)
        })
    });
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().then(move |x| {
            let _ = &m;
            ready(x)
        })
    });
    assert_auto_traits_follow!(unpinned X => value {
        let m = <X>::new();
        s().scan((), move |_, x| {
            let _ = &m;
            ready(Some(x))
        })
    });
}

#[test]
fn futures_decide_all_three() {
    let s = || <Plain>::new();
    assert_auto_traits_follow!(pinned X => value s().filter(|_| X::<bool>::new()));
    assert_auto_traits_follow!(pinned X => value s().filter_map(|_| X::<Option<u8>>::new()));
    assert_auto_traits_follow!(pinned X => value s().then(|_| X::<u8>::new()));
    assert_auto_traits_follow!(pinned X => value s().skip_while(|_| X::<bool>::new()));
    assert_auto_traits_follow!(pinned X => value s().take_while(|_| X::<bool>::new()));
    assert_auto_traits_follow!(pinned X => value s().scan((), |_, _| X::<Option<u8>>::new()));
    assert_auto_traits_follow!(pinned X => value s().take_until(X::<()>::new()));
}

#[test]
fn held_items_and_state_decide_send_and_sync() {
    // Adapters that hold an item (or a state) between polls.
    let s = || Plain::<Rc<u8>>::new();
    assert_not_impl!(value = s().peekable() => Send);
    assert_not_impl!(value = s().chunks(1) => Sync);
    assert_not_impl!(value = s().ready_chunks(1) => Send);
    assert_not_impl!(value = s().filter(|_| ready(true)) => Send);
    assert_not_impl!(value = s().skip_while(|_| ready(true)) => Sync);
    assert_not_impl!(value = s().take_while(|_| ready(true)) => Send);
    assert_impl!(value = s().peekable() => Unpin);
    let s = || <Plain>::new();
    assert_not_impl!(value = s().scan(Rc::new(0), |_, x| ready(Some(x))) => Send);
    assert_impl!(value = s().scan(PhantomPinned, |_, x| ready(Some(x))) => Unpin);
    // The output of `take_until`'s future is kept until taken.
    assert_not_impl!(value = s().take_until(ready(Rc::new(0))) => Send);
}

#[test]
fn peekable_futures_follow_the_peekable() {
    let mut p = Box::pin(<Plain>::new().peekable());
    assert_impl!(value = p.as_mut().peek() => Send, Sync, Unpin);
    assert_impl!(value = p.as_mut().peek_mut() => Send, Sync, Unpin);
    assert_impl!(value = p.as_mut().next_if_eq(&0) => Send, Sync, Unpin);
    // The closure of `next_if` is only moved: it is `Unpin` regardless.
    let m = <NotUnpin>::new();
    assert_impl!(value = p.as_mut().next_if(move |_| {
        let _ = &m;
        true
    }) => Send, Sync, Unpin);
    let m = <NotSend>::new();
    assert_not_impl!(value = p.as_mut().next_if(move |_| {
        let _ = &m;
        true
    }) => Send);

    let mut p = Box::pin(<NotSend>::new().peekable());
    assert_not_impl!(value = p.as_mut().peek() => Send);
    let mut p = Box::pin(<NotSync>::new().peekable());
    assert_not_impl!(value = p.as_mut().peek_mut() => Sync);
    // `&mut T` is `Send` when `T` is: a `Peekable` that is `Send` but not
    // `Sync` gives futures that are the same.
    assert_not_impl!(value = p.as_mut().next_if_eq(&0) => Sync);
    assert_impl!(value = p.as_mut().next_if_eq(&0) => Send, Unpin);
}
