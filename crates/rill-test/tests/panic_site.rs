//! `panic_site` and `panic_message`: the message and the location of a
//! panic, `#[track_caller]` honoured, other threads' panics left alone.

use std::panic::{catch_unwind, panic_any};
use std::sync::{Arc, Barrier};
use std::thread;

use rill_test::{PanicSite, panic_message, panic_site};

#[track_caller]
fn checked_div(a: u32, b: u32) -> u32 {
    if b == 0 {
        panic!("`checked_div` divides by {b}");
    }
    a / b
}

#[test]
fn the_site_is_the_callers_line_under_track_caller() {
    let line = line!() + 1;
    let site = panic_site(|| assert_eq!(checked_div(1, 0), 0));
    assert_eq!(
        site,
        PanicSite {
            message: "`checked_div` divides by 0".into(),
            file: file!().into(),
            line,
            column: site.column,
        }
    );
    assert!(site.column > 1);
}

#[test]
fn str_string_and_other_payloads() {
    assert_eq!(panic_site(|| panic!("plain")).message, "plain");
    assert_eq!(panic_site(|| panic!("{}", 4)).message, "4");
    assert_eq!(
        panic_site(|| panic_any(5u8)).message,
        "<non-string panic payload>"
    );
    let caught = catch_unwind(|| panic!("by hand {}", 1)).unwrap_err();
    assert_eq!(panic_message(&*caught), "by hand 1");
    let caught = catch_unwind(|| panic_any("static")).unwrap_err();
    assert_eq!(panic_message(&*caught), "static");
}

#[test]
#[should_panic(expected = "panic_site: the closure returned without panicking")]
fn a_closure_that_returns_fails_the_test() {
    let _ = panic_site(|| {});
}

#[test]
#[should_panic(expected = "panic_site: the closure unwound without calling the panic hook")]
fn resume_unwind_has_no_site() {
    let _ = panic_site(|| std::panic::resume_unwind(Box::new("quiet")));
}

#[test]
fn parallel_calls_and_other_threads_do_not_mix() {
    // Threads calling `panic_site` at once each see their own panic, and a
    // thread panicking outside `panic_site` at the same time is not taken
    // for theirs (its panic goes to the previous hook).
    let start = Arc::new(Barrier::new(5));
    let callers: Vec<_> = (0..4)
        .map(|i| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                start.wait();
                (0..20)
                    .map(|j| panic_site(|| panic!("caller {i} round {j}")).message)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let outsider = {
        let start = Arc::clone(&start);
        thread::spawn(move || {
            start.wait();
            (0..20)
                .filter(|j| catch_unwind(|| panic!("outsider {j}")).is_err())
                .count()
        })
    };
    for (i, caller) in callers.into_iter().enumerate() {
        let seen = caller.join().unwrap();
        let want: Vec<String> = (0..20).map(|j| format!("caller {i} round {j}")).collect();
        assert_eq!(seen, want);
    }
    assert_eq!(outsider.join().unwrap(), 20);
    // The hook in place afterwards still works for `panic_site`.
    assert_eq!(panic_site(|| panic!("after")).message, "after");
}
