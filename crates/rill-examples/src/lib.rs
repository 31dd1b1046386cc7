//! rill with real crates of the ecosystem, over loopback: what the
//! integration tests in `tests/` and the examples in `examples/` run.
//!
//! - [`sse`]: an axum server whose Server-Sent-Events endpoint is fed by a
//!   rill pipeline (tokio mpsc receiver -> rill combinators -> `Sse::new`);
//! - [`sse_client`]: reading those events back from a body stream made by
//!   the ecosystem (hyper's response body as http-body-util's
//!   `BodyDataStream`, from [`http_client`]) with rill's combinators only;
//! - [`websocket`]: a tokio-tungstenite echo server written with rill's
//!   `split`, `forward`, `SinkExt::with` and stream combinators.
//!
//! No wrapper anywhere: rill's streams are `futures_core::Stream`s and its
//! sinks are `futures_sink::Sink`s, the traits axum, hyper and
//! tokio-tungstenite speak.
//!
//! Run the examples with `cargo run -p rill-examples --example sse`
//! (`websocket`, `bytes_stream`). This crate is not published; its heavy
//! dependencies stay out of rill's library crates. Built with
//! `--no-default-features` it is empty.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "servers")]
pub mod http_client;
#[cfg(feature = "servers")]
pub mod sse;
#[cfg(feature = "servers")]
pub mod sse_client;
#[cfg(feature = "servers")]
pub mod websocket;
