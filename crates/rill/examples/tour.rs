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
    part_generators();
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

/// Generators: streams written with `yield`, by `stream!` and `try_stream!`.
fn part_generators() {
    use rill::stream;

    println!();
    println!("Generators: a three-phase stream with stream!");
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

    println!();
    println!("Generators: a paginated fetch with try_stream! and `?`");
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
