//! `lines` streams a generated 200 MB file in constant memory: rill-test's
//! `CountingAllocator` records the peak of live heap bytes while it reads.
#![cfg(feature = "tokio")]

use std::io::Write;
use std::time::Instant;

use rill_combinators::StreamExt;
use rill_test::CountingAllocator;

#[global_allocator]
static ALLOC: CountingAllocator = CountingAllocator::new();

const SIZE: usize = 200 * 1024 * 1024;

/// Removes the file even when the test fails.
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn lines_reads_200_mb_in_constant_memory() {
    let path = std::env::temp_dir().join(format!("rill-io-lines-{}.log", std::process::id()));
    let file = TempFile(path);

    // One block of log lines, written again and again.
    let mut block = Vec::new();
    let mut block_lines = 0;
    let mut block_errors = 0;
    for i in 0..1000 {
        let level = if i % 7 == 0 { "ERROR" } else { "INFO" };
        block_errors += usize::from(i % 7 == 0);
        block_lines += 1;
        writeln!(
            block,
            "2026-11-22T05:00:{:02} {level} worker-{} handled request {i}",
            i % 60,
            i % 8
        )
        .unwrap();
    }
    let blocks = SIZE / block.len() + 1;
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&file.0).unwrap());
        for _ in 0..blocks {
            w.write_all(&block).unwrap();
        }
        w.flush().unwrap();
    }
    let total = std::fs::metadata(&file.0).unwrap().len() as usize;
    assert!(total >= SIZE);

    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let started = Instant::now();
    let (lines, errors, peak) = rt.block_on(async {
        let baseline = CountingAllocator::reset_peak();
        let f = std::fs::File::open(&file.0).unwrap();
        // A blocking std file behind tokio's traits: no thread pool hops, so
        // the test measures `lines`, not the file driver.
        let reader = tokio::io::BufReader::with_capacity(256 * 1024, BlockingFile(f));
        let mut stream = rill_io::tokio::lines(reader);
        let (mut lines, mut errors) = (0usize, 0usize);
        while let Some(line) = stream.next().await {
            lines += 1;
            errors += usize::from(line.unwrap().contains("ERROR"));
        }
        (lines, errors, CountingAllocator::peak_bytes() - baseline)
    });
    eprintln!(
        "lines: {total} bytes, {lines} lines in {:?}; peak extra heap {peak} bytes",
        started.elapsed()
    );
    assert_eq!(lines, blocks * block_lines);
    assert_eq!(errors, blocks * block_errors);
    // The 256 KiB buffer plus one line: far below 2 MiB.
    assert!(peak < 2 * 1024 * 1024, "peak extra heap {peak} bytes");
}

/// `std::fs::File` read in place as a tokio `AsyncRead` (reads never block
/// for long on a local file; fine for a test).
struct BlockingFile(std::fs::File);

impl tokio::io::AsyncRead for BlockingFile {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        use std::io::Read;
        let n = self.get_mut().0.read(buf.initialize_unfilled())?;
        buf.advance(n);
        std::task::Poll::Ready(Ok(()))
    }
}
