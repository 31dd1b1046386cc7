use core::fmt;

/// The error a [`Timeout`](crate::Timeout) (`timeout`,
/// `timeout_repeating`) yields when no item arrived in time.
///
/// ```
/// let e = rill_time::Elapsed::new();
/// assert_eq!(e.to_string(), "no item arrived before the timeout");
/// let _: &dyn core::error::Error = &e;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Elapsed(());

impl Elapsed {
    /// Creates the error (useful to compare against in tests).
    ///
    /// ```
    /// assert_eq!(rill_time::Elapsed::new(), rill_time::Elapsed::default());
    /// ```
    pub const fn new() -> Self {
        Self(())
    }
}

impl fmt::Display for Elapsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no item arrived before the timeout")
    }
}

impl core::error::Error for Elapsed {}
