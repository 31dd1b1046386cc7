//! rill-test's helpers, tested: they must catch what they claim to catch.

use core::future::{Future, poll_fn};
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use rill_core::{FusedStream, Stream};
use rill_test::{
    TestSource, assert_stream_done, assert_stream_next, assert_stream_pending,
    assert_stream_terminates, block_on, block_on_stream, check_adapter, check_fused_adapter,
    check_fused_stream, check_stream, collect_checked, counting_waker, interleave_pending,
    noop_context, poll_next_once, poll_once,
};

/// Yields `0..n`, with a configurable (possibly wrong) size_hint and
/// `is_terminated`.
struct Upto {
    next: u32,
    n: u32,
    done: bool,
    lie_about_hint: bool,
    terminated_early: bool,
}

fn upto(n: u32) -> Upto {
    Upto {
        next: 0,
        n,
        done: false,
        lie_about_hint: false,
        terminated_early: false,
    }
}

impl Stream for Upto {
    type Item = u32;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.next == self.n {
            self.done = true;
            return Poll::Ready(None);
        }
        self.next += 1;
        Poll::Ready(Some(self.next - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.n - self.next) as usize;
        if self.lie_about_hint {
            (left + 1, Some(left + 1))
        } else {
            (left, Some(left))
        }
    }
}

impl FusedStream for Upto {
    fn is_terminated(&self) -> bool {
        self.done || (self.terminated_early && self.next + 1 >= self.n)
    }
}

#[test]
fn block_on_returns_ready_value() {
    assert_eq!(block_on(async { 40 + 2 }), 42);
}

#[test]
fn block_on_is_woken_from_another_thread() {
    // The future stays pending until another thread flips the flag and wakes
    // it; block_on must park and come back, not spin or hang.
    let state: Arc<Mutex<(bool, Option<Waker>)>> = Arc::new(Mutex::new((false, None)));
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let remote = Arc::clone(&state);
    let waker_thread = thread::spawn(move || {
        started_rx.recv().unwrap();
        // Give the main thread time to actually park (not required for
        // correctness: a wake before the park is kept by the flag).
        thread::sleep(Duration::from_millis(20));
        let waker = {
            let mut guard = remote.lock().unwrap();
            guard.0 = true;
            guard.1.take()
        };
        waker.expect("the future registered its waker").wake();
    });
    let mut polls = 0;
    let out = block_on(poll_fn(|cx| {
        polls += 1;
        let mut guard = state.lock().unwrap();
        if guard.0 {
            return Poll::Ready("woken");
        }
        guard.1 = Some(cx.waker().clone());
        if polls == 1 {
            started_tx.send(()).unwrap();
        }
        Poll::Pending
    }));
    waker_thread.join().unwrap();
    assert_eq!(out, "woken");
    // Polled once pending, once ready: no busy loop.
    assert_eq!(polls, 2);
}

#[test]
fn block_on_keeps_a_wake_that_lands_before_parking() {
    let mut first = true;
    let v = block_on(poll_fn(|cx| {
        if first {
            first = false;
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(1)
        }
    }));
    assert_eq!(v, 1);
}

#[test]
fn block_on_nests() {
    assert_eq!(block_on(async { block_on(async { 3 }) + 1 }), 4);
}

#[test]
fn block_on_stream_is_an_iterator() {
    let it = block_on_stream(upto(4));
    assert_eq!(it.size_hint(), (4, Some(4)));
    assert_eq!(it.collect::<Vec<_>>(), [0, 1, 2, 3]);
}

#[test]
fn interleave_pending_gives_the_same_items() {
    for n in 0..20 {
        let plain: Vec<_> = block_on_stream(upto(n)).collect();
        let interleaved: Vec<_> = block_on_stream(interleave_pending(upto(n))).collect();
        assert_eq!(plain, interleaved);
    }
}

#[test]
fn interleave_pending_pends_before_every_item_and_wakes() {
    let (waker, counter) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut s = interleave_pending(upto(2));
    let mut seen = Vec::new();
    loop {
        assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(x)) => seen.push(x),
            Poll::Ready(None) => break,
            Poll::Pending => panic!("pending twice in a row"),
        }
    }
    assert_eq!(seen, [0, 1]);
    // One self-wake per Pending: two items and the end.
    assert_eq!(counter.get(), 3);
    assert!(s.is_terminated());
    assert_eq!(s.size_hint(), (0, Some(0)));
}

#[test]
fn counting_waker_counts_clones_too() {
    let (waker, counter) = counting_waker();
    let clone = waker.clone();
    waker.wake_by_ref();
    clone.wake();
    waker.wake();
    assert_eq!(counter.get(), 3);
}

