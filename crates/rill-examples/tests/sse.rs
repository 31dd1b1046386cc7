//! The axum SSE endpoint fed by a rill pipeline, read by hyper's client over
//! 127.0.0.1: every event arrives, in order, and the stream ends when the
//! producer drops its sender. Every test is bounded in time.
#![cfg(feature = "servers")]

use std::net::SocketAddr;
use std::time::Duration;

use rill::prelude::*;
use rill_examples::http_client::get;
use rill_examples::sse::{Reading, router};
use rill_examples::sse_client::{SseEvent, sse_events};
use tokio::sync::mpsc;

const LIMIT: Duration = Duration::from_secs(30);

/// Serves `router(rx)` on an ephemeral loopback port.
async fn start(rx: mpsc::Receiver<Reading>) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router(rx)).await });
    addr
}

async fn read_all(addr: SocketAddr) -> Vec<SseEvent> {
    let response = get(addr, "/events").await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(
        response.headers["content-type"], "text/event-stream",
        "axum's Sse sets the SSE content type"
    );
    sse_events(response.body)
        .map(|e| e.expect("no transport error"))
        .collect()
        .await
}

#[tokio::test]
async fn every_event_arrives_in_order_and_the_stream_ends_with_the_producer() {
    tokio::time::timeout(LIMIT, async {
        let (tx, rx) = mpsc::channel(8);
        let addr = start(rx).await;
        // The producer: 500 readings, every 7th invalid (dropped by the
        // pipeline), then it drops the sender.
        let sent: Vec<Reading> = (0..500)
            .map(|i| Reading {
                sensor: format!("s{}", i % 3),
                value: if i % 7 == 3 {
                    f64::NAN
                } else {
                    f64::from(i) / 4.0
                },
            })
            .collect();
        let producer = {
            let sent = sent.clone();
            tokio::spawn(async move {
                for (i, r) in sent.into_iter().enumerate() {
                    tx.send(r).await.unwrap();
                    if i % 50 == 0 {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                    }
                }
            })
        };
        let got = read_all(addr).await;
        producer.await.unwrap();

        let expected: Vec<Reading> = sent.into_iter().filter(|r| !r.value.is_nan()).collect();
        assert_eq!(got.len(), expected.len());
        for (n, (event, reading)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(event.id.as_deref(), Some(n.to_string().as_str()));
            assert_eq!(event.event.as_deref(), Some("reading"));
            assert_eq!(event.data, format!("{}={}", reading.sensor, reading.value));
        }
    })
    .await
    .expect("the SSE exchange took too long");
}

#[tokio::test]
async fn a_producer_that_sends_nothing_ends_an_empty_stream() {
    tokio::time::timeout(LIMIT, async {
        let (tx, rx) = mpsc::channel::<Reading>(1);
        let addr = start(rx).await;
        drop(tx);
        assert!(read_all(addr).await.is_empty());
    })
    .await
    .expect("the SSE exchange took too long");
}

#[tokio::test]
async fn the_stream_is_handed_out_once() {
    tokio::time::timeout(LIMIT, async {
        let (tx, rx) = mpsc::channel::<Reading>(1);
        let addr = start(rx).await;
        let first = get(addr, "/events").await.unwrap();
        assert_eq!(first.status, 200);
        let second = get(addr, "/events").await.unwrap();
        assert_eq!(second.status, 409);
        drop(tx);
        let rest: Vec<_> = sse_events(first.body).collect().await;
        assert!(rest.is_empty());
    })
    .await
    .expect("the SSE exchange took too long");
}
