//! A WebSocket echo server written with rill (`split`, `forward`, `with`,
//! `try_filter`), and a tokio-tungstenite client, over 127.0.0.1.
//!
//! Run it with `cargo run -p rill-examples --example websocket`.

use rill::prelude::*;
use rill::stream;
use rill_examples::websocket::{bind_loopback, serve};
use tokio_tungstenite::tungstenite::Message;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (listener, addr) = bind_loopback().await?;
    let (journal, mut reports) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(serve(listener, journal));

    let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/")).await?;
    let (mut tx, rx) = ws.split();
    let words = ["stream", "sink", "split", "forward"];
    tx.send_all(&mut stream::iter(words).map(|w| Ok(Message::text(w))))
        .await?;
    let echoes: Vec<Message> = rx.take(words.len()).try_collect().await?;
    for echo in &echoes {
        println!("echo: {}", echo.to_text()?);
    }
    tx.close().await?;

    while let Some(report) = reports.recv().await {
        println!("server: {report:?}");
        if matches!(report, rill_examples::websocket::Journal::Ended(..)) {
            break;
        }
    }
    Ok(())
}
