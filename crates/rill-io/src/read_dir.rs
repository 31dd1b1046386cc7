use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use ::tokio::fs::{DirEntry, ReadDir};
use rill_core::{FusedStream, Stream};

/// The entries of a `tokio::fs::ReadDir` as a stream, as tokio-stream's
/// `wrappers::ReadDirStream`.
///
/// Yields `io::Result<DirEntry>` in the order the operating system lists
/// them (not sorted; `.` and `..` are left out, as by `std::fs::read_dir`).
/// An error is about one entry: it is yielded and the stream goes on, as
/// `std::fs::ReadDir` does. The stream ends when the directory has no
/// more entries; after the end, `None` forever (fused). Like `ReadDir`, it
/// reads on tokio's blocking pool, so it needs a tokio runtime when polled.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use rill_combinators::StreamExt;
/// use rill_io::tokio::ReadDirStream;
///
/// let dir = std::env::temp_dir().join(format!("rill-io-doc-read-dir-{}", std::process::id()));
/// tokio::fs::create_dir_all(&dir).await?;
/// tokio::fs::write(dir.join("a.txt"), b"a").await?;
/// tokio::fs::write(dir.join("b.txt"), b"b").await?;
///
/// let entries = ReadDirStream::new(tokio::fs::read_dir(&dir).await?);
/// let mut names: Vec<String> = entries
///     .map(|e| e.unwrap().file_name().into_string().unwrap())
///     .collect()
///     .await;
/// names.sort();
/// assert_eq!(names, ["a.txt", "b.txt"]);
/// tokio::fs::remove_dir_all(&dir).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct ReadDirStream {
    read_dir: ReadDir,
    done: bool,
}

impl ReadDirStream {
    /// Wraps a `ReadDir` (from `tokio::fs::read_dir`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use rill_combinators::StreamExt;
    ///
    /// let dir = std::env::temp_dir().join(format!("rill-io-doc-read-dir-new-{}", std::process::id()));
    /// tokio::fs::create_dir_all(&dir).await?;
    /// let mut entries = rill_io::tokio::ReadDirStream::new(tokio::fs::read_dir(&dir).await?);
    /// assert!(entries.next().await.is_none()); // an empty directory
    /// tokio::fs::remove_dir(&dir).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(read_dir: ReadDir) -> Self {
        Self {
            read_dir,
            done: false,
        }
    }

    /// Returns a shared reference to the `ReadDir`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let entries = rill_io::tokio::ReadDirStream::new(tokio::fs::read_dir(".").await?);
    /// assert!(format!("{:?}", entries.get_ref()).starts_with("ReadDir"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_ref(&self) -> &ReadDir {
        &self.read_dir
    }

    /// Returns a mutable reference to the `ReadDir`; entries read from it
    /// directly are not seen by the stream.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut entries = rill_io::tokio::ReadDirStream::new(tokio::fs::read_dir(".").await?);
    /// assert!(entries.get_mut().next_entry().await?.is_some()); // the crate has files
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut ReadDir {
        &mut self.read_dir
    }

    /// Returns the `ReadDir`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let entries = rill_io::tokio::ReadDirStream::new(tokio::fs::read_dir(".").await?);
    /// let mut read_dir: tokio::fs::ReadDir = entries.into_inner();
    /// assert!(read_dir.next_entry().await?.is_some());
    /// # Ok(())
    /// # }
    /// ```
    pub fn into_inner(self) -> ReadDir {
        self.read_dir
    }
}

impl Stream for ReadDirStream {
    type Item = io::Result<DirEntry>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        self.read_dir.poll_next_entry(cx).map(|entry| match entry {
            Ok(Some(entry)) => Some(Ok(entry)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => Some(Err(e)),
        })
    }
}

impl FusedStream for ReadDirStream {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl AsRef<ReadDir> for ReadDirStream {
    fn as_ref(&self) -> &ReadDir {
        &self.read_dir
    }
}

impl AsMut<ReadDir> for ReadDirStream {
    fn as_mut(&mut self) -> &mut ReadDir {
        &mut self.read_dir
    }
}

impl From<ReadDir> for ReadDirStream {
    /// Same as [`ReadDirStream::new`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let entries: rill_io::tokio::ReadDirStream = tokio::fs::read_dir(".").await?.into();
    /// assert!(!rill_core::FusedStream::is_terminated(&entries));
    /// # Ok(())
    /// # }
    /// ```
    fn from(read_dir: ReadDir) -> Self {
        Self::new(read_dir)
    }
}
