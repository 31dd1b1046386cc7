//! Test futures for the concurrency tests (included with `#[path]`).
#![allow(dead_code, unreachable_pub)]

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::task::{Context, Poll};

/// Counts live jobs (constructed, not yet dropped) and the peak.
#[derive(Debug, Default)]
pub struct InFlight {
    now: AtomicUsize,
    peak: AtomicUsize,
    pub polls: AtomicUsize,
}

impl InFlight {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }
    pub fn now(&self) -> usize {
        self.now.load(SeqCst)
    }
    pub fn peak(&self) -> usize {
        self.peak.load(SeqCst)
    }
}

/// How a job is woken while it is pending.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WakeFrom {
    /// `wake_by_ref` inside `poll`.
    Itself,
    /// A fresh std thread wakes it.
    Thread,
}

/// A future that is pending `yields` times (arranging its own wake-up each
/// time) and then completes with `id`. Counted in an `InFlight` while alive.
#[derive(Debug)]
pub struct Job {
    pub id: usize,
    yields: usize,
    wake: WakeFrom,
    counter: Option<Arc<InFlight>>,
}

impl Job {
    pub fn new(id: usize, yields: usize) -> Self {
        Job {
            id,
            yields,
            wake: WakeFrom::Itself,
            counter: None,
        }
    }

    pub fn woken_by_thread(mut self) -> Self {
        self.wake = WakeFrom::Thread;
        self
    }

    pub fn counted(mut self, counter: &Arc<InFlight>) -> Self {
        let now = counter.now.fetch_add(1, SeqCst) + 1;
        counter.peak.fetch_max(now, SeqCst);
        self.counter = Some(counter.clone());
        self
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        if let Some(c) = &self.counter {
            c.now.fetch_sub(1, SeqCst);
        }
    }
}

impl Future for Job {
    type Output = usize;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        if let Some(c) = &self.counter {
            c.polls.fetch_add(1, SeqCst);
        }
        if self.yields == 0 {
            return Poll::Ready(self.id);
        }
        self.yields -= 1;
        match self.wake {
            WakeFrom::Itself => cx.waker().wake_by_ref(),
            WakeFrom::Thread => {
                let waker = cx.waker().clone();
                std::thread::spawn(move || waker.wake());
            }
        }
        Poll::Pending
    }
}

/// A small deterministic generator (xorshift) for the model tests.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

pub fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

pub fn assert_send<T: Send>() {}
pub fn assert_sync<T: Sync>() {}
pub fn assert_unpin<T: Unpin>() {}

/// Number of generated cases: `PROPTEST_CASES` (as set by the valgrind run)
/// or 64.
pub fn cases() -> u64 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

/// `true` if the type is `Send`, `false` otherwise, at compile time (the
/// inherent const applies only to `Send` types; others fall back to the
/// blanket trait's).
#[macro_export]
macro_rules! is_send {
    ($t:ty) => {{
        #[allow(dead_code)]
        trait Fallback {
            const SEND: bool = false;
        }
        impl<T: ?Sized> Fallback for T {}
        struct Probe<T: ?Sized>(std::marker::PhantomData<T>);
        #[allow(dead_code)]
        impl<T: ?Sized + Send> Probe<T> {
            const SEND: bool = true;
        }
        Probe::<$t>::SEND
    }};
}

/// A stream of `len` items (`id * 1000 + i`) that is pending until its
/// waker is woken by hand (`Manual::wake`), counting its polls.
#[derive(Debug, Default)]
pub struct ManualState {
    pub polls: AtomicUsize,
    pub ready: std::sync::atomic::AtomicBool,
    pub waker: std::sync::Mutex<Option<std::task::Waker>>,
}

impl ManualState {
    /// Makes one item ready and wakes the stream.
    pub fn wake(&self) {
        self.ready.store(true, SeqCst);
        if let Some(w) = self.waker.lock().unwrap().take() {
            w.wake();
        }
    }
    pub fn polls(&self) -> usize {
        self.polls.load(SeqCst)
    }
}

#[derive(Debug)]
pub struct Manual {
    pub id: usize,
    pub next: usize,
    pub state: Arc<ManualState>,
}

impl Manual {
    pub fn new(id: usize) -> (Self, Arc<ManualState>) {
        let state = Arc::<ManualState>::default();
        (
            Manual {
                id,
                next: 0,
                state: state.clone(),
            },
            state,
        )
    }
}

impl rill_core::Stream for Manual {
    type Item = usize;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<usize>> {
        self.state.polls.fetch_add(1, SeqCst);
        if self.state.ready.swap(false, SeqCst) {
            self.next += 1;
            return Poll::Ready(Some(self.id * 1000 + self.next));
        }
        *self.state.waker.lock().unwrap() = Some(cx.waker().clone());
        Poll::Pending
    }
}

/// A stream of `left` items, each after a `Job` with `yields` wake-ups.
pub struct JobStream {
    pub id: usize,
    pub left: usize,
    pub yields: usize,
    pub threads: bool,
    pub job: Option<Job>,
}

impl JobStream {
    pub fn new(id: usize, left: usize, yields: usize, threads: bool) -> Self {
        JobStream {
            id,
            left,
            yields,
            threads,
            job: None,
        }
    }
}

impl rill_core::Stream for JobStream {
    type Item = (usize, usize);
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<(usize, usize)>> {
        if self.left == 0 {
            return Poll::Ready(None);
        }
        let this = &mut *self;
        let job = this.job.get_or_insert_with(|| {
            let job = Job::new(this.left, this.yields);
            if this.threads {
                job.woken_by_thread()
            } else {
                job
            }
        });
        match Pin::new(job).poll(cx) {
            Poll::Ready(n) => {
                this.job = None;
                this.left -= 1;
                Poll::Ready(Some((this.id, n)))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}
