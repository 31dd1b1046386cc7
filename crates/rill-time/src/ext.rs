//! The extension trait, written once and stamped out per backend.

/// Defines `StreamTimeExt` and `interval` in a backend module, bound to the
/// backend's timer. `$start`/`$end` wrap every doc example in that backend's
/// runtime (the adapters themselves are shared: see the crate root).
macro_rules! time_ext {
    (timer: $timer:ty, module: $module:literal, start: $start:literal, end: $end:literal $(,)?) => {
        use ::core::time::Duration;

        use ::rill_core::Stream;

        use $crate::{ChunksTimeout, Debounce, Delay, Interval, Throttle, Timeout};

        /// A stream of ticks, one every `period`; it never ends.
        ///
        /// The first tick is due at the first poll. Each tick is the
        /// instant it was scheduled for, so consecutive ticks are exactly
        /// `period` apart; when the consumer falls a whole period behind,
        /// missed ticks are not made up (no burst) and the cadence restarts
        /// from the late tick.
        ///
        /// # Panics
        ///
        /// If `period` is zero (at the caller's line).
        ///
        #[doc = concat!("```\n", $start, "
use core::{pin::pin, time::Duration};
use rill_combinators::StreamExt;

let mut ticks = pin!(rill_time::", $module, "::interval(Duration::from_millis(100)));
let a = ticks.next().await.unwrap();
let b = ticks.next().await.unwrap();
assert_eq!(b - a, Duration::from_millis(100));
", $end, "\n```")]
        #[track_caller]
        pub fn interval(period: Duration) -> Interval<$timer> {
            Interval::new(period)
        }

        #[doc = concat!("Time adapters for every [`Stream`], on the ", $module, " backend.")]
        ///
        /// Import the trait of the backend your runtime uses; the adapters
        /// and their behaviour are the same for every backend. Timing rules
        /// shared by all adapters:
        ///
        /// - time is measured by the backend's clock (tokio's paused clock
        ///   in tests); a clock starts at the adapter's first poll, not at
        ///   its construction;
        /// - the inner stream is polled before the timer: an item that is
        ///   ready when a deadline passes wins over the deadline;
        /// - every item comes out once and in order; the adapters are fused
        ///   (after `None`, `None` again without polling the inner stream;
        ///   `delay` forwards to the inner stream instead);
        /// - dropping an adapter drops its timer, which cancels it.
        ///
        #[doc = concat!("```\n", $start, "
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::", $module, "::StreamTimeExt;

let batches: Vec<Vec<u32>> = stream::iter(1..=5)
    .chunks_timeout(2, Duration::from_secs(1))
    .collect()
    .await;
assert_eq!(batches, [vec![1, 2], vec![3, 4], vec![5]]);
", $end, "\n```")]
        pub trait StreamTimeExt: Stream {
            /// Gives up waiting after `period` of silence: items come
            /// through as `Ok(item)`, and each silent gap of `period` (from
            /// the first poll or the last item) yields one `Err(Elapsed)`,
            /// after which the stream goes on waiting without further errors
            /// until the next item. It ends when the stream ends.
            ///
            #[doc = concat!("```\n", $start, "
use core::{pin::pin, time::Duration};
use rill_combinators::StreamExt;
use rill_time::Elapsed;
use rill_time::", $module, "::{StreamTimeExt, interval};

let ms = Duration::from_millis;
// A tick at once, then silence for 300 ms.
let mut s = pin!(interval(ms(300)).timeout(ms(100)));
assert!(matches!(s.next().await, Some(Ok(_))));
assert_eq!(s.next().await.unwrap(), Err(Elapsed::new()));
assert!(matches!(s.next().await, Some(Ok(_)))); // the second tick, no second error
", $end, "\n```")]
            fn timeout(self, period: Duration) -> Timeout<Self, $timer>
            where
                Self: Sized,
            {
                Timeout::new(self, period)
            }

            /// Like [`timeout`](Self::timeout), but yields an `Err(Elapsed)`
            /// every `period` for as long as the silence lasts.
            ///
            #[doc = concat!("```\n", $start, "
use core::{pin::pin, time::Duration};
use rill_combinators::StreamExt;
use rill_time::Elapsed;
use rill_time::", $module, "::{StreamTimeExt, interval};

let ms = Duration::from_millis;
// A tick at once, then silence for a second: an error every 100 ms.
let mut s = pin!(interval(ms(1000)).timeout_repeating(ms(100)));
assert!(matches!(s.next().await, Some(Ok(_))));
let mut errors = 0;
while let Some(Err(e)) = s.next().await {
    assert_eq!(e, Elapsed::new());
    errors += 1;
}
assert!(errors >= 2); // exactly 9 on tokio's paused clock
", $end, "\n```")]
            fn timeout_repeating(self, period: Duration) -> Timeout<Self, $timer>
            where
                Self: Sized,
            {
                Timeout::new_repeating(self, period)
            }

            /// Lets at most one item through per `period`: after an item,
            /// the stream is not polled again until `period` has passed, so
            /// items wait in it and none is dropped. The first item passes
            /// at once; a zero period lets everything through. The end of
            /// the stream, too, is seen only after the wait.
            ///
            #[doc = concat!("```\n", $start, "
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::", $module, "::StreamTimeExt;

let v: Vec<u8> = stream::iter([1, 2, 3])
    .throttle(Duration::from_millis(20))
    .collect()
    .await;
assert_eq!(v, [1, 2, 3]); // taking at least 40 ms
", $end, "\n```")]
            fn throttle(self, period: Duration) -> Throttle<Self, $timer>
            where
                Self: Sized,
            {
                Throttle::new(self, period)
            }

            /// Batches items: a batch goes out when it holds `max` items, or
            /// when its first item is `period` old, whichever comes first.
            /// A batch is never empty; the items left when the stream ends
            /// come out as a last, shorter batch.
            ///
            /// # Panics
            ///
            /// If `max` is 0 (at the caller's line).
            ///
            #[doc = concat!("```\n", $start, "
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::", $module, "::StreamTimeExt;

let batches: Vec<Vec<char>> = stream::iter(['a', 'b', 'c'])
    .chunks_timeout(2, Duration::from_millis(50))
    .collect()
    .await;
assert_eq!(batches, [vec!['a', 'b'], vec!['c']]);
", $end, "\n```")]
            #[track_caller]
            fn chunks_timeout(self, max: usize, period: Duration) -> ChunksTimeout<Self, $timer>
            where
                Self: Sized,
            {
                ChunksTimeout::new(self, max, period)
            }

            /// Yields the last item of each burst once `period` passed
            /// without a newer item; earlier items of the burst are dropped.
            /// When the stream ends, an item still waiting for its quiet
            /// period comes out at once, then the end.
            ///
            #[doc = concat!("```\n", $start, "
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::", $module, "::StreamTimeExt;

// One burst: only its last item survives.
let v: Vec<u8> = stream::iter([1, 2, 3])
    .debounce(Duration::from_millis(50))
    .collect()
    .await;
assert_eq!(v, [3]);
", $end, "\n```")]
            fn debounce(self, period: Duration) -> Debounce<Self, $timer>
            where
                Self: Sized,
            {
                Debounce::new(self, period)
            }

            /// Delays the start: the stream is first polled `period` after
            /// the adapter's first poll; from then on items pass through
            /// untouched.
            ///
            #[doc = concat!("```\n", $start, "
use core::time::Duration;
use rill_combinators::{StreamExt, stream};
use rill_time::", $module, "::StreamTimeExt;

let v: Vec<u8> = stream::iter([1, 2]).delay(Duration::from_millis(30)).collect().await;
assert_eq!(v, [1, 2]);
", $end, "\n```")]
            fn delay(self, period: Duration) -> Delay<Self, $timer>
            where
                Self: Sized,
            {
                Delay::new(self, period)
            }
        }

        impl<S: Stream + ?Sized> StreamTimeExt for S {}
    };
}
