//! A manual clock for time adapters: [`ManualClock`], its instants
//! ([`TestInstant`]) and the [`rill_time::Timer`] over it ([`TestTimer`]).

use core::marker::PhantomData;
use core::task::{Poll, Waker};
use core::time::Duration;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::vec::Vec;

mod instant;
mod timer;

pub use instant::TestInstant;
pub use timer::{TestSleep, TestTimer};

std::thread_local! {
    /// The clock entered on this thread, if any (innermost `enter` wins).
    static CURRENT: RefCell<Option<ManualClock>> = const { RefCell::new(None) };
}

/// A clock that moves only when told to, for testing time adapters without
/// a runtime and without waiting.
///
/// Time starts at zero and moves by [`advance`](Self::advance) (or
/// [`advance_to_next_sleep`](Self::advance_to_next_sleep)); every sleep of
/// [`TestTimer`] whose deadline the clock reaches then completes, and its
/// task is woken. A clock is a cheap handle: clones share the same time, and
/// it may be advanced from any thread.
///
/// [`TestTimer`]'s functions use the clock *entered* on the current thread
/// ([`enter`](Self::enter)), since `Timer::now()` takes no arguments: enter
/// the clock on the thread that polls the adapters.
///
/// While a clock is entered, [`block_on`](crate::block_on) (and everything
/// built on it: [`check_adapter`](crate::check_adapter),
/// [`collect_checked`](crate::collect_checked), ...) advances it by itself
/// when the future is pending and was not woken: time jumps to the earliest
/// waiting sleep, as on tokio's paused clock. So a time adapter runs to its
/// end at once, deterministically, and the checkers work on it.
///
/// ```
/// use core::time::Duration;
/// use rill_test::{ManualClock, TestSource, TestTimer};
/// use rill_test::{assert_stream_next, assert_stream_pending};
/// use rill_time::Throttle;
///
/// let clock = ManualClock::new();
/// let _entered = clock.enter();
/// let mut s = Throttle::<_, TestTimer>::new(TestSource::new([1, 2]), Duration::from_secs(1));
/// assert_stream_next!(s, 1);
/// assert_stream_pending!(s); // the throttle waits a second
/// clock.advance(Duration::from_millis(999));
/// assert_stream_pending!(s);
/// clock.advance(Duration::from_millis(1));
/// assert_stream_next!(s, 2);
///
/// // `block_on` moves the clock by itself: the whole run takes no time.
/// let start = clock.now();
/// let s = Throttle::<_, TestTimer>::new(TestSource::new([1, 2, 3]), Duration::from_secs(1));
/// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [1, 2, 3]);
/// assert_eq!(clock.now() - start, Duration::from_secs(3));
/// ```
#[derive(Clone, Default)]
pub struct ManualClock {
    shared: Arc<Shared>,
}

/// The state behind every handle of one clock.
#[derive(Default)]
pub(crate) struct Shared {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    now: TestInstant,
    /// Waiting sleeps by (deadline, id): the earliest first. A sleep is here
    /// only between a poll that returned `Pending` and its completion,
    /// reset or drop.
    sleeps: BTreeMap<(TestInstant, u64), Waker>,
    next_id: u64,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in a test holding the lock leaves the state consistent
        // (every critical section is a few field writes).
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn now(&self) -> TestInstant {
        self.lock().now
    }

    /// `Ready` (forgetting the registration) once the clock reached
    /// `deadline`; before that, registers (or updates) the sleep's waker.
    pub(crate) fn poll_sleep(
        &self,
        deadline: TestInstant,
        id: &mut Option<u64>,
        waker: &Waker,
    ) -> Poll<()> {
        let mut state = self.lock();
        if state.now >= deadline {
            if let Some(old) = id.take() {
                state.sleeps.remove(&(deadline, old));
            }
            return Poll::Ready(());
        }
        let key = match *id {
            Some(old) => (deadline, old),
            None => {
                let fresh = state.next_id;
                state.next_id += 1;
                *id = Some(fresh);
                (deadline, fresh)
            }
        };
        match state.sleeps.get_mut(&key) {
            Some(w) if w.will_wake(waker) => {}
            Some(w) => w.clone_from(waker),
            None => {
                state.sleeps.insert(key, waker.clone());
            }
        }
        Poll::Pending
    }

