use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::tokio::task::{JoinError, JoinSet};
use rill_core::Stream;

/// The results of a `tokio::task::JoinSet`'s tasks as a stream, in the
/// order the tasks finish, as tokio-stream's `wrappers::JoinSetStream`.
///
/// Each item is what `JoinSet::join_next` returns: `Ok(output)`, or
/// `Err(JoinError)` for a task that panicked or was aborted. The stream
/// returns `Ready(None)` whenever the set is empty, at once for an empty
/// set. It is not fused: tasks spawned through [`get_mut`](Self::get_mut)
/// after an end make it yield again, as `join_next` would.
///
/// `size_hint` is exact: `(len, Some(len))`, the tasks in the set (a task
/// stays counted until its result was yielded). Dropping the stream drops
/// the set, which aborts the tasks still running. Dropping a `next()`
/// future loses no result (`poll_join_next` removes a task only in the
/// poll that returns its result). Needs a tokio runtime when polled, like
/// the set's own methods.
///
/// ```
/// # // A paused clock: the timers fire in deadline order, however loaded
/// # // the machine is.
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use rill_channel::tokio::JoinSetStream;
/// use rill_combinators::StreamExt;
/// use tokio::task::JoinSet;
///
/// let mut set = JoinSet::new();
/// for i in 1..=3u64 {
///     set.spawn(async move {
///         tokio::time::sleep(std::time::Duration::from_millis(30 - 10 * i)).await;
///         i * 10
///     });
/// }
/// let done: Vec<u64> = JoinSetStream::new(set).map(Result::unwrap).collect().await;
/// assert_eq!(done, [30, 20, 10]); // the quickest first
/// # }
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct JoinSetStream<T> {
    set: JoinSet<T>,
}

impl<T> JoinSetStream<T> {
    /// Wraps a set.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use rill_channel::tokio::JoinSetStream;
    /// use rill_combinators::StreamExt;
    /// use rill_core::Stream;
    ///
    /// let set: tokio::task::JoinSet<u8> = (1..=2).map(|i| async move { i }).collect();
    /// let mut results = JoinSetStream::new(set);
    /// assert_eq!(results.size_hint(), (2, Some(2)));
    /// let mut got: Vec<u8> = (&mut results).map(Result::unwrap).collect().await;
    /// got.sort();
    /// assert_eq!(got, [1, 2]);
    /// # }
    /// ```
    pub fn new(set: JoinSet<T>) -> Self {
        Self { set }
    }

    /// Returns a shared reference to the set.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let set: tokio::task::JoinSet<()> = tokio::task::JoinSet::new();
    /// assert!(rill_channel::tokio::JoinSetStream::new(set).get_ref().is_empty());
    /// # }
    /// ```
    pub fn get_ref(&self) -> &JoinSet<T> {
        &self.set
    }

    /// Returns a mutable reference to the set: to spawn more tasks while
    /// streaming, or to abort them.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use rill_combinators::StreamExt;
    ///
    /// let mut results = rill_channel::tokio::JoinSetStream::new(tokio::task::JoinSet::new());
    /// assert!(results.next().await.is_none()); // empty: the end
    /// results.get_mut().spawn(async { "late" });
    /// assert_eq!(results.next().await.unwrap().unwrap(), "late"); // not fused
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut JoinSet<T> {
        &mut self.set
    }

    /// Returns the set, with the tasks whose results were not yielded yet.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let set: tokio::task::JoinSet<u8> = std::iter::once(async { 1 }).collect();
    /// let mut set = rill_channel::tokio::JoinSetStream::new(set).into_inner();
    /// assert_eq!(set.join_next().await.unwrap().unwrap(), 1);
    /// # }
    /// ```
    pub fn into_inner(self) -> JoinSet<T> {
        self.set
    }
}

impl<T: 'static> Stream for JoinSetStream<T> {
    type Item = Result<T, JoinError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.set.poll_join_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.set.len();
        (len, Some(len))
    }
}

impl<T> AsRef<JoinSet<T>> for JoinSetStream<T> {
    fn as_ref(&self) -> &JoinSet<T> {
        &self.set
    }
}

impl<T> AsMut<JoinSet<T>> for JoinSetStream<T> {
    fn as_mut(&mut self) -> &mut JoinSet<T> {
        &mut self.set
    }
}

impl<T> From<JoinSet<T>> for JoinSetStream<T> {
    /// Same as [`JoinSetStream::new`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// let results: rill_channel::tokio::JoinSetStream<()> = tokio::task::JoinSet::new().into();
    /// assert_eq!(rill_core::Stream::size_hint(&results), (0, Some(0)));
    /// # }
    /// ```
    fn from(set: JoinSet<T>) -> Self {
        Self::new(set)
    }
}

impl<T> fmt::Debug for JoinSetStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinSetStream")
            .field("len", &self.set.len())
            .finish()
    }
}
