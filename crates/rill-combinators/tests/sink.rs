//! Sink interop: `SinkExt` (`send`, `feed`, `flush`, `close`, `send_all`,
//! `with`, `sink_map_err`), `sink::drain`, `sink::unfold`,
//! `StreamExt::forward` and `StreamExt::split`, against rill-test's
//! protocol-checking `TestSink` (pending before every ready), futures'
//! channels, `Vec` (futures-sink's `Vec` sink) and rill-test's `Loopback`.

use core::convert::Infallible;
use core::future::{Future, ready};
use core::pin::{Pin, pin};
use core::task::Poll;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use futures::channel::mpsc;
use rill_combinators::sink::{self, Sink};
use rill_combinators::{Either, SinkExt, StreamExt, stream};
use rill_core::{FusedFuture, Stream};
use rill_test::{
    Loopback, TestSink, TestSinkError, TestSource, assert_impl, block_on, check_stream,
    noop_context, panic_site,
};

fn ok_source(items: &[u32]) -> TestSource<Result<u32, TestSinkError>> {
    TestSource::new(items.iter().map(|&x| Ok(x)).collect::<Vec<_>>()).pending(true)
}

#[test]
fn send_feed_flush_close_through_a_pending_sink() {
    let mut sink = TestSink::new().pending(true);
    block_on(async {
        sink.feed(1).await.unwrap();
        sink.feed(2).await.unwrap();
        assert_eq!(sink.flushed(), 0, "feed does not flush");
        sink.flush().await.unwrap();
        assert_eq!(sink.flushed(), 2);
        sink.send(3).await.unwrap();
        assert_eq!(sink.flushed(), 3, "send flushes");
        sink.close().await.unwrap();
    });
    assert_eq!(sink.items(), [1, 2, 3]);
    assert!(sink.is_closed());
}

#[test]
fn feed_polled_after_completion_panics() {
    let mut sink = TestSink::new();
    let mut feed = sink.feed(1);
    assert_eq!(rill_test::poll_once(&mut feed), Poll::Ready(Ok(())));
    let msg = panic_site(|| {
        let _ = rill_test::poll_once(&mut feed);
    })
    .message;
    assert_eq!(msg, "`Feed` polled after completion");
}

#[test]
fn send_errors_come_back_and_the_item_is_not_recorded() {
    let mut sink = TestSink::new().fail_at(1);
    block_on(async {
        sink.send(1).await.unwrap();
        assert_eq!(sink.send(2).await, Err(TestSinkError(1)));
        sink.send(3).await.unwrap();
    });
    assert_eq!(sink.items(), [1, 3]);
}

#[test]
fn send_all_sends_everything_flushes_and_does_not_close() {
    for n in 0..6 {
        let items: Vec<u32> = (0..n).collect();
        let mut sink = TestSink::new().pending(true);
        let mut source = ok_source(&items);
        block_on(sink.send_all(&mut source)).unwrap();
        assert_eq!(sink.items(), items);
        assert_eq!(sink.flushed(), items.len());
        assert!(!sink.is_closed());
    }
}

#[test]
fn send_all_flushes_while_the_stream_is_pending() {
    // The source is pending before every item: each time, what was sent
    // so far must already be flushed.
    let mut sink = TestSink::new();
    let mut source = ok_source(&[1, 2]);
    let mut fut = sink.send_all(&mut source);
    let mut cx = noop_context();
    assert!(Pin::new(&mut fut).poll(&mut cx).is_pending());
    assert!(Pin::new(&mut fut).poll(&mut cx).is_pending()); // item 1 sent, then pending
    drop(fut);
    assert_eq!(sink.items(), [1]);
    assert_eq!(sink.flushed(), 1);
}

#[test]
fn send_all_stops_at_the_first_error_and_goes_on_when_polled_again() {
    let mut sink = TestSink::new().pending(true);
    let mut source = TestSource::new(vec![Ok(1), Err(TestSinkError(99)), Ok(2)]);
    {
        let mut fut = pin!(sink.send_all(&mut source));
        assert_eq!(block_on(fut.as_mut()), Err(TestSinkError(99)));
        assert_eq!(block_on(fut.as_mut()), Ok(()));
    }
    assert_eq!(sink.items(), [1, 2]);

    // A sink error: the item is lost (the sink took it), the rest follows.
    let mut sink = TestSink::new().fail_at(0);
    let mut source = ok_source(&[5, 6]);
    assert_eq!(block_on(sink.send_all(&mut source)), Err(TestSinkError(0)));
    assert_eq!(block_on(sink.send_all(&mut source)), Ok(()));
    assert_eq!(sink.items(), [6]);
}