    /// Forgets a sleep's registration (reset or drop).
    pub(crate) fn deregister(&self, deadline: TestInstant, id: &mut Option<u64>) {
        if let Some(old) = id.take() {
            self.lock().sleeps.remove(&(deadline, old));
        }
    }
}

impl ManualClock {
    /// A new clock at time zero, with no sleep waiting.
    ///
    /// ```
    /// use core::time::Duration;
    /// let clock = rill_test::ManualClock::new();
    /// assert_eq!(clock.now().since_start(), Duration::ZERO);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes this clock the current thread's until the guard is dropped
    /// (then the previously entered clock, if any, is current again).
    /// [`TestTimer`] reads it.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer};
    /// use rill_time::Timer;
    ///
    /// let clock = ManualClock::new();
    /// clock.advance(Duration::from_secs(5));
    /// let guard = clock.enter();
    /// assert_eq!(TestTimer::now().since_start(), Duration::from_secs(5));
    /// drop(guard);
    /// assert!(ManualClock::try_current().is_none());
    /// ```
    pub fn enter(&self) -> EnterGuard {
        let previous = CURRENT.with(|c| c.replace(Some(self.clone())));
        EnterGuard {
            previous,
            _not_send: PhantomData,
        }
    }

    /// The clock entered on the current thread, if any.
    ///
    /// ```
    /// let clock = rill_test::ManualClock::new();
    /// assert!(rill_test::ManualClock::try_current().is_none());
    /// let _entered = clock.enter();
    /// assert!(rill_test::ManualClock::try_current().is_some());
    /// ```
    pub fn try_current() -> Option<ManualClock> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// The clock entered on the current thread.
    ///
    /// # Panics
    ///
    /// If no clock is entered (at the caller's line).
    #[track_caller]
    pub(crate) fn current() -> ManualClock {
        match Self::try_current() {
            Some(clock) => clock,
            None => panic!(
                "`TestTimer`: no `ManualClock` is entered on this thread (call `clock.enter()` on the thread that polls)"
            ),
        }
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// The clock's current time.
    ///
    /// ```
    /// use core::time::Duration;
    /// let clock = rill_test::ManualClock::new();
    /// let t0 = clock.now();
    /// clock.advance(Duration::from_millis(20));
    /// assert_eq!(clock.now() - t0, Duration::from_millis(20));
    /// ```
    pub fn now(&self) -> TestInstant {
        self.shared.now()
    }

    /// Moves the clock forward by `by` and wakes every sleep whose deadline
    /// it reached (earliest deadline first). `Duration::ZERO` moves nothing
    /// and wakes nothing. The wakers are called after the clock's lock is
    /// released, so a waker may use the clock.
    ///
    /// ```
    /// use core::future::Future;
    /// use core::pin::pin;
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer, counting_waker};
    /// use rill_time::Timer;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let mut sleep = pin!(TestTimer::sleep_until(clock.now() + Duration::from_secs(1)));
    /// let (waker, wakes) = counting_waker();
    /// let mut cx = core::task::Context::from_waker(&waker);
    /// assert!(sleep.as_mut().poll(&mut cx).is_pending());
    /// clock.advance(Duration::from_secs(1));
    /// assert_eq!(wakes.get(), 1);
    /// assert!(sleep.poll(&mut cx).is_ready());
    /// ```
    pub fn advance(&self, by: Duration) {
        let now = self.now() + by;
        self.advance_to(now);
    }

    /// Moves the clock to `instant` (never backwards: an earlier instant
    /// moves nothing) and wakes every sleep whose deadline it reached.
    ///
    /// ```
    /// use core::time::Duration;
    /// let clock = rill_test::ManualClock::new();
    /// let later = clock.now() + Duration::from_secs(2);
    /// clock.advance_to(later);
    /// clock.advance_to(later - Duration::from_secs(1)); // the past: no-op
    /// assert_eq!(clock.now(), later);
    /// ```
    pub fn advance_to(&self, instant: TestInstant) {
        let due: Vec<Waker> = {
            let mut state = self.shared.lock();
            if instant > state.now {
                state.now = instant;
            }
            let now = state.now;
            let mut due = Vec::new();
            while let Some(entry) = state.sleeps.first_entry() {
                if entry.key().0 > now {
                    break;
                }
                due.push(entry.remove());
            }
            due
        };
        for waker in due {
            waker.wake();
        }
    }

