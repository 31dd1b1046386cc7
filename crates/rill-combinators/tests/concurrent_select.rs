//! `select_all` / `SelectAll` and `StreamMap`: only woken streams are
//! polled, every ready stream gets a turn, every item exactly once.

// The crate uses loom's atomics under `--cfg loom`, which only work inside
// `loom::model`: these tests run in the normal build only.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::pin::Pin;
use std::task::Poll;

use children::{JobStream, Manual, Rng, sorted};
use rill_combinators::StreamExt;
use rill_combinators::stream::{self, SelectAll, StreamMap, StreamNotifyClose};
use rill_core::{FusedStream, Stream};
use rill_test::{assert_stream_done, assert_stream_next, assert_stream_pending, block_on};

fn expected(streams: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut v: Vec<_> = streams
        .iter()
        .flat_map(|&(id, len)| (1..=len).rev().map(move |n| (id, n)))
        .collect();
    v.sort();
    v
}

#[test]
fn select_all_every_item_once_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let shape: Vec<(usize, usize)> = (0..rng.below(20)).map(|id| (id, rng.below(6))).collect();
        let yields: Vec<usize> = shape.iter().map(|_| rng.below(3)).collect();
        let make = || {
            stream::select_all(
                shape
                    .iter()
                    .zip(&yields)
                    .map(|(&(id, len), &y)| JobStream::new(id, len, y, false)),
            )
        };
        let out = rill_test::check_fused_stream(make);
        assert_eq!(sorted(out), expected(&shape), "seed {seed}");

        let make = || {
            shape
                .iter()
                .zip(&yields)
                .map(|(&(id, len), &y)| (id, JobStream::new(id, len, y, false)))
                .collect::<StreamMap<_, _>>()
        };
        let out = rill_test::check_fused_stream(make);
        assert_eq!(
            sorted(out.into_iter().map(|(_, x)| x).collect()),
            expected(&shape),
            "seed {seed}"
        );
    }
}

#[test]
fn streams_woken_from_other_threads() {
    let shape: Vec<(usize, usize)> = (0..30).map(|id| (id, id % 4)).collect();
    let all = stream::select_all(
        shape
            .iter()
            .map(|&(id, len)| JobStream::new(id, len, 2, true)),
    );
    assert_eq!(sorted(block_on(all.collect())), expected(&shape));
    let map: StreamMap<_, _> = shape
        .iter()
        .map(|&(id, len)| (id, JobStream::new(id, len, 2, true)))
        .collect();
    let out: Vec<(usize, (usize, usize))> = block_on(map.collect());
    assert!(out.iter().all(|(k, (id, _))| k == id));
    assert_eq!(
        sorted(out.into_iter().map(|(_, x)| x).collect()),
        expected(&shape)
    );
}

#[test]
fn only_woken_streams_are_polled() {
    let (streams, states): (Vec<_>, Vec<_>) = (0..1000).map(Manual::new).unzip();
    let mut all: SelectAll<_> = streams.into_iter().collect();
    // New streams are polled once each, 32 per poll of the set (budget).
    for _ in 0..1000_usize.div_ceil(32) {
        assert_stream_pending!(all);
    }
    assert!(
        states.iter().all(|s| s.polls() == 1),
        "each new stream is polled once"
    );
    for round in 0..5 {
        let k = (round * 337) % 1000;
        states[k].wake();
        assert_stream_next!(all, k * 1000 + 1);
        assert_stream_pending!(all);
        let total: usize = states.iter().map(|s| s.polls()).sum();
        // The woken stream: one poll for the item, one after it (it was
        // queued again behind the others); nobody else.
        assert_eq!(total, 1000 + 2 * (round + 1), "round {round}");
    }

    let (streams, states): (Vec<_>, Vec<_>) = (0..1000).map(Manual::new).unzip();
    let mut map: StreamMap<_, _> = streams.into_iter().enumerate().collect();
    for _ in 0..1000_usize.div_ceil(32) {
        assert_stream_pending!(map);
    }
    states[500].wake();
    assert_stream_next!(map, (500, 500 * 1000 + 1));
    assert_stream_pending!(map);
    assert_eq!(states.iter().map(|s| s.polls()).sum::<usize>(), 1002);
}

