//! `lines` and `reader_stream` over both backends.
#![cfg(all(feature = "tokio", feature = "futures-io"))]

use std::io;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use rill_combinators::StreamExt;
use rill_core::{FusedStream, Stream};

/// Collects the lines as `Ok(text)` or `Err(kind)`.
fn all<S: Stream<Item = io::Result<String>>>(s: S) -> Vec<Result<String, io::ErrorKind>> {
    rill_test::block_on(s.collect::<Vec<_>>())
        .into_iter()
        .map(|r| r.map_err(|e| e.kind()))
        .collect()
}

fn ok(s: &str) -> Result<String, io::ErrorKind> {
    Ok(s.to_owned())
}

/// What tokio's own `next_line` loop gives, as the reference.
fn reference(data: &[u8]) -> Vec<Result<String, io::ErrorKind>> {
    use tokio::io::AsyncBufReadExt;
    let mut lines = (data).lines();
    let mut out = Vec::new();
    rill_test::block_on(async {
        loop {
            match lines.next_line().await {
                Ok(Some(l)) => out.push(Ok(l)),
                Ok(None) => break,
                Err(e) => out.push(Err(e.kind())),
            }
        }
    });
    out
}

#[test]
fn lines_split_strip_cr_and_keep_the_last_line() {
    let data = b"one\r\ntwo\n\nthree\r";
    let want = vec![ok("one"), ok("two"), ok(""), ok("three\r")];
    // A lone `\r` at the very end without `\n` stays (as in tokio).
    assert_eq!(reference(data), want);
    for cap in [1, 2, 3, 7, 64] {
        let r = tokio::io::BufReader::with_capacity(cap, &data[..]);
        assert_eq!(all(rill_io::tokio::lines(r)), want, "tokio, capacity {cap}");
        let r = futures_lite_bufreader(cap, data);
        assert_eq!(
            all(rill_io::futures_io::lines(r)),
            want,
            "futures-io, capacity {cap}"
        );
    }
    assert_eq!(all(rill_io::tokio::lines(&b""[..])), []);
    assert_eq!(all(rill_io::tokio::lines(&b"\n"[..])), [ok("")]);
    assert_eq!(all(rill_io::tokio::lines(&b"x\r\n"[..])), [ok("x")]);
}

#[test]
fn invalid_utf8_is_an_error_for_that_line_only() {
    let data = b"good\nbad \xff\xfe\nalso good\n\xc3";
    let want = vec![
        ok("good"),
        Err(io::ErrorKind::InvalidData),
        ok("also good"),
        Err(io::ErrorKind::InvalidData),
    ];
    for cap in [1, 4, 100] {
        let r = tokio::io::BufReader::with_capacity(cap, &data[..]);
        assert_eq!(all(rill_io::tokio::lines(r)), want, "capacity {cap}");
    }
}

#[test]
fn lines_match_tokio_on_many_inputs() {
    // A small deterministic generator: lines of varied length, CRLF, empty
    // lines, multi-byte UTF-8, and no final newline half of the time.
    let mut seed = 0x2545_f491_u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for case in 0..200 {
        let mut data = Vec::new();
        for _ in 0..next() % 12 {
            for _ in 0..next() % 20 {
                data.extend_from_slice(
                    ["a", "é", "\r", "🦀", "z"][(next() % 5) as usize].as_bytes(),
                );
            }
            data.extend_from_slice(if next() % 3 == 0 { b"\r\n" } else { b"\n" });
        }
        if case % 2 == 0 {
            data.extend_from_slice(b"tail");
        }
        let cap = 1 + (next() % 16) as usize;
        let r = tokio::io::BufReader::with_capacity(cap, &data[..]);
        assert_eq!(all(rill_io::tokio::lines(r)), reference(&data), "{data:?}");
    }
}

/// A reader that fails once, after `good` bytes.
struct Failing {
    data: &'static [u8],
}

impl tokio::io::AsyncRead for Failing {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.data.is_empty() {
            return Poll::Ready(Err(io::Error::other("disk on fire")));
        }
        let n = self.data.len().min(buf.remaining());
        buf.put_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Poll::Ready(Ok(()))
    }
}