#[test]
fn forward_sends_flushes_closes_and_is_terminated() {
    for n in 0..6 {
        let items: Vec<u32> = (0..n).collect();
        let mut sink = TestSink::new().pending(true);
        {
            let mut fut = pin!(ok_source(&items).forward(&mut sink));
            assert!(!fut.is_terminated());
            assert_eq!(block_on(fut.as_mut()), Ok(()));
            assert!(fut.is_terminated());
            let msg = panic_site(|| {
                let _ = rill_test::poll_once(&mut fut);
            })
            .message;
            assert_eq!(msg, "`Forward` polled after completion");
        }
        assert_eq!(sink.items(), items);
        assert!(sink.is_closed());
    }
}

#[test]
fn forward_stops_at_an_error_without_closing_and_resumes() {
    let mut sink = TestSink::new().pending(true);
    {
        let source = TestSource::new(vec![Ok(1), Err(TestSinkError(7)), Ok(2)]).pending(true);
        let mut fut = pin!(source.forward(&mut sink));
        assert_eq!(block_on(fut.as_mut()), Err(TestSinkError(7)));
        assert!(!fut.is_terminated());
        assert_eq!(block_on(fut.as_mut()), Ok(()));
    }
    assert_eq!(sink.items(), [1, 2]);
    assert!(sink.is_closed());
}

#[test]
fn forward_into_a_vec_and_into_drain() {
    let mut v: Vec<u32> = Vec::new();
    let s = stream::iter(1..=4).map(Ok::<_, Infallible>);
    block_on(s.forward(&mut v)).unwrap();
    assert_eq!(v, [1, 2, 3, 4]);

    let count = AtomicUsize::new(0);
    let s = stream::iter(0..100).map(|x| {
        count.fetch_add(1, Ordering::Relaxed);
        Ok::<_, Infallible>(x)
    });
    block_on(s.forward(sink::drain())).unwrap();
    assert_eq!(count.load(Ordering::Relaxed), 100);
    let d: sink::Drain<u8> = sink::drain();
    let _copy = d.clone();
}

#[test]
fn forward_through_a_bounded_channel_to_another_thread() {
    // Capacity 2: the producer side waits on the channel again and again.
    let (tx, rx) = mpsc::channel::<u32>(2);
    let reader = thread::spawn(move || block_on(rx.collect::<Vec<_>>()));
    let items = stream::iter(0..10_000).map(Ok);
    block_on(items.forward(tx)).unwrap();
    // `forward` closed the sender: the reader's stream ended.
    let got = reader.join().unwrap();
    assert_eq!(got, (0..10_000).collect::<Vec<_>>());
}

#[test]
fn send_all_into_a_channel_whose_receiver_is_gone() {
    let (mut tx, rx) = mpsc::channel::<u32>(1);
    drop(rx);
    let mut items = stream::iter([1, 2]).map(Ok);
    let err = block_on(tx.send_all(&mut items)).unwrap_err();
    assert!(err.is_disconnected());
}

