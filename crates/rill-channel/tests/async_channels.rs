//! async-channel 1.x (`async_std::channel`) and 2.x: the parts that differ
//! from tokio (several receivers, close through `&`, `!Unpin` 2.x
//! receivers), contract checks, auto traits, `IntoStream` and forwarding.
#![cfg(all(feature = "async-std", feature = "async-channel"))]

use core::pin::pin;
use std::rc::Rc;

use rill_channel::{ForwardExt, IntoStream};
use rill_core::{FusedStream, Stream};
use rill_test::{
    assert_impl, assert_not_impl, assert_stream_done, assert_stream_next, assert_stream_pending,
};

type Std<T> = rill_channel::async_std::ReceiverStream<T>;
type Two<T> = rill_channel::async_channel::ReceiverStream<T>;

#[test]
fn auto_traits_follow_the_receivers() {
    assert_impl!(Std<u8>: Send, Sync, Unpin);
    assert_impl!(Two<u8>: Send, Sync);
    // async-channel 2.x receivers are !Unpin on purpose.
    assert_not_impl!(Two<u8>: Unpin);
    assert_not_impl!(Two<Rc<u8>>: Send);
    assert_not_impl!(Std<Rc<u8>>: Sync);
}

#[test]
fn contract_checks() {
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = async_std::channel::bounded::<u32>(8);
        for i in 0..6 {
            tx.try_send(i).unwrap();
        }
        rx.into_stream()
    });
    assert_eq!(items, (0..6).collect::<Vec<_>>());
    let items = rill_test::check_fused_stream(|| {
        let (tx, rx) = async_channel::unbounded::<u32>();
        for i in 0..50 {
            tx.try_send(i).unwrap();
        }
        Box::pin(rx.into_stream())
    });
    assert_eq!(items, (0..50).collect::<Vec<_>>());
    let empty =
        rill_test::check_fused_stream(|| Box::pin(async_channel::bounded::<u8>(1).1.into_stream()));
    assert!(empty.is_empty());
}

#[test]
fn size_hint_with_several_receivers() {
    let (tx, rx) = async_channel::bounded::<u8>(4);
    let other = rx.clone();
    let stream = Box::pin(Two::new(rx));
    tx.try_send(1).unwrap();
    tx.try_send(2).unwrap();
    // Another receiver may take the buffered messages: lower bound 0.
    assert_eq!(stream.size_hint(), (0, None));
    tx.close();
    assert_eq!(stream.size_hint(), (0, Some(2)));
    assert_eq!(other.try_recv(), Ok(1));
    drop(other);
    assert_eq!(stream.size_hint(), (1, Some(1)));
    let items: Vec<u8> = rill_test::block_on_stream(stream).collect();
    assert_eq!(items, [2]);
}

#[test]
fn close_closes_for_everyone_and_drains() {
    let (tx, rx) = async_std::channel::unbounded::<&str>();
    let other = rx.clone();
    let mut stream = Std::from(rx);
    tx.try_send("a").unwrap();
    stream.close();
    assert!(tx.is_closed());
    assert!(other.is_closed());
    assert_eq!(tx.try_send("b").unwrap_err().into_inner(), "b");
    assert_stream_next!(stream, "a");
    assert_stream_done!(stream);
    assert!(stream.is_terminated());

    // A pinned 2.x stream closes through `get_ref`.
    let (tx, rx) = async_channel::unbounded::<&str>();
    let mut stream = pin!(Two::new(rx));
    tx.try_send("x").unwrap();
    stream.get_ref().close();
    assert_stream_next!(stream, "x");
    assert_stream_done!(stream);
}

#[test]
fn pending_until_sent_and_accessors() {
    let (tx, rx) = async_channel::bounded::<u8>(2);
    let mut stream = Box::pin(rx.into_stream());
    assert_stream_pending!(stream);
    tx.try_send(5).unwrap();
    assert_eq!(stream.get_ref().len(), 1);
    assert_eq!(stream.as_mut().get_pin_mut().capacity(), Some(2));
    assert_stream_next!(stream, 5);
    assert!(format!("{stream:?}").starts_with("ChannelStream { receiver: Receiver"));

    let (tx, rx) = async_std::channel::bounded::<u8>(2);
    let stream = Std::new(rx);
    tx.try_send(6).unwrap();
    let rx = stream.into_inner();
    assert_eq!(rx.try_recv(), Ok(6));
    assert_eq!(Std::new(rx).as_ref().capacity(), Some(2));
}

#[test]
fn forward_between_the_two_versions() {
    // From async-std's channel (1.x) into an async-channel 2.x one.
    async_std::task::block_on(async {
        let (src_tx, src_rx) = async_std::channel::bounded::<u32>(4);
        let (dst_tx, dst_rx) = async_channel::bounded::<u32>(1);
        let producer = async_std::task::spawn(async move {
            for i in 0..500 {
                src_tx.send(i).await.unwrap();
            }
        });
        let consumer = async_std::task::spawn(async move {
            let mut got = Vec::new();
            while let Ok(v) = dst_rx.recv().await {
                got.push(v);
            }
            got
        });
        let sent = src_rx.into_stream().forward_to(&dst_tx).await.unwrap();
        drop(dst_tx);
        producer.await;
        assert_eq!(sent, 500);
        assert_eq!(consumer.await, (0..500).collect::<Vec<_>>());
    });
}
