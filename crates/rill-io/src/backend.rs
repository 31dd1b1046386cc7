//! `lines`, `reader_stream` and `reader_stream_with_capacity`, stamped out
//! per backend with the backend's traits and doc examples.

macro_rules! io_backend {
    (
        marker: $marker:ident,
        module: $module:literal,
        buf_read: $buf_read:path,
        read: $read:path $(,)?
    ) => {
        #[doc = concat!("The marker type of the ", $module, " backend (the `Io` parameter of")]
        /// [`Lines`](crate::Lines) and [`ReaderStream`](crate::ReaderStream)).
        ///
        /// It has no values; it only keeps the backends apart.
        ///
        /// ```
        #[doc = concat!("let _: Option<rill_io::", $module, "::", stringify!($marker), "> = None;")]
        /// ```
        #[derive(Debug)]
        pub enum $marker {}

        #[doc = concat!("[`Lines`](crate::Lines) over a ", $module, " reader.")]
        ///
        /// ```
        #[doc = concat!("let _: Option<rill_io::", $module, "::Lines<&[u8]>> = None;")]
        /// ```
        pub type Lines<R> = crate::Lines<R, $marker>;

        #[doc = concat!("[`ReaderStream`](crate::ReaderStream) over a ", $module, " reader.")]
        ///
        /// ```
        #[doc = concat!("let _: Option<rill_io::", $module, "::ReaderStream<&[u8]>> = None;")]
        /// ```
        pub type ReaderStream<R> = crate::ReaderStream<R, $marker>;

        #[doc = concat!("[`SplitStream`](crate::SplitStream) over a ", $module, " reader.")]
        ///
        /// ```
        #[doc = concat!("let _: Option<rill_io::", $module, "::SplitStream<&[u8]>> = None;")]
        /// ```
        pub type SplitStream<R> = crate::SplitStream<R, $marker>;

        /// A stream of the lines of a buffered reader, as
        /// `io::Result<String>`, without their `\n` or `\r\n`.
        ///
        /// The last line is yielded even without a final `\n`; an empty
        /// reader gives no line. A line that is not valid UTF-8 yields an
        /// `Err` of kind `InvalidData` and the stream goes on; an error of
        /// the reader is yielded once and ends the stream. Memory stays at
        /// the reader's buffer plus the longest line, however big the input.
        /// See [`Lines`](crate::Lines).
        ///
        /// ```
        /// use rill_combinators::StreamExt;
        ///
        #[doc = concat!("let lines = rill_io::", $module, "::lines(&b\"one\\r\\ntwo\\n\\xff\\nlast\"[..]);")]
        /// let got: Vec<_> = rill_test::block_on(lines.collect());
        /// assert_eq!(got[0].as_ref().unwrap(), "one");
        /// assert_eq!(got[1].as_ref().unwrap(), "two");
        /// assert_eq!(got[2].as_ref().unwrap_err().kind(), std::io::ErrorKind::InvalidData);
        /// assert_eq!(got[3].as_ref().unwrap(), "last");
        /// assert_eq!(got.len(), 4);
        /// ```
        pub fn lines<R: $buf_read>(reader: R) -> Lines<R> {
            crate::Lines::new(reader)
        }

        /// A stream of the segments of a buffered reader between
        /// occurrences of `delimiter`, as `io::Result<Vec<u8>>`, without the
        /// delimiter: what tokio's `AsyncBufReadExt::split` gives (and
        /// tokio-stream's `SplitStream` over it).
        ///
        /// Empty segments between two delimiters are yielded; a delimiter at
        /// the very end is not followed by an empty segment; an empty reader
        /// gives nothing. An error of the reader is yielded once and ends the
        /// stream. See [`SplitStream`](crate::SplitStream).
        ///
        /// ```
        /// use rill_combinators::StreamExt;
        ///
        #[doc = concat!("let records = rill_io::", $module, "::split(&b\"a\\0\\0b\\0\"[..], b'\\0');")]
        /// let got: Vec<Vec<u8>> = rill_test::block_on(records.collect::<Vec<_>>())
        ///     .into_iter()
        ///     .map(Result::unwrap)
        ///     .collect();
        /// assert_eq!(got, [&b"a"[..], b"", b"b"]);
        /// ```
        pub fn split<R: $buf_read>(reader: R, delimiter: u8) -> SplitStream<R> {
            crate::SplitStream::new(reader, delimiter)
        }

        /// A stream of the bytes of a reader, in chunks of up to 8 KiB
        /// (`Vec<u8>`); see [`ReaderStream`](crate::ReaderStream).
        ///
        /// ```
        /// use rill_combinators::StreamExt;
        ///
        #[doc = concat!("let chunks = rill_io::", $module, "::reader_stream(&b\"hello\"[..]);")]
        /// let got: Vec<_> = rill_test::block_on(chunks.collect());
        /// assert_eq!(got.len(), 1);
        /// assert_eq!(got[0].as_ref().unwrap(), b"hello");
        /// ```
        pub fn reader_stream<R: $read>(reader: R) -> ReaderStream<R> {
            crate::ReaderStream::new(reader, crate::reader_stream::DEFAULT_CAPACITY)
        }

        /// [`reader_stream`] with chunks of up to `capacity` bytes.
        ///
        /// # Panics
        ///
        /// If `capacity` is 0 (at the caller's line).
        ///
        /// ```
        /// use rill_combinators::StreamExt;
        ///
        #[doc = concat!("let chunks = rill_io::", $module, "::reader_stream_with_capacity(&b\"hello\"[..], 2);")]
        /// let got: Vec<Vec<u8>> = rill_test::block_on(chunks.collect::<Vec<_>>())
        ///     .into_iter()
        ///     .map(Result::unwrap)
        ///     .collect();
        /// assert_eq!(got, [&b"he"[..], b"ll", b"o"]);
        /// ```
        #[track_caller]
        pub fn reader_stream_with_capacity<R: $read>(reader: R, capacity: usize) -> ReaderStream<R> {
            crate::ReaderStream::new(reader, capacity)
        }
    };
}
