//! `chunks(0)`, `ready_chunks(0)` and `step_by(0)` panic at the caller's
//! line (`#[track_caller]`), with a message naming the type and the misuse.

use rill_combinators::{StreamExt, stream};
use rill_test::panic_site;

#[test]
fn zero_sizes_panic_at_the_callers_line() {
    // `expected` is the line of the call inside the closure below it.
    let expected = line!() + 2;
    let site = panic_site(|| {
        let _ = stream::iter([1]).chunks(0);
    });
    assert_eq!(
        site.message,
        "`Chunks` needs a capacity greater than 0 (`chunks(0)` was called)"
    );
    assert_eq!(site.line, expected);

    let expected = line!() + 2;
    let site = panic_site(|| {
        let _ = stream::iter([1]).ready_chunks(0);
    });
    assert_eq!(
        site.message,
        "`ReadyChunks` needs a capacity greater than 0 (`ready_chunks(0)` was called)"
    );
    assert_eq!(site.line, expected);

    let expected = line!() + 2;
    let site = panic_site(|| {
        let _ = stream::iter([1]).step_by(0);
    });
    assert_eq!(
        site.message,
        "`StepBy` needs a step greater than 0 (`step_by(0)` was called)"
    );
    assert_eq!(site.line, expected);
}
