//! Listener streams over async-io, with a server on 127.0.0.1 started by
//! each test, every wait bounded in time.
#![cfg(feature = "async-io")]

use std::future::Future;
use std::io;
use std::net::{TcpListener, TcpStream};
use std::pin::{Pin, pin};
use std::task::Poll;
use std::time::Duration;

use async_io::{Async, Timer};
use rill_combinators::StreamExt;
use rill_core::Stream;
use rill_io::async_io::TcpListenerStream;

/// Runs `fut` on async-io's `block_on`, failing after 10 seconds.
fn bounded<F: Future>(fut: F) -> F::Output {
    async_io::block_on(async {
        let mut fut = pin!(fut);
        let mut timer = Timer::after(Duration::from_secs(10));
        std::future::poll_fn(|cx| {
            if let Poll::Ready(out) = fut.as_mut().poll(cx) {
                return Poll::Ready(out);
            }
            if Pin::new(&mut timer).poll(cx).is_ready() {
                panic!("the test took more than 10 s");
            }
            Poll::Pending
        })
        .await
    })
}

#[test]
fn accepts_every_connection_and_serves_lines() {
    bounded(async {
        let listener = Async::<TcpListener>::bind(([127, 0, 0, 1], 0))?;
        let addr = listener.get_ref().local_addr()?;
        let mut incoming = TcpListenerStream::new(listener);
        assert_eq!(incoming.size_hint(), (usize::MAX, None));
        // Five clients, each sending one line; connected before any accept.
        let clients: Vec<Async<TcpStream>> = {
            let mut v = Vec::new();
            for i in 0..5u8 {
                let c = Async::<TcpStream>::connect(addr).await?;
                c.get_ref().set_nodelay(true)?;
                futures_io_write_all(&c, format!("hello {i}\n").as_bytes()).await?;
                v.push(c);
            }
            v
        };
        let mut got = Vec::new();
        for _ in 0..clients.len() {
            let conn = incoming.next().await.unwrap()?;
            // A buffered reader from rill-io's own parts: the connection's
            // chunks, read back through `into_async_read`.
            let buffered =
                rill_io::futures_io::into_async_read(rill_io::futures_io::reader_stream(conn));
            let mut lines = rill_io::futures_io::lines(buffered);
            got.push(lines.next().await.unwrap()?);
        }
        got.sort();
        assert_eq!(
            got,
            (0..5).map(|i| format!("hello {i}")).collect::<Vec<_>>()
        );
        // Nothing more queued: pending, not ended.
        let mut cx = rill_test::noop_context();
        assert!(Pin::new(&mut incoming).poll_next(&mut cx).is_pending());
        // A client that connects later wakes the waiting stream.
        let later = std::thread::spawn(move || std::net::TcpStream::connect(addr));
        assert!(incoming.next().await.unwrap().is_ok());
        later.join().unwrap()?;
        assert!(format!("{incoming:?}").starts_with("ListenerStream"));
        io::Result::Ok(())
    })
    .unwrap();
}

#[cfg(unix)]
#[test]
fn unix_listener_stream_accepts() {
    use std::os::unix::net::{UnixListener, UnixStream};
    let path = std::env::temp_dir().join(format!("rill-io-async-io-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&path);
    bounded(async {
        let listener = Async::<UnixListener>::bind(&path)?;
        let mut incoming = rill_io::async_io::UnixListenerStream::new(listener);
        let _a = Async::<UnixStream>::connect(&path).await?;
        let _b = Async::<UnixStream>::connect(&path).await?;
        let two: Vec<_> = (&mut incoming).take(2).collect().await;
        assert!(two.iter().all(Result::is_ok));
        io::Result::Ok(())
    })
    .unwrap();
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn auto_traits() {
    rill_test::assert_impl!(TcpListenerStream: Send, Sync, Unpin);
}

/// Writes all of `data` through futures-io's `AsyncWrite` of `&Async<_>`.
async fn futures_io_write_all(mut w: &Async<TcpStream>, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        let n = std::future::poll_fn(|cx| {
            futures_io::AsyncWrite::poll_write(Pin::new(&mut w), cx, data)
        })
        .await?;
        data = &data[n..];
    }
    Ok(())
}
