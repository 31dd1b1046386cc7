//! A short, printed walk through what rill can do.
//!
//! Run it with `cargo run --example tour`.

use core::pin::Pin;
use core::task::{Context, Poll};

use rill::prelude::*;

/// A hand-written stream: counts from 1 to 5.
struct Counter {
    count: u32,
}

impl Stream for Counter {
    type Item = u32;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.count == 5 {
            return Poll::Ready(None);
        }
        self.count += 1;
        Poll::Ready(Some(self.count))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (5 - self.count) as usize;
        (left, Some(left))
    }
}

fn main() {
    println!("rill tour");
    println!("=========");
    part_hand_written();
    part_constructors();
    part_adapters();
    part_time_io();
}

/// Part 1: a `Stream` written by hand, polled with `poll_next`.
fn part_hand_written() {
    println!();
    println!("1. A hand-written stream, polled with poll_next");
    let mut counter = Counter { count: 0 };
    println!("   size_hint before polling: {:?}", counter.size_hint());
    let mut seen = Vec::new();
    rill_test::block_on(core::future::poll_fn(|cx| {
        loop {
            match Pin::new(&mut counter).poll_next(cx) {
                Poll::Ready(Some(n)) => {
                    println!("   poll_next -> Ready(Some({n}))");
                    seen.push(n);
                }
                Poll::Ready(None) => {
                    println!("   poll_next -> Ready(None): the stream has ended");
                    return Poll::Ready(());
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }));
    assert_eq!(seen, [1, 2, 3, 4, 5]);
}

/// Constructors: walking a paginated API with `unfold`.
fn part_constructors() {
    use rill::stream;

    /// A fake API: pages of three items, then an empty page.
    async fn fetch_page(page: u32) -> Vec<String> {
        if page >= 3 {
            return Vec::new();
        }
        (0..3).map(|i| format!("item {}", page * 3 + i)).collect()
    }

    println!();
    println!("Constructors: a paginated API walked with stream::unfold");
    // The state is the next page number; the stream ends at the first
    // empty page.
    let pages = stream::unfold(0u32, |page| async move {
        let items = fetch_page(page).await;
        if items.is_empty() {
            None
        } else {
            Some((items, page + 1))
        }
    });
    let pages: Vec<Vec<String>> = rill_test::block_on(pages.collect());
    for (n, page) in pages.iter().enumerate() {
        println!("   page {n}: {page:?}");
    }
    let items: Vec<String> = pages.into_iter().flatten().collect();
    println!("   {} items in all", items.len());
    assert_eq!(items.len(), 9);
    assert_eq!(items[4], "item 4");
}

/// Adapters: `filter`, `map`, `take` and `chunks`, with futures-util's names.
fn part_adapters() {
    use core::future::ready;
    use rill::stream;

    println!();
    println!("Adapters: the even squares, with filter and map");
    // `filter` takes a closure that returns a future: `ready` for a plain
    // test, or an `async move` block.
    let even_squares = stream::iter(1..=10)
        .filter(|x| ready(x % 2 == 0))
        .map(|x| x * x);
    let even_squares: Vec<u32> = rill_test::block_on(even_squares.collect());
    println!("   {even_squares:?}");
    assert_eq!(even_squares, [4, 16, 36, 64, 100]);

    let chunks: Vec<Vec<u32>> = rill_test::block_on(stream::iter(1..).take(7).chunks(3).collect());
    println!("   the first 7 of 1.., in chunks of 3: {chunks:?}");
    assert_eq!(chunks, [vec![1, 2, 3], vec![4, 5, 6], vec![7]]);
}

/// Time and I/O: a log analyzer over a file's lines, and a batcher that
/// cuts by size or by age (rill-time and rill-io, tokio backends; with the
/// facade's `tokio` feature they are `rill::time` and `rill::io`).
fn part_time_io() {
    use core::time::Duration;
    use std::io::Write;

    use rill_io::tokio::lines;
    use rill_time::tokio::{StreamTimeExt, interval};

    println!();
    println!("Time and I/O: a log analyzer and a batcher");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");

    // The log analyzer: write a small log, stream its lines, count errors.
    let path = std::env::temp_dir().join(format!("rill-tour-{}.log", std::process::id()));
    let mut file = std::fs::File::create(&path).expect("create the temp log");
    for i in 0..1000 {
        let level = if i % 10 == 3 { "ERROR" } else { "INFO" };
        writeln!(file, "{level} request {i}").expect("write the temp log");
    }
    drop(file);
    let (total, errors) = rt.block_on(async {
        // Any tokio `AsyncBufRead` works: here a file in a `BufReader`.
        let file = tokio::fs::File::open(&path)
            .await
            .expect("open the temp log");
        let mut stream = core::pin::pin!(lines(tokio::io::BufReader::new(file)));
        let (mut total, mut errors) = (0, 0);
        while let Some(line) = stream.next().await {
            let line = line.expect("valid UTF-8");
            total += 1;
            errors += usize::from(line.starts_with("ERROR"));
        }
        (total, errors)
    });
    std::fs::remove_file(&path).expect("remove the temp log");
    println!("   {total} lines, {errors} of them ERROR");
    assert_eq!((total, errors), (1000, 100));

    // The batcher: ticks every 10 ms, at most 4 per batch, a batch at most
    // 25 ms old: batches are cut by age, not by size.
    let batches = rt.block_on(async {
        let ticks = interval(Duration::from_millis(10));
        let mut batches = core::pin::pin!(ticks.chunks_timeout(4, Duration::from_millis(25)));
        let mut sizes = Vec::new();
        for _ in 0..3 {
            let batch = batches.next().await.expect("an interval never ends");
            sizes.push(batch.len());
        }
        sizes
    });
    println!("   chunks_timeout(4, 25ms) over a 10 ms interval: batch sizes {batches:?}");
    assert!(batches.iter().all(|&n| (1..=4).contains(&n)));
}
