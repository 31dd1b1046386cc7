//! An axum Server-Sent-Events endpoint fed by a rill pipeline, read back by
//! hyper's client on 127.0.0.1 and parsed with rill's combinators.
//!
//! Run it with `cargo run -p rill-examples --example sse`.

use std::time::Duration;

use rill::prelude::*;
use rill_examples::sse::{Reading, router};
use rill_examples::sse_client::sse_events;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, router(rx)).await });

    // The producer: five readings (one of them invalid), then it hangs up.
    tokio::spawn(async move {
        for (i, value) in [20.5, 21.0, f64::NAN, 21.5, 22.0].into_iter().enumerate() {
            let reading = Reading {
                sensor: format!("t{i}"),
                value,
            };
            if tx.send(reading).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });

    let response = rill_examples::http_client::get(addr, "/events").await?;
    println!("GET /events -> {}", response.status);
    let mut events = std::pin::pin!(sse_events(response.body));
    while let Some(event) = events.next().await {
        let event = event?;
        println!(
            "  event {:?} id {:?}: {}",
            event.event, event.id, event.data
        );
    }
    println!("the producer hung up: the event stream ended");
    Ok(())
}
