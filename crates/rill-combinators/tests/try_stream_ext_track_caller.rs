//! `try_chunks(0)` and `try_ready_chunks(0)` panic at the caller's line
//! (`#[track_caller]`).

use rill_combinators::{TryStreamExt, stream};
use rill_test::panic_site;

#[test]
fn zero_capacity_panics_at_the_callers_line() {
    let s = || stream::iter([Ok::<u8, ()>(1)]);

    let site = panic_site(|| drop(s().try_chunks(0)));
    assert_eq!(site.line, line!() - 1, "the panic points at the call");
    let message = site.message;
    assert!(
        message.contains("`TryChunks`") && message.contains("try_chunks(0)"),
        "{message}"
    );

    let site = panic_site(|| drop(s().try_ready_chunks(0)));
    assert_eq!(site.line, line!() - 1, "the panic points at the call");
    let message = site.message;
    assert!(message.contains("`TryReadyChunks`"), "{message}");
}
