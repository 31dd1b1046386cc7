//! The behaviour every `ReceiverStream` must show, written once and run on
//! every runtime: tokio current-thread and multi-thread (tokio mpsc), the
//! async-std runtime (`async_std::channel`, async-channel 1.x), smol and a
//! plain `block_on` with OS threads (async-channel 2.x).
#![cfg(any(feature = "tokio", feature = "async-std", feature = "async-channel"))]
#![allow(dead_code)] // a test body is unused when no row of the matrix is built

mod runtimes_and_channels;

use core::pin::pin;
use core::task::Poll;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rill_channel::{ForwardExt, send_all};
use rill_combinators::StreamExt;
use rill_core::{FusedStream, Stream};
use rill_test::{poll_next_once, poll_once, yield_once};
use runtimes_and_channels::*;

const ITEMS: u64 = 5_000;
const CAPACITY: usize = 16;

/// One producer: every item, in order, then the end exactly when the
/// sender is dropped; the stream stays ended (fused).
fn order_one_producer<C: Chan, R: Runtime>() {
    order_one_producer_through::<C, R, _>(|stream| stream);
}

/// The same through `rill_test::interleave_pending`: `Pending` before every
/// item changes nothing.
fn order_through_interleave_pending<C: Chan, R: Runtime>() {
    order_one_producer_through::<C, R, _>(rill_test::interleave_pending);
}

fn order_one_producer_through<C: Chan, R: Runtime, S>(wrap: impl FnOnce(C::Stream) -> S)
where
    S: FusedStream<Item = u64>,
{
    R::run(async {
        let (tx, stream) = C::bounded(CAPACITY);
        let producer = R::spawn(async move {
            for i in 0..ITEMS {
                C::send(&tx, i).await.unwrap();
            }
        });
        let mut stream = Box::pin(wrap(stream));
        let mut got = Vec::new();
        while let Some(item) = stream.next().await {
            got.push(item);
        }
        producer.await;
        assert_eq!(
            got,
            (0..ITEMS).collect::<Vec<_>>(),
            "{} on {}",
            C::NAME,
            R::NAME
        );
        assert!(stream.is_terminated());
        assert_eq!(stream.size_hint(), (0, Some(0)));
        assert_eq!(stream.next().await, None);
    });
}

/// Four producers: every item exactly once, each producer's items in its
/// own order, and the end only after the last sender is dropped.
fn exactly_once_many_producers<C: Chan, R: Runtime>() {
    const PRODUCERS: u64 = 4;
    R::run(async {
        let (tx, stream) = C::bounded(CAPACITY);
        let mut producers = Vec::new();
        for p in 0..PRODUCERS {
            let tx = tx.clone();
            producers.push(R::spawn(async move {
                for i in 0..ITEMS {
                    C::send(&tx, p * ITEMS + i).await.unwrap();
                }
            }));
        }
        drop(tx);
        let mut stream = Box::pin(stream);
        let mut got = Vec::new();
        while let Some(item) = stream.next().await {
            got.push(item);
        }
        for producer in producers {
            producer.await;
        }
        for p in 0..PRODUCERS {
            let own: Vec<u64> = got.iter().copied().filter(|v| v / ITEMS == p).collect();
            let want: Vec<u64> = (p * ITEMS..(p + 1) * ITEMS).collect();
            assert_eq!(own, want, "producer {p}, {} on {}", C::NAME, R::NAME);
        }
        got.sort_unstable();
        assert_eq!(got, (0..PRODUCERS * ITEMS).collect::<Vec<_>>());
    });
}

/// The stream ends exactly when every sender is gone and the buffer is
/// drained: with one clone still alive it waits, after the drop it ends.
fn ends_exactly_when_senders_gone<C: Chan, R: Runtime>() {
    R::run(async {
        let (tx, stream) = C::bounded(4);
        let mut stream = Box::pin(stream);
        let tx2 = tx.clone();
        C::send(&tx, 1).await.unwrap();
        C::send(&tx2, 2).await.unwrap();
        drop(tx);
        assert_eq!(stream.next().await, Some(1));
        assert_eq!(stream.next().await, Some(2));
        // One sender is still alive: not the end.
        assert_eq!(poll_next_once(&mut stream), Poll::Pending);
        assert!(!stream.is_terminated());
        C::send(&tx2, 3).await.unwrap();
        drop(tx2);
        assert_eq!(stream.size_hint(), (1, Some(1)));
        assert_eq!(stream.next().await, Some(3));
        assert_eq!(stream.next().await, None);
        assert!(stream.is_terminated());
    });
}

