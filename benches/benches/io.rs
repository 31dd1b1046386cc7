//! I/O streams: `lines` over a 100 MB log, keeping the ERROR lines.
//!
//! The log is generated once into `target/rill-bench/` and reused by later
//! runs. Every case reads it through the same reader (a tokio `File` in a
//! 64 KiB `BufReader`) and counts the lines containing "ERROR"; only the
//! line stream differs.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use tokio::io::{AsyncBufReadExt, BufReader};

const SIZE: usize = 100 * 1024 * 1024;
const BUF: usize = 64 * 1024;

/// The path of the generated log, creating it on first use.
fn log_file() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/rill-bench");
    let path = dir.join("io-lines-100mb.log");
    if std::fs::metadata(&path).is_ok_and(|m| m.len() as usize >= SIZE) {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("create target/rill-bench");
    let mut block = Vec::new();
    for i in 0..1000u32 {
        let level = ["INFO", "DEBUG", "INFO", "WARN", "INFO", "ERROR", "INFO"][(i % 7) as usize];
        writeln!(
            block,
            "2026-11-22T05:{:02}:{:02}.{:03}Z {level} worker-{} request {i} took {}us",
            i % 60,
            (i * 7) % 60,
            i % 1000,
            i % 16,
            (i * 37) % 5000
        )
        .expect("format a log line");
    }
    let tmp = dir.join("io-lines-100mb.log.tmp");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp).expect("create the log"));
    for _ in 0..SIZE / block.len() + 1 {
        w.write_all(&block).expect("write the log");
    }
    w.flush().expect("flush the log");
    drop(w);
    std::fs::rename(&tmp, &path).expect("move the log into place");
    path
}

async fn reader(path: &Path) -> BufReader<tokio::fs::File> {
    let file = tokio::fs::File::open(path).await.expect("open the log");
    BufReader::with_capacity(BUF, file)
}

/// The three ways to count the ERROR lines, each a whole pass over the log.
async fn count_rill(path: &Path) -> usize {
    use rill::StreamExt as _;
    let mut lines = core::pin::pin!(rill_io::tokio::lines(reader(path).await));
    let mut errors = 0usize;
    while let Some(line) = lines.next().await {
        errors += usize::from(line.expect("read a line").contains("ERROR"));
    }
    errors
}

async fn count_tokio_stream(path: &Path) -> usize {
    use tokio_stream::StreamExt as _;
    let mut lines = tokio_stream::wrappers::LinesStream::new(reader(path).await.lines());
    let mut errors = 0usize;
    while let Some(line) = lines.next().await {
        errors += usize::from(line.expect("read a line").contains("ERROR"));
    }
    errors
}

async fn count_raw_loop(path: &Path) -> usize {
    let mut lines = reader(path).await.lines();
    let mut errors = 0usize;
    while let Some(line) = lines.next_line().await.expect("read a line") {
        errors += usize::from(line.contains("ERROR"));
    }
    errors
}

fn bench_lines(c: &mut Criterion) {
    let path = log_file();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    // All three cases must agree before they are timed.
    let rill = rt.block_on(count_rill(&path));
    assert_eq!(
        rill,
        rt.block_on(count_tokio_stream(&path)),
        "tokio-stream differs"
    );
    assert_eq!(rill, rt.block_on(count_raw_loop(&path)), "raw loop differs");
    write_notes(&rt, &path);

    let mut group = c.benchmark_group("io/lines 100MB filter ERROR");
    group.sample_size(10);
    group.bench_function("rill", |b| {
        b.iter(|| black_box(rt.block_on(count_rill(&path))));
    });
    group.bench_function("tokio-stream", |b| {
        b.iter(|| black_box(rt.block_on(count_tokio_stream(&path))));
    });
    group.bench_function("raw loop", |b| {
        b.iter(|| black_box(rt.block_on(count_raw_loop(&path))));
    });
    group.finish();
}

/// With `RILL_BENCH_NOTES=<dir>`, measures the heap traffic of one pass of
/// each case (allocations and peak live bytes, from the counting allocator
/// below) and writes `<dir>/io.md`.
fn write_notes(rt: &tokio::runtime::Runtime, path: &Path) {
    let Some(dir) = std::env::var_os("RILL_BENCH_NOTES") else {
        return;
    };
    let lines = {
        use std::io::Read;
        let mut file = std::fs::File::open(path).expect("open the log");
        let mut buf = vec![0u8; BUF];
        let mut n = 0;
        loop {
            let got = file.read(&mut buf).expect("read the log");
            if got == 0 {
                break n;
            }
            n += buf[..got].iter().filter(|&&b| b == b'\n').count();
        }
    };
    let mut md = String::from(
        "### io: heap traffic of `lines` over the 100 MB log\n\n\
         One pass, counting ERROR lines, measured with a counting global allocator.\n\n\
         | case | allocations | per line | peak live heap |\n|---|---:|---:|---:|\n",
    );
    type Case = fn(&Path) -> std::pin::Pin<Box<dyn std::future::Future<Output = usize> + '_>>;
    let cases: [(&str, Case); 3] = [
        ("rill", |p| Box::pin(count_rill(p))),
        ("tokio-stream", |p| Box::pin(count_tokio_stream(p))),
        ("raw loop", |p| Box::pin(count_raw_loop(p))),
    ];
    for (name, case) in cases {
        let (allocs, peak) = alloc_count::measure(|| rt.block_on(case(path)));
        writeln!(
            md,
            "| {name} | {allocs} | {:.2} | {} KiB |",
            allocs as f64 / lines as f64,
            peak / 1024
        )
        .expect("format the notes");
    }
    md.push_str(&format!("\n{lines} lines.\n"));
    std::fs::create_dir_all(&dir).expect("create the notes directory");
    std::fs::write(Path::new(&dir).join("io.md"), md).expect("write io.md");
}

/// A global allocator that counts allocations and tracks peak live bytes
/// (a relaxed atomic add per allocation: the same small cost for every case).
mod alloc_count {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    static ALLOCS: AtomicUsize = AtomicUsize::new(0);
    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    struct Counting;

    fn grew(size: usize) {
        let live = LIVE.fetch_add(size, Relaxed) + size;
        PEAK.fetch_max(live, Relaxed);
    }

    // SAFETY: every method forwards to `System` with the caller's arguments,
    // which upholds the `GlobalAlloc` contract; the counters never touch the
    // memory.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCS.fetch_add(1, Relaxed);
            grew(layout.size());
            // SAFETY: forwarded as is; the caller upholds `alloc`'s contract.
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size(), Relaxed);
            // SAFETY: `ptr` was allocated by `System` with `layout`.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCS.fetch_add(1, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
            // SAFETY: forwarded as is; the caller upholds `realloc`'s contract.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    /// Runs `f` and returns the allocations (and reallocations) it made and
    /// the peak of live heap bytes above the level it started at.
    pub(crate) fn measure<R>(f: impl FnOnce() -> R) -> (usize, usize) {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let before = ALLOCS.load(Relaxed);
        std::hint::black_box(f());
        (ALLOCS.load(Relaxed) - before, PEAK.load(Relaxed) - base)
    }
}

criterion_group!(benches, bench_lines);
criterion_main!(benches);
