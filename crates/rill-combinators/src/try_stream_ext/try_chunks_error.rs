use alloc::vec::Vec;
use core::fmt;

/// The error of [`TryChunks`](super::TryChunks): the stream's error
/// (`.1`) with the items of the unfinished chunk gathered before it
/// (`.0`, possibly empty), so that none is lost.
///
/// `Display` shows the stream's error; with `std` it is an
/// [`Error`](std::error::Error).
///
/// ```
/// use rill_combinators::{TryStreamExt, stream};
/// use rill_combinators::stream::TryChunksError;
///
/// let s = stream::iter([Ok(1), Ok(2), Ok(3), Err("bad")]).try_chunks(2);
/// let chunks: Vec<_> = rill_test::block_on_stream(s).collect();
/// assert_eq!(chunks, [Ok(vec![1, 2]), Err(TryChunksError(vec![3], "bad"))]);
/// assert_eq!(TryChunksError(vec![3], "bad").to_string(), "bad");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct TryChunksError<T, E>(pub Vec<T>, pub E);

/// Shows the error and how many items came before it (the items
/// themselves need not be `Debug`).
impl<T, E: fmt::Debug> fmt::Debug for TryChunksError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryChunksError")
            .field("items", &self.0.len())
            .field("error", &self.1)
            .finish()
    }
}

/// Shows the error of the stream.
impl<T, E: fmt::Display> fmt::Display for TryChunksError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.1, f)
    }
}

#[cfg(feature = "std")]
impl<T, E: fmt::Debug + fmt::Display> std::error::Error for TryChunksError<T, E> {}
