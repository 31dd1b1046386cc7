//! `chunks_timeout(0)` and `interval(0)` panic at the caller's line.
#![cfg(feature = "tokio")]

use std::time::Duration;

use rill_combinators::stream;
use rill_test::panic_site;
use rill_time::tokio::{StreamTimeExt, interval};

#[test]
fn zero_arguments_panic_at_the_callers_line() {
    let line_chunks = line!() + 1;
    let chunks = panic_site(|| drop(stream::iter([1]).chunks_timeout(0, Duration::ZERO)));
    let line_interval = line!() + 1;
    let zero = panic_site(|| drop(interval(Duration::ZERO)));
    assert!(chunks.file.ends_with("tokio_track_caller.rs"), "{chunks:?}");
    assert_eq!(chunks.line, line_chunks);
    assert!(chunks.message.contains("batch size of 0"), "{chunks:?}");
    assert!(zero.file.ends_with("tokio_track_caller.rs"), "{zero:?}");
    assert_eq!(zero.line, line_interval);
    assert!(zero.message.contains("zero period"), "{zero:?}");
}
