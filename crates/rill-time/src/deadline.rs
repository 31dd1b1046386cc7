//! `Deadline`: the one piece of timer logic every adapter shares.

use core::fmt;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use pin_project_lite::pin_project;

use crate::Timer;

pin_project! {
    /// An optional target instant and the lazily created sleep that waits
    /// for it.
    ///
    /// Setting a target is a field write: the sleep is created on the first
    /// poll that needs it and afterwards only reset. When the target moves
    /// later while the sleep still waits for an earlier instant (a
    /// `timeout` or `debounce` seeing item after item), the sleep is left
    /// alone; when it fires early it is reset to the current target. So a
    /// busy stream touches the runtime's timer about once per period, not
    /// once per item.
    pub(crate) struct Deadline<T: Timer> {
        #[pin]
        sleep: Option<T::Sleep>,
        // The instant the sleep is set to and has not yet fired for.
        armed_at: Option<T::Instant>,
        target: Option<T::Instant>,
        _timer: PhantomData<fn() -> T>,
    }
}

impl<T: Timer> Deadline<T> {
    pub(crate) fn new() -> Self {
        Self {
            sleep: None,
            armed_at: None,
            target: None,
            _timer: PhantomData,
        }
    }

    /// The instant [`poll_reached`](Self::poll_reached) waits for, if any.
    pub(crate) fn target(&self) -> Option<T::Instant> {
        self.target
    }

    /// Waits for `target` from now on (replacing any previous target).
    pub(crate) fn set(self: Pin<&mut Self>, target: T::Instant) {
        *self.project().target = Some(target);
    }

    /// Forgets the target: `poll_reached` is `Pending` until the next `set`.
    pub(crate) fn clear(self: Pin<&mut Self>) {
        *self.project().target = None;
    }

    /// Forgets the target and drops the sleep, deregistering it from the
    /// runtime (for when the adapter has ended: no stray wake-up later).
    pub(crate) fn release(self: Pin<&mut Self>) {
        let mut this = self.project();
        *this.target = None;
        *this.armed_at = None;
        this.sleep.set(None);
    }

    /// `Ready(target)` once the target instant is reached, and the target is
    /// cleared; `Pending` with the waker registered before that. Without a
    /// target: `Pending` and no waker registered (the caller must have
    /// another source of wake-ups).
    pub(crate) fn poll_reached(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T::Instant> {
        let mut this = self.project();
        let Some(target) = *this.target else {
            return Poll::Pending;
        };
        loop {
            match this.sleep.as_mut().as_pin_mut() {
                None => {
                    this.sleep.set(Some(T::sleep_until(target)));
                    *this.armed_at = Some(target);
                }
                Some(sleep) => match *this.armed_at {
                    // Armed for an instant at or before the target: wait for it.
                    Some(at) if at <= target => {
                        if sleep.poll(cx).is_pending() {
                            return Poll::Pending;
                        }
                        *this.armed_at = None;
                        if at >= target {
                            *this.target = None;
                            return Poll::Ready(target);
                        }
                        // Fired for an earlier target that has since moved
                        // on: loop to reset it.
                    }
                    // Fired already, or armed later than needed.
                    _ => {
                        T::reset(sleep, target);
                        *this.armed_at = Some(target);
                    }
                },
            }
        }
    }
}

impl<T: Timer> fmt::Debug for Deadline<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Deadline")
            .field("target", &self.target)
            .field("armed_at", &self.armed_at)
            .finish()
    }
}
