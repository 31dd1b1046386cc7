//! `try_chunks(0)` and `try_ready_chunks(0)` panic at the caller's line
//! (`#[track_caller]`). Alone in its test binary: it swaps the panic hook,
//! which is global to the process.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use rill_combinators::{TryStreamExt, stream};

/// Runs `f`, which must panic, and returns the panic's message and line.
fn panic_site(f: impl FnOnce()) -> (String, u32) {
    let site = Arc::new(Mutex::new(None));
    let seen = Arc::clone(&site);
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let line = info.location().map_or(0, |l| l.line());
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        *seen.lock().unwrap() = Some((message, line));
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    assert!(result.is_err(), "expected a panic");
    site.lock().unwrap().take().expect("the hook saw the panic")
}

#[test]
fn zero_capacity_panics_at_the_callers_line() {
    let s = || stream::iter([Ok::<u8, ()>(1)]);

    let (message, line) = panic_site(|| drop(s().try_chunks(0)));
    assert_eq!(line, line!() - 1, "the panic points at the call");
    assert!(
        message.contains("`TryChunks`") && message.contains("try_chunks(0)"),
        "{message}"
    );

    let (message, line) = panic_site(|| drop(s().try_ready_chunks(0)));
    assert_eq!(line, line!() - 1, "the panic points at the call");
    assert!(message.contains("`TryReadyChunks`"), "{message}");
}
