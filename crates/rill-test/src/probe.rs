//! Drop-in-place probes: `!Unpin` futures and streams that check they are
//! polled and dropped where they were pinned.

use core::fmt;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::string::String;
use std::sync::{Arc, Mutex, MutexGuard};
use std::vec::Vec;
use std::{format, thread};

use rill_core::{FusedStream, Stream};

/// How a probe arranges to be polled again after it returned `Pending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProbeWake {
    /// It wakes its own waker (`wake_by_ref`) before returning `Pending`:
    /// always ready to make progress, like a busy child.
    #[default]
    Itself,
    /// It keeps its waker and waits to be woken from outside, with
    /// [`Probes::wake`] or [`Probes::wake_all`] (from any thread), like a
    /// child waiting on a channel or a timer.
    Stored,
}

/// What the probes of one [`Probes`] did: one record per probe.
#[derive(Debug, Default)]
struct Record {
    kind: &'static str,
    first_polled_at: Option<usize>,
    polls: usize,
    drops: usize,
    finished: bool,
    waker: Option<Waker>,
}

#[derive(Debug, Default)]
struct Books {
    records: Vec<Record>,
    violations: Vec<String>,
}

/// A tracker of drop-in-place probes: it makes [`ProbeFuture`]s and
/// [`ProbeStream`]s and counts what happened to them.
///
/// A probe is `!Unpin`. On its first poll it records its address; it then
/// checks at every poll and at its drop that it is still at that address,
/// which is the promise a container makes when it hands out `Pin<&mut T>`
/// (the pinned value is dropped where it lives, never moved first). Use the
/// probes as the children of a container (a set of futures, a stream
/// combinator) and drive the container through all its exit paths:
/// completion, end, clear, drop, cancellation, panics.
///
/// What a probe does when the promise is broken:
/// - **polled at another address**: it records the violation and panics at
///   once, with a message naming the probe and both addresses;
/// - **dropped at another address, or dropped twice**: it records the
///   violation but does not panic (a panic inside `Drop` while the thread
///   is already unwinding aborts the process, and a container that moves
///   its children typically drops many of them in a row). The violation is
///   reported by [`assert_clean`](Self::assert_clean) and
///   [`assert_all_dropped`](Self::assert_all_dropped), and, if nobody took
///   it with [`take_violations`](Self::take_violations), by a panic when the
///   `Probes` itself is dropped (unless the thread is already panicking).
///
/// Counters ([`created`](Self::created), [`live`](Self::live),
/// [`dropped`](Self::dropped), [`polls`](Self::polls)) check that nothing
/// leaks and nothing is dropped twice. `Probes` is `Send + Sync`: threads
/// may wake probes through a shared reference.
///
/// # Example
///
/// ```
/// use core::future::Future;
/// use rill_test::Probes;
///
/// let probes = Probes::new();
/// // Two futures, each pending twice (waking itself) before completing.
/// let mut all: Vec<_> = (0..2).map(|i| Box::pin(probes.future(i).pending(2))).collect();
/// let mut cx = rill_test::noop_context();
/// for f in &mut all {
///     assert!(f.as_mut().poll(&mut cx).is_pending());
/// }
/// drop(all); // dropped in place: Box::pin never moves its value.
/// assert_eq!(probes.created(), 2);
/// probes.assert_all_dropped();
/// ```
///
/// A container that moves a child after pinning it is caught:
///
/// ```
/// use core::future::Future;
/// use core::pin::Pin;
/// use rill_test::Probes;
///
/// let probes = Probes::new();
/// let mut here = probes.future(()).pending(1);
/// // SAFETY (of this deliberately broken example): `here` is polled once
/// // through this pin; the move below is what a probe exists to catch.
/// let pinned = unsafe { Pin::new_unchecked(&mut here) };
/// assert!(pinned.poll(&mut rill_test::noop_context()).is_pending());
/// let moved = Box::new(here); // a move after pinning: the bug
/// drop(moved);
/// let found = probes.take_violations();
/// assert_eq!(found.len(), 1);
/// assert!(found[0].contains("moved"), "{}", found[0]);
/// assert_eq!(probes.live(), 0);
/// ```
pub struct Probes {
    books: Arc<Mutex<Books>>,
}

