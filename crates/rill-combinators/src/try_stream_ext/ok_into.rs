use core::marker::PhantomData;

map_result! {
    /// Stream for [`TryStreamExt::ok_into`](super::TryStreamExt::ok_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `U`.
    OkInto<St, U>, f: PhantomData<fn() -> U>,
    impl<> where [St::Ok: Into<U>],
    Item = Result<U, St::Error>,
    map = |_f, item| item.map(Into::into)
}