#[test]
fn poll_once_and_poll_next_once_return_one_poll_without_waking() {
    let mut fut = core::pin::pin!(poll_fn(|cx| {
        cx.waker().wake_by_ref();
        Poll::<u8>::Pending
    }));
    assert_eq!(poll_once(&mut fut), Poll::Pending);
    assert_eq!(poll_once(&mut core::future::ready('x')), Poll::Ready('x'));

    let mut s = TestSource::new([1, 2]).pending(true);
    assert_eq!(poll_next_once(&mut s), Poll::Pending);
    assert_eq!(poll_next_once(&mut s), Poll::Ready(Some(1)));
    assert_eq!(s.polls(), 2, "one poll each");
    let mut s = Box::pin(upto(1));
    assert_eq!(poll_next_once(&mut s), Poll::Ready(Some(0)));
    assert_eq!(poll_next_once(&mut s), Poll::Ready(None));
}

#[test]
fn assert_macros_pass_when_they_should() {
    let mut s = interleave_pending(upto(1));
    assert_stream_pending!(s);
    assert_stream_next!(s, 0);
    assert_stream_pending!(s);
    assert_stream_done!(s);
    // `noop_context` can poll by hand, too.
    assert!(Pin::new(&mut s).poll_next(&mut noop_context()).is_pending());
}

#[test]
#[should_panic(expected = "assert_stream_next!: the stream yielded another item")]
fn assert_stream_next_fails_on_wrong_item() {
    let mut s = upto(1);
    assert_stream_next!(s, 5);
}

#[test]
#[should_panic(expected = "assert_stream_next!: expected an item, but the stream ended")]
fn assert_stream_next_fails_on_end() {
    let mut s = upto(0);
    assert_stream_next!(s, 0);
}

#[test]
#[should_panic(expected = "assert_stream_next!: expected an item, but the stream is pending")]
fn assert_stream_next_fails_on_pending() {
    let mut s = interleave_pending(upto(1));
    assert_stream_next!(s, 0);
}

#[test]
#[should_panic(
    expected = "assert_stream_pending!: expected Pending, but the stream yielded an item"
)]
fn assert_stream_pending_fails_on_item() {
    let mut s = upto(1);
    assert_stream_pending!(s);
}

#[test]
#[should_panic(expected = "assert_stream_pending!: expected Pending, but the stream ended")]
fn assert_stream_pending_fails_on_end() {
    let mut s = upto(0);
    assert_stream_pending!(s);
}

#[test]
#[should_panic(
    expected = "assert_stream_done!: expected the end (Ready(None)), but the stream yielded an item"
)]
fn assert_stream_done_fails_on_item() {
    let mut s = upto(1);
    assert_stream_done!(s);
}

#[test]
#[should_panic(
    expected = "assert_stream_done!: expected the end (Ready(None)), but the stream is pending"
)]
fn assert_stream_done_fails_on_pending() {
    let mut s = interleave_pending(upto(0));
    assert_stream_done!(s);
}

#[test]
fn checkers_accept_a_correct_stream() {
    assert_eq!(collect_checked(upto(5)), [0, 1, 2, 3, 4]);
    assert_eq!(check_stream(|| upto(3)), [0, 1, 2]);
    assert_eq!(check_fused_stream(|| upto(3)), [0, 1, 2]);
    assert_eq!(check_fused_stream(|| upto(0)), Vec::<u32>::new());
}

#[test]
#[should_panic(expected = "size_hint lower bound")]
fn collect_checked_catches_a_wrong_size_hint() {
    let mut s = upto(3);
    s.lie_about_hint = true;
    collect_checked(s);
}

#[test]
#[should_panic(expected = "is_terminated() is true before the stream returned Ready(None)")]
fn check_fused_stream_catches_early_termination() {
    check_fused_stream(|| {
        let mut s = upto(2);
        s.terminated_early = true;
        s
    });
}

/// A buggy adapter: it counts how many polls it took to get an item and
/// drops the item when its input said "not yet" first (state lost on
/// `Pending`, the classic adapter bug).
struct LosesItemsAfterPending<S> {
    inner: S,
    saw_pending: bool,
}

impl<S: Stream<Item = u32> + Unpin> Stream for LosesItemsAfterPending<S> {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        loop {
            match Pin::new(&mut self.inner).poll_next(cx) {
                Poll::Pending => {
                    self.saw_pending = true;
                    return Poll::Pending;
                }
                Poll::Ready(Some(x)) if std::mem::take(&mut self.saw_pending) && x % 2 == 1 => {
                    continue;
                }
                other => return other,
            }
        }
    }
}