/// Locks the books; a poisoned lock (a panic elsewhere while holding it,
/// which the probes never do) is still usable: the data is plain counters.
fn lock(books: &Mutex<Books>) -> MutexGuard<'_, Books> {
    books.lock().unwrap_or_else(|e| e.into_inner())
}

impl Probes {
    /// A new tracker with no probes.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// assert_eq!(probes.created(), 0);
    /// ```
    pub fn new() -> Self {
        Probes {
            books: Arc::default(),
        }
    }

    fn register(&self, kind: &'static str) -> Core {
        let mut books = lock(&self.books);
        let id = books.records.len();
        books.records.push(Record {
            kind,
            ..Record::default()
        });
        Core {
            books: Arc::clone(&self.books),
            id,
            kind,
            pending: 0,
            left: 0,
            wake: ProbeWake::Itself,
            panic_in_poll: false,
            panic_in_drop: false,
        }
    }

    /// A probe future that completes with `output` (at once unless
    /// [`pending`](ProbeFuture::pending) says otherwise).
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// assert_eq!(rill_test::block_on(probes.future(7)), 7);
    /// probes.assert_all_dropped();
    /// ```
    pub fn future<T>(&self, output: T) -> ProbeFuture<T> {
        ProbeFuture {
            output: Some(output),
            core: self.register("ProbeFuture"),
            _pinned: PhantomPinned,
        }
    }

    /// A probe stream that yields the items of `items`, then ends. With an
    /// endless iterator (`core::iter::repeat(x)`) it never ends.
    ///
    /// ```
    /// use rill_core::Stream;
    /// let probes = rill_test::Probes::new();
    /// let s = Box::pin(probes.stream([1, 2]));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), [1, 2]);
    /// probes.assert_all_dropped();
    /// ```
    pub fn stream<I: IntoIterator>(&self, items: I) -> ProbeStream<I::IntoIter> {
        ProbeStream {
            items: items.into_iter(),
            core: self.register("ProbeStream"),
            _pinned: PhantomPinned,
        }
    }

    /// How many probes this tracker made.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let _a = probes.future(());
    /// let _b = probes.stream(0..3);
    /// assert_eq!(probes.created(), 2);
    /// ```
    pub fn created(&self) -> usize {
        lock(&self.books).records.len()
    }

    /// How many probes were dropped (each counted once, however often it
    /// was dropped: a second drop is a violation).
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// drop(probes.future(()));
    /// let _kept = probes.future(());
    /// assert_eq!(probes.dropped(), 1);
    /// ```
    pub fn dropped(&self) -> usize {
        lock(&self.books)
            .records
            .iter()
            .filter(|r| r.drops > 0)
            .count()
    }

    /// How many probes are alive (made and not dropped yet).
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let a = probes.future(());
    /// assert_eq!(probes.live(), 1);
    /// drop(a);
    /// assert_eq!(probes.live(), 0);
    /// ```
    pub fn live(&self) -> usize {
        lock(&self.books)
            .records
            .iter()
            .filter(|r| r.drops == 0)
            .count()
    }

    /// How many times the probe `id` was polled.
    ///
    /// Panics if no probe has that id.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let f = probes.future(1).pending(2);
    /// let id = f.id();
    /// assert_eq!(rill_test::block_on(f), 1);
    /// assert_eq!(probes.polls(id), 3);
    /// ```
    #[track_caller]
    pub fn polls(&self, id: usize) -> usize {
        let books = lock(&self.books);
        match books.records.get(id) {
            Some(r) => r.polls,
            None => panic!("`Probes::polls`: no probe #{id}"),
        }
    }

    /// The polls of all probes together.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// rill_test::block_on(probes.future(()).pending(1));
    /// rill_test::block_on(probes.future(()));
    /// assert_eq!(probes.total_polls(), 3);
    /// ```
    pub fn total_polls(&self) -> usize {
        lock(&self.books).records.iter().map(|r| r.polls).sum()
    }

