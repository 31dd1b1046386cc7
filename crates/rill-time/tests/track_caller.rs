//! `chunks_timeout(0)` and `interval(0)` panic at the caller's line.
#![cfg(feature = "tokio")]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rill_combinators::stream;
use rill_time::tokio::{StreamTimeExt, interval};

#[test]
fn zero_arguments_panic_at_the_callers_line() {
    let seen: Arc<Mutex<Vec<(String, u32, String)>>> = Arc::default();
    let sink = seen.clone();
    std::panic::set_hook(Box::new(move |info| {
        let loc = info.location().unwrap();
        let msg = info.payload_as_str().unwrap_or_default().to_owned();
        sink.lock()
            .unwrap()
            .push((loc.file().to_owned(), loc.line(), msg));
    }));
    let line_chunks = line!() + 1;
    let r1 = std::panic::catch_unwind(|| stream::iter([1]).chunks_timeout(0, Duration::ZERO));
    let line_interval = line!() + 1;
    let r2 = std::panic::catch_unwind(|| interval(Duration::ZERO));
    let _ = std::panic::take_hook();
    assert!(r1.is_err() && r2.is_err());
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert!(seen[0].0.ends_with("track_caller.rs"), "{seen:?}");
    assert_eq!(seen[0].1, line_chunks);
    assert!(seen[0].2.contains("batch size of 0"), "{seen:?}");
    assert!(seen[1].0.ends_with("track_caller.rs"), "{seen:?}");
    assert_eq!(seen[1].1, line_interval);
    assert!(seen[1].2.contains("zero period"), "{seen:?}");
}