#[test]
fn a_reader_error_is_yielded_once_and_ends_the_stream() {
    let r = tokio::io::BufReader::new(Failing { data: b"a\nb" });
    let mut lines = Box::pin(rill_io::tokio::lines(r));
    rill_test::block_on(async {
        assert_eq!(lines.next().await.unwrap().unwrap(), "a");
        assert_eq!(
            lines.next().await.unwrap().unwrap_err().kind(),
            io::ErrorKind::Other
        );
        // Terminated only once `None` was returned.
        assert!(!lines.is_terminated());
        assert!(lines.next().await.is_none());
        assert!(lines.is_terminated());
        assert!(lines.next().await.is_none());
    });

    let mut chunks = Box::pin(rill_io::tokio::reader_stream(Failing { data: b"abc" }));
    rill_test::block_on(async {
        assert_eq!(chunks.next().await.unwrap().unwrap(), b"abc");
        assert!(chunks.next().await.unwrap().is_err());
        assert!(!chunks.is_terminated());
        assert!(chunks.next().await.is_none());
        assert!(chunks.is_terminated());
    });
}

#[test]
fn reader_stream_gives_back_every_byte() {
    let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
    for cap in [1, 3, 100, 4096, 20_000] {
        let chunks: Vec<Vec<u8>> = rill_test::block_on(
            rill_io::tokio::reader_stream_with_capacity(&data[..], cap).collect::<Vec<_>>(),
        )
        .into_iter()
        .map(Result::unwrap)
        .collect();
        assert!(chunks.iter().all(|c| !c.is_empty() && c.len() <= cap));
        assert_eq!(chunks.concat(), data, "tokio, capacity {cap}");
        let chunks: Vec<Vec<u8>> = rill_test::block_on(
            rill_io::futures_io::reader_stream_with_capacity(&data[..], cap).collect::<Vec<_>>(),
        )
        .into_iter()
        .map(Result::unwrap)
        .collect();
        assert_eq!(chunks.concat(), data, "futures-io, capacity {cap}");
    }
    let empty: Vec<_> = rill_test::block_on(rill_io::tokio::reader_stream(&b""[..]).collect());
    assert!(empty.is_empty());
}

#[test]
#[should_panic(expected = "`reader_stream_with_capacity` called with a capacity of 0")]
fn reader_stream_capacity_zero_panics() {
    let _ = rill_io::tokio::reader_stream_with_capacity(&b""[..], 0);
}

#[test]
fn auto_traits_follow_the_reader() {
    rill_test::assert_impl!(rill_io::tokio::Lines<&[u8]>: Send, Sync, Unpin);
    rill_test::assert_impl!(rill_io::futures_io::ReaderStream<&[u8]>: Send, Sync);
    rill_test::assert_impl!(rill_io::tokio::TcpListenerStream: Send, Sync);
    rill_test::assert_impl!(rill_io::futures_io::Lines<&[u8]>: Unpin);
    // A `!Send` reader gives a `!Send` stream.
    rill_test::assert_not_impl!(rill_io::tokio::Lines<RcReader>: Send);
}

/// A `!Send` reader for the auto-trait check.
struct RcReader(#[allow(dead_code)] Rc<()>);

/// A minimal futures-io `AsyncBufRead` over a slice with a given buffer
/// size, so that lines span refills.
fn futures_lite_bufreader(cap: usize, data: &'static [u8]) -> SmallBuf {
    SmallBuf { data, cap }
}

struct SmallBuf {
    data: &'static [u8],
    cap: usize,
}

impl futures_io::AsyncRead for SmallBuf {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let n = this.data.len().min(buf.len()).min(this.cap);
        buf[..n].copy_from_slice(&this.data[..n]);
        this.data = &this.data[n..];
        Poll::Ready(Ok(n))
    }
}

impl futures_io::AsyncBufRead for SmallBuf {
    fn poll_fill_buf(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        let n = this.data.len().min(this.cap);
        Poll::Ready(Ok(&this.data[..n]))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let this = self.get_mut();
        this.data = &this.data[amt..];
    }
}
