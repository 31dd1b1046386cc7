map_result! {
    /// Stream for [`TryStreamExt::inspect_ok`](super::TryStreamExt::inspect_ok).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut total = 0;
    /// let s = stream::iter([Ok(2), Err(()), Ok(3)]).inspect_ok(|x| total += x);
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(total, 5);
    /// ```
    InspectOk<St, F>, f: F,
    impl<> where [F: FnMut(&St::Ok)],
    Item = Result<St::Ok, St::Error>,
    map = |f, item| item.inspect(f),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).inspect_ok(|_| {}) }"
}
