//! Streams made by the ecosystem, consumed with rill's combinators only:
//! hyper's response body as http-body-util's `BodyDataStream` (a
//! `futures_core::Stream` of `Bytes`) over a body that axum builds from a
//! rill stream, on 127.0.0.1.
#![cfg(feature = "servers")]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use rill::prelude::*;
use rill::stream;

const LIMIT: Duration = Duration::from_secs(30);
const LINES: u64 = 20_000;

async fn start() -> SocketAddr {
    let app = Router::new().route(
        "/numbers",
        get(|| async {
            // A rill stream as hyper's body: no wrapper.
            let lines = stream::iter(1..=LINES).chunks(64).map(|batch| {
                Ok::<_, Infallible>(batch.iter().map(|n| format!("{n}\n")).collect::<String>())
            });
            Body::from_stream(lines)
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

#[tokio::test]
async fn a_hyper_body_stream_through_rill_combinators() {
    tokio::time::timeout(LIMIT, async {
        let addr = start().await;
        let response = rill_examples::http_client::get(addr, "/numbers")
            .await
            .unwrap();
        // Chunks are cut anywhere: join them into lines with `scan`, then
        // parse and sum with `flat_map`, `map` and `try_fold`.
        let (count, sum) = response
            .body
            .scan(Vec::<u8>::new(), |rest, chunk| {
                let lines = chunk.map(|bytes| {
                    rest.extend_from_slice(&bytes);
                    let end = rest.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                    let whole: Vec<u8> = rest.drain(..end).collect();
                    String::from_utf8(whole)
                        .unwrap()
                        .lines()
                        .map(|l| l.parse::<u64>().unwrap())
                        .collect::<Vec<_>>()
                });
                core::future::ready(Some(lines))
            })
            .map_ok(|numbers| stream::iter(numbers).map(Ok::<u64, hyper::Error>))
            .try_flatten()
            .try_fold((0u64, 0u64), |(c, s), n| async move { Ok((c + 1, s + n)) })
            .await
            .unwrap();
        assert_eq!(count, LINES);
        assert_eq!(sum, LINES * (LINES + 1) / 2);
    })
    .await
    .expect("the exchange took too long");
}

#[tokio::test]
async fn the_sse_client_parses_a_body_cut_at_every_byte() {
    // The same parser as over hyper's body, over one-byte chunks.
    let body = "id: 1\nevent: reading\ndata: a=1\n\n: comment\nid: 2\ndata: b\ndata: c\n\n";
    let chunks = stream::iter(body.as_bytes().iter().map(|b| Ok::<_, ()>(vec![*b])));
    let events: Vec<_> = rill_examples::sse_client::sse_events(chunks)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].data, "a=1");
    assert_eq!(events[1].id.as_deref(), Some("2"));
    assert_eq!(events[1].data, "b\nc");
}