#[test]
fn with_maps_each_item_through_a_future_in_order() {
    let mut inner = TestSink::new().pending(true);
    {
        let mut w = pin!((&mut inner).with(|x: u32| async move {
            // A future that is pending once before it gives the item.
            let mut once = false;
            core::future::poll_fn(|cx| {
                if once {
                    Poll::Ready(())
                } else {
                    once = true;
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
            })
            .await;
            Ok::<_, TestSinkError>(x * 10)
        }));
        block_on(async {
            for x in 1..=3 {
                w.send(x).await.unwrap();
            }
            w.close().await.unwrap();
        });
    }
    assert_eq!(inner.items(), [10, 20, 30]);
    assert!(inner.is_closed());
}

#[derive(Debug, PartialEq)]
enum AppError {
    Sink(TestSinkError),
    Rejected(u32),
}

impl From<TestSinkError> for AppError {
    fn from(e: TestSinkError) -> Self {
        AppError::Sink(e)
    }
}

#[test]
fn with_passes_its_own_errors_and_converts_the_sinks() {
    let mut inner = TestSink::new().fail_at(1);
    {
        let mut w = (&mut inner).with(|x: u32| {
            ready(if x == 4 {
                Err(AppError::Rejected(x))
            } else {
                Ok(x)
            })
        });
        block_on(async {
            assert_eq!(w.send(1).await, Ok(()));
            assert_eq!(w.send(4).await, Err(AppError::Rejected(4)));
            // The inner sink's second send fails: converted by `From`.
            assert_eq!(w.send(2).await, Err(AppError::Sink(TestSinkError(1))));
            assert_eq!(w.send(3).await, Ok(()));
        });
    }
    assert_eq!(inner.items(), [1, 3]);
}

#[test]
fn with_start_send_without_ready_panics_with_its_name() {
    let mut w = TestSink::new().with(|x: u8| ready(Ok::<_, TestSinkError>(x)));
    Pin::new(&mut w).start_send(1).unwrap();
    let msg = panic_site(|| {
        let _ = Pin::new(&mut w).start_send(2);
    })
    .message;
    assert_eq!(
        msg,
        "`With`: start_send while the previous item is still being processed"
    );
}

#[test]
fn with_over_a_duplex_is_still_its_stream() {
    let mut w = Loopback::new().with(|x: u32| ready(Ok::<_, Infallible>(x + 1)));
    block_on(async {
        w.send(1).await.unwrap();
        assert_eq!(w.next().await, Some(2));
    });
}

#[test]
fn sink_map_err_maps_the_first_error_then_panics_on_a_second() {
    let mut s = TestSink::new()
        .fail_at(0)
        .sink_map_err(|e| format!("mapped {}", e.0));
    assert_eq!(block_on(s.send(1)), Err("mapped 0".to_string()));
    block_on(s.send(2)).unwrap();
    assert_eq!(s.get_ref().items(), [2]);

    let (tx, rx) = mpsc::channel::<u8>(1);
    drop(rx);
    let mut tx = tx.sink_map_err(|_| "gone");
    assert_eq!(block_on(tx.send(1)), Err("gone"));
    let msg = panic_site(|| {
        let _ = block_on(tx.send(2));
    })
    .message;
    assert_eq!(
        msg,
        "`SinkMapErr`: a second error after the first was mapped"
    );
}

#[test]
fn unfold_threads_its_state_through_the_items() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let mut total = pin!(sink::unfold(0u32, move |sum, x: u32| {
        let log = log.clone();
        async move {
            log.lock().unwrap().push(sum);
            Ok::<_, Infallible>(sum + x)
        }
    }));
    block_on(async {
        for x in [1, 2, 3] {
            total.feed(x).await.unwrap();
        }
        total.close().await.unwrap();
    });
    // Each call saw the running sum before its item.
    assert_eq!(*seen.lock().unwrap(), [0, 1, 3]);
}

#[test]
fn unfold_after_an_error_accepts_nothing() {
    let mut s = pin!(sink::unfold((), |(), x: u32| ready(if x == 2 {
        Err("two")
    } else {
        Ok(())
    })));
    assert_eq!(block_on(s.send(1)), Ok(()));
    assert_eq!(block_on(s.send(2)), Err("two"));
    let msg = panic_site(|| {
        let _ = block_on(s.send(3));
    })
    .message;
    assert_eq!(
        msg,
        "`Unfold` sink: start_send without a ready poll_ready (or after an error)"
    );
}

#[test]
fn either_is_a_sink_of_its_side() {
    let mut left: Either<TestSink<u8>, TestSink<u8>> = Either::Left(TestSink::new().pending(true));
    block_on(async {
        left.send(1).await.unwrap();
        left.close().await.unwrap();
    });
    match left {
        Either::Left(s) => {
            assert_eq!(s.items(), [1]);
            assert!(s.is_closed());
        }
        Either::Right(_) => unreachable!(),
    }
}

#[test]
fn split_echo_in_one_task() {
    let (mut tx, mut rx) = Loopback::new().split();
    block_on(async {
        for i in 0..100u32 {
            tx.send(i).await.unwrap();
            assert_eq!(rx.next().await, Some(i));
        }
        tx.close().await.unwrap();
        assert_eq!(rx.next().await, None);
    });
}

#[test]
fn split_halves_on_two_threads_lose_nothing() {
    let (mut tx, rx) = Loopback::new().split();
    let reader = thread::spawn(move || block_on(rx.collect::<Vec<u32>>()));
    block_on(async {
        for i in 0..10_000u32 {
            // `feed` without flushing: the item waits in the sink half's
            // slot until the next call hands it over.
            tx.feed(i).await.unwrap();
        }
        tx.close().await.unwrap();
    });
    assert_eq!(reader.join().unwrap(), (0..10_000).collect::<Vec<_>>());
}

