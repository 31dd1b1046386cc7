//! tokio-specific behaviour: broadcast, watch, unbounded mpsc, the exact
//! `size_hint` rules, the stream contract checks, auto traits and Debug.
#![cfg(feature = "tokio")]

use core::pin::pin;
use std::rc::Rc;

use rill_channel::tokio::{
    BroadcastStream, BroadcastStreamRecvError, ReceiverStream, UnboundedReceiverStream, WatchStream,
};
use rill_channel::{ForwardExt, IntoStream, send_all};
use rill_core::{FusedStream, Stream};
use rill_test::{
    assert_impl, assert_not_impl, assert_stream_done, assert_stream_next, assert_stream_pending,
};
use tokio::sync::{broadcast, mpsc, watch};

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

#[test]
fn auto_traits_follow_the_parts() {
    assert_impl!(ReceiverStream<u8>: Send, Sync, Unpin);
    assert_impl!(UnboundedReceiverStream<u8>: Send, Unpin);
    assert_not_impl!(ReceiverStream<Rc<u8>>: Send, Sync);
    assert_impl!(ReceiverStream<Rc<u8>>: Unpin);
    assert_impl!(BroadcastStream<u8>: Send, Sync, Unpin);
    assert_impl!(WatchStream<u8>: Send, Sync, Unpin);
    assert_impl!(rill_channel::ForwardError<u8>: Send);
    assert_not_impl!(rill_channel::ForwardError<Rc<u8>>: Send);
}

#[test]
fn debug_output() {
    let (_tx, rx) = mpsc::channel::<u8>(1);
    let stream = ReceiverStream::new(rx);
    let text = format!("{stream:?}");
    assert!(
        text.starts_with("ChannelStream { receiver: Receiver"),
        "{text}"
    );
    assert!(text.ends_with("terminated: false }"), "{text}");

    let (_btx, brx) = broadcast::channel::<u8>(1);
    assert_eq!(
        format!("{:?}", BroadcastStream::new(brx)),
        "BroadcastStream { terminated: false, .. }"
    );
    let (_wtx, wrx) = watch::channel(0u8);
    assert_eq!(
        format!("{:?}", WatchStream::new(wrx)),
        "WatchStream { terminated: false, .. }"
    );
}

#[test]
fn contract_checks_on_filled_channels() {
    // check_fused_stream builds the stream several times: each build fills
    // a fresh closed channel, so hints must be exact all the way.
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = mpsc::channel::<u32>(8);
        for i in 0..5 {
            tx.try_send(i).unwrap();
        }
        ReceiverStream::new(rx)
    });
    assert_eq!(items, [0, 1, 2, 3, 4]);
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = mpsc::unbounded_channel::<u32>();
        for i in 0..100 {
            tx.send(i).unwrap();
        }
        rx.into_stream()
    });
    assert_eq!(items, (0..100).collect::<Vec<_>>());
    // Empty: ends at once.
    let items = rill_test::check_fused_stream(|| mpsc::channel::<u32>(1).1.into_stream());
    assert!(items.is_empty());
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = broadcast::channel::<u32>(4);
        let stream = rx.into_stream();
        for i in 0..3 {
            tx.send(i).unwrap();
        }
        stream
    });
    assert_eq!(items, [Ok(0), Ok(1), Ok(2)]);
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = watch::channel(1);
        let stream = rx.into_stream();
        tx.send(2).unwrap();
        stream
    });
    assert_eq!(items, [2]);
}

#[test]
fn bounded_size_hint_after_close_counts_reserved_permits() {
    current_thread().block_on(async {
        let (tx, rx) = mpsc::channel::<u8>(4);
        let mut stream = ReceiverStream::new(rx);
        tx.send(1).await.unwrap();
        let permit = tx.reserve().await.unwrap();
        assert_eq!(stream.size_hint(), (1, None));
        stream.close();
        // The reserved permit may still send after the close.
        assert_eq!(stream.size_hint(), (1, Some(2)));
        permit.send(2);
        assert_eq!(stream.size_hint(), (2, Some(2)));
        assert!(tx.try_send(3).is_err());
        drop(tx);
        assert_eq!(stream.size_hint(), (2, Some(2)));
        let items: Vec<u8> = rill_test::block_on_stream(stream).collect();
        assert_eq!(items, [1, 2]);
    });
}

