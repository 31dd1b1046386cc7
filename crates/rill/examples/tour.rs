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
