map_result! {
    /// Stream for [`TryStreamExt::map_err`](super::TryStreamExt::map_err).
    MapErr<St, F>, f: F,
    impl<E> where [F: FnMut(St::Error) -> E],
    Item = Result<St::Ok, E>,
    map = |f, item| item.map_err(f)
}
