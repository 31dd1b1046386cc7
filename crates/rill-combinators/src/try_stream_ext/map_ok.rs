map_result! {
    /// Stream for [`TryStreamExt::map_ok`](super::TryStreamExt::map_ok).
    ///
    /// One item out per item in, so `size_hint` is the stream's.
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let s = stream::iter([Ok::<_, ()>(1), Ok(2)]).map_ok(|x| x + 1);
    /// assert_eq!(s.size_hint(), (2, Some(2)));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(2), Ok(3)]);
    /// ```
    MapOk<St, F>, f: F,
    impl<T> where [F: FnMut(St::Ok) -> T],
    Item = Result<T, St::Error>,
    map = |f, item| item.map(f),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).map_ok(|x| x) }"
}