#[test]
fn unbounded_close_then_drain() {
    let (tx, rx) = mpsc::unbounded_channel::<u8>();
    let mut stream = UnboundedReceiverStream::from(rx);
    tx.send(1).unwrap();
    stream.close();
    // A sender is alive: a racing send could still land, so no upper bound.
    assert_eq!(stream.size_hint(), (1, None));
    assert_eq!(tx.send(2).unwrap_err().0, 2);
    assert_stream_next!(stream, 1);
    assert_stream_done!(stream);
    assert!(stream.is_terminated());
    assert_eq!(stream.size_hint(), (0, Some(0)));
}

#[test]
fn into_inner_and_as_ref_keep_the_channel() {
    let (tx, rx) = mpsc::channel::<u8>(2);
    let mut stream: ReceiverStream<u8> = rx.into();
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    assert_eq!(stream.as_ref().len(), 2);
    assert_stream_next!(stream, 1);
    assert_eq!(stream.as_mut().try_recv(), Ok(2));
    tx.try_send(3).unwrap();
    let mut rx = stream.into_inner();
    assert_eq!(rx.try_recv(), Ok(3));
}

#[test]
fn broadcast_lag_is_reported_once_then_continues() {
    let (tx, rx) = broadcast::channel::<u32>(4);
    let mut stream = BroadcastStream::new(rx);
    assert_stream_pending!(stream);
    for i in 0..10 {
        tx.send(i).unwrap();
    }
    // 10 sent into capacity 4: 6 were overwritten.
    assert_stream_next!(stream, Err(BroadcastStreamRecvError::Lagged(6)));
    for i in 6..10 {
        assert_stream_next!(stream, Ok(i));
    }
    assert_stream_pending!(stream);
    tx.send(10).unwrap();
    assert_stream_next!(stream, Ok(10));
    assert_eq!(stream.size_hint(), (0, None));
    drop(tx);
    assert_stream_done!(stream);
    assert!(stream.is_terminated());
    assert_eq!(stream.size_hint(), (0, Some(0)));
    assert_stream_done!(stream);
}

#[test]
fn broadcast_many_items_across_tasks_on_both_runtimes() {
    for multi in [false, true] {
        let rt = if multi {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .build()
                .unwrap()
        } else {
            current_thread()
        };
        rt.block_on(async {
            // Capacity as large as the run: no lag, every item in order.
            let (tx, _keep) = broadcast::channel::<u32>(2048);
            let streams: Vec<_> = (0..3).map(|_| tx.subscribe().into_stream()).collect();
            let consumers: Vec<_> = streams
                .into_iter()
                .map(|stream| {
                    tokio::spawn(async move {
                        let mut stream = pin!(stream);
                        let mut got = Vec::new();
                        while let Some(item) =
                            core::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await
                        {
                            got.push(item.unwrap());
                        }
                        got
                    })
                })
                .collect();
            drop(_keep);
            for i in 0..2000 {
                tx.send(i).unwrap();
                if i % 100 == 0 {
                    tokio::task::yield_now().await;
                }
            }
            drop(tx);
            for consumer in consumers {
                assert_eq!(consumer.await.unwrap(), (0..2000).collect::<Vec<_>>());
            }
        });
    }
}

