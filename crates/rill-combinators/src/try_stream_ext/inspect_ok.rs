map_result! {
    /// Stream for [`TryStreamExt::inspect_ok`](super::TryStreamExt::inspect_ok).
    InspectOk<St, F>, f: F,
    impl<> where [F: FnMut(&St::Ok)],
    Item = Result<St::Ok, St::Error>,
    map = |f, item| item.inspect(f)
}
