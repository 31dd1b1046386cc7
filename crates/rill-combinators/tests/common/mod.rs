//! Helpers shared by the constructor and select tests.
#![allow(dead_code)] // each test file uses a subset

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use rill_core::Stream;

/// Fails to compile if `$t` implements `$trait` (the trait-ambiguity trick:
/// with two candidate impls the type parameter cannot be inferred).
#[macro_export]
macro_rules! assert_not_impl {
    ($t:ty: $trait:path) => {
        const _: fn() = || {
            trait AmbiguousIfImpl<A> {
                fn some_item() {}
            }
            impl<T: ?Sized> AmbiguousIfImpl<()> for T {}
            #[allow(dead_code)]
            struct Invalid;
            impl<T: ?Sized + $trait> AmbiguousIfImpl<Invalid> for T {}
            let _ = <$t as AmbiguousIfImpl<_>>::some_item;
        };
    };
}

pub(crate) fn assert_send<T: Send>() {}
pub(crate) fn assert_sync<T: Sync>() {}
pub(crate) fn assert_unpin<T: Unpin>() {}

/// One step of a [`Scripted`] stream.
#[derive(Debug, Clone)]
pub(crate) enum Step<T> {
    /// Return `Pending` once (waking the task first).
    Pending,
    /// Yield this item.
    Item(T),
}

/// A stream that plays a script of items and `Pending`s, then ends.
/// Polling after the end panics, so a combinator that polls an ended input
/// again is caught.
#[derive(Debug, Clone)]
pub(crate) struct Scripted<T> {
    script: VecDeque<Step<T>>,
    ended: bool,
}

impl<T> Scripted<T> {
    pub(crate) fn new(script: impl IntoIterator<Item = Step<T>>) -> Self {
        Scripted {
            script: script.into_iter().collect(),
            ended: false,
        }
    }

    /// Items in order, with a `Pending` before each item whose flag is set.
    pub(crate) fn with_pendings(items: &[T], pendings: &[bool]) -> Self
    where
        T: Clone,
    {
        let mut script = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if pendings.get(i).copied().unwrap_or(false) {
                script.push(Step::Pending);
            }
            script.push(Step::Item(item.clone()));
        }
        if pendings.get(items.len()).copied().unwrap_or(false) {
            script.push(Step::Pending);
        }
        Scripted::new(script)
    }
}

impl<T> Unpin for Scripted<T> {}

impl<T> Stream for Scripted<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        assert!(
            !self.ended,
            "`Scripted` polled after it returned `Poll::Ready(None)`"
        );
        match self.script.pop_front() {
            Some(Step::Pending) => {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            Some(Step::Item(item)) => Poll::Ready(Some(item)),
            None => {
                self.ended = true;
                Poll::Ready(None)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .script
            .iter()
            .filter(|s| matches!(s, Step::Item(_)))
            .count();
        (n, Some(n))
    }
}

/// A future that returns `Pending` once (waking its task), then `value`.
#[derive(Debug)]
pub(crate) struct YieldOnce<T> {
    value: Option<T>,
    yielded: bool,
}

pub(crate) fn yield_once<T>(value: T) -> YieldOnce<T> {
    YieldOnce {
        value: Some(value),
        yielded: false,
    }
}

impl<T> Unpin for YieldOnce<T> {}

impl<T> Future for YieldOnce<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        if !self.yielded {
            self.yielded = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        Poll::Ready(
            self.value
                .take()
                .expect("`YieldOnce` polled after completion"),
        )
    }
}
