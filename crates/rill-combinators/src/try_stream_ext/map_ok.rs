map_result! {
    /// Stream for [`TryStreamExt::map_ok`](super::TryStreamExt::map_ok).
    MapOk<St, F>, f: F,
    impl<T> where [F: FnMut(St::Ok) -> T],
    Item = Result<T, St::Error>,
    map = |f, item| item.map(f)
}
