use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::TryStream;

use crate::source::ReaderRules;

pin_project! {
    /// A [`TryStream`] of byte chunks read as a reader: `AsyncRead` and
    /// `AsyncBufRead` of the backend `Io`, made by
    /// [`tokio::StreamReader::new`](crate::tokio::StreamReader) (tokio-util's
    /// `StreamReader`) or [`futures_io::into_async_read`](crate::futures_io::into_async_read)
    /// (futures-util's `TryStreamExt::into_async_read`).
    ///
    /// The stream yields `Result<B, E>` with `B: AsRef<[u8]>` (`Bytes`,
    /// `Vec<u8>`, `&[u8]`, `String`, ...) and `E: Into<io::Error>`. A chunk
    /// is held as it came and read from in place: `fill_buf` lends its
    /// unread bytes, so a consumer that copies out of the buffer (such as
    /// [`lines`](crate::tokio::lines)) copies each byte once; `read` copies
    /// once, into the caller's buffer. A chunk is dropped as soon as it is
    /// read to its end. Empty chunks are skipped (they would read as the
    /// end).
    ///
    /// Edges:
    /// - the end of the stream is the end of the reader (`Ok(0)`, an empty
    ///   `fill_buf`), and the stream is not polled again;
    /// - a `read` into an empty buffer returns `Ok(0)` without polling;
    /// - a stream error is returned by the read that meets it (converted
    ///   with `Into<io::Error>`). Then the backends differ, each as the crate
    ///   it replaces: with tokio (tokio-util's rule) the next read goes on
    ///   with the stream's next chunk; with futures-io (futures-util's rule)
    ///   the reader is at its end from then on;
    /// - `consume(n)` past the unread bytes consumes what there is.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// // Chunks that cut lines anywhere, as a network body does.
    /// let chunks = stream::iter(["GET / HT", "TP/1.1\r\nHost: a\r", "\n\r\n"])
    ///     .map(Ok::<_, std::io::Error>);
    /// let reader = rill_io::tokio::StreamReader::new(chunks);
    /// let lines: Vec<String> = rill_test::block_on(rill_io::tokio::lines(reader).collect::<Vec<_>>())
    ///     .into_iter()
    ///     .map(Result::unwrap)
    ///     .collect();
    /// assert_eq!(lines, ["GET / HTTP/1.1", "Host: a", ""]);
    /// # }
    /// ```
    #[must_use = "readers do nothing unless read from"]
    pub struct StreamReader<S, Io>
    where
        S: TryStream,
    {
        #[pin]
        stream: S,
        // The chunk being read, and how much of it was read.
        chunk: Option<S::Ok>,
        pos: usize,
        eof: bool,
        _io: PhantomData<fn() -> Io>,
    }
}

impl<S: TryStream, Io> StreamReader<S, Io> {
    /// Wraps a stream of byte chunks; nothing is polled until the first
    /// read.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use rill_combinators::{StreamExt, stream};
    /// use tokio::io::AsyncReadExt;
    ///
    /// let chunks = stream::iter([b"ab".to_vec(), b"cd".to_vec()]).map(Ok::<_, std::io::Error>);
    /// let mut reader = rill_io::tokio::StreamReader::new(chunks);
    /// let mut all = String::new();
    /// reader.read_to_string(&mut all).await?;
    /// assert_eq!(all, "abcd");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(stream: S) -> Self {
        Self {
            stream,
            chunk: None,
            pos: 0,
            eof: false,
            _io: PhantomData,
        }
    }

    /// Returns a shared reference to the stream.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_combinators::stream;
    /// let reader = rill_io::tokio::StreamReader::new(stream::iter([Ok::<_, std::io::Error>(b"x")]));
    /// assert_eq!(rill_core::Stream::size_hint(reader.get_ref()), (1, Some(1)));
    /// # }
    /// ```
    pub fn get_ref(&self) -> &S {
        &self.stream
    }

    /// Returns a mutable reference to the stream; chunks taken from it
    /// directly are not seen by the reader.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_combinators::{StreamExt, stream};
    /// let mut reader = rill_io::tokio::StreamReader::new(stream::iter([Ok::<_, std::io::Error>(b"x")]));
    /// assert!(rill_test::block_on(reader.get_mut().next()).is_some());
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.stream
    }

    /// Returns a pinned mutable reference to the stream.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_combinators::{StreamExt, stream};
    /// let mut reader = Box::pin(rill_io::tokio::StreamReader::new(stream::iter([Ok::<_, std::io::Error>(b"x")])));
    /// assert!(rill_test::block_on(reader.as_mut().get_pin_mut().next()).is_some());
    /// # }
    /// ```
    pub fn get_pin_mut(self: Pin<&mut Self>) -> Pin<&mut S> {
        self.project().stream
    }

    /// Returns the stream; the unread bytes of the chunk being read are
    /// lost (take them with [`buffer`](Self::buffer) first).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")] {
    /// use rill_combinators::{StreamExt, stream};
    /// let reader = rill_io::tokio::StreamReader::new(stream::iter([Ok::<_, std::io::Error>(b"x")]));
    /// assert_eq!(rill_test::block_on(reader.into_inner().count()), 1);
    /// # }
    /// ```
    pub fn into_inner(self) -> S {
        self.stream
    }
}