    /// Wakes the waker that probe `id` stored when it last returned
    /// `Pending` with [`ProbeWake::Stored`]. Returns whether there was one
    /// (a stored waker is woken once, then forgotten until the next poll).
    ///
    /// ```
    /// use core::future::Future;
    /// use rill_test::{ProbeWake, Probes};
    ///
    /// let probes = Probes::new();
    /// let mut f = Box::pin(probes.future(5).pending(1).wake(ProbeWake::Stored));
    /// let (waker, wakes) = rill_test::counting_waker();
    /// let mut cx = core::task::Context::from_waker(&waker);
    /// assert!(f.as_mut().poll(&mut cx).is_pending());
    /// assert_eq!(wakes.get(), 0); // it waits to be woken from outside
    /// assert!(probes.wake(f.id()));
    /// assert_eq!(wakes.get(), 1);
    /// assert!(!probes.wake(f.id())); // woken already
    /// assert_eq!(f.as_mut().poll(&mut cx), core::task::Poll::Ready(5));
    /// ```
    pub fn wake(&self, id: usize) -> bool {
        let waker = lock(&self.books)
            .records
            .get_mut(id)
            .and_then(|r| r.waker.take());
        // Woken outside the lock: a wake may run arbitrary code.
        match waker {
            Some(w) => {
                w.wake();
                true
            }
            None => false,
        }
    }

    /// Wakes every stored waker (see [`wake`](Self::wake)); returns how many
    /// there were.
    ///
    /// ```
    /// use rill_test::{ProbeWake, Probes};
    ///
    /// let probes = Probes::new();
    /// let a = probes.future(1).pending(1).wake(ProbeWake::Stored);
    /// let b = probes.future(2).pending(1).wake(ProbeWake::Stored);
    /// let both = std::thread::scope(|s| {
    ///     s.spawn(|| {
    ///         // Wake them from another thread until both completed.
    ///         while probes.live() > 0 {
    ///             probes.wake_all();
    ///             std::thread::yield_now();
    ///         }
    ///     });
    ///     rill_test::block_on(async { (a.await, b.await) })
    /// });
    /// assert_eq!(both, (1, 2));
    /// ```
    pub fn wake_all(&self) -> usize {
        let wakers: Vec<Waker> = lock(&self.books)
            .records
            .iter_mut()
            .filter_map(|r| r.waker.take())
            .collect();
        let n = wakers.len();
        wakers.into_iter().for_each(Waker::wake);
        n
    }

    /// Takes the violations recorded so far (moves after pinning, double
    /// drops), as messages; the tracker forgets them.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// rill_test::block_on(probes.future(()));
    /// assert!(probes.take_violations().is_empty());
    /// ```
    pub fn take_violations(&self) -> Vec<String> {
        core::mem::take(&mut lock(&self.books).violations)
    }

    /// Panics, listing them, if any violation was recorded (a probe moved
    /// after it was pinned, or dropped twice).
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let _alive = Box::pin(probes.future(()));
    /// probes.assert_clean(); // nothing wrong so far; probes may be alive
    /// ```
    #[track_caller]
    pub fn assert_clean(&self) {
        let found = self.take_violations();
        assert!(
            found.is_empty(),
            "`Probes`: {} violation(s) of the drop-in-place guarantee:\n  {}",
            found.len(),
            found.join("\n  ")
        );
    }

    /// [`assert_clean`](Self::assert_clean), and every probe was dropped
    /// (nothing leaked). Panics naming the live probes otherwise.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let f = probes.future(3);
    /// assert_eq!(rill_test::block_on(f), 3);
    /// probes.assert_all_dropped();
    /// ```
    #[track_caller]
    pub fn assert_all_dropped(&self) {
        self.assert_clean();
        let books = lock(&self.books);
        let live: Vec<String> = books
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.drops == 0)
            .map(|(id, r)| format!("{} #{id}", r.kind))
            .collect();
        drop(books);
        assert!(
            live.is_empty(),
            "`Probes`: {} probe(s) leaked (never dropped): {}",
            live.len(),
            live.join(", ")
        );
    }
}

