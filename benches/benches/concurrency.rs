//! Concurrency: the task set under `buffer_unordered`, `FuturesUnordered`,
//! `for_each_concurrent`, `select_all` and `StreamMap`, side by side with
//! futures-util and tokio-stream in one run.
//!
//! With `RILL_BENCH_NOTES=<dir>`, also counts heap allocations (counting
//! global allocator below) and writes `<dir>/concurrency.md`.

use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::hint::black_box;
use std::rc::Rc;
use std::sync::mpsc;

use criterion::{Criterion, criterion_group, criterion_main};
use rill_test::block_on;

#[global_allocator]
static ALLOC: alloc_count::Counting = alloc_count::Counting;

/// Pending once (waking itself), then ready with its number.
struct YieldOnce(usize, bool);

impl Future for YieldOnce {
    type Output = usize;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        if self.1 {
            return Poll::Ready(self.0);
        }
        self.1 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn yield_once(n: usize) -> impl Iterator<Item = YieldOnce> {
    (0..n).map(|i| YieldOnce(i, false))
}

const BUFFER_N: usize = 65_536;

fn buffer_unordered(c: &mut Criterion) {
    let mut group = c.benchmark_group("concurrency/buffer_unordered(256) 65536 yield-once futures");
    group.bench_function("rill", |b| {
        b.iter(|| {
            use rill::StreamExt as _;
            let mut s = rill::stream::iter(yield_once(black_box(BUFFER_N))).buffer_unordered(256);
            block_on(async {
                let mut sum = 0usize;
                while let Some(x) = s.next().await {
                    sum = sum.wrapping_add(x);
                }
                black_box(sum)
            })
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            use futures_util::StreamExt as _;
            let mut s =
                futures_util::stream::iter(yield_once(black_box(BUFFER_N))).buffer_unordered(256);
            block_on(async {
                let mut sum = 0usize;
                while let Some(x) = s.next().await {
                    sum = sum.wrapping_add(x);
                }
                black_box(sum)
            })
        })
    });
    group.finish();
}

/// Pending until a helper thread, which it sends its waker to, wakes it.
struct ThreadWoken(Option<mpsc::Sender<Waker>>);

impl Future for ThreadWoken {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match self.0.take() {
            Some(tx) => {
                tx.send(cx.waker().clone())
                    .expect("the waker thread is alive");
                Poll::Pending
            }
            None => Poll::Ready(()),
        }
    }
}

const THREAD_N: usize = 10_000;

/// Runs `drive` over `THREAD_N` thread-woken futures with a helper thread
/// that wakes each waker it receives.
fn with_waker_thread(drive: impl FnOnce(Vec<ThreadWoken>)) {
    let (tx, rx) = mpsc::channel::<Waker>();
    let helper = std::thread::spawn(move || {
        for w in rx {
            w.wake();
        }
    });
    let futures = (0..THREAD_N)
        .map(|_| ThreadWoken(Some(tx.clone())))
        .collect();
    drop(tx);
    drive(futures);
    helper.join().expect("the waker thread");
}

fn futures_unordered_threads(c: &mut Criterion) {
    let mut group =
        c.benchmark_group("concurrency/FuturesUnordered 10000 woken from another thread");
    group.bench_function("rill", |b| {
        b.iter(|| {
            with_waker_thread(|futures| {
                use rill::StreamExt as _;
                let mut set: rill::stream::FuturesUnordered<_> = futures.into_iter().collect();
                let n = block_on(async {
                    let mut n = 0;
                    while set.next().await.is_some() {
                        n += 1;
                    }
                    n
                });
                assert_eq!(n, THREAD_N);
            })
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            with_waker_thread(|futures| {
                use futures_util::StreamExt as _;
                let mut set: futures_util::stream::FuturesUnordered<_> =
                    futures.into_iter().collect();
                let n = block_on(async {
                    let mut n = 0;
                    while set.next().await.is_some() {
                        n += 1;
                    }
                    n
                });
                assert_eq!(n, THREAD_N);
            })
        })
    });
    group.finish();
}

fn for_each_concurrent(c: &mut Criterion) {
    let mut group = c.benchmark_group("concurrency/for_each_concurrent(None) 10000");
    group.bench_function("rill", |b| {
        b.iter(|| {
            use rill::StreamExt as _;
            let s = rill::stream::iter(0..black_box(10_000usize));
            block_on(s.for_each_concurrent(None, |i| async move {
                black_box(YieldOnce(i, false).await);
            }))
        })
    });
    group.bench_function("futures-util", |b| {
        b.iter(|| {
            use futures_util::StreamExt as _;
            let s = futures_util::stream::iter(0..black_box(10_000usize));
            block_on(s.for_each_concurrent(None, |i| async move {
                black_box(YieldOnce(i, false).await);
            }))
        })
    });
    group.finish();
}

