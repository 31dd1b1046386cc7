// Compile-time checks of auto traits, included by the test files.
//
// `follows!(pinned X => Type<X>)` checks that `Type<X>` is Send, Sync and
// Unpin exactly when `X` is; `follows!(unpinned X => ...)` the same for a
// part that is not pinned, so `Type<X>` stays Unpin when `X` is not.

use std::cell::Cell;
use std::marker::{PhantomData, PhantomPinned};
use std::pin::Pin;
use std::task::{Context, Poll};

use rill_core::Stream;

/// A part whose auto traits are those of `M`; a stream of `u8` (and also
/// usable where a future or closure type is only named).
#[derive(Debug, Clone)]
pub(crate) struct Part<M>(PhantomData<M>);

impl<M> Stream for Part<M> {
    type Item = u8;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
}

pub(crate) type Good = Part<()>;
pub(crate) type NotSend = Part<*const ()>;
pub(crate) type NotSync = Part<Cell<()>>;
pub(crate) type NotUnpin = Part<PhantomPinned>;

pub(crate) fn send_sync_unpin<T: Send + Sync + Unpin>() {}
pub(crate) fn send_sync<T: Send + Sync>() {}
pub(crate) fn send_unpin<T: Send + Unpin>() {}

/// Fails to compile if `$ty` implements `$tr` (the two impls make the
/// method ambiguous then).
macro_rules! assert_not {
    ($ty:ty: $tr:path) => {{
        trait Ambiguous<A> {
            fn some() {}
        }
        impl<T: ?Sized> Ambiguous<()> for T {}
        impl<T: ?Sized + $tr> Ambiguous<u8> for T {}
        let _ = <$ty as Ambiguous<_>>::some;
    }};
}

macro_rules! follows {
    (pinned $x:ident => $ty:ty) => {{
        follows!(@common $x => $ty);
        type T<$x> = $ty;
        send_sync::<T<NotUnpin>>();
        assert_not!(T<NotUnpin>: Unpin);
    }};
    (unpinned $x:ident => $ty:ty) => {{
        follows!(@common $x => $ty);
        type T<$x> = $ty;
        send_sync_unpin::<T<NotUnpin>>();
    }};
    (@common $x:ident => $ty:ty) => {{
        type T<$x> = $ty;
        send_sync_unpin::<T<Good>>();
        assert_not!(T<NotSend>: Send);
        send_unpin::<T<NotSync>>();
        assert_not!(T<NotSync>: Sync);
    }};
}