impl Default for Probes {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Probes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let books = lock(&self.books);
        let live = books.records.iter().filter(|r| r.drops == 0).count();
        f.debug_struct("Probes")
            .field("created", &books.records.len())
            .field("live", &live)
            .field("violations", &books.violations)
            .finish()
    }
}

impl Drop for Probes {
    fn drop(&mut self) {
        if thread::panicking() {
            return;
        }
        let found = self.take_violations();
        assert!(
            found.is_empty(),
            "`Probes` dropped with {} unreported violation(s) of the drop-in-place guarantee:\n  {}",
            found.len(),
            found.join("\n  ")
        );
    }
}

/// The part of a probe that talks to its tracker.
struct Core {
    books: Arc<Mutex<Books>>,
    id: usize,
    kind: &'static str,
    /// `Pending` results before each value.
    pending: usize,
    /// `Pending` results left before the next value.
    left: usize,
    wake: ProbeWake,
    panic_in_poll: bool,
    panic_in_drop: bool,
}

impl Core {
    /// Checks the address and counts the poll; panics if the probe moved or
    /// was polled after it finished.
    fn enter_poll(&self, addr: usize) {
        let mut books = lock(&self.books);
        let rec = &mut books.records[self.id];
        rec.polls += 1;
        let moved_from = match rec.first_polled_at {
            None => {
                rec.first_polled_at = Some(addr);
                None
            }
            Some(first) if first != addr => Some(first),
            Some(_) => None,
        };
        let finished = rec.finished;
        if let Some(first) = moved_from {
            let msg = format!(
                "{} #{} was polled at {addr:#x} but first polled at {first:#x}: moved after it was pinned",
                self.kind, self.id
            );
            books.violations.push(msg.clone());
            drop(books);
            panic!("{msg}");
        }
        if finished {
            drop(books);
            panic!(
                "{} #{} polled after it completed (a container polled a finished child)",
                self.kind, self.id
            );
        }
    }

    /// `true` (after arranging the wake-up) if this poll returns `Pending`.
    fn pend(&mut self, cx: &mut Context<'_>) -> bool {
        if self.left == 0 {
            return false;
        }
        self.left -= 1;
        match self.wake {
            ProbeWake::Itself => cx.waker().wake_by_ref(),
            ProbeWake::Stored => {
                let old = lock(&self.books).records[self.id]
                    .waker
                    .replace(cx.waker().clone());
                drop(old);
            }
        }
        true
    }

    /// Called where the probe would produce a value (output, item, end).
    fn produce(&mut self, last: bool) {
        self.left = self.pending;
        if last {
            lock(&self.books).records[self.id].finished = true;
        }
        if self.panic_in_poll {
            // Only the first time: a stream that is polled again after its
            // panic behaves normally.
            self.panic_in_poll = false;
            panic!(
                "{} #{} panics in poll (as asked by `panic_in_poll`)",
                self.kind, self.id
            );
        }
    }

    fn on_drop(&mut self, addr: usize) {
        let mut books = lock(&self.books);
        let rec = &mut books.records[self.id];
        rec.drops += 1;
        let drops = rec.drops;
        let first = rec.first_polled_at;
        let waker = rec.waker.take();
        if drops > 1 {
            let msg = format!("{} #{} dropped {drops} times", self.kind, self.id);
            books.violations.push(msg);
        }
        if let Some(first) = first.filter(|&first| first != addr) {
            let msg = format!(
                "{} #{} was dropped at {addr:#x} but first polled at {first:#x}: moved after it was pinned",
                self.kind, self.id
            );
            books.violations.push(msg);
        }
        drop(books);
        drop(waker);
        if self.panic_in_drop && !thread::panicking() {
            panic!(
                "{} #{} panics in drop (as asked by `panic_in_drop`)",
                self.kind, self.id
            );
        }
    }
}

