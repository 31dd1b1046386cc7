use core::marker::PhantomData;

map_result! {
    /// Stream for [`TryStreamExt::ok_into`](super::TryStreamExt::ok_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `U`.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1u8), Err(2)]).ok_into::<u64>();
    /// let items: Vec<Result<u64, i32>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(2)]);
    /// ```
    OkInto<St, U>, f: PhantomData<fn() -> U>,
    impl<> where [St::Ok: Into<U>],
    Item = Result<U, St::Error>,
    map = |_f, item| item.map(Into::into),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).ok_into::<u16>() }"
}