/// Always-ready streams take turns: round robin.
#[test]
fn fairness_between_ready_streams() {
    let mut all = stream::select_all((0..3).map(|i| stream::iter(std::iter::repeat(i))));
    let first: Vec<usize> = (0..30).map(|_| block_on(all.next()).unwrap()).collect();
    for round in first.chunks(3) {
        assert_eq!(sorted(round.to_vec()), [0, 1, 2]);
    }
    let mut map: StreamMap<_, _> = (0..3)
        .map(|i| (i, stream::iter(std::iter::repeat(i))))
        .collect();
    let first: Vec<usize> = (0..30).map(|_| block_on(map.next()).unwrap().0).collect();
    for round in first.chunks(3) {
        assert_eq!(sorted(round.to_vec()), [0, 1, 2]);
    }
}

#[test]
fn select_all_push_revives_and_is_terminated() {
    let mut all = SelectAll::new();
    assert_stream_done!(all);
    assert!(all.is_terminated());
    all.push(stream::iter(vec![1]));
    assert!(!all.is_terminated());
    assert_eq!(all.size_hint(), (1, Some(1)));
    assert_stream_next!(all, 1);
    assert_stream_done!(all);
    assert!(all.is_terminated());
    all.extend([stream::iter(vec![2, 3])]);
    assert_eq!(all.iter().count(), 1);
    assert_eq!(all.iter_mut().count(), 1);
    assert_eq!(all.into_iter().count(), 1);
}

#[test]
fn stream_map_api() {
    let mut map = StreamMap::new();
    assert!(map.insert("a", stream::iter(vec![1, 2])).is_none());
    assert!(map.insert("b", stream::iter(vec![3])).is_none());
    let old = map.insert("a", stream::iter(vec![10]));
    assert_eq!(old.map(|s| s.get_ref().len()), Some(2));
    assert_eq!(map.len(), 2);
    assert!(map.contains_key("a") && !map.contains_key("z"));
    assert_eq!(sorted(map.keys().copied().collect()), ["a", "b"]);
    assert_eq!(map.values().count(), 2);
    assert!(map.remove("b").is_some());
    assert!(map.remove("b").is_none());
    let mut buf = Vec::new();
    assert_eq!(block_on(map.next_many(&mut buf, 5)), 1);
    assert_eq!(buf, [("a", 10)]);
    assert_eq!(block_on(map.next_many(&mut buf, 5)), 0);
    assert!(map.is_empty() && map.is_terminated());
    assert_eq!(
        map.poll_next_many(&mut rill_test::noop_context(), &mut buf, 0),
        Poll::Ready(0)
    );
}

#[test]
fn stream_notify_close_in_a_map() {
    let mut map = StreamMap::new();
    map.insert(1, StreamNotifyClose::new(stream::iter(vec!['x'])));
    map.insert(2, StreamNotifyClose::new(stream::iter(vec![])));
    let out: Vec<_> = block_on(map.collect());
    assert_eq!(sorted(out), [(1, None), (1, Some('x')), (2, None)]);
}

#[test]
fn auto_traits() {
    use rill_test::{assert_impl, assert_not_impl};
    type S = stream::Iter<std::vec::IntoIter<u8>>;
    assert_impl!(SelectAll<S>: Send);
    assert_impl!(StreamMap<u8, S>: Send);
    assert_impl!(SelectAll<S>: Unpin);
    type NotSend = stream::Iter<std::vec::IntoIter<std::rc::Rc<u8>>>;
    assert_not_impl!(SelectAll<NotSend>: Send);
    assert_not_impl!(StreamMap<u8, NotSend>: Send);
    // Not requiring Send: a !Send stream works.
    let all = stream::select_all([stream::iter(vec![std::rc::Rc::new(1u8)])]);
    assert_eq!(block_on(all.collect::<Vec<_>>()).len(), 1);
    let _ = Pin::new(&mut stream::select_all([stream::iter(0..1)]))
        .poll_next(&mut rill_test::noop_context());
}