impl<S, Io> StreamReader<S, Io>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
{
    /// The unread bytes of the chunk being read (empty when none is held):
    /// what the next read returns first, without polling the stream.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use rill_combinators::{StreamExt, stream};
    /// use tokio::io::AsyncReadExt;
    ///
    /// let chunks = stream::iter(["hello", "world"]).map(Ok::<_, std::io::Error>);
    /// let mut reader = rill_io::tokio::StreamReader::new(chunks);
    /// assert_eq!(reader.buffer(), b"");
    /// let mut two = [0; 2];
    /// reader.read_exact(&mut two).await?;
    /// assert_eq!(reader.buffer(), b"llo");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn buffer(&self) -> &[u8] {
        match &self.chunk {
            Some(chunk) => &chunk.as_ref()[self.pos..],
            None => &[],
        }
    }
}

impl<S, Io> StreamReader<S, Io>
where
    S: TryStream,
    S::Ok: AsRef<[u8]>,
    S::Error: Into<io::Error>,
    Io: ReaderRules,
{
    /// `AsyncBufRead::poll_fill_buf` of both backends.
    pub(crate) fn poll_buffered(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<&[u8]>> {
        let mut this = self.project();
        loop {
            let unread = match this.chunk.as_ref() {
                Some(chunk) => *this.pos < chunk.as_ref().len(),
                None => false,
            };
            if unread {
                break;
            }
            if *this.eof {
                return Poll::Ready(Ok(&[]));
            }
            // Dropped before the poll: no stale chunk held while waiting.
            *this.chunk = None;
            *this.pos = 0;
            match ready!(this.stream.as_mut().try_poll_next(cx)) {
                // An empty chunk loops: it would read as the end.
                Some(Ok(chunk)) => *this.chunk = Some(chunk),
                Some(Err(e)) => {
                    *this.eof = Io::END_ON_ERROR;
                    return Poll::Ready(Err(e.into()));
                }
                None => {
                    *this.eof = true;
                    return Poll::Ready(Ok(&[]));
                }
            }
        }
        let chunk = this.chunk;
        let pos = *this.pos;
        Poll::Ready(Ok(chunk.as_ref().map_or(&[][..], |c| &c.as_ref()[pos..])))
    }

    /// `AsyncBufRead::consume` of both backends.
    pub(crate) fn consume_buffered(self: Pin<&mut Self>, amt: usize) {
        let this = self.project();
        if let Some(chunk) = this.chunk.as_ref() {
            let len = chunk.as_ref().len();
            *this.pos = this.pos.saturating_add(amt).min(len);
            if *this.pos == len {
                // Read to its end: free it now, not at the next fill.
                *this.chunk = None;
                *this.pos = 0;
            }
        }
    }
}

impl<S, Io> fmt::Debug for StreamReader<S, Io>
where
    S: TryStream + fmt::Debug,
    S::Ok: AsRef<[u8]>,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamReader")
            .field("stream", &self.stream)
            .field("buffered", &self.buffer().len())
            .field("eof", &self.eof)
            .finish()
    }
}
