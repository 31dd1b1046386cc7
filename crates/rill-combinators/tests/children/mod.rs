//! The children the concurrency tests put in their sets (included with
//! `#[path]`): counted jobs, hand-woken and job-driven streams, fairness
//! children on a shared clock; pollers that fail instead of hanging; a
//! seeded generator and the sizes that shrink under valgrind and ASan.
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

/// Number of generated cases: `PROPTEST_CASES` (as set by the valgrind run)
/// or 64.
pub fn cases() -> u64 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
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

/// Polls `stream` until it yields or ends and returns that. Fails the test
/// instead of hanging: when the stream returns `Pending` without having
/// woken its waker (nothing else in these tests would wake it, so on an
/// executor it would sleep forever), or after `max` polls.
#[track_caller]
pub fn next_bounded<S: rill_core::Stream + Unpin + ?Sized>(
    stream: &mut S,
    max: usize,
) -> Option<S::Item> {
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    for _ in 0..max {
        let before = wakes.get();
        match Pin::new(&mut *stream).poll_next(&mut cx) {
            Poll::Ready(item) => return item,
            Poll::Pending if wakes.get() == before => {
                panic!("the stream returned Pending without a wake-up: it would hang")
            }
            Poll::Pending => {}
        }
    }
    panic!("the stream made no progress in {max} polls")
}

/// [`next_bounded`] for a future: polls it to completion, failing instead
/// of hanging.
#[track_caller]
pub fn block_bounded<F: Future + Unpin + ?Sized>(future: &mut F, max: usize) -> F::Output {
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    for _ in 0..max {
        let before = wakes.get();
        match Pin::new(&mut *future).poll(&mut cx) {
            Poll::Ready(out) => return out,
            Poll::Pending if wakes.get() == before => {
                panic!("the future returned Pending without a wake-up: it would hang")
            }
            Poll::Pending => {}
        }
    }
    panic!("the future made no progress in {max} polls")
}

/// Collects a stream with [`next_bounded`] (each item within `max` polls).
#[track_caller]
pub fn collect_bounded<S: rill_core::Stream + Unpin + ?Sized>(
    stream: &mut S,
    max: usize,
) -> Vec<S::Item> {
    let mut out = Vec::new();
    while let Some(item) = next_bounded(stream, max) {
        out.push(item);
    }
    out
}

/// Counts child polls across a whole set: every fairness child ticks it.
#[derive(Debug, Default)]
pub struct Clock(AtomicUsize);

impl Clock {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }
    pub fn now(&self) -> usize {
        self.0.load(SeqCst)
    }
    fn tick(&self) -> usize {
        self.0.fetch_add(1, SeqCst)
    }
}

/// A child that waits for an outside event (like a channel message): it is
/// pending, holding its waker, until `open`; it records how many child polls
/// of the set happened between `open` and its first poll after it.
#[derive(Debug)]
pub struct Gate {
    clock: Arc<Clock>,
    open: std::sync::atomic::AtomicBool,
    waker: std::sync::Mutex<Option<std::task::Waker>>,
    opened_at: AtomicUsize,
    delay: AtomicUsize,
}

impl Gate {
    pub fn new(clock: &Arc<Clock>) -> Arc<Self> {
        Arc::new(Gate {
            clock: clock.clone(),
            open: false.into(),
            waker: std::sync::Mutex::new(None),
            opened_at: AtomicUsize::new(usize::MAX),
            delay: AtomicUsize::new(usize::MAX),
        })
    }

    /// Opens the gate and wakes the child (the "message arrives").
    pub fn open(&self) {
        self.opened_at.store(self.clock.now(), SeqCst);
        self.open.store(true, SeqCst);
        let waker = self.waker.lock().unwrap().take();
        waker
            .expect("the gated child was polled and registered")
            .wake();
    }

    /// Whether the gated child was polled and holds a waker.
    pub fn registered(&self) -> bool {
        self.waker.lock().unwrap().is_some()
    }

