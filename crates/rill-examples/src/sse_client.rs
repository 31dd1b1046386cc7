//! Server-Sent Events read from any byte stream (hyper's response body
//! through http-body-util's `BodyDataStream` in the tests) with rill's
//! combinators only.
//!
//! The chunks arrive cut anywhere (inside a line, inside a UTF-8
//! character); the pipeline joins them into lines with `scan`, flattens the
//! lines with `flat_map`, and groups lines into events with another `scan`
//! and `filter_map`.

use rill::prelude::*;
use rill::stream;

/// One event as the client sees it (the fields rill's server sends).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SseEvent {
    /// The `id:` field.
    pub id: Option<String>,
    /// The `event:` field.
    pub event: Option<String>,
    /// The `data:` lines, joined with `\n`.
    pub data: String,
}

/// Parses the `text/event-stream` body `bytes` into events; a transport
/// error is passed through and ends nothing by itself. A last event not
/// followed by a blank line is dropped, as the SSE specification says.
///
/// ```
/// use rill::prelude::*;
/// use rill::stream;
/// use rill_examples::sse_client::sse_events;
///
/// // A body cut at awkward places.
/// let chunks = ["id: 7\nda", "ta: x=1\n", "\nid: 8\ndata: y", "=2\n\n"];
/// let body = stream::iter(chunks.map(|c| Ok::<_, ()>(c.as_bytes())));
/// let events: Vec<_> = rill_test::block_on(sse_events(body).collect());
/// assert_eq!(events.len(), 2);
/// assert_eq!(events[1].as_ref().unwrap().data, "y=2");
/// ```
pub fn sse_events<S, B, E>(bytes: S) -> impl Stream<Item = Result<SseEvent, E>>
where
    S: Stream<Item = Result<B, E>>,
    B: AsRef<[u8]>,
{
    bytes
        // Bytes -> complete lines (the rest of a line waits in the buffer).
        .scan(Vec::<u8>::new(), |pending, chunk| {
            let lines = match chunk {
                Ok(chunk) => {
                    pending.extend_from_slice(chunk.as_ref());
                    let mut lines = Vec::new();
                    while let Some(end) = pending.iter().position(|&b| b == b'\n') {
                        let line: Vec<u8> = pending.drain(..=end).collect();
                        let text = String::from_utf8_lossy(&line[..end]);
                        lines.push(Ok(text.trim_end_matches('\r').to_string()));
                    }
                    lines
                }
                Err(e) => vec![Err(e)],
            };
            core::future::ready(Some(lines))
        })
        .flat_map(stream::iter)
        // Lines -> events: a blank line ends the event being built.
        .scan(SseEvent::default(), |building, line| {
            let done = match line {
                Err(e) => Some(Err(e)),
                Ok(line) if line.is_empty() => Some(Ok(core::mem::take(building))),
                Ok(line) => {
                    let (field, value) = line.split_once(':').unwrap_or((line.as_str(), ""));
                    let value = value.strip_prefix(' ').unwrap_or(value).to_string();
                    match field {
                        "id" => building.id = Some(value),
                        "event" => building.event = Some(value),
                        "data" if building.data.is_empty() => building.data = value,
                        "data" => {
                            building.data.push('\n');
                            building.data.push_str(&value);
                        }
                        // Comments (`:`) and unknown fields are ignored.
                        _ => {}
                    }
                    None
                }
            };
            core::future::ready(Some(done))
        })
        // An event without data is not dispatched (SSE specification).
        .filter_map(|event| {
            core::future::ready(event.filter(|e| !matches!(e, Ok(e) if e.data.is_empty())))
        })
}
