//! `ManualClock`, `TestTimer` and the idle advance of `block_on`.
#![cfg(feature = "time")]

use core::future::Future;
use core::pin::pin;
use core::task::{Context, Poll};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use rill_test::{ManualClock, TestTimer, block_on, counting_waker};
use rill_time::Timer;

fn s(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn sleeps_complete_when_the_clock_reaches_them_in_deadline_order() {
    let clock = ManualClock::new();
    let _g = clock.enter();
    let t0 = clock.now();
    let (w1, c1) = counting_waker();
    let (w2, c2) = counting_waker();
    let mut late = pin!(TestTimer::sleep_until(t0 + s(2)));
    let mut early = pin!(TestTimer::sleep_until(t0 + s(1)));
    assert!(
        late.as_mut()
            .poll(&mut Context::from_waker(&w2))
            .is_pending()
    );
    assert!(
        early
            .as_mut()
            .poll(&mut Context::from_waker(&w1))
            .is_pending()
    );
    assert_eq!(clock.waiting_sleeps(), 2);
    assert_eq!(clock.next_deadline(), Some(t0 + s(1)));
    clock.advance(Duration::ZERO);
    assert_eq!((c1.get(), c2.get()), (0, 0));
    assert_eq!(clock.advance_to_next_sleep(), Some(t0 + s(1)));
    assert_eq!((c1.get(), c2.get()), (1, 0));
    assert!(
        early
            .as_mut()
            .poll(&mut Context::from_waker(&w1))
            .is_ready()
    );
    // Completed sleeps stay complete.
    assert!(
        early
            .as_mut()
            .poll(&mut Context::from_waker(&w1))
            .is_ready()
    );
    clock.advance(s(5));
    assert_eq!((c1.get(), c2.get()), (1, 1));
    assert_eq!(clock.waiting_sleeps(), 0);
    assert_eq!(clock.advance_to_next_sleep(), None);
    assert_eq!(clock.now(), t0 + s(6));
}

#[test]
fn a_past_deadline_is_ready_at_once_and_never_registers() {
    let clock = ManualClock::new();
    let _g = clock.enter();
    clock.advance(s(3));
    let (w, c) = counting_waker();
    let mut sleep = pin!(TestTimer::sleep_until(clock.now() - s(1)));
    assert!(sleep.as_mut().poll(&mut Context::from_waker(&w)).is_ready());
    assert_eq!(clock.waiting_sleeps(), 0);
    assert_eq!(c.get(), 0);
}

#[test]
fn only_the_latest_waker_is_woken_and_a_reset_rearms() {
    let clock = ManualClock::new();
    let _g = clock.enter();
    let t0 = clock.now();
    let (old, c_old) = counting_waker();
    let (new, c_new) = counting_waker();
    let mut sleep = pin!(TestTimer::sleep_until(t0 + s(1)));
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&old))
            .is_pending()
    );
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&new))
            .is_pending()
    );
    assert_eq!(clock.waiting_sleeps(), 1, "one registration per sleep");
    // Reset later: the old registration is gone until the next poll.
    TestTimer::reset(sleep.as_mut(), t0 + s(3));
    assert_eq!(clock.waiting_sleeps(), 0);
    assert_eq!(sleep.deadline(), t0 + s(3));
    clock.advance(s(1));
    assert_eq!((c_old.get(), c_new.get()), (0, 0));
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&new))
            .is_pending()
    );
    clock.advance(s(2));
    assert_eq!((c_old.get(), c_new.get()), (0, 1));
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&new))
            .is_ready()
    );
    // A completed sleep reset into the future waits again.
    TestTimer::reset(sleep.as_mut(), t0 + s(4));
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&new))
            .is_pending()
    );
    clock.advance(s(1));
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&new))
            .is_ready()
    );
}

#[test]
fn block_on_advances_an_entered_clock_only_when_idle() {
    let clock = ManualClock::new();
    let _g = clock.enter();
    let t0 = clock.now();
    // Woken at once by itself: no time passes for it.
    let mut yielded = false;
    block_on(core::future::poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }));
    assert_eq!(clock.now(), t0);
    // Two sleeps in sequence: time jumps to each.
    block_on(async {
        TestTimer::sleep_until(t0 + s(10)).await;
        assert_eq!(TestTimer::now(), t0 + s(10));
        TestTimer::sleep_until(t0 + s(15)).await;
    });
    assert_eq!(clock.now(), t0 + s(15));
}