    /// Child polls of the set between `open` and the gated child's poll
    /// (`None`: not polled since).
    pub fn delay(&self) -> Option<usize> {
        let d = self.delay.load(SeqCst);
        (d != usize::MAX).then_some(d)
    }

    /// One poll of the gated child: `true` when open.
    fn poll_gate(&self, cx: &mut Context<'_>) -> bool {
        let now = self.clock.tick();
        if self.open.load(SeqCst) {
            let _ = self.delay.compare_exchange(
                usize::MAX,
                now - self.opened_at.load(SeqCst),
                SeqCst,
                SeqCst,
            );
            return true;
        }
        *self.waker.lock().unwrap() = Some(cx.waker().clone());
        false
    }
}

/// A future child for the fairness tests: always ready with its value, or
/// gated. Every poll ticks the clock.
#[derive(Debug)]
pub enum FairFut {
    Ready(Arc<Clock>, u64),
    Gated(Arc<Gate>, u64),
}

impl Future for FairFut {
    type Output = u64;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        match &*self {
            FairFut::Ready(clock, v) => {
                clock.tick();
                Poll::Ready(*v)
            }
            FairFut::Gated(gate, v) => {
                if gate.poll_gate(cx) {
                    Poll::Ready(*v)
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

/// A stream child for the fairness tests: always ready (`left` items of
/// `value`, `None` = endless), or gated (one item once open, then ends).
/// Every poll ticks the clock.
#[derive(Debug)]
pub enum FairStream {
    Busy(Arc<Clock>, u64, Option<usize>),
    Gated(Arc<Gate>, u64, bool),
}

impl rill_core::Stream for FairStream {
    type Item = u64;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        match &mut *self {
            FairStream::Busy(clock, v, left) => {
                clock.tick();
                match left {
                    Some(0) => Poll::Ready(None),
                    Some(n) => {
                        *n -= 1;
                        Poll::Ready(Some(*v))
                    }
                    None => Poll::Ready(Some(*v)),
                }
            }
            FairStream::Gated(gate, v, done) => {
                if *done {
                    gate.clock.tick();
                    return Poll::Ready(None);
                }
                if gate.poll_gate(cx) {
                    *done = true;
                    Poll::Ready(Some(*v))
                } else {
                    Poll::Pending
                }
            }
        }
    }
}

/// `true` under `cargo xtask valgrind` (sizes shrink there).
pub fn under_valgrind() -> bool {
    std::env::var_os("RILL_UNDER_VALGRIND").is_some()
}

/// `n`, or `small` under valgrind or AddressSanitizer.
pub fn scaled(n: usize, small: usize) -> usize {
    if under_valgrind() || std::env::var_os("RILL_UNDER_ASAN").is_some() {
        small
    } else {
        n
    }
}

/// Real tokio children, linked into an intrusive waiter list by their own
/// address (so a child moved or freed while registered leaves a dangling
/// pointer there, which valgrind and ASan report).
#[cfg(not(loom))]
pub mod tokio_children {
    use std::pin::pin;
    use std::sync::Arc;

    use rill_combinators::stream;
    use rill_core::Stream;
    use tokio::sync::Notify;

    /// A stream that waits on `notify` for each item, holding a registered
    /// `Notified` in its state while pending.
    pub fn notified_stream(notify: Arc<Notify>) -> impl Stream<Item = u32> + Send {
        stream::unfold(notify, |n| async move {
            n.notified().await;
            Some((1, n))
        })
    }

    /// `notify` still works: a waiter registered after the set (or
    /// combinator) holding the children is gone is woken by
    /// `notify_waiters`.
    pub fn assert_notify_works(notify: &Notify) {
        let mut waiter = pin!(notify.notified());
        waiter.as_mut().enable();
        notify.notify_waiters();
        assert!(
            rill_test::poll_once(&mut waiter).is_ready(),
            "a waiter registered after the children were dropped is woken"
        );
    }
}
