//! Streams over futures-io's `AsyncBufRead`/`AsyncRead` (async-std, smol,
//! futures).
//!
//! ```
//! use rill_combinators::StreamExt;
//!
//! let lines = rill_io::futures_io::lines(&b"a\r\nb"[..]);
//! let got: Vec<String> = rill_test::block_on(lines.collect::<Vec<_>>())
//!     .into_iter()
//!     .map(Result::unwrap)
//!     .collect();
//! assert_eq!(got, ["a", "b"]);
//! ```

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use ::futures_io::{AsyncBufRead, AsyncRead};

use crate::source::{BufSource, ReadSource};

io_backend! {
    marker: FuturesIo,
    module: "futures_io",
    buf_read: ::futures_io::AsyncBufRead,
    read: ::futures_io::AsyncRead,
}

impl<R: AsyncBufRead + ?Sized> BufSource<FuturesIo> for R {
    fn poll_fill(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.poll_fill_buf(cx)
    }

    fn consume_bytes(self: Pin<&mut Self>, amt: usize) {
        self.consume(amt);
    }
}

impl<R: AsyncRead + ?Sized> ReadSource<FuturesIo> for R {
    fn poll_read_into(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        self.poll_read(cx, buf)
    }
}
