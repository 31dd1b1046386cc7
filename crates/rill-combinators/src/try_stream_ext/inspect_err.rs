map_result! {
    /// Stream for [`TryStreamExt::inspect_err`](super::TryStreamExt::inspect_err).
    InspectErr<St, F>, f: F,
    impl<> where [F: FnMut(&St::Error)],
    Item = Result<St::Ok, St::Error>,
    map = |f, item| item.inspect_err(f)
}