    /// Moves the clock to the deadline of the earliest waiting sleep and
    /// wakes the sleeps due then; returns the new time, or `None` (and moves
    /// nothing) when no sleep waits. A sleep waits from a poll that returned
    /// `Pending` until it completes, is reset or is dropped.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestSource, TestTimer, assert_stream_next, assert_stream_pending};
    /// use rill_time::Delay;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// assert_eq!(clock.advance_to_next_sleep(), None);
    /// let mut s = Delay::<_, TestTimer>::new(TestSource::new([7]), Duration::from_secs(3));
    /// assert_stream_pending!(s);
    /// let t = clock.advance_to_next_sleep().unwrap();
    /// assert_eq!(t.since_start(), Duration::from_secs(3));
    /// assert_stream_next!(s, 7);
    /// ```
    pub fn advance_to_next_sleep(&self) -> Option<TestInstant> {
        let next = self.next_deadline()?;
        self.advance_to(next);
        Some(next)
    }

    /// The deadline of the earliest waiting sleep, if any.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestSource, TestTimer, assert_stream_pending};
    /// use rill_time::Timeout;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let mut s = Timeout::<_, TestTimer>::new(TestSource::<u8>::new([]).pending(true), Duration::from_secs(2));
    /// assert_eq!(clock.next_deadline(), None);
    /// assert_stream_pending!(s); // the source says "not yet"; the timeout arms
    /// assert_eq!(clock.next_deadline(), Some(clock.now() + Duration::from_secs(2)));
    /// ```
    pub fn next_deadline(&self) -> Option<TestInstant> {
        self.shared
            .lock()
            .sleeps
            .first_key_value()
            .map(|(key, _)| key.0)
    }

    /// How many sleeps are waiting (polled, not yet due, not reset or
    /// dropped since): lets a test check that an adapter cancels its timer.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestSource, TestTimer, assert_stream_pending};
    /// use rill_time::Delay;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let mut s = Delay::<_, TestTimer>::new(TestSource::new([1]), Duration::from_secs(1));
    /// assert_stream_pending!(s);
    /// assert_eq!(clock.waiting_sleeps(), 1);
    /// drop(s);
    /// assert_eq!(clock.waiting_sleeps(), 0);
    /// ```
    pub fn waiting_sleeps(&self) -> usize {
        self.shared.lock().sleeps.len()
    }
}

impl fmt::Debug for ManualClock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.shared.lock();
        f.debug_struct("ManualClock")
            .field("now", &state.now)
            .field("waiting_sleeps", &state.sleeps.len())
            .finish()
    }
}

/// Keeps a [`ManualClock`] entered on the current thread; made by
/// [`ManualClock::enter`]. Dropping it makes the previously entered clock
/// (or none) current again. It stays on the thread that made it (`!Send`).
///
/// ```
/// let outer = rill_test::ManualClock::new();
/// let inner = rill_test::ManualClock::new();
/// let _a = outer.enter();
/// inner.advance(core::time::Duration::from_secs(1));
/// {
///     let _b = inner.enter();
///     assert_eq!(rill_test::ManualClock::try_current().unwrap().now(), inner.now());
/// }
/// assert_eq!(rill_test::ManualClock::try_current().unwrap().now(), outer.now());
/// ```
#[must_use = "the clock is current only while the guard lives"]
pub struct EnterGuard {
    previous: Option<ManualClock>,
    _not_send: PhantomData<Rc<()>>,
}

impl Drop for EnterGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

impl fmt::Debug for EnterGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EnterGuard")
            .field("previous", &self.previous)
            .finish()
    }
}

/// For `block_on`: when the future is idle, moves the entered clock (if
/// any) to its next sleep. Returns whether time moved.
pub(crate) fn advance_idle() -> bool {
    ManualClock::try_current().is_some_and(|clock| clock.advance_to_next_sleep().is_some())
}