/// Backpressure: with capacity N and nobody consuming, N sends succeed and
/// the next one waits (a `try_send` fails with `Full`, a `send` future stays
/// pending) until the consumer takes one item. No timing involved.
fn backpressure<C: Chan, R: Runtime>() {
    const N: usize = 4;
    R::run(async {
        let (tx, stream) = C::bounded(N);
        let mut stream = Box::pin(stream);
        for i in 0..N as u64 {
            C::try_send(&tx, i).unwrap();
        }
        assert_eq!(C::try_send(&tx, 99), Err(TryFail::Full(99)));
        {
            let mut blocked = pin!(C::send(&tx, 100));
            assert_eq!(poll_once(&mut blocked), Poll::Pending);
            assert_eq!(poll_once(&mut blocked), Poll::Pending);
            assert_eq!(stream.size_hint().0, N);
            // The consumer takes one item: room for exactly one more.
            assert_eq!(stream.next().await, Some(0));
            blocked.await.unwrap();
        }
        assert_eq!(C::try_send(&tx, 101), Err(TryFail::Full(101)));
        drop(tx);
        let mut rest = Vec::new();
        while let Some(item) = stream.next().await {
            rest.push(item);
        }
        assert_eq!(rest, [1, 2, 3, 100]);
    });
}

/// Backpressure with a real producer task: it gets exactly N items ahead
/// of a consumer that stopped, and no more.
fn backpressure_spawned_producer<C: Chan, R: Runtime>() {
    const N: usize = 8;
    R::run(async {
        let (tx, stream) = C::bounded(N);
        let mut stream = Box::pin(stream);
        let sent = Arc::new(AtomicUsize::new(0));
        let sent2 = Arc::clone(&sent);
        let tx2 = tx.clone();
        let producer = R::spawn(async move {
            for i in 0..(2 * N) as u64 {
                C::send(&tx2, i).await.unwrap();
                sent2.fetch_add(1, Ordering::SeqCst);
            }
        });
        // Wait (yielding, not sleeping) until the producer filled the buffer.
        while sent.load(Ordering::SeqCst) < N {
            yield_once(()).await;
        }
        // The buffer is full: the producer cannot have sent more than N.
        assert_eq!(C::try_send(&tx, 999), Err(TryFail::Full(999)));
        assert_eq!(sent.load(Ordering::SeqCst), N);
        drop(tx);
        let mut got = Vec::new();
        while let Some(item) = stream.next().await {
            got.push(item);
        }
        producer.await;
        assert_eq!(got, (0..(2 * N) as u64).collect::<Vec<_>>());
    });
}

/// Dropping the stream closes the channel: a send that was waiting for room
/// and every later send fail and give their item back.
fn drop_stream_fails_sends<C: Chan, R: Runtime>() {
    R::run(async {
        let (tx, stream) = C::bounded(2);
        C::try_send(&tx, 1).unwrap();
        C::try_send(&tx, 2).unwrap();
        let mut waiting = pin!(C::send(&tx, 3));
        assert_eq!(poll_once(&mut waiting), Poll::Pending);
        drop(stream);
        assert_eq!(waiting.await, Err(3));
        assert_eq!(C::send(&tx, 4).await, Err(4));
        assert_eq!(C::try_send(&tx, 5), Err(TryFail::Closed(5)));
    });
}

/// `close()` then drain: later sends fail with the item back, everything
/// sent before is still yielded, then the end; the hint is exact.
fn close_then_drain<C: Chan, R: Runtime>() {
    R::run(async {
        let (tx, stream) = C::bounded(8);
        let mut stream = Box::pin(stream);
        for i in 0..3 {
            C::send(&tx, i).await.unwrap();
        }
        C::close(stream.as_mut());
        C::close(stream.as_mut()); // twice is harmless
        assert_eq!(C::send(&tx, 10).await, Err(10));
        assert_eq!(C::try_send(&tx, 11), Err(TryFail::Closed(11)));
        assert_eq!(stream.size_hint(), (3, Some(3)));
        let mut got = Vec::new();
        while let Some(item) = stream.next().await {
            got.push(item);
        }
        assert_eq!(got, [0, 1, 2]);
        assert!(stream.is_terminated());
        drop(tx);
    });
}

