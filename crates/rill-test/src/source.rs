use core::pin::Pin;
use core::task::{Context, Poll};
use std::collections::{BTreeSet, VecDeque};
use std::fmt::Debug;
use std::vec::Vec;

use rill_core::{FusedStream, Stream};

use crate::check::{check_fused_stream, check_stream};

/// A test input stream over a list of items that can return `Pending`
/// (waking itself) before every item and before its end, or before chosen
/// ones.
///
/// Use it as the input of an adapter under test: with pending on, the
/// adapter sees its input say "not yet" before every item, which is where
/// adapters lose or duplicate state. `size_hint` is exact, and `TestSource`
/// is a [`FusedStream`] (`is_terminated` after it returned `Ready(None)`);
/// with [`panic_after_end`](Self::panic_after_end) it panics instead when
/// polled after its end, which catches an adapter that polls an ended input
/// again.
///
/// ```
/// use rill_test::{TestSource, assert_stream_done, assert_stream_next, assert_stream_pending};
///
/// let mut s = TestSource::new([1, 2]).pending(true);
/// assert_stream_pending!(s);
/// assert_stream_next!(s, 1);
/// assert_stream_pending!(s);
/// assert_stream_next!(s, 2);
/// assert_stream_pending!(s);
/// assert_stream_done!(s);
/// ```
#[derive(Debug, Clone)]
#[must_use = "streams do nothing unless polled"]
pub struct TestSource<T> {
    items: VecDeque<T>,
    pending: Pending,
    /// Items yielded so far: the position of the next item.
    position: usize,
    pended: bool,
    done: bool,
    panic_after_end: bool,
    polls: usize,
}

/// Where a [`TestSource`] returns `Pending`.
#[derive(Debug, Clone)]
enum Pending {
    Never,
    Always,
    Before(BTreeSet<usize>),
}

impl<T> TestSource<T> {
    /// A source yielding `items` in order, always ready.
    ///
    /// ```
    /// let items: Vec<u8> = rill_test::block_on_stream(rill_test::TestSource::new([3, 4])).collect();
    /// assert_eq!(items, [3, 4]);
    /// ```
    pub fn new(items: impl IntoIterator<Item = T>) -> Self {
        TestSource {
            items: items.into_iter().collect(),
            pending: Pending::Never,
            position: 0,
            pended: false,
            done: false,
            panic_after_end: false,
            polls: 0,
        }
    }

    /// Turns returning `Pending` before every item (and the end) on or off.
    ///
    /// ```
    /// let s = rill_test::TestSource::new([1]).pending(true);
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [1]);
    /// ```
    pub fn pending(mut self, on: bool) -> Self {
        self.pending = if on { Pending::Always } else { Pending::Never };
        self
    }

    /// Returns `Pending` once (waking itself) before the items at the given
    /// positions only (0 is the first item; the number of items is the
    /// end). Replaces what [`pending`](Self::pending) set; positions past
    /// the end are never reached.
    ///
    /// ```
    /// use rill_test::{TestSource, assert_stream_done, assert_stream_next, assert_stream_pending};
    ///
    /// let mut s = TestSource::new(['a', 'b']).pending_before([1, 2]);
    /// assert_stream_next!(s, 'a');
    /// assert_stream_pending!(s);
    /// assert_stream_next!(s, 'b');
    /// assert_stream_pending!(s);
    /// assert_stream_done!(s);
    ///
    /// // From a mask, as property tests generate it.
    /// let mask = [true, false, false];
    /// let at = mask.iter().enumerate().filter(|(_, p)| **p).map(|(i, _)| i);
    /// let mut s = TestSource::new(['a', 'b']).pending_before(at);
    /// assert_stream_pending!(s);
    /// assert_stream_next!(s, 'a');
    /// ```
    pub fn pending_before(mut self, positions: impl IntoIterator<Item = usize>) -> Self {
        self.pending = Pending::Before(positions.into_iter().collect());
        self
    }

    /// Makes a poll after the end (after `Ready(None)` was returned) panic
    /// with "`TestSource` polled after it returned `Poll::Ready(None)`",
    /// instead of returning `Ready(None)` again. An adapter that promises
    /// not to poll its input after the input ended is checked by it.
    ///
    /// ```
    /// use rill_test::{TestSource, assert_stream_done, assert_stream_next};
    ///
    /// let mut s = TestSource::new([1]).panic_after_end(true);
    /// assert_stream_next!(s, 1);
    /// assert_stream_done!(s);
    /// let site = rill_test::panic_site(|| assert_stream_done!(s));
    /// assert_eq!(site.message, "`TestSource` polled after it returned `Poll::Ready(None)`");
    /// ```
    pub fn panic_after_end(mut self, on: bool) -> Self {
        self.panic_after_end = on;
        self
    }

    /// How many times `poll_next` was called so far: lets a test check that
    /// an adapter does not poll its input past what it needs.
    ///
    /// ```
    /// use rill_test::{TestSource, assert_stream_next};
    /// let mut s = TestSource::new([1, 2]);
    /// assert_stream_next!(s, 1);
    /// assert_eq!(s.polls(), 1);
    /// ```
    pub fn polls(&self) -> usize {
        self.polls
    }

    /// Whether the source returns `Pending` before its next item (or end).
    fn pends_here(&self) -> bool {
        match &self.pending {
            Pending::Never => false,
            Pending::Always => true,
            Pending::Before(at) => at.contains(&self.position),
        }
    }
}

