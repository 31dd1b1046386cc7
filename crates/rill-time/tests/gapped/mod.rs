//! `Gapped`: a test input stream that yields each item after its gap of
//! silence, timed by any `Timer`.
#![allow(dead_code, unreachable_pub)]

use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::collections::VecDeque;

use proptest::prelude::*;
use rill_core::Stream;
use rill_time::Timer;

/// A stream that yields each item after its gap of silence, timed by `T`.
pub struct Gapped<T: Timer, I> {
    plan: VecDeque<(Duration, I)>,
    sleep: Option<Pin<Box<T::Sleep>>>,
}

impl<T: Timer, I> Gapped<T, I> {
    pub fn new(plan: impl IntoIterator<Item = (Duration, I)>) -> Self {
        Self {
            plan: plan.into_iter().collect(),
            sleep: None,
        }
    }
}

impl<T: Timer> Gapped<T, usize> {
    /// Items `0, 1, 2, ...`, item `i` after `gaps[i]` milliseconds.
    pub fn from_gaps(gaps: &[u64]) -> Self {
        Self::new(gaps.iter().enumerate().map(|(i, g)| (ms(*g), i)))
    }
}

impl<T: Timer, I> Unpin for Gapped<T, I> {}

impl<T: Timer, I> Stream for Gapped<T, I> {
    type Item = I;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I>> {
        let this = &mut *self;
        let Some((gap, _)) = this.plan.front() else {
            return Poll::Ready(None);
        };
        if !gap.is_zero() {
            let sleep = this
                .sleep
                .get_or_insert_with(|| Box::pin(T::sleep_until(T::now() + *gap)));
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.sleep = None;
        }
        Poll::Ready(this.plan.pop_front().map(|(_, item)| item))
    }
}

/// `n` milliseconds.
pub fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Gaps in milliseconds for [`Gapped::from_gaps`]; many zeros, so that
/// bursts happen.
pub fn plan_strategy() -> impl Strategy<Value = Vec<u64>> {
    prop::collection::vec(prop_oneof![Just(0u64), 0u64..300], 0..40)
}