#[test]
fn block_on_without_a_waiting_sleep_parks_until_woken() {
    // A clock is entered, but the future waits on another thread: block_on
    // parks as usual instead of moving time or spinning.
    let clock = ManualClock::new();
    let _g = clock.enter();
    let (tx, rx) = mpsc::channel();
    let helper = thread::spawn(move || {
        let waker: core::task::Waker = rx.recv().unwrap();
        thread::sleep(Duration::from_millis(20));
        waker.wake();
    });
    let mut sent = Some(tx);
    let mut polls = 0;
    block_on(core::future::poll_fn(|cx| {
        polls += 1;
        match sent.take() {
            Some(tx) => {
                tx.send(cx.waker().clone()).unwrap();
                Poll::Pending
            }
            None => Poll::Ready(()),
        }
    }));
    helper.join().unwrap();
    assert_eq!(polls, 2);
    assert_eq!(clock.now().since_start(), Duration::ZERO);
}

#[test]
fn another_thread_may_advance_the_clock() {
    let clock = ManualClock::new();
    let _g = clock.enter();
    let deadline = clock.now() + s(1);
    let mut sleep = Box::pin(TestTimer::sleep_until(deadline));
    let (w, c) = counting_waker();
    assert!(
        sleep
            .as_mut()
            .poll(&mut Context::from_waker(&w))
            .is_pending()
    );
    let other = clock.clone();
    thread::spawn(move || other.advance(s(1))).join().unwrap();
    assert_eq!(c.get(), 1);
    assert!(sleep.as_mut().poll(&mut Context::from_waker(&w)).is_ready());
    // The sleep belongs to its clock, wherever it is polled.
    let (tx, rx) = mpsc::channel();
    let mut sleep = TestTimer::sleep_until(clock.now() + s(1));
    let (w2, _) = counting_waker();
    thread::spawn(move || {
        let ready = Box::pin(&mut sleep)
            .as_mut()
            .poll(&mut Context::from_waker(&w2))
            .is_ready();
        tx.send((ready, sleep)).unwrap();
    });
    let (ready, _sleep) = rx.recv().unwrap();
    assert!(!ready);
    assert_eq!(clock.waiting_sleeps(), 1);
}

#[test]
fn clocks_are_per_thread_and_guards_nest() {
    let a = ManualClock::new();
    let b = ManualClock::new();
    b.advance(s(7));
    assert!(ManualClock::try_current().is_none());
    let ga = a.enter();
    {
        let _gb = b.enter();
        assert_eq!(TestTimer::now().since_start(), s(7));
        // Another thread has no clock entered.
        thread::spawn(|| assert!(ManualClock::try_current().is_none()))
            .join()
            .unwrap();
    }
    assert_eq!(TestTimer::now().since_start(), Duration::ZERO);
    drop(ga);
    assert!(ManualClock::try_current().is_none());
}

#[test]
#[should_panic(expected = "`TestTimer`: no `ManualClock` is entered on this thread")]
fn test_timer_without_a_clock_panics_with_a_message() {
    let _ = TestTimer::now();
}

#[test]
fn debug_shows_time_and_waiting_sleeps() {
    let clock = ManualClock::new();
    let g = clock.enter();
    let sleep = TestTimer::sleep_until(clock.now() + s(1));
    assert_eq!(
        format!("{clock:?}"),
        "ManualClock { now: TestInstant(0ns), waiting_sleeps: 0 }"
    );
    assert_eq!(
        format!("{sleep:?}"),
        "TestSleep { deadline: TestInstant(1s), waiting: false }"
    );
    assert!(format!("{g:?}").starts_with("EnterGuard"));
    assert_eq!(format!("{TestTimer:?}"), "TestTimer");
}

#[test]
fn the_clock_and_its_sleeps_cross_threads() {
    rill_test::assert_impl!(ManualClock: Send, Sync);
    rill_test::assert_impl!(rill_test::TestSleep: Send, Sync, Unpin);
    rill_test::assert_impl!(rill_test::TestInstant: Send, Sync);
}
