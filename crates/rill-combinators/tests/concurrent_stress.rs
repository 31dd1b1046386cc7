//! Multi-threaded stress: several threads wake thousands of
//! children in random order, together with stale wakers kept from earlier
//! rounds (whose slots now hold other children). Every item must come out
//! exactly once, and the set must never hang: the run is bounded in rounds,
//! and a watchdog fails the test (instead of hanging) if a round stalls.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::collections::HashSet;
use std::pin::Pin;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

use children::{Rng, scaled};
use rill_combinators::StreamExt;
use rill_combinators::stream::{FuturesUnordered, SelectAll, StreamMap};
use rill_core::Stream;

/// Waker threads per round.
const WAKERS: usize = 3;
/// A round that takes longer than this is a hang.
const WATCHDOG: Duration = Duration::from_secs(60);

/// The wake state of one child: items made ready by the waker threads, and
/// the waker the child left when it was last pending.
#[derive(Default)]
struct Cell {
    ready: u32,
    waker: Option<Waker>,
}

/// One round's children and the wakers kept from earlier rounds.
struct Board {
    round: usize,
    cells: Vec<Mutex<Cell>>,
    stale: Arc<Mutex<Vec<Waker>>>,
}

/// A child: yields `(round, id, n)` for `n` in `0..items`, each only after
/// a waker thread made it ready and woke it.
struct Ticket {
    id: usize,
    next: u32,
    items: u32,
    board: Arc<Board>,
}

impl Stream for Ticket {
    type Item = (usize, usize, u32);

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.next == self.items {
            return Poll::Ready(None);
        }
        let board = self.board.clone();
        let mut cell = board.cells[self.id].lock().unwrap();
        if cell.ready > self.next {
            drop(cell);
            let n = self.next;
            self.next += 1;
            return Poll::Ready(Some((board.round, self.id, n)));
        }
        if let Some(old) = cell.waker.replace(cx.waker().clone()) {
            // Keep some wakers for later rounds: their slots will hold
            // other children by then.
            if self.id.is_multiple_of(7) {
                let mut stale = board.stale.lock().unwrap();
                if stale.len() < 4096 {
                    stale.push(old);
                }
            }
        }
        Poll::Pending
    }
}

/// A future over a one-item ticket.
struct Once(Ticket);

impl std::future::Future for Once {
    type Output = (usize, usize, u32);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0)
            .poll_next(cx)
            .map(|item| item.expect("a ticket yields once"))
    }
}

/// Runs the waker threads of one round: each makes its share of the
/// children ready, `items` times, in random order, waking a random stale
/// waker now and then.
fn wake_all(board: &Arc<Board>, items: u32, seed: u64) -> Vec<thread::JoinHandle<()>> {
    let n = board.cells.len();
    (0..WAKERS)
        .map(|t| {
            let board = board.clone();
            thread::spawn(move || {
                let mut rng = Rng::new(seed * 31 + t as u64);
                let mut mine: Vec<usize> = (t..n).step_by(WAKERS).collect();
                for _ in 0..items {
                    // Fisher-Yates with the test's generator.
                    for i in (1..mine.len()).rev() {
                        mine.swap(i, rng.below(i + 1));
                    }
                    for (k, &id) in mine.iter().enumerate() {
                        let waker = {
                            let mut cell = board.cells[id].lock().unwrap();
                            cell.ready += 1;
                            cell.waker.take()
                        };
                        if let Some(w) = waker {
                            w.wake();
                        }
                        if k.is_multiple_of(16) {
                            let stale = board.stale.lock().unwrap();
                            if !stale.is_empty() {
                                stale[rng.below(stale.len())].wake_by_ref();
                            }
                        }
                        if k.is_multiple_of(64) {
                            thread::yield_now();
                        }
                    }
                }
            })
        })
        .collect()
}

/// Runs `rounds` rounds on one set (slots and wakers reused from round to
/// round): builds the children with `fill`, wakes them from other threads,
/// drains the set with `block_on` (which parks until woken: a lost wake-up
/// hangs) and checks every item came out exactly once.
fn stress<S, F>(name: &'static str, mut set: S, children: usize, items: u32, mut fill: F)
where
    S: Stream<Item = (usize, usize, u32)> + Unpin + Send + 'static,
    F: FnMut(&mut S, Ticket) + Send + 'static,
{
    let rounds = scaled(12, 3);
    let (done, watchdog) = channel();
    let worker = thread::spawn(move || {
        let stale = Arc::new(Mutex::new(Vec::new()));
        for round in 0..rounds {
            let board = Arc::new(Board {
                round,
                cells: (0..children).map(|_| Mutex::default()).collect(),
                stale: stale.clone(),
            });
            let ticket = |id| Ticket {
                id,
                next: 0,
                items,
                board: board.clone(),
            };
            // Half the children go in before the wakes start, the rest one
            // per item taken out, while the waker threads run.
            let mut later = (children / 2..children).map(ticket);
            for id in 0..children / 2 {
                fill(&mut set, ticket(id));
            }
            let threads = wake_all(&board, items, round as u64);
            let mut seen = HashSet::new();
            let expected = children * items as usize;
            while seen.len() < expected {
                let Some((r, id, n)) = rill_test::block_on(set.next()) else {
                    panic!(
                        "{name}: the set ended with {} of {expected} items",
                        seen.len()
                    );
                };
                assert_eq!(r, round, "{name}: an item of another round");
                assert!(seen.insert((id, n)), "{name}: item {id}/{n} came out twice");
                if let Some(t) = later.next() {
                    fill(&mut set, t);
                }
            }
            // Streams end once all their items are out; the set with them.
            assert_eq!(
                rill_test::block_on(set.next()),
                None,
                "{name}: an extra item"
            );
            for t in threads {
                t.join().unwrap();
            }
            done.send(round).unwrap();
        }
    });
    let started = Instant::now();
    for round in 0..rounds {
        match watchdog.recv_timeout(WATCHDOG) {
            Ok(r) => assert_eq!(r, round),
            Err(RecvTimeoutError::Timeout) => {
                panic!("{name}: round {round} hung (no progress in {WATCHDOG:?})")
            }
            Err(RecvTimeoutError::Disconnected) => {
                // The worker panicked: report its message.
                let err = worker.join().expect_err("the worker stopped early");
                std::panic::resume_unwind(err);
            }
        }
    }
    worker.join().unwrap();
    eprintln!("{name}: {rounds} rounds in {:?}", started.elapsed());
}

#[test]
fn futures_unordered_under_wakes_from_many_threads() {
    let children = scaled(3000, 200);
    stress(
        "FuturesUnordered",
        FuturesUnordered::new(),
        children,
        1,
        |set, t| set.push(Once(t)),
    );
}

#[test]
fn select_all_under_wakes_from_many_threads() {
    let children = scaled(1000, 100);
    stress("SelectAll", SelectAll::new(), children, 3, |set, t| {
        set.push(t)
    });
}

/// A StreamMap keyed by child id, yielding the items without the keys.
struct Keyed(StreamMap<usize, Ticket>);

impl Stream for Keyed {
    type Item = (usize, usize, u32);
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Pin::new(&mut self.0)
            .poll_next(cx)
            .map(|o| o.map(|(_, item)| item))
    }
}

#[test]
fn stream_map_under_wakes_from_many_threads() {
    let children = scaled(300, 50);
    stress(
        "StreamMap",
        Keyed(StreamMap::new()),
        children,
        2,
        |set, t| {
            set.0.insert(t.id, t);
        },
    );
}
