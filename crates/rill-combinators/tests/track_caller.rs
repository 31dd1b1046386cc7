//! `chunks(0)`, `ready_chunks(0)` and `step_by(0)` panic at the caller's
//! line (`#[track_caller]`), with a message naming the type and the misuse.
//!
//! One test in its own binary: it installs a panic hook, which is global.

use std::panic::{self, Location};
use std::sync::{Arc, Mutex};

use rill_combinators::{StreamExt, stream};

/// Runs `f`, which must panic, and returns the panic's message and line.
fn panic_site(f: impl FnOnce() + panic::UnwindSafe) -> (String, u32) {
    let seen = Arc::new(Mutex::new(None));
    let hook_seen = Arc::clone(&seen);
    let old = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let line = info.location().map_or(0, Location::line);
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| {
                info.payload()
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
            })
            .unwrap_or_default();
        *hook_seen.lock().unwrap() = Some((msg, line));
    }));
    let result = panic::catch_unwind(f);
    panic::set_hook(old);
    assert!(result.is_err(), "expected a panic");
    seen.lock().unwrap().take().expect("the hook saw the panic")
}

#[test]
fn zero_sizes_panic_at_the_callers_line() {
    // `expected` is the line of the call inside the closure below it.
    let expected = line!() + 2;
    let (msg, line) = panic_site(|| {
        let _ = stream::iter([1]).chunks(0);
    });
    assert_eq!(
        msg,
        "`Chunks` needs a capacity greater than 0 (`chunks(0)` was called)"
    );
    assert_eq!(line, expected);

    let expected = line!() + 2;
    let (msg, line) = panic_site(|| {
        let _ = stream::iter([1]).ready_chunks(0);
    });
    assert_eq!(
        msg,
        "`ReadyChunks` needs a capacity greater than 0 (`ready_chunks(0)` was called)"
    );
    assert_eq!(line, expected);

    let expected = line!() + 2;
    let (msg, line) = panic_site(|| {
        let _ = stream::iter([1]).step_by(0);
    });
    assert_eq!(
        msg,
        "`StepBy` needs a step greater than 0 (`step_by(0)` was called)"
    );
    assert_eq!(line, expected);
}