#[test]
fn split_sink_parks_one_item_until_the_next_call() {
    let (mut tx, mut rx) = Loopback::new().split();
    let mut cx = noop_context();
    assert!(Pin::new(&mut tx).poll_ready(&mut cx).is_ready());
    Pin::new(&mut tx).start_send(1u8).unwrap();
    // Not in the value yet.
    assert!(Pin::new(&mut rx).poll_next(&mut cx).is_pending());
    // The next poll_ready hands it over.
    assert_eq!(Pin::new(&mut tx).poll_ready(&mut cx), Poll::Ready(Ok(())));
    assert_eq!(Pin::new(&mut rx).poll_next(&mut cx), Poll::Ready(Some(1)));
    let msg = panic_site(|| {
        Pin::new(&mut tx).start_send(2).unwrap();
        let _ = Pin::new(&mut tx).start_send(3);
    })
    .message;
    assert_eq!(
        msg,
        "`SplitSink`: start_send without a poll_ready that returned Ready(Ok(()))"
    );
}

#[test]
fn split_stream_passes_the_stream_checks() {
    let got = check_stream(|| {
        let mut lo = Loopback::new();
        let mut cx = noop_context();
        for i in 0..5u32 {
            Pin::new(&mut lo).start_send(i).unwrap();
        }
        let _ = Pin::new(&mut lo).poll_close(&mut cx);
        let (_sink, stream) = lo.split::<u32>();
        stream
    });
    assert_eq!(got, [0, 1, 2, 3, 4]);
}

#[test]
fn reunite_gives_the_value_back_only_to_a_pair() {
    let (tx_a, rx_a) = Loopback::<u8>::new().split();
    let (tx_b, rx_b) = Loopback::<u8>::new().split();
    assert!(tx_a.is_pair_of(&rx_a) && rx_a.is_pair_of(&tx_a));
    assert!(!tx_a.is_pair_of(&rx_b) && !rx_b.is_pair_of(&tx_a));
    let err = tx_a.reunite(rx_b).unwrap_err();
    assert_eq!(format!("{err:?}"), "ReuniteError(..)");
    let (tx_a, rx_b) = (err.0, err.1);
    let mut a = rx_a.reunite(tx_a).unwrap();
    let _b = tx_b.reunite(rx_b).unwrap();
    // The value works as before.
    block_on(async {
        a.send(9).await.unwrap();
        assert_eq!(a.next().await, Some(9));
    });
}

/// Counts its drops.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn dropping_the_halves_drops_the_value_and_a_parked_item_once() {
    let drops = Arc::new(AtomicUsize::new(0));
    let mut lo = Loopback::new();
    let mut cx = noop_context();
    Pin::new(&mut lo)
        .start_send(Counted(drops.clone()))
        .unwrap();
    let (mut tx, rx) = lo.split();
    assert!(Pin::new(&mut tx).poll_ready(&mut cx).is_ready());
    Pin::new(&mut tx)
        .start_send(Counted(drops.clone()))
        .unwrap();
    drop(rx);
    assert_eq!(drops.load(Ordering::SeqCst), 0);
    drop(tx);
    // The item in the loopback and the one parked in the sink half.
    assert_eq!(drops.load(Ordering::SeqCst), 2);
}

#[test]
fn sink_futures_and_halves_have_the_auto_traits_of_their_parts() {
    let (mut tx, rx) = Loopback::<u8>::new().split();
    assert_impl!(value = tx => Send, Sync, Unpin);
    assert_impl!(value = rx => Send, Sync, Unpin);
    assert_impl!(value = tx.send(1) => Send, Sync, Unpin);
    assert_impl!(value = tx.feed(1) => Send, Sync, Unpin);
    assert_impl!(value = tx.flush() => Send, Sync, Unpin);
    assert_impl!(value = tx.close() => Send, Sync, Unpin);
    let mut items = stream::iter([Ok(1u8)]);
    assert_impl!(value = tx.send_all(&mut items) => Send, Sync, Unpin);
    assert_impl!(value = stream::iter([Ok::<u8, Infallible>(1)]).forward(sink::drain()) => Send);
}

/// The `Sink` bound of `split` is checked on the value, not on the halves:
/// a stream that is no sink has no `split`.
#[test]
fn split_sink_is_a_sink_with_the_values_error() {
    let (tx, _rx) = Loopback::<u8>::new().split();
    assert_impl!(value = tx => Sink<u8, Error = Infallible>);
    let s = stream::iter([1]);
    assert_eq!(s.size_hint(), (1, Some(1)));
}