/// `send_all` / `forward_to`: a stream into a small channel with
/// backpressure, consumed by another task; the count comes back.
fn forward_with_backpressure<C: Chan, R: Runtime>() {
    R::run(async {
        let (src_tx, src) = C::bounded(CAPACITY);
        let (dst_tx, dst) = C::bounded(2);
        let producer = R::spawn(async move {
            for i in 0..ITEMS {
                C::send(&src_tx, i).await.unwrap();
            }
        });
        let consumer = R::spawn(async move {
            let mut dst = Box::pin(dst);
            let mut got = Vec::new();
            while let Some(item) = dst.next().await {
                got.push(item);
            }
            assert_eq!(got, (0..ITEMS).collect::<Vec<_>>());
        });
        let sent = Box::pin(src).forward_to(&dst_tx).await.unwrap();
        assert_eq!(sent, ITEMS as usize);
        drop(dst_tx);
        producer.await;
        consumer.await;
    });
}

/// `send_all` into a channel whose receiver goes away mid-way: the unsent
/// item comes back with the count of items sent before; the rest of the
/// source stream is still there when it was passed by `&mut`.
fn forward_to_dropped_receiver<C: Chan, R: Runtime>() {
    R::run(async {
        let (src_tx, src) = C::bounded(8);
        for i in 0..6 {
            C::send(&src_tx, i).await.unwrap();
        }
        drop(src_tx);
        let (dst_tx, dst) = C::bounded(2);
        let mut src = Box::pin(src);
        let mut dst = Box::pin(dst);
        let err = {
            let mut forward = pin!(send_all(&mut src, &dst_tx));
            // Two items fill the destination; the third (2) waits. The consumer
            // takes one item and goes away before the send is polled again.
            assert!(poll_once(&mut forward).is_pending());
            assert_eq!(dst.next().await, Some(0));
            drop(dst);
            forward.await.unwrap_err()
        };
        // 0 and 1 were sent (1 was still buffered when the receiver went
        // away); 2 was waiting for room and comes back.
        assert_eq!(err.sent(), 2);
        assert_eq!(err.into_item(), 2);
        // The source still holds the rest.
        assert_eq!(src.next().await, Some(3));
        assert_eq!(src.next().await, Some(4));
        assert_eq!(src.next().await, Some(5));
        assert_eq!(src.next().await, None);
    });
}

macro_rules! matrix {
    ($(#[$cfg:meta] $module:ident: $chan:ty, $rt:ty;)*) => {$(
        #[$cfg]
        mod $module {
            use super::*;
            #[test] fn order_one_producer() { super::order_one_producer::<$chan, $rt>() }
            #[test] fn order_through_interleave_pending() { super::order_through_interleave_pending::<$chan, $rt>() }
            #[test] fn exactly_once_many_producers() { super::exactly_once_many_producers::<$chan, $rt>() }
            #[test] fn ends_exactly_when_senders_gone() { super::ends_exactly_when_senders_gone::<$chan, $rt>() }
            #[test] fn backpressure() { super::backpressure::<$chan, $rt>() }
            #[test] fn backpressure_spawned_producer() { super::backpressure_spawned_producer::<$chan, $rt>() }
            #[test] fn drop_stream_fails_sends() { super::drop_stream_fails_sends::<$chan, $rt>() }
            #[test] fn close_then_drain() { super::close_then_drain::<$chan, $rt>() }
            #[test] fn forward_with_backpressure() { super::forward_with_backpressure::<$chan, $rt>() }
            #[test] fn forward_to_dropped_receiver() { super::forward_to_dropped_receiver::<$chan, $rt>() }
        }
    )*};
}

matrix! {
    #[cfg(feature = "tokio")] tokio_mpsc_on_tokio_current_thread: TokioMpsc, TokioCurrentThread;
    #[cfg(feature = "tokio")] tokio_mpsc_on_tokio_multi_thread: TokioMpsc, TokioMultiThread;
    #[cfg(feature = "async-std")] async_std_channel_on_async_std: AsyncStdChannel, AsyncStd;
    #[cfg(feature = "async-channel")] async_channel_on_smol: AsyncChannel2, Smol;
    #[cfg(feature = "async-channel")] async_channel_on_plain_threads: AsyncChannel2, PlainThreads;
    #[cfg(feature = "async-channel")] async_channel_on_tokio_multi_thread: AsyncChannel2, TokioMultiThread;
}
