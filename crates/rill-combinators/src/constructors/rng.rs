//! The pseudo-random generator behind `race`'s choice of the stream polled
//! first: SplitMix64 (a public-domain mixing function), a few instructions
//! per draw and no dependency. It only needs to be unbiased, not
//! unpredictable.

/// A SplitMix64 generator.
#[derive(Clone)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    /// A generator whose draws are fixed by `seed`.
    pub(crate) fn with_seed(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// A generator with a new seed: from the standard library's per-process
    /// random keys with `std`; without it, from a process-wide counter and
    /// the address of a local variable (see [`fresh_seed`]).
    pub(crate) fn fresh() -> Self {
        Rng::with_seed(fresh_seed())
    }

    /// The next 64 random bits.
    #[inline]
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A fair coin.
    #[inline]
    pub(crate) fn next_bool(&mut self) -> bool {
        self.next_u64() >> 63 == 1
    }
}

/// A new seed, different on every call and (with `std`) in every run.
#[cfg(feature = "std")]
fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};

    // Every `RandomState` has new keys (random per thread, then counted),
    // so hashing nothing with it gives a new random word.
    std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
}

/// A new seed, different on every call (without `std` there is no source of
/// randomness, so the sequence of seeds repeats from run to run where
/// addresses do).
#[cfg(not(feature = "std"))]
fn fresh_seed() -> u64 {
    // Not part of any synchronisation protocol: a lost update between two
    // threads only gives two races the same counter value, and the local's
    // address still tells them apart. Load and store (no read-modify-write)
    // exist on every target with atomics.
    use crate::sync::{StaticAtomicUsize, StaticOrdering};
    static COUNTER: StaticAtomicUsize = StaticAtomicUsize::new(0);

    let count = COUNTER.load(StaticOrdering::Relaxed);
    COUNTER.store(count.wrapping_add(1), StaticOrdering::Relaxed);
    let local = 0u8;
    let address = core::ptr::addr_of!(local).addr();
    (count as u64) ^ (address as u64).rotate_left(32)
}
