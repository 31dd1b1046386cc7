map_result! {
    /// Stream for [`TryStreamExt::map_err`](super::TryStreamExt::map_err).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let s = stream::iter([Ok(1), Err(2)]).map_err(|e| e * 10);
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [Ok(1), Err(20)]);
    /// ```
    MapErr<St, F>, f: F,
    impl<E> where [F: FnMut(St::Error) -> E],
    Item = Result<St::Ok, E>,
    map = |f, item| item.map_err(f),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).map_err(|e| e) }"
}
