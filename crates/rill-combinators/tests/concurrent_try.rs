//! The `try_*` concurrent adapters, `flatten_unordered`/`flat_map_unordered`
//! and `abortable`.

// The crate uses loom's atomics under `--cfg loom`, which only work inside
// `loom::model`: these tests run in the normal build only.
#![cfg(not(loom))]

#[path = "children/mod.rs"]
mod children;

use std::sync::Arc;

use children::{InFlight, Job, JobStream, Rng, sorted};
use rill_combinators::stream::{
    self, AbortHandle, Abortable, Aborted, TryBufferUnordered, TryBuffered,
};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::FusedStream;
use rill_test::block_on;

type Res = Result<usize, String>;

/// A future that runs a counted job, then fails if `id % fail == 0`.
async fn work(job: Job, fail: usize) -> Res {
    let id = job.await;
    if fail != 0 && id % fail == 0 {
        Err(format!("job {id}"))
    } else {
        Ok(id)
    }
}

#[test]
fn try_buffer_unordered_and_try_buffered_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let n = rng.below(60);
        let limit = rng.below(5);
        let fail = rng.below(4);
        let bad_input = rng.below(n.max(1));
        let counter = InFlight::new();
        let input = |counter: &Arc<InFlight>| {
            let counter = counter.clone();
            stream::iter((0..n).map(move |i| {
                if i == bad_input && fail == 1 {
                    Err(String::from("input"))
                } else {
                    Ok(work(Job::new(i, i % 3).counted(&counter), fail))
                }
            }))
        };
        let expected: Vec<Res> = (0..n)
            .map(|i| {
                if i == bad_input && fail == 1 {
                    Err(String::from("input"))
                } else if fail != 0 && i % fail == 0 {
                    Err(format!("job {i}"))
                } else {
                    Ok(i)
                }
            })
            .collect();
        let out = rill_test::check_fused_stream(|| input(&counter).try_buffer_unordered(limit));
        assert_eq!(sorted(out), sorted(expected.clone()), "seed {seed}");
        let out = rill_test::check_fused_stream(|| input(&counter).try_buffered(limit));
        assert_eq!(
            out, expected,
            "seed {seed}: order kept, errors passed through"
        );
        if limit > 0 {
            assert!(counter.peak() <= limit + 1, "seed {seed}");
        }
        assert_eq!(counter.now(), 0);
    }
}

#[test]
fn try_for_each_concurrent_stops_at_first_error_and_drops_in_flight() {
    let counter = InFlight::new();
    let started = std::sync::Mutex::new(Vec::new());
    let run = stream::iter((0..100).map(Ok::<usize, String>)).try_for_each_concurrent(4, |i| {
        started.lock().unwrap().push(i);
        // Job 2 fails after a few polls; the others never finish.
        let job = Job::new(i, if i == 2 { 3 } else { usize::MAX }).counted(&counter);
        async move {
            let id = job.await;
            if id == 2 {
                Err(String::from("two"))
            } else {
                Ok(())
            }
        }
    });
    assert_eq!(block_on(run), Err(String::from("two")));
    assert_eq!(counter.now(), 0, "the futures in flight were dropped");
    assert!(counter.peak() <= 4);
    let started = started.into_inner().unwrap();
    assert_eq!(
        started,
        [0, 1, 2, 3],
        "no slot freed, so no more input was pulled"
    );
}

#[test]
fn try_for_each_concurrent_input_error_and_success() {
    let input = stream::iter(vec![Ok(1), Ok(2), Err("input"), Ok(4)]);
    let run = input.try_for_each_concurrent(None, |_| async { Ok(()) });
    assert_eq!(block_on(run), Err("input"));
}

#[test]
fn try_for_each_concurrent_success_threads() {
    let counter = InFlight::new();
    let seen = std::sync::Mutex::new(Vec::new());
    let input = rill_test::interleave_pending(stream::iter((0..50).map(Ok::<usize, ()>)));
    let run = input.try_for_each_concurrent(0, |i| {
        let job = Job::new(i, i % 4).counted(&counter).woken_by_thread();
        let seen = &seen;
        async move {
            let id = job.await;
            seen.lock().unwrap().push(id);
            Ok(())
        }
    });
    assert_eq!(block_on(run), Ok(()));
    assert_eq!(
        sorted(seen.into_inner().unwrap()),
        (0..50).collect::<Vec<_>>()
    );
}

#[test]
#[should_panic(expected = "`TryForEachConcurrent` polled after it completed")]
fn try_for_each_concurrent_poll_after_completion_panics() {
    let mut run = Box::pin(
        stream::iter(Vec::<Result<u8, ()>>::new()).try_for_each_concurrent(1, |_| async { Ok(()) }),
    );
    let mut cx = rill_test::noop_context();
    assert!(run.as_mut().poll(&mut cx).is_ready());
    let _ = run.as_mut().poll(&mut cx);
}

