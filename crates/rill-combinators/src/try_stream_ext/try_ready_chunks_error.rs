use alloc::vec::Vec;
use core::fmt;

/// The error of [`TryReadyChunks`](super::TryReadyChunks): the stream's
/// error (`.1`) with the items gathered in the same poll before it
/// (`.0`, possibly empty), so that none is lost.
///
/// `Display` shows the stream's error; with `std` it is an
/// [`Error`](std::error::Error).
///
/// ```
/// use rill_combinators::{TryStreamExt, stream};
/// use rill_combinators::stream::TryReadyChunksError;
///
/// let s = stream::iter([Ok(1), Err("bad"), Ok(2)]).try_ready_chunks(4);
/// let chunks: Vec<_> = rill_test::block_on_stream(s).collect();
/// assert_eq!(chunks, [Err(TryReadyChunksError(vec![1], "bad")), Ok(vec![2])]);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct TryReadyChunksError<T, E>(pub Vec<T>, pub E);

/// Shows the error and how many items came before it (the items
/// themselves need not be `Debug`).
impl<T, E: fmt::Debug> fmt::Debug for TryReadyChunksError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryReadyChunksError")
            .field("items", &self.0.len())
            .field("error", &self.1)
            .finish()
    }
}

/// Shows the error of the stream.
impl<T, E: fmt::Display> fmt::Display for TryReadyChunksError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.1, f)
    }
}

#[cfg(feature = "std")]
impl<T, E: fmt::Debug + fmt::Display> std::error::Error for TryReadyChunksError<T, E> {}
