//! The rill WebSocket echo server (`split`, `forward`, `with`) against real
//! tokio-tungstenite clients over 127.0.0.1: 1,000 messages echoed in
//! order; a client that disconnects mid-stream ends its own pipeline, loses
//! nothing it was acknowledged, and the server keeps serving the others.
//! Every test is bounded in time.
#![cfg(feature = "servers")]

use std::net::SocketAddr;
use std::time::Duration;

use rill::prelude::*;
use rill::stream;
use rill_examples::websocket::{Journal, bind_loopback, serve};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

const LIMIT: Duration = Duration::from_secs(60);

async fn start() -> (SocketAddr, mpsc::UnboundedReceiver<Journal>) {
    let (listener, addr) = bind_loopback().await.unwrap();
    let (journal, reports) = mpsc::unbounded_channel();
    tokio::spawn(serve(listener, journal));
    (addr, reports)
}

async fn connect(
    addr: SocketAddr,
) -> tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>> {
    tokio_tungstenite::connect_async(format!("ws://{addr}/"))
        .await
        .unwrap()
        .0
}

fn message(client: &str, i: usize) -> Message {
    if i % 5 == 4 {
        Message::binary(format!("{client}:{i}").into_bytes())
    } else {
        Message::text(format!("{client}:{i}"))
    }
}

/// Waits for the journal entry `pick` selects, keeping every entry seen.
async fn wait_for(
    reports: &mut mpsc::UnboundedReceiver<Journal>,
    seen: &mut Vec<Journal>,
    pick: impl Fn(&Journal) -> bool,
) -> Journal {
    loop {
        let report = reports.recv().await.expect("the server is alive");
        seen.push(report.clone());
        if pick(&report) {
            return report;
        }
    }
}

/// The messages connection `id` echoed, in order.
fn echoed(seen: &[Journal], id: usize) -> Vec<Message> {
    seen.iter()
        .filter_map(|j| match j {
            Journal::Echoed(i, m) if *i == id => Some(m.clone()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_thousand_messages_come_back_in_order() {
    tokio::time::timeout(LIMIT, async {
        let (addr, mut reports) = start().await;
        let (mut tx, rx) = connect(addr).await.split();
        let sent: Vec<Message> = (0..1000).map(|i| message("a", i)).collect();
        // Send and read at once: the reader runs in its own task.
        let reader = tokio::spawn(rx.take(1000).try_collect::<Vec<_>>());
        tx.send_all(&mut stream::iter(sent.clone()).map(Ok))
            .await
            .unwrap();
        let echoes = reader.await.unwrap().unwrap();
        assert_eq!(echoes, sent);
        // A clean close ends the server's pipeline with `Ok`.
        tx.close().await.unwrap();
        let mut seen = Vec::new();
        let ended = wait_for(&mut reports, &mut seen, |j| matches!(j, Journal::Ended(..))).await;
        assert_eq!(ended, Journal::Ended(0, Ok(())));
        assert_eq!(echoed(&seen, 0), sent);
    })
    .await
    .expect("the echo exchange took too long");
}

#[tokio::test]
async fn a_client_that_disconnects_mid_stream_ends_only_its_own_pipeline() {
    tokio::time::timeout(LIMIT, async {
        let (addr, mut reports) = start().await;
        let mut seen = Vec::new();

        // Client 0 stays connected through the whole test.
        let (mut steady_tx, mut steady_rx) = connect(addr).await.split();
        wait_for(&mut reports, &mut seen, |j| *j == Journal::Opened(0)).await;
        steady_tx.send(message("steady", 0)).await.unwrap();
        assert_eq!(
            steady_rx.next().await.unwrap().unwrap(),
            message("steady", 0)
        );

        // Client 1 sends 1,000 messages, reads 500 echoes, and goes away
        // without a close handshake.
        let (mut tx, mut rx) = connect(addr).await.split();
        let sent: Vec<Message> = (0..1000).map(|i| message("gone", i)).collect();
        let writer = tokio::spawn(async move {
            // May fail once the socket is dropped: that is the point.
            let _ = tx.send_all(&mut stream::iter(sent).map(Ok)).await;
            tx
        });
        let mut acknowledged = Vec::new();
        while acknowledged.len() < 500 {
            acknowledged.push(rx.next().await.unwrap().unwrap());
        }
        writer.abort();
        let _ = writer.await;
        drop(rx);

        // The server ends that pipeline, with an error (no close frame).
        let ended = wait_for(&mut reports, &mut seen, |j| {
            matches!(j, Journal::Ended(1, _))
        })
        .await;
        assert!(matches!(ended, Journal::Ended(1, Err(_))), "{ended:?}");
        // Nothing acknowledged was lost: the server echoed every message
        // the client saw come back, in order, and what it echoed beyond
        // that continues the same sequence (nothing skipped or repeated).
        let echoed_by_server = echoed(&seen, 1);
        assert!(echoed_by_server.len() >= acknowledged.len());
        assert_eq!(&echoed_by_server[..acknowledged.len()], &acknowledged[..]);
        let all_sent: Vec<Message> = (0..1000).map(|i| message("gone", i)).collect();
        assert_eq!(&all_sent[..echoed_by_server.len()], &echoed_by_server[..]);

        // The server keeps serving: the steady client...
        for i in 1..=100 {
            steady_tx.feed(message("steady", i)).await.unwrap();
        }
        steady_tx.flush().await.unwrap();
        let more: Vec<Message> = (&mut steady_rx).take(100).try_collect().await.unwrap();
        assert_eq!(
            more,
            (1..=100).map(|i| message("steady", i)).collect::<Vec<_>>()
        );
        // ...and a new one.
        let (mut late_tx, mut late_rx) = connect(addr).await.split();
        late_tx.send(message("late", 0)).await.unwrap();
        assert_eq!(late_rx.next().await.unwrap().unwrap(), message("late", 0));
        late_tx.close().await.unwrap();
        steady_tx.close().await.unwrap();
        let ended = wait_for(&mut reports, &mut seen, |j| {
            matches!(j, Journal::Ended(0, _))
        })
        .await;
        assert_eq!(ended, Journal::Ended(0, Ok(())));
    })
    .await
    .expect("the echo exchange took too long");
}
