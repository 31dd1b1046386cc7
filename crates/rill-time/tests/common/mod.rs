//! Helpers shared by the time tests.
#![allow(dead_code, unreachable_pub)]

use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::collections::VecDeque;

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

/// Compile-time check that `T` does NOT implement `Send` (ambiguous
/// otherwise).
#[macro_export]
macro_rules! assert_not_send {
    ($t:ty) => {{
        trait AmbiguousIfSend<A> {
            fn check() {}
        }
        impl<T: ?Sized> AmbiguousIfSend<()> for T {}
        impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}
        <$t as AmbiguousIfSend<_>>::check();
    }};
}

/// Compile-time check that `T` does NOT implement `Unpin`.
#[macro_export]
macro_rules! assert_not_unpin {
    ($t:ty) => {{
        trait AmbiguousIfUnpin<A> {
            fn check() {}
        }
        impl<T: ?Sized> AmbiguousIfUnpin<()> for T {}
        impl<T: ?Sized + Unpin> AmbiguousIfUnpin<u8> for T {}
        <$t as AmbiguousIfUnpin<_>>::check();
    }};
}

pub fn assert_send_sync<T: Send + Sync>() {}
pub fn assert_unpin<T: Unpin>() {}
