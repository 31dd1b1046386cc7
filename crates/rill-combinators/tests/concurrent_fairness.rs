//! Fairness: a child woken from outside while always-ready
//! siblings keep the set busy is polled within a bound.
//!
//! The guarantee checked (docs/semantics.md): woken children and children
//! re-queued after yielding (or newly inserted) share one FIFO order, so a
//! child woken at some moment is polled before any child that became ready
//! after that moment. Each child is queued at most once, so the woken child
//! is polled within `len` child polls of the set after its wake (`len`: the
//! number of children in the set), and one poll of a set still polls at
//! most `BUDGET` (32) children.
//!
//! Every test: always-ready siblings plus one gated child; the gate is opened
//! (the gated child's waker woken, as a channel would) once the gated child
//! is registered; then the set is polled until the gated child is polled
//! again (and its item comes out), counting child polls in between.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use children::{Clock, FairFut, FairStream, Gate, scaled};
use rill_combinators::StreamExt;
use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered, StreamMap};
use rill_core::Stream;

/// Child polls per poll of a set before it yields (the task set's budget).
const BUDGET: usize = 32;
/// The gated child's value; always-ready children yield other values.
const GATED: u64 = 999_999;

/// What happened between the wake of the gated child and its poll.
#[derive(Debug)]
struct Run {
    /// Child polls of the set between the wake and the gated child's poll.
    delay: usize,
    /// Items the set yielded after the wake, before the gated child's item.
    items_before: usize,
    /// Polls of the set after the wake, up to the gated item (inclusive).
    polls: usize,
    /// The largest `len` the set had after the wake.
    max_len: usize,
    /// The most child polls one poll of the set made after the wake.
    max_child_polls: usize,
}

