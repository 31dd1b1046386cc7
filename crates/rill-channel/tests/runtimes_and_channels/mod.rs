//! The test harness: a channel flavour ([`Chan`]) and a runtime
//! ([`Runtime`]) are chosen independently, and every test body in
//! `runtimes.rs` is written once, generic over both.
#![allow(dead_code)] // a part is unused when a feature leaves its row out

use core::future::Future;
use core::pin::Pin;

use rill_core::FusedStream;

pub(crate) type BoxFut<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// An async runtime: runs the test body and spawns producer tasks.
pub(crate) trait Runtime {
    const NAME: &'static str;
    fn run<F: Future<Output = ()>>(body: F);
    /// Spawns a task; the returned future resolves when it has finished.
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()>;
}

pub(crate) struct TokioCurrentThread;
impl Runtime for TokioCurrentThread {
    const NAME: &'static str = "tokio current-thread";
    fn run<F: Future<Output = ()>>(body: F) {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(body);
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()> {
        let handle = tokio::spawn(task);
        Box::pin(async move { handle.await.unwrap() })
    }
}

pub(crate) struct TokioMultiThread;
impl Runtime for TokioMultiThread {
    const NAME: &'static str = "tokio multi-thread";
    fn run<F: Future<Output = ()>>(body: F) {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        // The body runs on this thread, spawned producers on the workers.
        rt.block_on(body);
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()> {
        TokioCurrentThread::spawn(task)
    }
}

pub(crate) struct AsyncStd;
impl Runtime for AsyncStd {
    const NAME: &'static str = "async-std";
    fn run<F: Future<Output = ()>>(body: F) {
        async_std::task::block_on(body);
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()> {
        Box::pin(async_std::task::spawn(task))
    }
}

pub(crate) struct Smol;
impl Runtime for Smol {
    const NAME: &'static str = "smol";
    fn run<F: Future<Output = ()>>(body: F) {
        smol::block_on(body);
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()> {
        Box::pin(smol::spawn(task))
    }
}

/// No runtime: `rill_test::block_on` on the test thread, one OS thread per
/// spawned task.
pub(crate) struct PlainThreads;
impl Runtime for PlainThreads {
    const NAME: &'static str = "plain block_on + threads";
    fn run<F: Future<Output = ()>>(body: F) {
        rill_test::block_on(body);
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(task: F) -> BoxFut<()> {
        let (done_tx, done_rx) = smol::channel::bounded::<()>(1);
        std::thread::spawn(move || {
            rill_test::block_on(task);
            done_tx.try_send(()).unwrap();
        });
        Box::pin(async move { done_rx.recv().await.unwrap() })
    }
}

/// Why a `try_send` failed; the item comes back either way.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TryFail {
    Full(u64),
    Closed(u64),
}

/// A channel flavour: how to make one, send on it, and close its stream.
pub(crate) trait Chan: 'static {
    const NAME: &'static str;
    type Tx: rill_channel::ChannelSender<u64> + Clone + Send + Sync + 'static;
    type Stream: FusedStream<Item = u64> + Send + 'static;
    fn bounded(capacity: usize) -> (Self::Tx, Self::Stream);
    fn send(tx: &Self::Tx, item: u64) -> impl Future<Output = Result<(), u64>> + Send + '_;
    fn try_send(tx: &Self::Tx, item: u64) -> Result<(), TryFail>;
    fn close(stream: Pin<&mut Self::Stream>);
}

#[cfg(feature = "tokio")]
pub(crate) struct TokioMpsc;
#[cfg(feature = "tokio")]
impl Chan for TokioMpsc {
    const NAME: &'static str = "tokio mpsc";
    type Tx = tokio::sync::mpsc::Sender<u64>;
    type Stream = rill_channel::tokio::ReceiverStream<u64>;
    fn bounded(capacity: usize) -> (Self::Tx, Self::Stream) {
        use rill_channel::IntoStream;
        let (tx, rx) = tokio::sync::mpsc::channel(capacity);
        (tx, rx.into_stream())
    }
    async fn send(tx: &Self::Tx, item: u64) -> Result<(), u64> {
        tx.send(item).await.map_err(|e| e.0)
    }
    fn try_send(tx: &Self::Tx, item: u64) -> Result<(), TryFail> {
        use tokio::sync::mpsc::error::TrySendError;
        tx.try_send(item).map_err(|e| match e {
            TrySendError::Full(v) => TryFail::Full(v),
            TrySendError::Closed(v) => TryFail::Closed(v),
        })
    }
    fn close(stream: Pin<&mut Self::Stream>) {
        stream.get_mut().close();
    }
}

/// Both async-channel versions have the same API: one macro, two flavours.
macro_rules! async_channel_flavour {
    ($feature:literal, $flavour:ident, $name:literal, $($path:ident)::+, $stream:ty) => {
        #[cfg(feature = $feature)]
        pub(crate) struct $flavour;
        #[cfg(feature = $feature)]
        impl Chan for $flavour {
            const NAME: &'static str = $name;
            type Tx = $($path)::+::Sender<u64>;
            type Stream = $stream;
            fn bounded(capacity: usize) -> (Self::Tx, Self::Stream) {
                use rill_channel::IntoStream;
                let (tx, rx) = $($path)::+::bounded(capacity);
                (tx, rx.into_stream())
            }
            async fn send(tx: &Self::Tx, item: u64) -> Result<(), u64> {
                tx.send(item).await.map_err(|e| e.0)
            }
            fn try_send(tx: &Self::Tx, item: u64) -> Result<(), TryFail> {
                use $($path)::+::TrySendError;
                tx.try_send(item).map_err(|e| match e {
                    TrySendError::Full(v) => TryFail::Full(v),
                    TrySendError::Closed(v) => TryFail::Closed(v),
                })
            }
            fn close(stream: Pin<&mut Self::Stream>) {
                // async-channel 2.x receivers are !Unpin: close through `&`.
                stream.get_ref().close();
            }
        }
    };
}

async_channel_flavour!(
    "async-std",
    AsyncStdChannel,
    "async_std::channel (async-channel 1.x)",
    async_std::channel,
    rill_channel::async_std::ReceiverStream<u64>
);
async_channel_flavour!(
    "async-channel",
    AsyncChannel2,
    "async-channel 2.x",
    async_channel,
    rill_channel::async_channel::ReceiverStream<u64>
);