#[test]
fn watch_yields_current_then_changes() {
    let (tx, rx) = watch::channel(0);
    let mut stream = WatchStream::new(rx);
    assert_stream_next!(stream, 0);
    assert_stream_pending!(stream);
    tx.send(1).unwrap();
    assert_stream_next!(stream, 1);
    tx.send(2).unwrap();
    tx.send(3).unwrap();
    assert_stream_next!(stream, 3);
    assert_stream_pending!(stream);
    // A change right before the sender goes: still yielded, then the end.
    tx.send(4).unwrap();
    drop(tx);
    assert_eq!(stream.size_hint(), (0, None));
    assert_stream_next!(stream, 4);
    assert_stream_done!(stream);
    assert!(stream.is_terminated());
    assert_eq!(stream.size_hint(), (0, Some(0)));
}

#[test]
fn watch_from_changes_skips_the_seen_value() {
    let (tx, rx) = watch::channel("a");
    let mut stream = WatchStream::from_changes(rx);
    assert_stream_pending!(stream);
    tx.send("b").unwrap();
    assert_stream_next!(stream, "b");
    drop(tx);
    assert_stream_done!(stream);

    // An unseen value is a change: from_changes yields it.
    let (tx, rx) = watch::channel("a");
    let sub = tx.subscribe();
    drop(rx);
    tx.send("b").unwrap();
    let mut stream = WatchStream::from_changes(sub);
    assert_stream_next!(stream, "b");
}

#[test]
fn watch_on_a_runtime_sees_the_last_value() {
    current_thread().block_on(async {
        let (tx, rx) = watch::channel(0u32);
        let consumer = tokio::spawn(async move {
            let mut stream = pin!(rx.into_stream());
            let mut last = None;
            let mut count = 0;
            while let Some(v) = core::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
                // Values only go up; some may be skipped (watch keeps the latest).
                assert!(last.is_none_or(|l| l < v));
                last = Some(v);
                count += 1;
            }
            (last, count)
        });
        for i in 1..=100 {
            tx.send(i).unwrap();
            if i % 10 == 0 {
                tokio::task::yield_now().await;
            }
        }
        drop(tx);
        let (last, count) = consumer.await.unwrap();
        assert_eq!(last, Some(100));
        assert!((1..=101).contains(&count));
    });
}

#[test]
fn forward_to_is_send_and_spawnable() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    rt.block_on(async {
        let (src_tx, src_rx) = mpsc::channel::<u64>(4);
        let (dst_tx, mut dst_rx) = mpsc::channel::<u64>(4);
        let forwarder = tokio::spawn(async move { src_rx.into_stream().forward_to(&dst_tx).await });
        let producer = tokio::spawn(async move {
            for i in 0..1000 {
                src_tx.send(i).await.unwrap();
            }
        });
        let mut got = Vec::new();
        while let Some(v) = dst_rx.recv().await {
            got.push(v);
        }
        producer.await.unwrap();
        assert_eq!(forwarder.await.unwrap().unwrap(), 1000);
        assert_eq!(got, (0..1000).collect::<Vec<_>>());
    });
}

#[test]
fn send_all_into_unbounded_and_error_display() {
    let (src_tx, src_rx) = mpsc::unbounded_channel::<u8>();
    for i in 0..3 {
        src_tx.send(i).unwrap();
    }
    drop(src_tx);
    let (tx, rx) = mpsc::unbounded_channel::<u8>();
    drop(rx);
    let mut stream = src_rx.into_stream();
    let err = rill_test::block_on(send_all(&mut stream, &tx)).unwrap_err();
    assert_eq!(*err.item(), 0);
    assert_eq!(err.sent(), 0);
    assert_eq!(
        err.to_string(),
        "the channel's receiving side is closed; an item could not be sent (after 0 sent items)"
    );
    assert_eq!(format!("{err:?}"), "ForwardError { sent: 0, .. }");
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.source().is_none());
    // The rest of the stream is still there.
    assert_stream_next!(stream, 1);
}

#[test]
fn broadcast_error_display() {
    let err = BroadcastStreamRecvError::Lagged(2);
    assert_eq!(
        err.to_string(),
        "the receiver lagged behind and skipped 2 messages"
    );
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(err);
    assert!(boxed.source().is_none());
}
