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

/// Prints the numbered heading of the next part of the tour.
fn section(title: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PART: AtomicUsize = AtomicUsize::new(1);
    let n = PART.fetch_add(1, Ordering::Relaxed);
    println!();
    println!("{n}. {title}");
}

fn main() {
    println!("rill tour");
    println!("=========");
    part_hand_written();
    part_constructors();
    part_adapters();
    part_try_stream();
    part_channels();
    part_time_io();
    part_generators();
    part_concurrency();
    part_interop();
}

/// Part 1: a `Stream` written by hand, polled with `poll_next`.
fn part_hand_written() {
    section("A hand-written stream, polled with poll_next");
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

    section("Constructors: a paginated API walked with stream::unfold");
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

    section("Adapters: the even squares, with filter and map");
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

/// TryStreamExt: a log analyzer over lines that may fail to read.
fn part_try_stream() {
    use core::future::ready;
    use std::io;

    use rill::stream;

    /// A parsed log line: `LEVEL <n>ms message`.
    #[derive(Debug)]
    struct Record {
        level: String,
        millis: u32,
        message: String,
    }

    fn parse(line: &str) -> Option<Record> {
        let mut parts = line.splitn(3, ' ');
        let level = parts.next()?.to_owned();
        let millis = parts.next()?.strip_suffix("ms")?.parse().ok()?;
        let message = parts.next()?.to_owned();
        Some(Record {
            level,
            millis,
            message,
        })
    }

    /// The lines of a log as a reader gives them; reading line `fail_at`
    /// fails with an I/O error.
    fn lines(fail_at: Option<usize>) -> impl Stream<Item = io::Result<String>> + Unpin {
        let text = [
            "INFO 12ms started",
            "garbage",
            "WARN 250ms slow query",
            "ERROR 3ms disk full",
            "INFO 7ms done",
        ];
        stream::iter(text.into_iter().enumerate().map(move |(i, line)| {
            if Some(i) == fail_at {
                Err(io::Error::other("connection reset"))
            } else {
                Ok(line.to_owned())
            }
        }))
    }

    section("TryStreamExt: a log analyzer");
    // Bad lines are skipped with try_filter_map; I/O errors pass through.
    let records = || lines(None).try_filter_map(|line| ready(Ok(parse(&line))));
    let all: io::Result<Vec<Record>> = rill_test::block_on(records().try_collect());
    let all = all.expect("no I/O error in this run");
    for r in &all {
        println!("   {:<5} {:>4}ms  {}", r.level, r.millis, r.message);
    }
    println!(
        "   {} records from 5 lines (1 could not be parsed)",
        all.len()
    );
    assert_eq!(all.len(), 4);
    let total = rill_test::block_on(records().try_fold(0, |sum, r| ready(Ok(sum + r.millis))));
    println!("   total time: {}ms", total.as_ref().expect("no I/O error"));
    assert_eq!(total.ok(), Some(272));

    // Now reading the 4th line fails. An adapter passes the error on as an
    // item and keeps going...
    println!("   reading line 4 fails:");
    let mut parsed = lines(Some(3)).try_filter_map(|line| ready(Ok(parse(&line))));
    let mut seen = 0;
    loop {
        match rill_test::block_on(parsed.try_next()) {
            Ok(Some(r)) => println!("   - record: {} {}", r.level, r.message),
            Ok(None) => break,
            Err(e) => println!("   - I/O error: {e} (the stream goes on)"),
        }
        seen += 1;
    }
    assert_eq!(seen, 4);
    // ...while a consumer stops at the first error and returns it.
    let total = rill_test::block_on(
        lines(Some(3))
            .try_filter_map(|line| ready(Ok(parse(&line))))
            .try_fold(0, |sum, r| ready(Ok(sum + r.millis))),
    );
    match &total {
        Ok(ms) => println!("   try_fold: {ms}ms"),
        Err(e) => println!("   try_fold stopped at the first error: {e}"),
    }
    assert_eq!(
        total.map_err(|e| e.to_string()),
        Err("connection reset".to_owned())
    );
}

/// Channels: receivers as streams, and streams back into channels.
///
/// With rill's `tokio` / `async-std` features this is `rill::channel`; the
/// tour reaches it through its `rill-channel` dev-dependency so that it runs
/// with rill's default features.
fn part_channels() {
    use core::future::ready;
    use rill_channel::{IntoStream, send_all};

    section("Channels: a tokio mpsc receiver and an async-std channel as streams");

    // A producer task sends 1..=20 over a bounded tokio channel; the
    // consumer turns the receiver into a stream, keeps the even numbers,
    // squared, and handles up to 3 of them at once with
    // `for_each_concurrent`.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .expect("a tokio runtime");
    let tokio_sum = runtime.block_on(async {
        let (tx, rx) = tokio::sync::mpsc::channel::<u64>(4);
        let producer = tokio::spawn(async move {
            for n in 1..=20 {
                // Waits whenever 4 items are buffered: backpressure.
                tx.send(n).await.expect("the consumer is alive");
            }
            // `tx` drops here: the stream ends once the buffer is drained.
        });
        let sum = std::sync::atomic::AtomicU64::new(0);
        rx.into_stream()
            .filter(|n| ready(n % 2 == 0))
            .map(|n| n * n)
            .for_each_concurrent(3, |square| {
                let sum = &sum;
                async move {
                    // Stand-in for real work (a request, a write) per item.
                    tokio::task::yield_now().await;
                    sum.fetch_add(square, std::sync::atomic::Ordering::Relaxed);
                }
            })
            .await;
        producer.await.expect("the producer finished");
        sum.into_inner()
    });
    println!("   tokio mpsc: sum of the even squares of 1..=20 = {tokio_sum}");
    assert_eq!(tokio_sum, 1540);

    // The same with async-std: the producer feeds a rill stream into the
    // channel with `send_all` (backpressure both ways), the consumer reads
    // the receiver as a stream.
    let async_std_sum = async_std::task::block_on(async {
        let (tx, rx) = async_std::channel::bounded::<u64>(4);
        let producer = async_std::task::spawn(async move {
            send_all(rill::stream::iter(1..=20), &tx)
                .await
                .expect("the consumer is alive")
        });
        let mut sum = 0;
        rx.into_stream()
            .filter(|n| ready(n % 2 == 0))
            .map(|n| n * n)
            .for_each(|square| {
                sum += square;
                ready(())
            })
            .await;
        let sent = producer.await;
        println!("   async-std: the producer sent {sent} items with send_all");
        sum
    });
    println!("   async-std channel: the same sum = {async_std_sum}");
    assert_eq!(async_std_sum, tokio_sum);
}

/// Time and I/O: a log analyzer over a file's lines, and a batcher that
/// cuts by size or by age (rill-time and rill-io, tokio backends; with the
/// facade's `tokio` feature they are `rill::time` and `rill::io`).
fn part_time_io() {
    use core::time::Duration;
    use std::io::Write;

    use rill_io::tokio::lines;
    use rill_time::tokio::{StreamTimeExt, interval};

    section("Time and I/O: a log analyzer and a batcher");
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
/// Generators: streams written with `yield`, by `stream!` and `try_stream!`.
fn part_generators() {
    use rill::stream;

    section("Generators: a three-phase stream with stream!");
    // Phase 1 yields warm-up items, phase 2 forwards another stream with
    // `for await`, phase 3 yields a summary computed along the way.
    let readings = stream::iter([3u32, 5, 8]);
    let phases = rill::stream! {
        for i in 1..=2 {
            yield format!("warm-up {i}");
        }
        let mut total = 0;
        for await r in readings {
            total += r;
            yield format!("reading {r}");
        }
        yield format!("summary: total {total}");
    };
    let phases: Vec<String> = rill_test::block_on(phases.collect());
    for line in &phases {
        println!("   {line}");
    }
    assert_eq!(phases.len(), 6);
    assert_eq!(phases[5], "summary: total 16");

    section("Generators: a paginated fetch with try_stream! and `?`");
    #[derive(Debug, PartialEq)]
    struct FetchError(u32);

    /// A fake API: three pages of two items, then an empty page; page
    /// `fail_at` fails.
    async fn fetch_page(page: u32, fail_at: u32) -> Result<Vec<String>, FetchError> {
        if page == fail_at {
            return Err(FetchError(page));
        }
        let items = if page < 3 {
            (0..2).map(|i| format!("item {}", page * 2 + i)).collect()
        } else {
            Vec::new()
        };
        Ok(items)
    }

    fn all_items(fail_at: u32) -> impl Stream<Item = Result<String, FetchError>> {
        rill::try_stream! {
            let mut page = 0;
            loop {
                let items = fetch_page(page, fail_at).await?;
                if items.is_empty() {
                    break;
                }
                for item in items {
                    yield item;
                }
                page += 1;
            }
        }
    }

    let ok: Vec<Result<String, FetchError>> = rill_test::block_on(all_items(u32::MAX).collect());
    println!(
        "   every page fetched: {} items, the last {:?}",
        ok.len(),
        ok[5]
    );
    assert_eq!(ok.len(), 6);
    assert!(ok.iter().all(Result::is_ok));

    let failed: Vec<Result<String, FetchError>> = rill_test::block_on(all_items(1).collect());
    println!("   page 1 fails: {failed:?}");
    assert_eq!(
        failed,
        [
            Ok("item 0".to_string()),
            Ok("item 1".to_string()),
            Err(FetchError(1))
        ]
    );
}

/// Concurrency: a download-style pipeline. A stream of URLs is mapped to
/// fake "fetches" (futures that complete after being woken a few times, as
/// a network read would), and `buffer_unordered(3)` runs three at a time,
/// yielding each page as soon as its fetch completes.
fn part_concurrency() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fake fetch: pending `polls_left` times (waking itself each time),
    /// then the page. Counts how many fetches are in flight.
    struct Fetch {
        url: &'static str,
        polls_left: usize,
        in_flight: Arc<AtomicUsize>,
    }

    impl Future for Fetch {
        type Output = (&'static str, usize);
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            if self.polls_left == 0 {
                return Poll::Ready((self.url, self.url.len() * 100));
            }
            self.polls_left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    impl Drop for Fetch {
        fn drop(&mut self) {
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
        }
    }

    section("Concurrency: fetching 6 pages, 3 at a time, with buffer_unordered(3)");
    let urls = ["/a", "/bb", "/ccc", "/dddd", "/eeeee", "/ffffff"];
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let fetches = {
        let (in_flight, peak) = (in_flight.clone(), peak.clone());
        urls.into_iter().enumerate().map(move |(i, url)| {
            let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            // Later URLs are faster: the pages arrive out of order.
            Fetch {
                url,
                polls_left: 6 - i,
                in_flight: in_flight.clone(),
            }
        })
    };
    let pages: Vec<(&str, usize)> =
        rill_test::block_on(rill::stream::iter(fetches).buffer_unordered(3).collect());
    for (url, bytes) in &pages {
        println!("   fetched {url:<8} {bytes:>4} bytes");
    }
    println!(
        "   at most {} fetches were in flight at once",
        peak.load(Ordering::SeqCst)
    );
    assert_eq!(pages.len(), urls.len());
    assert_eq!(peak.load(Ordering::SeqCst), 3);
    assert_eq!(in_flight.load(Ordering::SeqCst), 0);
}

/// Interop: rill's `Stream` is futures-core's, so streams cross between rill
/// and the rest of the ecosystem with no wrapper, in both directions.
fn part_interop() {
    use rill::stream;

    /// Stands for any futures-based API (axum's `Sse::new`, tonic, hyper's
    /// `StreamBody`): it asks for a `futures_core::Stream`.
    fn futures_api(s: impl futures_core::Stream<Item = u32> + Unpin) -> Vec<u32> {
        rill_test::block_on_stream(s).collect()
    }

    section("Interop: futures-util's streams get rill's combinators, and back");
    // A stream made by futures-util, adapted with rill's `map` and `filter`.
    let theirs = futures_util::stream::iter(1..=6);
    let ours = theirs
        .map(|x| x * 10)
        .filter(|x| core::future::ready(x % 20 == 0));
    // ... and handed to an API that knows only futures-core.
    let got = futures_api(ours);
    println!("   futures-util's iter(1..=6), rill's map/filter -> {got:?}");
    assert_eq!(got, [20, 40, 60]);
    let direct = futures_api(stream::iter(vec![7, 8]));
    println!("   a rill stream into the same API            -> {direct:?}");
    assert_eq!(direct, [7, 8]);

    // Sinks are futures-sink's: `forward` a pipeline into any of them (a
    // WebSocket, a codec, a channel; a `Vec` here), or `send` one by one.
    let mut sink: Vec<String> = Vec::new();
    let words = stream::iter(["tide", "pool"])
        .map(|w| Ok::<_, core::convert::Infallible>(w.to_uppercase()));
    rill_test::block_on(async {
        words.forward(&mut sink).await.unwrap();
        sink.send("!".to_string()).await.unwrap();
    });
    println!("   forward + send into a Vec sink             -> {sink:?}");
    assert_eq!(sink, ["TIDE", "POOL", "!"]);
}