impl fmt::Debug for Core {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(self.kind)
            .field("id", &self.id)
            .field("pending", &self.pending)
            .field("wake", &self.wake)
            .finish_non_exhaustive()
    }
}

/// Builder methods shared by both probe types.
macro_rules! probe_config {
    ($name:ident, $make:literal) => {
        /// This probe's id in its [`Probes`] (0, 1, 2, ... in order of
        /// creation).
        ///
        /// ```
        /// let probes = rill_test::Probes::new();
        #[doc = concat!("let a = probes.", $make, ";")]
        #[doc = concat!("let b = probes.", $make, ";")]
        /// assert_eq!((a.id(), b.id()), (0, 1));
        /// ```
        pub fn id(&self) -> usize {
            self.core.id
        }

        /// Returns `Pending` `n` times before each value it produces
        /// (arranging its wake-up as [`wake`](Self::wake) says). Default 0.
        ///
        /// ```
        /// use rill_test::__private::poll_probe;
        ///
        /// let probes = rill_test::Probes::new();
        #[doc = concat!("let mut p = Box::pin(probes.", $make, ".pending(2));")]
        /// let mut cx = rill_test::noop_context();
        /// assert!(poll_probe(p.as_mut(), &mut cx).is_pending());
        /// assert!(poll_probe(p.as_mut(), &mut cx).is_pending());
        /// assert!(poll_probe(p.as_mut(), &mut cx).is_ready());
        /// assert_eq!(probes.polls(p.id()), 3);
        /// ```
        pub fn pending(mut self, n: usize) -> Self {
            self.core.pending = n;
            self.core.left = n;
            self
        }

        /// How it arranges to be polled again after `Pending`: it wakes
        /// itself ([`ProbeWake::Itself`], the default) or waits for
        /// [`Probes::wake`] ([`ProbeWake::Stored`]).
        ///
        /// ```
        /// use rill_test::__private::poll_probe;
        ///
        /// let probes = rill_test::Probes::new();
        #[doc = concat!("let mut p = Box::pin(probes.", $make, ".pending(1).wake(rill_test::ProbeWake::Stored));")]
        /// let (waker, wakes) = rill_test::counting_waker();
        /// let mut cx = core::task::Context::from_waker(&waker);
        /// assert!(poll_probe(p.as_mut(), &mut cx).is_pending());
        /// assert_eq!(wakes.get(), 0);
        /// assert!(probes.wake(p.id()));
        /// assert_eq!(wakes.get(), 1);
        /// ```
        pub fn wake(mut self, wake: ProbeWake) -> Self {
            self.core.wake = wake;
            self
        }

        /// The first poll that would produce a value (the output of a
        /// future; an item or the end of a stream) panics instead. A
        /// stream polled again afterwards behaves normally.
        ///
        /// ```
        /// let probes = rill_test::Probes::new();
        #[doc = concat!("let p = probes.", $make, ".panic_in_poll();")]
        /// let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        ///     let mut p = Box::pin(p);
        ///     let _ = rill_test::__private::poll_probe(p.as_mut(), &mut rill_test::noop_context());
        /// }));
        /// assert!(caught.is_err());
        /// probes.assert_all_dropped();
        /// ```
        pub fn panic_in_poll(mut self) -> Self {
            self.core.panic_in_poll = true;
            self
        }

        /// Its destructor panics, unless the thread is already unwinding
        /// (a second panic would abort the process). The drop is counted
        /// and checked before the panic.
        ///
        /// ```
        /// let probes = rill_test::Probes::new();
        #[doc = concat!("let p = probes.", $make, ".panic_in_drop();")]
        /// assert!(std::panic::catch_unwind(move || drop(p)).is_err());
        /// probes.assert_all_dropped();
        /// ```
        pub fn panic_in_drop(mut self) -> Self {
            self.core.panic_in_drop = true;
            self
        }
    };
}