/// A stream of the `select_all` case: pending until its flag is raised by
/// the driver, which then wakes the waker it stored. rill's `Stream` is
/// futures-core's, so every peer runs the same streams.
struct Flagged {
    id: usize,
    board: Rc<Board>,
}

/// Per stream: the raised flag and the last waker.
struct Board {
    slots: Vec<RefCell<(bool, Option<Waker>)>>,
}

impl Board {
    fn new(n: usize) -> Rc<Board> {
        Rc::new(Board {
            slots: (0..n).map(|_| RefCell::new((false, None))).collect(),
        })
    }

    fn raise(&self, id: usize) {
        let mut slot = self.slots[id].borrow_mut();
        slot.0 = true;
        if let Some(w) = &slot.1 {
            w.wake_by_ref();
        }
    }
}

impl Flagged {
    fn poll(&self, cx: &mut Context<'_>) -> Poll<Option<usize>> {
        let mut slot = self.board.slots[self.id].borrow_mut();
        if std::mem::take(&mut slot.0) {
            return Poll::Ready(Some(self.id));
        }
        match &slot.1 {
            Some(w) if w.will_wake(cx.waker()) => {}
            _ => slot.1 = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}

impl rill::Stream for Flagged {
    type Item = usize;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<usize>> {
        self.get_mut().poll(cx)
    }
}

const STREAMS: usize = 1000;
const ROUNDS: usize = 1000;

/// Polls the merged stream once with a no-op waker (every stream registers
/// its waker): the state every round starts from.
fn prime<S>(merged: &mut S, poll: fn(&mut S, &mut Context<'_>) -> Poll<Option<usize>>) {
    let mut cx = Context::from_waker(Waker::noop());
    while poll(merged, &mut cx).is_ready() {}
}

/// Wakes one stream per round (never the one just polled) and polls the
/// merged stream until it yields that stream's item.
fn select_rounds<S>(
    board: &Board,
    merged: &mut S,
    poll: fn(&mut S, &mut Context<'_>) -> Poll<Option<usize>>,
) {
    let mut cx = Context::from_waker(Waker::noop());
    for round in 0..ROUNDS {
        let id = (round * 7 + 1) % STREAMS;
        board.raise(id);
        loop {
            if let Poll::Ready(got) = poll(merged, &mut cx) {
                assert_eq!(got, Some(id));
                break;
            }
        }
    }
}

fn flagged(board: &Rc<Board>) -> impl Iterator<Item = Flagged> + '_ {
    (0..STREAMS).map(|id| Flagged {
        id,
        board: board.clone(),
    })
}

/// One `select_all` case: how to build the merged stream over the board's
/// streams, and how to poll it for the next stream id.
struct SelectCase<S> {
    name: &'static str,
    make: fn(&Rc<Board>) -> S,
    poll: fn(&mut S, &mut Context<'_>) -> Poll<Option<usize>>,
}

impl<S> SelectCase<S> {
    /// Times the rounds only: building and priming the set is setup.
    fn bench(&self, group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
        group.bench_function(self.name, |b| {
            b.iter_batched_ref(
                || {
                    let board = Board::new(STREAMS);
                    let mut merged = (self.make)(&board);
                    prime(&mut merged, self.poll);
                    (board, merged)
                },
                |(board, merged)| select_rounds(board, merged, self.poll),
                criterion::BatchSize::SmallInput,
            )
        });
    }

    /// `(allocations to build and prime, allocations per round)`.
    fn allocations(&self) -> (usize, f64) {
        let board = Board::new(STREAMS);
        let mut merged = None;
        let setup = alloc_count::count(|| {
            let mut m = (self.make)(&board);
            prime(&mut m, self.poll);
            merged = Some(m);
        });
        let mut merged = merged.expect("built above");
        let rounds = alloc_count::count(|| select_rounds(&board, &mut merged, self.poll));
        (setup, rounds as f64 / ROUNDS as f64)
    }
}

/// Runs `$f` on each `select_all` case (they have different types).
macro_rules! for_each_select_case {
    ($f:expr) => {{
        $f(&SelectCase {
            name: "rill",
            make: |board| rill::stream::select_all(flagged(board)),
            poll: |s, cx| rill::Stream::poll_next(Pin::new(s), cx),
        });
        $f(&SelectCase {
            name: "rill StreamMap",
            make: |board| {
                flagged(board)
                    .map(|f| (f.id, f))
                    .collect::<rill::stream::StreamMap<usize, Flagged>>()
            },
            poll: |s, cx| rill::Stream::poll_next(Pin::new(s), cx).map(|o| o.map(|(k, _)| k)),
        });
        $f(&SelectCase {
            name: "futures-util",
            make: |board| futures_util::stream::select_all(flagged(board)),
            poll: |s, cx| futures_core::Stream::poll_next(Pin::new(s), cx),
        });
        $f(&SelectCase {
            name: "tokio-stream",
            make: |board| {
                let mut s = tokio_stream::StreamMap::new();
                for f in flagged(board) {
                    s.insert(f.id, f);
                }
                s
            },
            poll: |s, cx| {
                futures_core::Stream::poll_next(Pin::new(s), cx).map(|o| o.map(|(k, _)| k))
            },
        });
    }};
}

fn select_all(c: &mut Criterion) {
    let mut group = c.benchmark_group("concurrency/select_all 1000 streams one woken");
    for_each_select_case!(|case: &SelectCase<_>| case.bench(&mut group));
    group.finish();
}

/// With `RILL_BENCH_NOTES=<dir>`, counts allocations and writes
/// `<dir>/concurrency.md`.
fn write_notes(_: &mut Criterion) {
    let Some(dir) = std::env::var_os("RILL_BENCH_NOTES") else {
        return;
    };
    const READY_N: usize = 512_000;
    let mut md = String::from(
        "### concurrency: heap allocations\n\n\
         Counted with a counting global allocator, one run each.\n\n\
         `buffer_unordered(256)` over 512,000 ready futures (`core::future::Ready`):\n\n\
         | case | allocations | per future |\n|---|---:|---:|\n",
    );
    let rill = alloc_count::count(|| {
        use rill::StreamExt as _;
        let s = rill::stream::iter((0..READY_N).map(core::future::ready)).buffer_unordered(256);
        assert_eq!(
            block_on(s.fold(0usize, |n, _| core::future::ready(n + 1))),
            READY_N
        );
    });
    let futures = alloc_count::count(|| {
        use futures_util::StreamExt as _;
        let s =
            futures_util::stream::iter((0..READY_N).map(core::future::ready)).buffer_unordered(256);
        assert_eq!(
            block_on(s.fold(0usize, |n, _| core::future::ready(n + 1))),
            READY_N
        );
    });
    for (name, n) in [("rill", rill), ("futures-util", futures)] {
        writeln!(md, "| {name} | {n} | {:.4} |", n as f64 / READY_N as f64).expect("format");
    }
    writeln!(
        md,
        "\n`select_all` over {STREAMS} streams, one woken per item ({ROUNDS} items):\n\n\
         | case | allocations to build the set | allocations per item |\n|---|---:|---:|"
    )
    .expect("format");
    let mut rows = Vec::new();
    for_each_select_case!(|case: &SelectCase<_>| rows.push((case.name, case.allocations())));
    for (name, (setup, per_item)) in rows {
        writeln!(md, "| {name} | {setup} | {per_item:.2} |").expect("format");
    }
    std::fs::create_dir_all(&dir).expect("create the notes directory");
    std::fs::write(std::path::Path::new(&dir).join("concurrency.md"), md)
        .expect("write concurrency.md");
}

/// A global allocator that counts allocations (a relaxed atomic add per
/// allocation: the same small cost for every case).
mod alloc_count {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    static ALLOCS: AtomicUsize = AtomicUsize::new(0);

    pub(crate) struct Counting;

    // SAFETY: every method forwards to `System` with the caller's arguments,
    // which upholds the `GlobalAlloc` contract; the counter never touches the
    // memory.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCS.fetch_add(1, Relaxed);
            // SAFETY: forwarded as is; the caller upholds `alloc`'s contract.
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` was allocated by `System` with `layout`.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCS.fetch_add(1, Relaxed);
            // SAFETY: forwarded as is; the caller upholds `realloc`'s contract.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    /// Allocations made while `f` runs (single-threaded use).
    pub(crate) fn count(f: impl FnOnce()) -> usize {
        let before = ALLOCS.load(Relaxed);
        f();
        ALLOCS.load(Relaxed) - before
    }
}

criterion_group!(
    benches,
    write_notes,
    buffer_unordered,
    futures_unordered_threads,
    for_each_concurrent,
    select_all
);
criterion_main!(benches);
