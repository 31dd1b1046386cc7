use core::marker::PhantomData;

map_result! {
    /// Stream for [`TryStreamExt::err_into`](super::TryStreamExt::err_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `E`.
    ErrInto<St, E>, f: PhantomData<fn() -> E>,
    impl<> where [St::Error: Into<E>],
    Item = Result<St::Ok, E>,
    map = |_f, item| item.map_err(Into::into)
}
