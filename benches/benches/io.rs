//! I/O streams: `lines` over a 100 MB log, keeping the ERROR lines.
//!
//! The log is generated once into `target/rill-bench/` and reused by later
//! runs. Every case reads it through the same reader (a tokio `File` in a
//! 64 KiB `BufReader`) and counts the lines containing "ERROR"; only the
//! line stream differs.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use rill::StreamExt as _;
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

fn bench_lines(c: &mut Criterion) {
    let path = log_file();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    // All three cases must agree before they are timed.
    let count = |use_rill: bool| {
        rt.block_on(async {
            let mut errors = 0usize;
            if use_rill {
                let mut lines = core::pin::pin!(rill_io::tokio::lines(reader(&path).await));
                while let Some(line) = lines.next().await {
                    errors += usize::from(line.expect("read a line").contains("ERROR"));
                }
            } else {
                let mut lines = reader(&path).await.lines();
                while let Some(line) = lines.next_line().await.expect("read a line") {
                    errors += usize::from(line.contains("ERROR"));
                }
            }
            errors
        })
    };
    assert_eq!(
        count(true),
        count(false),
        "rill and tokio count different lines"
    );

    let mut group = c.benchmark_group("io/lines 100MB filter ERROR");
    group.sample_size(10);

    group.bench_function("rill", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut lines = core::pin::pin!(rill_io::tokio::lines(reader(&path).await));
                let mut errors = 0usize;
                while let Some(line) = lines.next().await {
                    errors += usize::from(line.expect("read a line").contains("ERROR"));
                }
                black_box(errors)
            })
        });
    });

    group.bench_function("tokio-stream", |b| {
        use tokio_stream::StreamExt as _;
        b.iter(|| {
            rt.block_on(async {
                let mut lines =
                    tokio_stream::wrappers::LinesStream::new(reader(&path).await.lines());
                let mut errors = 0usize;
                while let Some(line) = lines.next().await {
                    errors += usize::from(line.expect("read a line").contains("ERROR"));
                }
                black_box(errors)
            })
        });
    });

    group.bench_function("raw loop", |b| {
        b.iter(|| {
            rt.block_on(async {
                let mut lines = reader(&path).await.lines();
                let mut errors = 0usize;
                while let Some(line) = lines.next_line().await.expect("read a line") {
                    errors += usize::from(line.contains("ERROR"));
                }
                black_box(errors)
            })
        });
    });

    group.finish();
}

criterion_group!(benches, bench_lines);
criterion_main!(benches);