pin_project_lite::pin_project! {
    /// A `!Unpin` future that checks it is polled and dropped where it was
    /// first polled, counted by its [`Probes`]; made by [`Probes::future`].
    ///
    /// It completes with its output after [`pending`](Self::pending)
    /// `Pending` results. Polling it again after it completed panics.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let f = probes.future("done").pending(3);
    /// assert_eq!(rill_test::block_on(f), "done");
    /// assert_eq!(probes.total_polls(), 4);
    /// probes.assert_all_dropped();
    /// ```
    #[must_use = "futures do nothing unless you `.await` or poll them"]
    pub struct ProbeFuture<T> {
        output: Option<T>,
        core: Core,
        #[pin]
        _pinned: PhantomPinned,
    }

    impl<T> PinnedDrop for ProbeFuture<T> {
        fn drop(this: Pin<&mut Self>) {
            let addr = address(&*this);
            this.project().core.on_drop(addr);
        }
    }
}

impl<T> ProbeFuture<T> {
    probe_config!(ProbeFuture, "future(0)");
}

impl<T> Future for ProbeFuture<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let addr = address(&*self);
        let this = self.project();
        this.core.enter_poll(addr);
        if this.core.pend(cx) {
            return Poll::Pending;
        }
        this.core.produce(true);
        Poll::Ready(
            this.output
                .take()
                .expect("a finished probe is never polled"),
        )
    }
}

impl<T> fmt::Debug for ProbeFuture<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.core.fmt(f)
    }
}

pin_project_lite::pin_project! {
    /// A `!Unpin` stream that checks it is polled and dropped where it was
    /// first polled, counted by its [`Probes`]; made by [`Probes::stream`].
    ///
    /// It yields the items of its iterator, each after
    /// [`pending`](Self::pending) `Pending` results, then ends (also after
    /// `pending` `Pending` results). Polling it after the end panics.
    ///
    /// ```
    /// let probes = rill_test::Probes::new();
    /// let s = Box::pin(probes.stream(["a", "b"]).pending(1));
    /// assert_eq!(rill_test::block_on_stream(s).collect::<Vec<_>>(), ["a", "b"]);
    /// assert_eq!(probes.total_polls(), 6);
    /// probes.assert_all_dropped();
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct ProbeStream<I> {
        items: I,
        core: Core,
        #[pin]
        _pinned: PhantomPinned,
    }

    impl<I> PinnedDrop for ProbeStream<I> {
        fn drop(this: Pin<&mut Self>) {
            let addr = address(&*this);
            this.project().core.on_drop(addr);
        }
    }
}

impl<I> ProbeStream<I> {
    probe_config!(ProbeStream, "stream(0..3)");
}

impl<I: Iterator> Stream for ProbeStream<I> {
    type Item = I::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I::Item>> {
        let addr = address(&*self);
        let this = self.project();
        this.core.enter_poll(addr);
        if this.core.pend(cx) {
            return Poll::Pending;
        }
        let item = this.items.next();
        this.core.produce(item.is_none());
        Poll::Ready(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if lock(&self.core.books).records[self.core.id].finished {
            (0, Some(0))
        } else {
            self.items.size_hint()
        }
    }
}

impl<I: Iterator> FusedStream for ProbeStream<I> {
    fn is_terminated(&self) -> bool {
        lock(&self.core.books).records[self.core.id].finished
    }
}

impl<I> fmt::Debug for ProbeStream<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.core.fmt(f)
    }
}

fn address<T>(value: &T) -> usize {
    core::ptr::from_ref(value).addr()
}

/// Polls either kind of probe (for the doc examples of the shared builder
/// methods).
pub trait PollProbe {
    /// Polls the probe, dropping what it produces.
    fn poll_probe(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()>;
}

impl<T> PollProbe for ProbeFuture<T> {
    fn poll_probe(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.poll(cx).map(drop)
    }
}

impl<I: Iterator> PollProbe for ProbeStream<I> {
    fn poll_probe(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.poll_next(cx).map(drop)
    }
}

/// Polls either kind of probe: see [`PollProbe`].
pub fn poll_probe<P: PollProbe + ?Sized>(probe: Pin<&mut P>, cx: &mut Context<'_>) -> Poll<()> {
    probe.poll_probe(cx)
}
