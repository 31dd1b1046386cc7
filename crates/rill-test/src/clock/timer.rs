use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::sync::Arc;

use super::{ManualClock, Shared, TestInstant};

/// The [`rill_time::Timer`] of the [`ManualClock`] entered on the current
/// thread: build any time adapter with it (`Throttle::<_, TestTimer>::new`,
/// ...) and drive its clock by hand.
///
/// `now()` is the entered clock's time; `sleep_until` makes a [`TestSleep`]
/// on that clock. Both panic when no clock is entered on the calling thread
/// (the adapters call them only while polled, so: enter the clock on the
/// thread that polls).
///
/// ```
/// use core::time::Duration;
/// use rill_test::{ManualClock, TestSource, TestTimer, check_fused_adapter};
/// use rill_time::ChunksTimeout;
///
/// let clock = ManualClock::new();
/// let _entered = clock.enter();
/// // The checkers run on `block_on`, which moves the entered clock when
/// // the adapter waits: deterministic, and no real time passes.
/// let batches = check_fused_adapter(vec![1, 2, 3], |src: TestSource<u32>| {
///     ChunksTimeout::<_, TestTimer>::new(src, 2, Duration::from_secs(1))
/// });
/// assert_eq!(batches, [vec![1, 2], vec![3]]);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TestTimer;

impl rill_time::Timer for TestTimer {
    type Instant = TestInstant;
    type Sleep = TestSleep;

    fn now() -> TestInstant {
        ManualClock::current().now()
    }

    fn sleep_until(deadline: TestInstant) -> TestSleep {
        TestSleep {
            shared: Arc::clone(ManualClock::current().shared()),
            deadline,
            id: None,
        }
    }

    fn reset(sleep: Pin<&mut TestSleep>, deadline: TestInstant) {
        let sleep = sleep.get_mut();
        sleep.shared.deregister(sleep.deadline, &mut sleep.id);
        sleep.deadline = deadline;
    }
}

/// The sleep of [`TestTimer`]: completes once its [`ManualClock`] reached
/// the deadline (at once if it already has).
///
/// It belongs to the clock that was entered when it was made, and may be
/// polled on any thread. From a poll that returns `Pending` until it
/// completes, is reset or is dropped, it counts as waiting
/// ([`ManualClock::waiting_sleeps`]) and the clock wakes its latest waker
/// when it reaches the deadline. Polling it again after it completed
/// returns `Ready` again.
///
/// ```
/// use core::time::Duration;
/// use rill_test::{ManualClock, TestTimer};
/// use rill_time::Timer;
///
/// let clock = ManualClock::new();
/// let _entered = clock.enter();
/// let sleep = TestTimer::sleep_until(clock.now() + Duration::from_secs(60));
/// // `block_on` jumps the clock to the deadline instead of waiting.
/// rill_test::block_on(sleep);
/// assert_eq!(clock.now().since_start(), Duration::from_secs(60));
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct TestSleep {
    shared: Arc<Shared>,
    deadline: TestInstant,
    /// The registration with the clock while waiting.
    id: Option<u64>,
}

impl TestSleep {
    /// The instant this sleep completes at.
    ///
    /// ```
    /// use core::time::Duration;
    /// use rill_test::{ManualClock, TestTimer};
    /// use rill_time::Timer;
    ///
    /// let clock = ManualClock::new();
    /// let _entered = clock.enter();
    /// let at = clock.now() + Duration::from_secs(1);
    /// assert_eq!(TestTimer::sleep_until(at).deadline(), at);
    /// ```
    pub fn deadline(&self) -> TestInstant {
        self.deadline
    }
}

impl Future for TestSleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        this.shared
            .poll_sleep(this.deadline, &mut this.id, cx.waker())
    }
}

impl Drop for TestSleep {
    fn drop(&mut self) {
        self.shared.deregister(self.deadline, &mut self.id);
    }
}

impl fmt::Debug for TestSleep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestSleep")
            .field("deadline", &self.deadline)
            .field("waiting", &self.id.is_some())
            .finish()
    }
}
