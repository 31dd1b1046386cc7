use core::fmt;

use super::{SplitSink, SplitStream};

/// The error of [`SplitSink::reunite`] and [`SplitStream::reunite`]: the two
/// halves did not come from one `split` call. It gives both back, unchanged.
///
/// ```
/// use rill_combinators::StreamExt;
///
/// let (sink, _) = rill_test::Loopback::<u8>::new().split();
/// let (_, stream) = rill_test::Loopback::<u8>::new().split();
/// let err = sink.reunite(stream).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "tried to reunite a SplitStream and a SplitSink that are not a pair",
/// );
/// let (sink, stream) = (err.0, err.1);
/// assert!(!sink.is_pair_of(&stream));
/// ```
pub struct ReuniteError<S, Item>(pub SplitSink<S, Item>, pub SplitStream<S>);

impl<S, Item> fmt::Debug for ReuniteError<S, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ReuniteError").finish_non_exhaustive()
    }
}

impl<S, Item> fmt::Display for ReuniteError<S, Item> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tried to reunite a SplitStream and a SplitSink that are not a pair")
    }
}

#[cfg(feature = "std")]
impl<S, Item> std::error::Error for ReuniteError<S, Item> {}
