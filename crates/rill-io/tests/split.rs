//! `split` over both backends, against tokio's own `split` as reference.
#![cfg(all(feature = "tokio", feature = "futures-io"))]

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use rill_combinators::StreamExt;
use rill_core::{FusedStream, Stream};

type Segments = Vec<Result<Vec<u8>, io::ErrorKind>>;

fn kinds(r: io::Result<Vec<u8>>) -> Result<Vec<u8>, io::ErrorKind> {
    r.map_err(|e| e.kind())
}

fn all<S: Stream<Item = io::Result<Vec<u8>>>>(s: S) -> Segments {
    rill_test::block_on(s.map(kinds).collect::<Vec<_>>())
}

/// What tokio's `Split::next_segment` loop gives.
fn reference(data: &[u8], delim: u8) -> Segments {
    use tokio::io::AsyncBufReadExt;
    let mut split = AsyncBufReadExt::split(data, delim);
    let mut out = Vec::new();
    rill_test::block_on(async {
        while let Some(seg) = split.next_segment().await.unwrap() {
            out.push(Ok(seg));
        }
    });
    out
}

/// A futures-io and tokio buffered reader over a slice with a small
/// buffer, returning `Pending` (and waking itself) before every fill when
/// asked to.
struct Chunky {
    data: &'static [u8],
    cap: usize,
    pending: bool,
    pended: bool,
}

impl Chunky {
    fn new(data: &'static [u8], cap: usize, pending: bool) -> Self {
        Self {
            data,
            cap,
            pending,
            pended: false,
        }
    }

    fn fill(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        if self.pending && !self.pended {
            self.pended = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.pended = false;
        let n = self.data.len().min(self.cap);
        Poll::Ready(Ok(&self.data[..n]))
    }
}

impl futures_io::AsyncRead for Chunky {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let got = std::task::ready!(this.fill(cx))?;
        let n = got.len().min(buf.len());
        buf[..n].copy_from_slice(&got[..n]);
        this.data = &this.data[n..];
        Poll::Ready(Ok(n))
    }
}

impl futures_io::AsyncBufRead for Chunky {
    fn poll_fill_buf(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        self.get_mut().fill(cx)
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let this = self.get_mut();
        this.data = &this.data[amt..];
    }
}

#[test]
fn segments_match_tokio_on_many_inputs() {
    let mut seed = 0x9e37_79b9_u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for _ in 0..300 {
        let mut data = Vec::new();
        for _ in 0..next() % 30 {
            data.push([b',', b'a', b'b', b',', b'\n'][(next() % 5) as usize]);
        }
        let data: &'static [u8] = Box::leak(data.into_boxed_slice());
        let want = reference(data, b',');
        let cap = 1 + (next() % 8) as usize;
        let r = tokio::io::BufReader::with_capacity(cap, data);
        assert_eq!(all(rill_io::tokio::split(r, b',')), want, "{data:?}");
        for pending in [false, true] {
            let r = Chunky::new(data, cap, pending);
            assert_eq!(
                all(rill_io::futures_io::split(r, b',')),
                want,
                "{data:?}, cap {cap}, pending {pending}"
            );
        }
    }
}

#[test]
fn edges_empty_segments_and_a_final_delimiter() {
    let seg = |s: &[u8]| Ok(s.to_vec());
    assert_eq!(all(rill_io::tokio::split(&b""[..], b',')), []);
    assert_eq!(all(rill_io::tokio::split(&b","[..], b',')), [seg(b"")]);
    assert_eq!(all(rill_io::tokio::split(&b"a,"[..], b',')), [seg(b"a")]);
    assert_eq!(
        all(rill_io::tokio::split(&b",,a"[..], b',')),
        [seg(b""), seg(b""), seg(b"a")]
    );
    // Any byte can be the delimiter, `\n` included: no `\r` handling.
    assert_eq!(
        all(rill_io::tokio::split(&b"x\r\ny"[..], b'\n')),
        [seg(b"x\r"), seg(b"y")]
    );
}

#[test]
fn the_stream_contract_holds() {
    for data in [&b""[..], b"a", b"a,b", b"a,b,", b",,,"] {
        let got = rill_test::check_fused_stream(|| rill_io::tokio::split(data, b',').map(kinds));
        assert_eq!(got, reference(data, b','));
    }
}

/// A tokio reader that fails after its data.
struct Failing(&'static [u8]);

impl tokio::io::AsyncRead for Failing {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.0.is_empty() {
            return Poll::Ready(Err(io::Error::other("gone")));
        }
        let n = self.0.len().min(buf.remaining());
        buf.put_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Poll::Ready(Ok(()))
    }
}

#[test]
fn an_error_is_yielded_once_then_the_end() {
    let mut s = Box::pin(rill_io::tokio::split(
        tokio::io::BufReader::new(Failing(b"a,b")),
        b',',
    ));
    let mut next = || rill_test::block_on(s.next()).map(kinds);
    assert_eq!(next(), Some(Ok(b"a".to_vec())));
    assert_eq!(next(), Some(Err(io::ErrorKind::Other)));
    assert_eq!(next(), None);
    assert_eq!(next(), None);
    assert!(s.is_terminated());
}

/// A buffered reader that panics when read again after it reported its
/// end, like a terminal that would wait for more input.
struct EofOnce {
    data: &'static [u8],
    ended: bool,
}

impl futures_io::AsyncRead for EofOnce {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        unreachable!("only the buffered interface is used")
    }
}

impl futures_io::AsyncBufRead for EofOnce {
    fn poll_fill_buf(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<&[u8]>> {
        let this = self.get_mut();
        assert!(!this.ended, "read again after the end");
        this.ended = this.data.is_empty();
        Poll::Ready(Ok(this.data))
    }

    fn consume(self: Pin<&mut Self>, amt: usize) {
        let this = self.get_mut();
        this.data = &this.data[amt..];
    }
}

#[test]
fn a_last_segment_ends_without_reading_again() {
    let r = EofOnce {
        data: b"x,a",
        ended: false,
    };
    let mut s = Box::pin(rill_io::futures_io::split(r, b','));
    let mut next = || rill_test::block_on(s.next()).map(kinds);
    assert_eq!(next(), Some(Ok(b"x".to_vec())));
    assert_eq!(next(), Some(Ok(b"a".to_vec())));
    assert_eq!(next(), None);
    assert_eq!(next(), None);
    assert!(s.is_terminated());
    // The same for `lines`.
    let r = EofOnce {
        data: b"last",
        ended: false,
    };
    let mut l = Box::pin(rill_io::futures_io::lines(r));
    assert_eq!(rill_test::block_on(l.next()).unwrap().unwrap(), "last");
    assert!(!l.is_terminated());
    assert!(rill_test::block_on(l.next()).is_none());
    assert!(l.is_terminated());
}

#[test]
fn accessors_and_debug() {
    let s = rill_io::tokio::split(&b"a,b"[..], b',');
    assert_eq!(s.delimiter(), b',');
    assert_eq!(s.get_ref(), b"a,b");
    assert!(format!("{s:?}").starts_with("SplitStream"));
    assert_eq!(s.into_inner(), b"a,b");
}
