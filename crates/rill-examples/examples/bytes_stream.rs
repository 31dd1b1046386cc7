//! A stream from the ecosystem consumed with rill's combinators only: hyper's
//! response body (http-body-util's `BodyDataStream` of `Bytes`) over a body
//! that axum builds from a rill stream, on 127.0.0.1.
//!
//! Run it with `cargo run -p rill-examples --example bytes_stream`.

use std::convert::Infallible;

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use rill::prelude::*;
use rill::stream;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    // The server's body is a rill stream: 10,000 lines "n\n".
    let app = Router::new().route(
        "/numbers",
        get(|| async {
            let lines = stream::iter(1..=10_000u64).map(|n| Ok::<_, Infallible>(format!("{n}\n")));
            Body::from_stream(lines)
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    // The client: hyper's byte chunks (cut anywhere), with rill only.
    let response = rill_examples::http_client::get(addr, "/numbers").await?;
    let (chunks, bytes, newlines) = response
        .body
        .map_ok(|chunk| {
            (
                1usize,
                chunk.len(),
                chunk.iter().filter(|&&b| b == b'\n').count(),
            )
        })
        .try_fold((0, 0, 0), |(c, b, n), (c2, b2, n2)| async move {
            Ok((c + c2, b + b2, n + n2))
        })
        .await?;
    println!("{bytes} bytes in {chunks} chunks, {newlines} lines");
    assert_eq!(newlines, 10_000);
    Ok(())
}
