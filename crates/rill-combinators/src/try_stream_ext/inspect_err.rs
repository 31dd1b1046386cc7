map_result! {
    /// Stream for [`TryStreamExt::inspect_err`](super::TryStreamExt::inspect_err).
    ///
    /// ```
    /// use rill_combinators::{TryStreamExt, stream};
    ///
    /// let mut last = None;
    /// let s = stream::iter([Err(1), Ok(()), Err(2)]).inspect_err(|e| last = Some(*e));
    /// assert_eq!(rill_test::block_on_stream(s).count(), 3);
    /// assert_eq!(last, Some(2));
    /// ```
    InspectErr<St, F>, f: F,
    impl<> where [F: FnMut(&St::Error)],
    Item = Result<St::Ok, St::Error>,
    map = |f, item| item.inspect_err(f),
    example: "{ use rill_combinators::TryStreamExt; stream::iter(vec![Ok::<u8, u8>(1), Ok(2), Ok(3)]).inspect_err(|_| {}) }"
}
