//! The drop-in-place probes catch what they promise to catch.

use core::future::Future;
use core::pin::Pin;
use std::panic::{AssertUnwindSafe, catch_unwind};

use rill_core::Stream;
use rill_test::{ProbeWake, Probes, noop_context};

#[test]
fn poll_at_another_address_panics_and_is_recorded() {
    let probes = Probes::new();
    let mut a = probes.stream(0..3);
    // SAFETY: deliberately broken: `a` is polled pinned, then moved and
    // polled again; catching exactly this is the probe's job.
    let first = unsafe { Pin::new_unchecked(&mut a) }.poll_next(&mut noop_context());
    assert_eq!(first, core::task::Poll::Ready(Some(0)));
    let mut b = Box::new(a);
    let err = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: deliberately broken, as above.
        let _ = unsafe { Pin::new_unchecked(&mut *b) }.poll_next(&mut noop_context());
    }))
    .expect_err("a moved probe must panic when polled");
    let msg = err.downcast_ref::<String>().expect("a formatted message");
    assert!(
        msg.contains("ProbeStream #0") && msg.contains("moved"),
        "{msg}"
    );
    drop(b);
    // One violation for the poll, one for the drop.
    assert_eq!(probes.take_violations().len(), 2);
    probes.assert_all_dropped();
}

#[test]
fn unreported_violation_panics_when_the_tracker_drops() {
    let result = catch_unwind(|| {
        let probes = Probes::new();
        let mut f = probes.future(()).pending(1);
        // SAFETY: deliberately broken: moved after the pinned poll below.
        let _ = unsafe { Pin::new_unchecked(&mut f) }.poll(&mut noop_context());
        drop(Box::new(f));
        // `probes` drops here with the violation unreported.
    });
    let err = result.expect_err("the tracker must not drop a violation silently");
    let msg = err.downcast_ref::<String>().expect("a formatted message");
    assert!(msg.contains("unreported violation"), "{msg}");
}

#[test]
fn never_polled_probe_may_move() {
    let probes = Probes::new();
    let f = probes.future(4);
    let moved = Box::new(f);
    assert_eq!(rill_test::block_on(*moved), 4);
    probes.assert_all_dropped();
}

#[test]
fn panic_in_drop_while_unwinding_does_not_abort() {
    let probes = Probes::new();
    let guard = Box::pin(probes.future(()).panic_in_drop());
    let result = catch_unwind(AssertUnwindSafe(move || {
        let _guard = guard;
        panic!("first panic");
    }));
    let err = result.expect_err("the first panic propagates");
    assert_eq!(err.downcast_ref::<&str>(), Some(&"first panic"));
    probes.assert_all_dropped();
}

#[test]
fn future_polled_after_completion_panics() {
    let probes = Probes::new();
    let mut f = Box::pin(probes.future(1));
    assert!(f.as_mut().poll(&mut noop_context()).is_ready());
    let err = catch_unwind(AssertUnwindSafe(|| f.as_mut().poll(&mut noop_context())))
        .expect_err("polled after completion");
    let msg = err.downcast_ref::<String>().expect("a formatted message");
    assert!(msg.contains("after it completed"), "{msg}");
}

#[test]
fn stored_wakers_are_woken_from_another_thread() {
    let probes = Probes::new();
    let items: Vec<u32> = std::thread::scope(|s| {
        let stream = Box::pin(probes.stream(0..50).pending(1).wake(ProbeWake::Stored));
        s.spawn(|| {
            while probes.live() > 0 {
                probes.wake_all();
                std::thread::yield_now();
            }
        });
        rill_test::block_on_stream(stream).collect()
    });
    assert_eq!(items, (0..50).collect::<Vec<_>>());
    assert_eq!(probes.total_polls(), 102);
    probes.assert_all_dropped();
}