#[test]
#[should_panic(expected = "the adapter yields other items when its input returns `Pending`")]
fn check_adapter_catches_state_lost_on_pending() {
    check_adapter(vec![1, 2, 3, 4], |src: TestSource<u32>| {
        LosesItemsAfterPending {
            inner: src,
            saw_pending: false,
        }
    });
}

#[test]
fn check_adapter_accepts_a_correct_adapter() {
    let out = check_fused_adapter(vec![5, 6], |src: TestSource<u32>| src);
    assert_eq!(out, [5, 6]);
}

#[test]
fn test_source_counts_polls_and_pends() {
    let (waker, counter) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut s = TestSource::new([9]).pending(true);
    assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(Some(9)));
    assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None));
    assert!(s.is_terminated());
    // Fused: no more pending once ended.
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None));
    assert_eq!(s.polls(), 5);
    assert_eq!(counter.get(), 2);
}

#[test]
fn test_source_pends_before_chosen_positions_only() {
    let mut s = TestSource::new([1, 2, 3]).pending_before([0, 2, 3, 9]);
    assert_stream_pending!(s);
    assert_stream_next!(s, 1);
    assert_stream_next!(s, 2);
    assert_stream_pending!(s);
    assert_stream_next!(s, 3);
    assert_stream_pending!(s);
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert_stream_terminates!(s);
    assert_eq!(s.polls(), 8);

    // It replaces `pending(true)`, and the checkers see the same items.
    let s = TestSource::new([1, 2]).pending(true).pending_before([1]);
    assert_eq!(collect_checked(s), [1, 2]);
    let items = check_fused_stream(|| TestSource::new(0..5).pending_before([0, 4, 5]));
    assert_eq!(items, [0, 1, 2, 3, 4]);
}

#[test]
fn test_source_can_panic_when_polled_after_its_end() {
    let mut s = TestSource::new([1]).pending(true).panic_after_end(true);
    assert_stream_pending!(s);
    assert_stream_next!(s, 1);
    assert_stream_pending!(s);
    assert_stream_done!(s);
    let site = rill_test::panic_site(|| assert_stream_done!(s));
    assert_eq!(
        site.message,
        "`TestSource` polled after it returned `Poll::Ready(None)`"
    );
    // Off, it stays fused.
    let mut s = TestSource::<u8>::new([]).panic_after_end(false);
    assert_stream_done!(s);
    assert_stream_done!(s);
}

#[test]
fn yield_once_is_pending_once_and_wakes() {
    let (waker, wakes) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut fut = rill_test::yield_once(5);
    assert_eq!(Pin::new(&mut fut).poll(&mut cx), Poll::Pending);
    assert_eq!(wakes.get(), 1);
    assert_eq!(Pin::new(&mut fut).poll(&mut cx), Poll::Ready(5));
    let site = rill_test::panic_site(|| {
        let _ = Pin::new(&mut fut).poll(&mut cx);
    });
    assert_eq!(
        site.message,
        "`YieldOnce` polled after it returned `Poll::Ready`"
    );
    assert_eq!(block_on(rill_test::yield_once("x")), "x");
}

#[test]
fn assert_stream_terminates_passes_on_a_fused_end() {
    let mut s = upto(1);
    assert_stream_next!(s, 0);
    assert_stream_terminates!(s);
    let mut s = Box::pin(TestSource::<u8>::new([]));
    assert_stream_terminates!(s);
}

#[test]
#[should_panic(
    expected = "assert_stream_terminates!: is_terminated() is true before the stream returned Ready(None)"
)]
fn assert_stream_terminates_fails_on_early_termination() {
    let mut s = upto(1);
    s.terminated_early = true;
    assert_stream_next!(s, 0);
    assert_stream_terminates!(s);
}

#[test]
#[should_panic(
    expected = "assert_stream_done!: expected the end (Ready(None)), but the stream yielded an item"
)]
fn assert_stream_terminates_fails_on_an_item() {
    let mut s = upto(1);
    assert_stream_terminates!(s);
}

/// Ends, but never says it is terminated.
struct NeverTerminated;

impl Stream for NeverTerminated {
    type Item = u8;
    fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
        Poll::Ready(None)
    }
}

impl FusedStream for NeverTerminated {
    fn is_terminated(&self) -> bool {
        false
    }
}

#[test]
#[should_panic(
    expected = "assert_stream_terminates!: is_terminated() is false after the stream returned Ready(None)"
)]
fn assert_stream_terminates_fails_when_not_terminated_after_the_end() {
    let mut s = NeverTerminated;
    assert_stream_terminates!(s);
}
