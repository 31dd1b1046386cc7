use core::ops::{Add, AddAssign, Sub};
use core::time::Duration;

/// An instant of a [`ManualClock`](crate::ManualClock): the time since the
/// clock started (at zero). The `Instant` of [`TestTimer`](crate::TestTimer).
///
/// Adding a `Duration` saturates (an instant near `Duration::MAX` is a
/// deadline the clock never reaches, not a panic); subtracting an instant
/// gives the `Duration` between them, zero if the other one is later (as
/// `std::time::Instant` does).
///
/// ```
/// use core::time::Duration;
/// let clock = rill_test::ManualClock::new();
/// let t0 = clock.now();
/// let t1 = t0 + Duration::from_secs(2);
/// assert_eq!(t1 - t0, Duration::from_secs(2));
/// assert_eq!(t0 - t1, Duration::ZERO);
/// assert_eq!(t0 + Duration::MAX + Duration::MAX, t0 + Duration::MAX);
/// assert!(t0 < t1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TestInstant(Duration);

impl TestInstant {
    /// The time from the clock's start to this instant.
    ///
    /// ```
    /// use core::time::Duration;
    /// let clock = rill_test::ManualClock::new();
    /// clock.advance(Duration::from_millis(1500));
    /// assert_eq!(clock.now().since_start(), Duration::from_millis(1500));
    /// ```
    pub fn since_start(self) -> Duration {
        self.0
    }
}

impl Add<Duration> for TestInstant {
    type Output = TestInstant;

    fn add(self, rhs: Duration) -> TestInstant {
        TestInstant(self.0.saturating_add(rhs))
    }
}

impl AddAssign<Duration> for TestInstant {
    fn add_assign(&mut self, rhs: Duration) {
        *self = *self + rhs;
    }
}

impl Sub<Duration> for TestInstant {
    type Output = TestInstant;

    /// Saturates at the clock's start.
    fn sub(self, rhs: Duration) -> TestInstant {
        TestInstant(self.0.saturating_sub(rhs))
    }
}

impl Sub for TestInstant {
    type Output = Duration;

    fn sub(self, rhs: TestInstant) -> Duration {
        self.0.saturating_sub(rhs.0)
    }
}
