//! The auto-trait checks: every form compiles where the claim holds (the
//! forms that must fail to compile are the `compile_fail` examples in the
//! macros' docs), and the stand-in parts have the traits they claim.

use core::cell::Cell;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::rc::Rc;

use rill_core::{FusedStream, Stream};
use rill_test::auto_traits::{NotSend, NotSync, NotUnpin, Part, Plain};
use rill_test::{
    assert_auto_traits_follow, assert_impl, assert_not_impl, assert_stream_done, poll_once,
};

// Module level: the type forms expand to items.
assert_impl!(Plain: Send, Sync, Unpin, Clone, Default, core::fmt::Debug);
assert_not_impl!(NotSend: Send);
assert_impl!(NotSend: Sync, Unpin);
assert_not_impl!(NotSync: Sync);
assert_impl!(NotSync: Send, Unpin);
assert_not_impl!(NotUnpin: Unpin);
assert_impl!(NotUnpin: Send, Sync);
// The item type has no influence on the auto traits.
assert_impl!(Part<(), Rc<Cell<PhantomPinned>>>: Send, Sync, Unpin);
assert_impl!(Plain<bool>: Stream<Item = bool>, FusedStream, Future<Output = bool>);

#[test]
fn parts_end_at_once_as_streams_and_wait_as_futures() {
    let s = NotUnpin::<&str>::new();
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(s.is_terminated());
    let mut s = Box::pin(s);
    assert_stream_done!(s);
    assert!(poll_once(&mut Box::pin(NotSend::<u8>::default())).is_pending());
    assert_eq!(format!("{:?}", NotSync::<u8>::new().clone()), "Part");
}

#[test]
fn type_and_value_forms_in_a_function_body() {
    assert_impl!(Vec<u8>: Send, Sync,);
    assert_not_impl!(Rc<u8>: Send, Sync,);
    assert_not_impl!(*const u8: Send, Sync);
    assert_not_impl!(Cell<u8>: Sync, Copy);

    // Values whose types cannot be named: closures over parts.
    let part = NotSend::<u8>::new();
    let f = move || {
        let _ = &part;
    };
    assert_not_impl!(value = f => Send);
    assert_impl!(value = f => Sync, Unpin, Fn());
    let pinned = NotUnpin::<u8>::new();
    assert_impl!(value = move || drop(pinned) => Send, Sync);
    let n = 1;
    assert_impl!(value = async move { n } => Send, Sync);
}

pin_project_lite::pin_project! {
    /// A hand-written adapter: its stream is pinned, its closure is not.
    struct MapLike<St, F> {
        #[pin]
        stream: St,
        f: F,
    }
}

impl<St: Stream, F: FnMut(St::Item) -> St::Item> Stream for MapLike<St, F> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = self.project();
        this.stream.poll_next(cx).map(|item| item.map(this.f))
    }
}

/// A try adapter over a stream of `Result`s, bounded like futures-util's.
struct OkCount<St: Stream<Item = Result<u8, ()>>> {
    stream: St,
    count: usize,
}

impl<St: Stream<Item = Result<u8, ()>> + Unpin> Unpin for OkCount<St> {}

#[test]
fn follow_checks_types_items_and_values() {
    type Cb = fn(u8) -> u8;
    assert_auto_traits_follow!(pinned X => MapLike<X, Cb>);
    assert_auto_traits_follow!(unpinned X => MapLike<Plain, X>);
    // `X<T>`: a part with another item type.
    assert_auto_traits_follow!(pinned X => OkCount<X<Result<u8, ()>>>);
    // The type of a value: closures over parts, futures named by type.
    assert_auto_traits_follow!(pinned X => value MapLike {
        stream: <X>::new(),
        f: |x: u8| x
    });
    assert_auto_traits_follow!(unpinned X => value {
        let part = <X>::new();
        MapLike {
            stream: <Plain>::new(),
            f: move |x: u8| {
                let _ = &part;
                x
            },
        }
    });
    // `X::<T>::new()`: a part of another item type, as a value.
    assert_auto_traits_follow!(pinned X => value Some(X::<bool>::new()));
    let mut mapped = MapLike {
        stream: rill_test::TestSource::new([1, 2]),
        f: |x: u8| x * 10,
    };
    rill_test::assert_stream_next!(mapped, 10);
    let counted = OkCount {
        stream: Plain::<Result<u8, ()>>::new(),
        count: 0,
    };
    assert_eq!(
        (counted.count, counted.stream.size_hint()),
        (0, (0, Some(0)))
    );
}

#[test]
fn follow_works_at_module_level_too() {
    mod inner {
        rill_test::assert_auto_traits_follow!(pinned X => Option<X>);
    }
    // `Option<X>` is `Unpin` exactly when `X` is: `pinned` holds for it.
    assert_impl!(Option<NotUnpin>: Send, Sync);
    assert_not_impl!(Option<NotUnpin>: Unpin);
}