#[test]
fn flatten_unordered_model() {
    for seed in 0..children::cases() {
        let mut rng = Rng::new(seed);
        let shape: Vec<(usize, usize)> = (0..rng.below(15)).map(|id| (id, rng.below(5))).collect();
        let limit = rng.below(4);
        let make = || {
            let shape = shape.clone();
            stream::iter(
                shape
                    .into_iter()
                    .map(|(id, len)| JobStream::new(id, len, id % 3, false)),
            )
            .flatten_unordered(limit)
        };
        let mut expected: Vec<(usize, usize)> = shape
            .iter()
            .flat_map(|&(id, len)| (1..=len).map(move |n| (id, n)))
            .collect();
        expected.sort();
        let out = rill_test::check_fused_stream(make);
        assert_eq!(sorted(out), expected, "seed {seed}");
        let make = || {
            let shape = shape.clone();
            stream::iter(shape)
                .flat_map_unordered(limit, |(id, len)| JobStream::new(id, len, 1, false))
        };
        assert_eq!(
            sorted(rill_test::check_fused_stream(make)),
            expected,
            "seed {seed}"
        );
    }
}

#[test]
fn flatten_unordered_respects_limit_and_threads() {
    // Inner streams that never end: only `limit` of them are pulled.
    let pulled = std::cell::Cell::new(0);
    let mut s = stream::iter(0..10).flat_map_unordered(3, |i| {
        pulled.set(pulled.get() + 1);
        stream::iter(std::iter::repeat(i))
    });
    for _ in 0..20 {
        assert!(block_on(s.next()).unwrap() < 3);
    }
    drop(s);
    assert_eq!(pulled.get(), 3);

    let shape: Vec<(usize, usize)> = (0..20).map(|id| (id, id % 4)).collect();
    let s = stream::iter(shape.clone())
        .flat_map_unordered(None, |(id, len)| JobStream::new(id, len, 2, true));
    let out: Vec<_> = block_on(s.collect());
    assert_eq!(out.len(), shape.iter().map(|s| s.1).sum::<usize>());
}

#[test]
fn try_flatten_unordered_passes_errors_through() {
    let inner = |v: Vec<Result<u8, &'static str>>| stream::iter(v);
    let input = stream::iter(vec![
        Ok(inner(vec![Ok(1), Err("a"), Ok(2)])),
        Err("outer"),
        Ok(inner(vec![])),
    ]);
    let s = input.try_flatten_unordered(1);
    let out: Vec<_> = block_on(s.collect());
    assert_eq!(sorted(out), [Ok(1), Ok(2), Err("a"), Err("outer")]);
}

#[test]
fn abortable_stream_and_future() {
    let (mut s, handle) = stream::abortable(stream::iter(0..));
    assert_eq!(block_on(s.next()), Some(0));
    // Abort from another thread while the consumer waits on a pending stream.
    let (pending, handle2) =
        stream::abortable(stream::iter(std::iter::empty::<u8>()).chain_pending());
    let t = std::thread::spawn(move || handle2.abort());
    assert_eq!(block_on(pending.collect::<Vec<_>>()), Vec::<u8>::new());
    t.join().unwrap();
    handle.abort();
    assert_eq!(block_on(s.next()), None);
    assert!(s.is_aborted());
    let (f, h) = stream::abortable(stream::select_all([stream::iter(0..3)]));
    assert!(!f.is_terminated());
    h.abort();
    assert!(f.is_terminated());

    let (handle, reg) = AbortHandle::new_pair();
    let fut = Abortable::new(std::future::pending::<()>(), reg);
    let t = std::thread::spawn(move || handle.abort());
    assert_eq!(block_on(fut), Err(Aborted));
    t.join().unwrap();
    let (_h, reg) = AbortHandle::new_pair();
    assert_eq!(block_on(Abortable::new(async { 3 }, reg)), Ok(3));
}

/// A stream that is pending forever after its items (for `abortable`).
trait ChainPending: Sized {
    fn chain_pending(self) -> Forever<Self> {
        Forever(self)
    }
}
impl<S> ChainPending for S {}

struct Forever<S>(S);

impl<S: rill_core::Stream + Unpin> rill_core::Stream for Forever<S> {
    type Item = S::Item;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<S::Item>> {
        match std::pin::Pin::new(&mut self.0).poll_next(cx) {
            std::task::Poll::Ready(None) => std::task::Poll::Pending,
            other => other,
        }
    }
}

#[test]
fn auto_traits() {
    use rill_test::{assert_impl, assert_not_impl};
    type In = stream::Iter<std::vec::IntoIter<Result<std::future::Ready<Result<u8, ()>>, ()>>>;
    assert_impl!(TryBufferUnordered<In>: Send);
    assert_impl!(TryBuffered<In>: Send);
    assert_impl!(AbortHandle: Send, Sync);
    type NotSend = stream::Iter<
        std::vec::IntoIter<Result<std::future::Ready<Result<std::rc::Rc<u8>, ()>>, ()>>,
    >;
    assert_not_impl!(TryBufferUnordered<NotSend>: Send);
}
