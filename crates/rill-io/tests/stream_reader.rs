//! `StreamReader` (tokio) and `into_async_read` (futures-io): a stream of
//! byte chunks read back as the bytes it holds, however it is chunked,
//! however often the stream says "not yet", and whatever the read sizes.
#![cfg(all(feature = "tokio", feature = "futures-io"))]

use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::task::Poll;

use rill_combinators::{StreamExt, stream};
use rill_core::Stream;
use rill_test::TestSource;

/// A small deterministic generator.
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
}

/// Cuts `data` into chunks of 0 to 9 bytes (empty chunks included).
fn chunks(data: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let n = (rng.next() % 10) as usize;
        let n = n.min(rest.len());
        out.push(rest[..n].to_vec());
        rest = &rest[n..];
    }
    if rng.next().is_multiple_of(2) {
        out.push(Vec::new());
    }
    out
}

/// Reads a futures-io reader to its end with reads of 1 to 7 bytes.
fn read_all_futures<R: futures_io::AsyncRead>(r: R, rng: &mut Rng) -> io::Result<Vec<u8>> {
    let mut r = Box::pin(r);
    let mut out = Vec::new();
    loop {
        let mut buf = vec![0; 1 + (rng.next() % 7) as usize];
        let n = rill_test::block_on(poll_fn(|cx| r.as_mut().poll_read(cx, &mut buf)))?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// Reads a tokio reader to its end with reads of 1 to 7 bytes.
fn read_all_tokio<R: tokio::io::AsyncRead>(r: R, rng: &mut Rng) -> io::Result<Vec<u8>> {
    let mut r = Box::pin(r);
    let mut out = Vec::new();
    loop {
        let mut storage = vec![0; 1 + (rng.next() % 7) as usize];
        let mut buf = tokio::io::ReadBuf::new(&mut storage);
        rill_test::block_on(poll_fn(|cx| r.as_mut().poll_read(cx, &mut buf)))?;
        if buf.filled().is_empty() {
            return Ok(out);
        }
        out.extend_from_slice(buf.filled());
    }
}

fn ok_chunks(v: Vec<Vec<u8>>) -> impl Stream<Item = io::Result<Vec<u8>>> {
    TestSource::new(v).map(Ok)
}

#[test]
fn every_byte_comes_back_in_order() {
    let mut rng = Rng(0x1234_5678);
    for case in 0..300u32 {
        let len = (rng.next() % 100) as usize;
        let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let parts = chunks(&data, &mut rng);
        // Through `interleave_pending`: "not yet" before every chunk.
        let pending = case.is_multiple_of(2);
        let src = |p: Vec<Vec<u8>>| TestSource::new(p).pending(pending).map(Ok::<_, io::Error>);
        let r = rill_io::tokio::StreamReader::new(src(parts.clone()));
        assert_eq!(
            read_all_tokio(r, &mut rng).unwrap(),
            data,
            "tokio {parts:?}"
        );
        let r = rill_io::futures_io::into_async_read(src(parts.clone()));
        assert_eq!(
            read_all_futures(r, &mut rng).unwrap(),
            data,
            "futures-io {parts:?}"
        );
    }
}

#[test]
fn lines_over_a_chunked_body_match_lines_over_the_whole() {
    let mut rng = Rng(0xdead_beef);
    for _ in 0..200 {
        let mut data = Vec::new();
        for _ in 0..rng.next() % 8 {
            for _ in 0..rng.next() % 12 {
                data.push([b'a', b'\r', b'z', 0xc3, 0xa9][(rng.next() % 5) as usize]);
            }
            data.extend_from_slice(b"\n");
        }
        let parts = chunks(&data, &mut rng);
        let kind = |r: io::Result<String>| r.map_err(|e| e.kind());
        let want: Vec<_> = rill_test::block_on(
            rill_io::tokio::lines(&data[..])
                .map(kind)
                .collect::<Vec<_>>(),
        );
        let reader = rill_io::tokio::StreamReader::new(ok_chunks(parts.clone()));
        let got: Vec<_> =
            rill_test::block_on(rill_io::tokio::lines(reader).map(kind).collect::<Vec<_>>());
        assert_eq!(got, want, "tokio {parts:?}");
        let reader = rill_io::futures_io::into_async_read(ok_chunks(parts.clone()));
        let got: Vec<_> = rill_test::block_on(
            rill_io::futures_io::lines(reader)
                .map(kind)
                .collect::<Vec<_>>(),
        );
        assert_eq!(got, want, "futures-io {parts:?}");
    }
}

#[test]
fn round_trip_through_reader_stream() {
    let data: Vec<u8> = (0..50_000u32).map(|i| (i * 31 % 253) as u8).collect();
    let chunks = rill_io::tokio::reader_stream_with_capacity(&data[..], 777);
    let back = rill_io::tokio::StreamReader::new(chunks);
    let mut rng = Rng(7);
    assert_eq!(read_all_tokio(back, &mut rng).unwrap(), data);
}

#[test]
fn chunk_types_bytes_can_be() {
    let mut rng = Rng(99);
    let strs = stream::iter(["ab", "", "c"]).map(Ok::<_, io::Error>);
    let r = rill_io::futures_io::into_async_read(strs);
    assert_eq!(read_all_futures(r, &mut rng).unwrap(), b"abc");
    let strings = stream::iter([String::from("d"), String::from("e")]).map(Ok::<_, io::Error>);
    let r = rill_io::tokio::StreamReader::new(strings);
    assert_eq!(read_all_tokio(r, &mut rng).unwrap(), b"de");
    let boxed = stream::iter([Box::<[u8]>::from(&b"fg"[..])]).map(Ok::<_, io::Error>);
    let r = rill_io::tokio::StreamReader::new(boxed);
    assert_eq!(read_all_tokio(r, &mut rng).unwrap(), b"fg");
}

/// An error type that converts into `io::Error`, as tokio-util allows.
#[derive(Debug)]
struct Cut;

impl From<Cut> for io::Error {
    fn from(_: Cut) -> io::Error {
        io::Error::new(io::ErrorKind::ConnectionReset, "cut")
    }
}

fn cut_in_the_middle() -> impl Stream<Item = Result<&'static [u8], Cut>> {
    stream::iter([Ok(&b"ab"[..]), Err(Cut), Ok(&b"cd"[..])])
}

#[test]
fn tokio_flavour_goes_on_after_an_error() {
    use tokio::io::AsyncReadExt;
    let mut r = Box::pin(rill_io::tokio::StreamReader::new(cut_in_the_middle()));
    let mut buf = [0u8; 8];
    let mut read = || rill_test::block_on(r.read(&mut buf)).map_err(|e| e.kind());
    assert_eq!(read(), Ok(2));
    assert_eq!(read(), Err(io::ErrorKind::ConnectionReset));
    assert_eq!(read(), Ok(2));
    assert_eq!(read(), Ok(0));
    assert_eq!(read(), Ok(0));
}

#[test]
fn futures_flavour_ends_at_an_error() {
    let mut r = Box::pin(rill_io::futures_io::into_async_read(cut_in_the_middle()));
    let mut buf = [0u8; 8];
    let mut read = || {
        rill_test::block_on(poll_fn(|cx| {
            futures_io::AsyncRead::poll_read(r.as_mut(), cx, &mut buf)
        }))
        .map_err(|e| e.kind())
    };
    assert_eq!(read(), Ok(2));
    assert_eq!(read(), Err(io::ErrorKind::ConnectionReset));
    assert_eq!(read(), Ok(0));
    assert_eq!(read(), Ok(0));
}

#[test]
fn the_stream_is_not_polled_after_its_end_nor_for_an_empty_read() {
    let mut r = Box::pin(rill_io::futures_io::into_async_read(
        TestSource::new([b"x".to_vec()]).map(Ok::<_, io::Error>),
    ));
    let mut empty = [0u8; 0];
    let n = rill_test::block_on(poll_fn(|cx| {
        futures_io::AsyncRead::poll_read(r.as_mut(), cx, &mut empty)
    }));
    assert_eq!(n.unwrap(), 0);
    assert_eq!(
        r.get_ref().get_ref().polls(),
        0,
        "an empty read polls nothing"
    );
    let mut buf = [0u8; 4];
    for want in [1, 0, 0, 0] {
        let n = rill_test::block_on(poll_fn(|cx| {
            futures_io::AsyncRead::poll_read(r.as_mut(), cx, &mut buf)
        }));
        assert_eq!(n.unwrap(), want);
    }
    // One poll for the chunk, one that saw the end; never again after it.
    assert_eq!(r.get_ref().get_ref().polls(), 2);
}

#[test]
fn fill_buf_lends_the_chunk_and_consume_moves_through_it() {
    use futures_io::AsyncBufRead;
    let src = stream::iter([b"hello".to_vec(), b"!".to_vec()]).map(Ok::<_, io::Error>);
    let mut r = Box::pin(rill_io::futures_io::into_async_read(src));
    let fill = |r: &mut Pin<Box<rill_io::futures_io::IntoAsyncRead<_>>>| {
        rill_test::block_on(poll_fn(|cx| match r.as_mut().poll_fill_buf(cx) {
            Poll::Ready(Ok(b)) => Poll::Ready(b.to_vec()),
            Poll::Ready(Err(e)) => panic!("{e}"),
            Poll::Pending => Poll::Pending,
        }))
    };
    assert_eq!(fill(&mut r), b"hello");
    // Filling again without consuming lends the same bytes.
    assert_eq!(fill(&mut r), b"hello");
    r.as_mut().consume(2);
    assert_eq!(r.buffer(), b"llo");
    assert_eq!(fill(&mut r), b"llo");
    // Consuming past the end consumes what there is; the chunk is freed.
    r.as_mut().consume(100);
    assert_eq!(r.buffer(), b"");
    assert!(format!("{r:?}").contains("buffered: 0"));
    assert_eq!(fill(&mut r), b"!");
    r.as_mut().consume(1);
    assert_eq!(fill(&mut r), b"");
}

#[test]
fn auto_traits_follow_the_stream() {
    type Src = rill_combinators::stream::Iter<std::vec::IntoIter<io::Result<Vec<u8>>>>;
    rill_test::assert_impl!(rill_io::tokio::StreamReader<Src>: Send, Sync);
    rill_test::assert_impl!(rill_io::futures_io::IntoAsyncRead<Src>: Unpin);
}
