//! `yield` inside `tokio::select!` (a macro whose tokens the generator
//! macros rewrite).

use rill_core::Stream;
use rill_gen::{stream, try_stream};
use tokio::sync::mpsc;

fn merge(mut a: mpsc::Receiver<u32>, mut b: mpsc::Receiver<u32>) -> impl Stream<Item = u32> {
    stream! {
        let (mut a_open, mut b_open) = (true, true);
        while a_open || b_open {
            tokio::select! {
                v = a.recv(), if a_open => match v {
                    Some(v) => yield v,
                    None => a_open = false,
                },
                v = b.recv(), if b_open => {
                    match v {
                        Some(v) => { yield v + 100; }
                        None => b_open = false,
                    }
                }
            }
        }
    }
}

async fn collect<S: Stream>(s: S) -> Vec<S::Item> {
    let mut s = std::pin::pin!(s);
    let mut out = Vec::new();
    while let Some(v) = std::future::poll_fn(|cx| s.as_mut().poll_next(cx)).await {
        out.push(v);
    }
    out
}

#[tokio::test]
async fn yield_inside_select() {
    let (ta, ra) = mpsc::channel(8);
    let (tb, rb) = mpsc::channel(8);
    let producer = tokio::spawn(async move {
        for i in 0..3 {
            ta.send(i).await.unwrap();
            tb.send(i).await.unwrap();
        }
    });
    let mut got = collect(merge(ra, rb)).await;
    producer.await.unwrap();
    got.sort_unstable();
    assert_eq!(got, [0, 1, 2, 100, 101, 102]);
}

#[tokio::test]
async fn yield_inside_select_in_try_stream() {
    let (tx, mut rx) = mpsc::channel::<Result<u8, String>>(4);
    let s = try_stream! {
        loop {
            tokio::select! {
                v = rx.recv() => match v {
                    Some(v) => yield v?,
                    None => break,
                },
            }
        }
    };
    tx.send(Ok(1)).await.unwrap();
    tx.send(Err("bad".into())).await.unwrap();
    tx.send(Ok(3)).await.unwrap();
    drop(tx);
    let got: Vec<Result<u8, String>> = collect(s).await;
    assert_eq!(got, [Ok(1), Err("bad".to_string())]);
}

#[tokio::test]
async fn yield_of_an_expression_with_commas_inside_select() {
    // `yield` in a `select!` arm takes the whole expression, commas of
    // generic arguments included (the arm's own `,` ends it).
    use std::collections::BTreeMap;
    let s = stream! {
        for round in 0..2u8 {
            tokio::select! {
                _ = std::future::ready(()) => yield BTreeMap::<u8, u8>::from([(round, round)]).len() + usize::from(round),
            }
        }
    };
    assert_eq!(collect(s).await, [1, 2]);
}