impl<T> Unpin for TestSource<T> {}

impl<T> Stream for TestSource<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.polls += 1;
        if self.done && self.panic_after_end {
            panic!("`TestSource` polled after it returned `Poll::Ready(None)`");
        }
        if !self.done && !self.pended && self.pends_here() {
            self.pended = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.pended = false;
        let next = self.items.pop_front();
        match next {
            Some(_) => self.position += 1,
            None => self.done = true,
        }
        Poll::Ready(next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.items.len(), Some(self.items.len()))
    }
}

impl<T> FusedStream for TestSource<T> {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

/// Checks an adapter: runs `adapt` over a [`TestSource`] of `items` that is
/// always ready, and again over one that returns `Pending` before every
/// item; both runs go through [`check_stream`] (size_hint bounds at every
/// step, the outer stream interleaved with `Pending` as well). The items of
/// all runs must be equal; they are returned.
///
/// ```
/// use core::pin::Pin;
/// use core::task::{Context, Poll};
/// use rill_core::Stream;
/// use rill_test::TestSource;
///
/// /// A tiny adapter under test: doubles every item.
/// struct Double<S>(S);
/// impl<S: Stream<Item = u32> + Unpin> Stream for Double<S> {
///     type Item = u32;
///     fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
///         Pin::new(&mut self.0).poll_next(cx).map(|o| o.map(|x| x * 2))
///     }
///     fn size_hint(&self) -> (usize, Option<usize>) {
///         self.0.size_hint()
///     }
/// }
///
/// let out = rill_test::check_adapter(vec![1, 2, 3], |src: TestSource<u32>| Double(src));
/// assert_eq!(out, [2, 4, 6]);
/// ```
pub fn check_adapter<T, S, F>(items: Vec<T>, mut adapt: F) -> Vec<S::Item>
where
    T: Clone,
    S: Stream,
    S::Item: PartialEq + Debug,
    F: FnMut(TestSource<T>) -> S,
{
    let ready = check_stream(|| adapt(TestSource::new(items.clone())));
    let pending = check_stream(|| adapt(TestSource::new(items.clone()).pending(true)));
    assert_eq!(
        ready, pending,
        "the adapter yields other items when its input returns `Pending` before every item"
    );
    ready
}

/// [`check_adapter`] for an adapter that is a [`FusedStream`]: both runs use
/// [`check_fused_stream`], which also checks `is_terminated` and polling
/// after the end.
///
/// ```
/// use rill_test::TestSource;
///
/// // `TestSource` itself is fused, so the identity "adapter" passes.
/// let out = rill_test::check_fused_adapter(vec!['a', 'b'], |src: TestSource<char>| src);
/// assert_eq!(out, ['a', 'b']);
/// ```
pub fn check_fused_adapter<T, S, F>(items: Vec<T>, mut adapt: F) -> Vec<S::Item>
where
    T: Clone,
    S: FusedStream,
    S::Item: PartialEq + Debug,
    F: FnMut(TestSource<T>) -> S,
{
    let ready = check_fused_stream(|| adapt(TestSource::new(items.clone())));
    let pending = check_fused_stream(|| adapt(TestSource::new(items.clone()).pending(true)));
    assert_eq!(
        ready, pending,
        "the adapter yields other items when its input returns `Pending` before every item"
    );
    ready
}
