use core::marker::PhantomData;

map_result! {
    /// Stream for [`TryStreamExt::err_into`](super::TryStreamExt::err_into).
    ///
    /// `Send`, `Sync` and `Unpin` do not depend on `E`.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err(2u8)]).err_into::<u32>();
    /// let items: Vec<Result<i32, u32>> = rill_test::block_on_stream(s).collect();
    /// assert_eq!(items, [Ok(1), Err(2)]);
    /// ```
    ErrInto<St, E>, f: PhantomData<fn() -> E>,
    impl<> where [St::Error: Into<E>],
    Item = Result<St::Ok, E>,
    map = |_f, item| item.map_err(Into::into),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).err_into::<u16>() }"
}
