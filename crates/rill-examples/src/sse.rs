//! An axum Server-Sent-Events endpoint fed by a rill pipeline.
//!
//! A producer sends [`Reading`]s into a tokio mpsc channel; `GET /events`
//! turns the receiver into a stream with rill's channel adapter, numbers
//! and filters the readings with rill's combinators and hands the result to
//! axum's `Sse::new` as it is (it is a `futures_core::Stream`). When the
//! producer drops its sender, the channel stream ends, so does the event
//! stream, and axum ends the response: the client sees the body end.

use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rill::channel::IntoStream;
use rill::prelude::*;
use tokio::sync::mpsc;

/// One measurement sent by the producer.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Which sensor.
    pub sensor: String,
    /// The value; `NaN` readings are dropped by the pipeline.
    pub value: f64,
}

/// The event stream of a reading receiver: every non-`NaN` reading becomes
/// one `reading` event whose id counts the events sent (0, 1, ...) and
/// whose data is `sensor=value`. Ends when every sender is dropped.
///
/// ```
/// use rill::prelude::*;
/// use rill_examples::sse::{Reading, events};
///
/// let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
/// rt.block_on(async {
///     let (tx, rx) = tokio::sync::mpsc::channel(4);
///     tx.send(Reading { sensor: "a".into(), value: 1.5 }).await.unwrap();
///     tx.send(Reading { sensor: "b".into(), value: f64::NAN }).await.unwrap();
///     drop(tx);
///     assert_eq!(events(rx).count().await, 1);
/// });
/// ```
pub fn events(
    readings: mpsc::Receiver<Reading>,
) -> impl Stream<Item = Result<Event, Infallible>> + Send + 'static {
    readings
        .into_stream()
        .filter(|r| core::future::ready(!r.value.is_nan()))
        .enumerate()
        .map(|(n, r)| {
            Ok(Event::default()
                .id(n.to_string())
                .event("reading")
                .data(format!("{}={}", r.sensor, r.value)))
        })
}

/// The receiver the endpoint streams from, handed out once.
type Source = Arc<Mutex<Option<mpsc::Receiver<Reading>>>>;

/// A router with `GET /events`: the first request streams the readings of
/// `readings` ([`events`]); later requests get `409 Conflict` (there is one
/// producer and one stream).
///
/// ```
/// let (_tx, rx) = tokio::sync::mpsc::channel(1);
/// let app: axum::Router = rill_examples::sse::router(rx);
/// # let _ = app;
/// ```
pub fn router(readings: mpsc::Receiver<Reading>) -> Router {
    let source: Source = Arc::new(Mutex::new(Some(readings)));
    Router::new()
        .route("/events", get(stream_events))
        .with_state(source)
}

async fn stream_events(State(source): State<Source>) -> Response {
    let taken = source.lock().map(|mut slot| slot.take()).unwrap_or(None);
    match taken {
        // `events(rx)` is a rill pipeline; axum takes it as it is.
        Some(rx) => Sse::new(events(rx)).into_response(),
        None => (StatusCode::CONFLICT, "the event stream is already taken").into_response(),
    }
}