/// Polls a set (through `poll`, which returns the poll result and the set's
/// `len` afterwards) until the gated child registered, opens the gate, then
/// polls until the gated child was polled and, if `wanted`, its item came
/// out. Fails the test if the set starves it for `cap` polls, ends, or
/// returns `Pending` without a wake-up (it would hang on an executor).
#[track_caller]
fn run_until_gated<P>(mut poll: P, clock: &Clock, gate: &Gate, wanted: bool, cap: usize) -> Run
where
    P: FnMut(&mut Context<'_>) -> (Poll<Option<u64>>, usize),
{
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut registered = false;
    for _ in 0..10_000 {
        if let (Poll::Ready(None), _) = poll(&mut cx) {
            panic!("the set ended before the gated child registered");
        }
        if gate.registered() {
            registered = true;
            break;
        }
    }
    assert!(registered, "the gated child was never polled");

    let woken_before = wakes.get();
    let opened_at = clock.now();
    gate.open();
    assert!(
        wakes.get() > woken_before,
        "the gated child's wake did not reach the parent's waker"
    );
    let mut run = Run {
        delay: 0,
        items_before: 0,
        polls: 0,
        max_len: 0,
        max_child_polls: 0,
    };
    for _ in 0..cap {
        let ticks = clock.now();
        let woken = wakes.get();
        let (result, len) = poll(&mut cx);
        run.polls += 1;
        run.max_len = run.max_len.max(len);
        run.max_child_polls = run.max_child_polls.max(clock.now() - ticks);
        match result {
            Poll::Ready(Some(GATED)) => {
                run.delay = gate.delay().expect("an item after a poll");
                return run;
            }
            Poll::Ready(Some(_)) => run.items_before += 1,
            Poll::Ready(None) => panic!("the set ended before the gated child's item: {run:?}"),
            Poll::Pending => assert!(
                wakes.get() > woken,
                "Pending without a wake-up while children are ready: {run:?}"
            ),
        }
        if let (false, Some(delay)) = (wanted, gate.delay()) {
            run.delay = delay;
            return run;
        }
    }
    panic!(
        "starvation: the woken child was not {} in {cap} polls of the set \
         ({} child polls since its wake): {run:?}",
        if wanted { "yielded" } else { "polled" },
        clock.now() - opened_at,
    );
}

/// The core bound: polled within `len` child polls after the wake.
#[track_caller]
fn assert_within_len(run: &Run) {
    assert!(
        run.delay < run.max_len,
        "the woken child waited {} child polls, with {} children in the set: {run:?}",
        run.delay,
        run.max_len
    );
}

#[track_caller]
fn assert_budget(run: &Run) {
    assert!(
        run.max_child_polls <= BUDGET,
        "one poll of the set polled {} children (budget {BUDGET}): {run:?}",
        run.max_child_polls
    );
}

#[test]
fn select_all_delivers_a_channel_message_among_endless_items() {
    // The reproduction: never delivered on main (not in 1,000,000
    // items); futures-util delivers it within 3 polls.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
    let messages = stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut all = stream::select_all([stream::repeat(0).boxed(), messages.boxed()]);
    let len = all.len();
    let mut cx = rill_test::noop_context();
    // Both children are polled once: the receiver registers its waker.
    for _ in 0..len {
        assert_eq!(Pin::new(&mut all).poll_next(&mut cx), Poll::Ready(Some(0)));
    }
    tx.send(7).unwrap();
    let cap = scaled(100_000, 5_000);
    let at = (1..=cap)
        .find(|_| Pin::new(&mut all).poll_next(&mut cx) == Poll::Ready(Some(7)))
        .unwrap_or_else(|| panic!("the message was not delivered in {cap} items"));
    assert!(
        at <= len + 1,
        "the message came out as item {at} after the send (bound: {})",
        len + 1
    );
}

#[test]
fn select_all_woken_stream_among_busy_ones() {
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let mut all = stream::select_all((0..5).map(|i| FairStream::Busy(clock.clone(), i, None)));
    all.push(FairStream::Gated(gate.clone(), GATED, false));
    all.extend((5..9).map(|i| FairStream::Busy(clock.clone(), i, None)));
    let run = run_until_gated(
        |cx| (Pin::new(&mut all).poll_next(cx), all.len()),
        &clock,
        &gate,
        true,
        10_000,
    );
    assert_within_len(&run);
    assert_budget(&run);
    assert!(run.items_before < run.max_len, "{run:?}");
}

#[test]
fn stream_map_woken_stream_among_busy_ones() {
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let mut map = StreamMap::new();
    for k in 0..6u64 {
        map.insert(k, FairStream::Busy(clock.clone(), k, None));
    }
    map.insert(6, FairStream::Gated(gate.clone(), GATED, false));
    map.insert(7, FairStream::Busy(clock.clone(), 7, None));
    let run = run_until_gated(
        |cx| {
            let poll = Pin::new(&mut map).poll_next(cx).map(|o| o.map(|(_, v)| v));
            (poll, map.len())
        },
        &clock,
        &gate,
        true,
        10_000,
    );
    assert_within_len(&run);
    assert_budget(&run);
}

#[test]
fn flatten_unordered_woken_stream_among_busy_ones() {
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let mut inner: Vec<_> = (0..4)
        .map(|i| FairStream::Busy(clock.clone(), i, None))
        .collect();
    inner.insert(2, FairStream::Gated(gate.clone(), GATED, false));
    let mut s = stream::iter(inner).flatten_unordered(None);
    let run = run_until_gated(
        |cx| (Pin::new(&mut s).poll_next(cx), 5),
        &clock,
        &gate,
        true,
        10_000,
    );
    assert_within_len(&run);
}

#[test]
fn flatten_unordered_woken_stream_with_endless_input() {
    // Inner streams end after two items and are replaced from an endless
    // input: newly inserted children must not overtake the woken one.
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let first = FairStream::Gated(gate.clone(), GATED, false);
    let c = clock.clone();
    let rest = std::iter::repeat_with(move || FairStream::Busy(c.clone(), 1, Some(2)));
    let mut s = stream::iter(std::iter::once(first).chain(rest)).flatten_unordered(4);
    let run = run_until_gated(
        |cx| (Pin::new(&mut s).poll_next(cx), 4),
        &clock,
        &gate,
        true,
        10_000,
    );
    assert_within_len(&run);
}

#[test]
fn futures_unordered_woken_future_while_consumer_pushes_ready_ones() {
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let mut set = FuturesUnordered::new();
    set.push(FairFut::Gated(gate.clone(), GATED));
    set.extend((0..7).map(|i| FairFut::Ready(clock.clone(), i)));
    let run = run_until_gated(
        |cx| {
            let poll = Pin::new(&mut set).poll_next(cx);
            if let Poll::Ready(Some(_)) = poll {
                // Keep the set busy: every output is replaced at once.
                set.push(FairFut::Ready(clock.clone(), 1));
            }
            (poll, set.len())
        },
        &clock,
        &gate,
        true,
        10_000,
    );
    assert_within_len(&run);
    assert_budget(&run);
}

#[test]
fn futures_ordered_woken_future_while_consumer_pushes_ready_ones() {
    // The gated future is first in order: nothing comes out before it, and
    // the consumer pushes more ready futures on every poll than one poll
    // can take.
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let mut queue = FuturesOrdered::new();
    queue.push_back(FairFut::Gated(gate.clone(), GATED));
    queue.extend((0..3).map(|i| FairFut::Ready(clock.clone(), i)));
    let run = run_until_gated(
        |cx| {
            let poll = Pin::new(&mut queue).poll_next(cx);
            for i in 0..2 * BUDGET as u64 {
                queue.push_back(FairFut::Ready(clock.clone(), i));
            }
            (poll, queue.len())
        },
        &clock,
        &gate,
        true,
        500,
    );
    assert_within_len(&run);
    assert_eq!(run.items_before, 0, "ordered: the gated output is first");
}

/// `[gated, ready, ready, ...]` as an endless input, counting pulls.
fn gated_then_ready(
    clock: &Arc<Clock>,
    gate: &Arc<Gate>,
    ready: Option<usize>,
) -> (impl Stream<Item = FairFut> + use<>, Rc<Cell<usize>>) {
    let pulled = Rc::new(Cell::new(0));
    let count = pulled.clone();
    let c = clock.clone();
    let rest = std::iter::repeat_with(move || FairFut::Ready(c.clone(), 1))
        .take(ready.unwrap_or(usize::MAX));
    let input = std::iter::once(FairFut::Gated(gate.clone(), GATED))
        .chain(rest)
        .inspect(move |_| count.set(count.get() + 1));
    (stream::iter(input), pulled)
}

#[test]
fn buffer_unordered_woken_future_among_many_ready_ones() {
    // The issue: it came out last (after 100,000 ready ones).
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let (input, _) = gated_then_ready(&clock, &gate, Some(scaled(100_000, 2_000)));
    let mut s = input.buffer_unordered(4);
    let run = run_until_gated(
        |cx| (Pin::new(&mut s).poll_next(cx), 4),
        &clock,
        &gate,
        true,
        scaled(200_000, 4_000),
    );
    assert_within_len(&run);
    assert!(run.items_before < 4, "{run:?}");
}

#[test]
fn buffer_unordered_woken_future_with_endless_input() {
    // The issue: never delivered with an endless input.
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let (input, _) = gated_then_ready(&clock, &gate, None);
    let mut s = input.buffer_unordered(4);
    let run = run_until_gated(
        |cx| (Pin::new(&mut s).poll_next(cx), 4),
        &clock,
        &gate,
        true,
        scaled(100_000, 4_000),
    );
    assert_within_len(&run);
    assert!(run.items_before < 4, "{run:?}");
}

#[test]
fn buffered_woken_future_with_endless_input() {
    for limit in [Some(4), None] {
        let clock = Clock::new();
        let gate = Gate::new(&clock);
        let (input, pulled) = gated_then_ready(&clock, &gate, None);
        let mut s = input.buffered(limit);
        let run = run_until_gated(
            // Nothing is yielded before the gated output (ordered): the
            // set holds every future pulled so far.
            |cx| (Pin::new(&mut s).poll_next(cx), pulled.get()),
            &clock,
            &gate,
            true,
            500,
        );
        assert_within_len(&run);
        assert_eq!(run.items_before, 0, "limit {limit:?}: {run:?}");
    }
}

#[test]
fn for_each_concurrent_woken_future_with_endless_input() {
    let clock = Clock::new();
    let gate = Gate::new(&clock);
    let c = clock.clone();
    let g = gate.clone();
    let mut fut = Box::pin(stream::iter(0u64..).for_each_concurrent(4, move |i| {
        let fut = if i == 0 {
            FairFut::Gated(g.clone(), GATED)
        } else {
            FairFut::Ready(c.clone(), i)
        };
        async move {
            fut.await;
        }
    }));
    let run = run_until_gated(
        |cx| (fut.as_mut().poll(cx).map(|()| None), 4),
        &clock,
        &gate,
        false,
        100_000,
    );
    assert_within_len(&run);
}

/// Always-pending children that wake themselves: one poll of the set polls
/// at most `BUDGET` of them, and every one gets its turn within
/// `ceil(len / BUDGET)` polls of the set.
#[track_caller]
fn check_budget_turns<S: Stream + Unpin>(
    name: &str,
    s: &mut S,
    probes: &rill_test::Probes,
    len: usize,
) {
    let (waker, wakes) = rill_test::counting_waker();
    let mut cx = Context::from_waker(&waker);
    let polls = len.div_ceil(BUDGET);
    for p in 0..polls {
        let before = probes.total_polls();
        let woken = wakes.get();
        assert!(Pin::new(&mut *s).poll_next(&mut cx).is_pending());
        let turns = probes.total_polls() - before;
        assert!(turns <= BUDGET, "{name}: poll {p} polled {turns} children");
        assert!(wakes.get() > woken, "{name}: Pending without a wake-up");
    }
    for id in 0..len {
        assert!(
            probes.polls(id) >= 1,
            "{name}: child {id} not polled in {polls} polls of the set"
        );
    }
}

#[test]
fn budget_bounds_one_poll_and_every_busy_child_gets_a_turn() {
    use rill_test::Probes;
    let len = 100;
    let busy = |p: &Probes| p.stream(std::iter::empty::<u8>()).pending(usize::MAX);

    let probes = Probes::new();
    let mut all = stream::select_all((0..len).map(|_| busy(&probes)));
    check_budget_turns("select_all", &mut all, &probes, len);

    let probes = Probes::new();
    let mut map = StreamMap::new();
    for k in 0..len {
        map.insert(k, Box::pin(busy(&probes)));
    }
    check_budget_turns("StreamMap", &mut map, &probes, len);

    let probes = Probes::new();
    let mut set: FuturesUnordered<_> = (0..len)
        .map(|_| probes.future(()).pending(usize::MAX))
        .collect();
    check_budget_turns("FuturesUnordered", &mut set, &probes, len);
}
