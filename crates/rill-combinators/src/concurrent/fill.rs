//! Pulling work from an input stream into a bounded pool: shared by
//! `buffered`, `buffer_unordered`, `for_each_concurrent` and
//! `flatten_unordered`.

use core::ops::ControlFlow;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::Stream;

/// Normalises a concurrency limit: `None` and `0` both mean unlimited.
pub(crate) fn limit(n: impl Into<Option<usize>>) -> Option<usize> {
    n.into().filter(|&n| n != 0)
}

/// How a [`fill`] ended.
pub(crate) enum Filled<B> {
    /// The input is pending or ended, or the pool is full.
    Idle,
    /// The budget is spent and the input may have more ready: the caller
    /// must make sure it is polled again (wake its task if it returns
    /// `Pending`).
    Budget,
    /// `push` asked to stop.
    Break(B),
}

/// Pulls items from `input` (unless `done`) and hands them to `push` while
/// `len(pool)` is below `limit`, one unit of `budget` per item: an adapter
/// starts [`BUDGET`](super::ready_queue::BUDGET) per poll of its own and shares it across the calls of
/// that poll. Sets `done` when the input ends; never polls it afterwards.
#[allow(clippy::too_many_arguments)] // the pieces of an adapter's state, each borrowed apart
#[inline(always)]
pub(crate) fn fill<St: Stream + ?Sized, P, B>(
    mut input: Pin<&mut St>,
    done: &mut bool,
    cx: &mut Context<'_>,
    budget: &mut usize,
    limit: Option<usize>,
    pool: &mut P,
    len: impl Fn(&P) -> usize,
    mut push: impl FnMut(&mut P, St::Item) -> ControlFlow<B>,
) -> Filled<B> {
    loop {
        if *done || limit.is_some_and(|limit| len(pool) >= limit) {
            return Filled::Idle;
        }
        if *budget == 0 {
            return Filled::Budget;
        }
        *budget -= 1;
        match input.as_mut().poll_next(cx) {
            Poll::Ready(Some(item)) => {
                if let ControlFlow::Break(b) = push(pool, item) {
                    return Filled::Break(b);
                }
            }
            Poll::Ready(None) => {
                *done = true;
                return Filled::Idle;
            }
            Poll::Pending => return Filled::Idle,
        }
    }
}

/// `size_hint` of a buffering adapter: what is in flight plus what the
/// input may still give (each input item gives exactly one output).
pub(crate) fn size_hint(
    in_flight: usize,
    input: (usize, Option<usize>),
    done: bool,
) -> (usize, Option<usize>) {
    if done {
        return (in_flight, Some(in_flight));
    }
    (
        input.0.saturating_add(in_flight),
        input.1.and_then(|u| u.checked_add(in_flight)),
    )
}
