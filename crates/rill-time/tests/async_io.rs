//! The async-io backend in real time: generous bounds, ordering only.
#![cfg(feature = "async-io")]

mod gapped;

use core::pin::pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::time::Instant;

use gapped::{Gapped, ms};
use rill_combinators::{StreamExt, stream};
use rill_core::Stream;
use rill_time::Elapsed;
use rill_time::async_io::{AsyncIoTimer, StreamTimeExt, interval};

type Plan<I> = Gapped<AsyncIoTimer, I>;

fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    async_io::block_on(s.collect())
}

#[test]
fn timeout_orders_errors_between_items() {
    let got = collect(Plan::new([(ms(0), 1), (ms(300), 2)]).timeout(ms(50)));
    assert_eq!(got, [Ok(1), Err(Elapsed::new()), Ok(2)]);
    let got = collect(Plan::new([(ms(0), 1), (ms(400), 2)]).timeout_repeating(ms(50)));
    assert_eq!(got.first(), Some(&Ok(1)));
    assert_eq!(got.last(), Some(&Ok(2)));
    // At least two errors during 400 ms of silence at 50 ms each.
    assert!(got.iter().filter(|r| r.is_err()).count() >= 2, "{got:?}");
}

#[test]
fn throttle_keeps_every_item_and_waits() {
    let start = Instant::now();
    assert_eq!(collect(stream::iter(1..=4).throttle(ms(10))), [1, 2, 3, 4]);
    assert!(start.elapsed() >= ms(30));
}

#[test]
fn chunks_timeout_cuts_at_a_long_gap() {
    let src = Plan::new([(ms(0), 1), (ms(0), 2), (ms(400), 3)]);
    assert_eq!(
        collect(src.chunks_timeout(10, ms(50))),
        [vec![1, 2], vec![3]]
    );
}

#[test]
fn debounce_keeps_the_last_of_each_burst() {
    let src = Plan::new([(ms(0), 1), (ms(0), 2), (ms(400), 3), (ms(0), 4)]);
    assert_eq!(collect(src.debounce(ms(50))), [2, 4]);
}

#[test]
fn delay_and_interval_order() {
    let start = Instant::now();
    assert_eq!(collect(stream::iter([1, 2]).delay(ms(20))), [1, 2]);
    assert!(start.elapsed() >= ms(20));
    async_io::block_on(async {
        let mut ticks = pin!(interval(ms(10)));
        let a = ticks.next().await.unwrap();
        let b = ticks.next().await.unwrap();
        let c = ticks.next().await.unwrap();
        assert!(a < b && b < c);
    });
}

#[test]
fn a_dropped_timer_cancels_cleanly() {
    let (waker, count) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut s = Box::pin(Plan::new([(Duration::from_secs(3600), 0u8)]).timeout(ms(20)));
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    drop(s);
    std::thread::sleep(ms(100));
    assert_eq!(count.get(), 0);
    // Positive control: kept alive, it is woken.
    let mut s = Box::pin(Plan::new([(Duration::from_secs(3600), 0u8)]).timeout(ms(20)));
    assert!(s.as_mut().poll_next(&mut cx).is_pending());
    let deadline = Instant::now() + Duration::from_secs(10);
    while count.get() == 0 && Instant::now() < deadline {
        std::thread::sleep(ms(10));
    }
    assert!(count.get() >= 1);
    assert_eq!(
        s.as_mut().poll_next(&mut cx),
        Poll::Ready(Some(Err(Elapsed::new())))
    );
}

#[test]
fn async_io_adapters_are_unpin_over_unpin_streams() {
    type Src = rill_combinators::stream::Iter<std::vec::IntoIter<u8>>;
    rill_test::assert_impl!(rill_time::Timeout<Src, AsyncIoTimer>: Unpin);
    rill_test::assert_impl!(rill_time::Debounce<Src, AsyncIoTimer>: Send, Sync);
}
