//! The hand-off between a generator's body and its stream.
//!
//! This is the only module with `unsafe` code. A [`Slot`] is allocated once
//! per stream (in a `Box`, with its own count of handles) and shared by two
//! parties:
//!
//! - the *consumer*: the stream ([`StreamFn`](crate::StreamFn) or
//!   [`TryStreamFn`](crate::TryStreamFn)), which polls the body and takes the
//!   item out afterwards;
//! - the *producer*: the yielder, which is not `Clone` and whose yield
//!   future borrows it mutably, so at most one producer operation runs at a
//!   time. It comes in two kinds:
//!   - *checked*: the public [`Yielder`](crate::Yielder) of
//!     [`stream_fn`](crate::stream_fn). It may escape the body (it is
//!     `Send` and `'static`), so every hand-off is checked at run time and
//!     ordered with Acquire/Release;
//!   - *scoped*: the yielder of the `stream!` macros, whose lifetime is
//!     tied to the body by a higher-ranked async closure. It cannot leave
//!     the body, so it only ever runs inside a poll (or the drop) of the
//!     body, sequenced with the consumer: its hand-off needs no check and
//!     no ordering.
//!
//! # State
//!
//! `state` is a set of bits:
//!
//! | bit       | set by                          | meaning                                            |
//! |-----------|---------------------------------|----------------------------------------------------|
//! | `POLLING` | consumer (checked streams only) | the stream is polling its body                     |
//! | `FULL`    | producer                        | `item` holds a value the stream has not taken      |
//! | `QUEUED`  | producer (scoped streams only)  | `queue` may hold items                             |
//! | `MORE`    | consumer                        | `backlog` holds queued items still to yield        |
//! | `CLOSED`  | consumer                        | the body finished or the stream was dropped        |
//!
//! The producer writes `item` only when the state is exactly *open*:
//! `POLLING` for a checked yielder, `0` for a scoped one. Then it stores
//! `open | FULL`. Anything else refuses the item: a missing `POLLING` is a
//! misuse (the checked yielder panics); any other bit means earlier items
//! are still waiting (the body polled several yields in one poll of the
//! stream, or the stream is still yielding the backlog), and the producer
//! pushes the item onto `queue` (a lock-free stack, one allocation per such
//! item); a scoped producer also sets `QUEUED`, a checked one does not (the
//! stream checks `queue` itself: a read-modify-write of `state` by the
//! producer could race with the stream's plain stores, and loom does not
//! model a plain store racing with a read-modify-write faithfully, see
//! tokio-rs/loom#254).
//!
//! The consumer takes `item` and the whole stack, which it reverses into
//! `backlog` (consumer-only), and yields `item`, then the backlog's items,
//! one per poll; while the backlog is not empty the state is `MORE`, so
//! that producers keep queueing behind it. The order of the items is the
//! order of their first polls. `item` is only ever written by the producer
//! and read by the consumer.
//!
//! # When a yield completes
//!
//! A yield future's first poll hands its item over (or queues it) and
//! returns `Pending`; a later poll completes it only when the stream has
//! returned every item handed to it ([`Slot::all_taken`]: no `FULL`,
//! `QUEUED` or `MORE`), its own included, as items come out in order. In
//! the common case the item went into `item`, the stream took it at the
//! end of that poll, and the next poll of the body completes the yield. An
//! item that was queued instead is still in the backlog then: the yield
//! returns `Pending` (without a waker: the stream returns a backlog item
//! from that very `poll_next`, so it is polled again) until the stream has
//! returned it. The body thus never runs ahead of its stream, and once the
//! backlog is drained the slot is open again: the next yield goes through
//! `item`, so a refused item costs one allocation and nothing after it
//! does.
//!
//! # Consumer, per poll
//!
//! - checked: load the state (Acquire), store it with `POLLING` (Release),
//!   poll the body, load the state (Acquire); if it is `POLLING | FULL`
//!   and `queue` is empty (Relaxed), read `item` and store `0` (Release);
//!   if `POLLING`, compare-and-swap it to `0` (an escaped yielder on
//!   another thread may be handing an item over).
//! - scoped: poll the body, load the state (Relaxed); if it is `FULL`, read
//!   `item` and store `0` (Relaxed).
//! - any other state (rare: queue, backlog, end of the body): `settle`,
//!   which yields `item`, else the oldest item of the backlog (after
//!   moving the queue into it), and stores `MORE` while the backlog is not
//!   empty, else `0` (`CLOSED` once the body has finished).
//!
//! A panic unwinding out of a checked body clears `POLLING` (a guard in the
//! stream), so an escaped yielder is refused again; an item handed over
//! before the panic stays `FULL` and is yielded by a later poll, or dropped
//! with the stream: never leaked, never dropped twice.
//!
//! # Why `item` is never accessed by both at once
//!
//! Checked: the consumer reads `item` only after an Acquire load that read
//! `FULL`, stored with Release by the producer after its write. The
//! producer writes `item` only after an
//! Acquire load that read exactly `POLLING`. The producer's own last store
//! (`FULL`) precedes that load, so by coherence the `POLLING` it read was
//! stored by the consumer after it, and
//! the consumer stores `POLLING` (Release) only after it has read the last
//! item (program order) and without `FULL` unless `item` holds an unread
//! value (which the producer then refuses). So each write happens after the
//! previous read, and each read after its write. `queue` is only accessed
//! with atomic operations (a push by compare-and-swap with Release, a take
//! by swap with Acquire), `backlog` only by the consumer.
//!
//! Scoped: the scoped yielder's lifetime is a higher-ranked lifetime of
//! the body, so it cannot be stored anywhere that outlives a poll of the
//! body, nor sent to a thread that is not joined within that poll (the
//! only safe way to lend a non-`'static` value to another thread). Every
//! producer access thus happens inside a poll (or the drop) of the body,
//! which the consumer is running: sequenced before the consumer's next
//! access. So the state is read and written with plain (non-atomic)
//! accesses, which the optimiser can see through; only the rare paths
//! (`queue`, `close`) use atomic operations, which never race with them.
//!
//! In correct use of a checked yielder, both parties run on the same thread
//! inside one `poll_next`, and all of this is trivially ordered. The
//! atomics make misuse harmless: a yielder moved into another task is
//! refused with a panic (it sees no `POLLING`), or, if it races with a poll
//! of its own stream on another thread, its item is delivered, or queued
//! and delivered (or dropped with the stream), or, when its read of the
//! state was stale (the stream's poll had just ended) and the stream's next
//! plain store of the state overwrites its `FULL`, left in `item` and
//! leaked. Never read and written at once, never dropped twice. (Ruling out
//! that last leak would take a read-modify-write per poll; only a yielder
//! used from another thread while its stream is polled can cause it.)

use alloc::boxed::Box;
use core::fmt;
use core::mem::MaybeUninit;
use core::ptr::{self, NonNull};

use crate::sync::{AtomicPtr, AtomicU8, Ordering, UnsafeCell, fence, with_mut};

const POLLING: u8 = 1;
const FULL: u8 = 2;
const QUEUED: u8 = 4;
const MORE: u8 = 8;
const CLOSED: u8 = 16;

/// The state that lets a producer hand an item over.
const fn open(checked: bool) -> u8 {
    if checked { POLLING } else { 0 }
}

/// A queued item, on the producer's stack.
struct Node<T> {
    item: T,
    next: *mut Node<T>,
}

/// The shared hand-off (see the [module documentation](self)).
pub(crate) struct Slot<T> {
    /// Handles alive: the stream's and, for a checked stream, its yielder's
    /// (a scoped yielder holds none: it never outlives the body, which the
    /// stream drops first).
    refs: AtomicU8,
    state: AtomicU8,
    /// Holds a value exactly when `FULL` is set (the state byte is the
    /// "present" flag, so a hand-off moves the bare `T`).
    item: UnsafeCell<MaybeUninit<T>>,
    /// Items refused by `offer` because earlier ones were waiting, newest
    /// first.
    queue: AtomicPtr<Node<T>>,
    /// Consumer only: queued items still to yield, oldest first.
    backlog: UnsafeCell<Backlog<T>>,
}

// SAFETY: `Slot<T>` is the cell of a single-producer single-consumer
// hand-off: `item` is only accessed by one party at a time, as ordered by
// the protocol on `state` described in the module docs (the same reasoning
// that makes `Mutex<T>: Sync` for `T: Send`); `queue` only through atomic
// operations; `backlog` only by the consumer. Values of `T` move between
// threads through it, so `T: Send` is required; no `&T` is ever handed
// out, so `T: Sync` is not.
unsafe impl<T: Send> Sync for Slot<T> {}
// SAFETY: the raw pointers in `queue` own `Node<T>`s, which hold `T`s:
// sending the slot sends them, which `T: Send` allows.
unsafe impl<T: Send> Send for Slot<T> {}

impl<T> Slot<T> {
    fn new(refs: u8) -> Self {
        Slot {
            refs: AtomicU8::new(refs),
            state: AtomicU8::new(0),
            item: UnsafeCell::new(MaybeUninit::uninit()),
            queue: AtomicPtr::new(ptr::null_mut()),
            backlog: UnsafeCell::new(Backlog::new()),
        }
    }

    /// Loads the state: with Acquire for a checked stream; for a scoped one,
    /// a plain load (every access is sequenced: module docs), which the
    /// optimiser can forward from the store before it.
    #[inline]
    fn load_state<const CHECKED: bool>(&self) -> u8 {
        if CHECKED {
            self.state.load(Ordering::Acquire)
        } else {
            plain_load(&self.state)
        }
    }

    /// Stores the state: with Release for a checked stream, a plain store
    /// for a scoped one (see `load_state`).
    #[inline]
    fn store_state<const CHECKED: bool>(&self, state: u8) {
        if CHECKED {
            self.state.store(state, Ordering::Release);
        } else {
            plain_store(&self.state, state);
        }
    }

    // ---- producer ----

    /// Producer: hands `item` over, or gives it back when earlier items are
    /// still waiting (the caller then queues it with `enqueue`).
    ///
    /// A checked producer panics if the stream is not polling its body (the
    /// yielder escaped).
    #[inline]
    pub(crate) fn offer<const CHECKED: bool>(&self, item: T) -> Result<(), T> {
        let state = self.load_state::<CHECKED>();
        if state != open(CHECKED) {
            return refused::<T, CHECKED>(item, state);
        }
        with_mut!(self.item, |slot| {
            // SAFETY: checked: we read exactly `POLLING` with Acquire, so
            // the consumer has read the previous item and will not touch
            // `item` before it reads the `FULL` we store below (module
            // docs). Scoped: we run inside a poll of the body, sequenced
            // with the consumer, and the state `0` says `item` is empty. We
            // are the only producer: the yielder is not `Clone` and its
            // yield future borrows it mutably. `item` holds no value (in
            // correct use; in the misuse race of the module docs one may be
            // overwritten, i.e. leaked, never dropped twice).
            unsafe { (*slot).write(item) };
        });
        self.store_state::<CHECKED>(open(CHECKED) | FULL);
        Ok(())
    }

    /// Producer: `offer` refused the item because earlier ones are waiting;
    /// it is queued behind them, to be yielded after them. Once the stream
    /// is gone, the item is dropped here instead.
    #[cold]
    #[inline(never)]
    pub(crate) fn enqueue<const CHECKED: bool>(&self, item: T) {
        if self.state.load(Ordering::Acquire) & CLOSED != 0 {
            drop(item);
            return;
        }
        let node = Box::into_raw(Box::new(Node {
            item,
            next: ptr::null_mut(),
        }));
        if !CHECKED {
            // Scoped: every access is sequenced (module docs), so plain
            // loads and stores do (and no compare-and-swap loop is compiled
            // into crates with only `stream!`s).
            // SAFETY: `node` is ours until it is published below.
            unsafe { (*node).next = plain_load(&self.queue) };
            plain_store(&self.queue, node);
            let state = self.load_state::<false>();
            self.store_state::<false>(state | QUEUED);
            return;
        }
        let mut head = self.queue.load(Ordering::Relaxed);
        loop {
            // SAFETY: `node` is ours until the compare-and-swap below
            // publishes it.
            unsafe { (*node).next = head };
            match self
                .queue
                .compare_exchange_weak(head, node, Ordering::Release, Ordering::Relaxed)
            {
                Ok(_) => break,
                Err(now) => head = now,
            }
        }
    }

    // ---- consumer ----

    /// Consumer, checked streams: the body is about to be polled.
    #[inline]
    pub(crate) fn begin_checked(&self) {
        let state = self.state.load(Ordering::Acquire);
        self.state.store(state | POLLING, Ordering::Release);
    }

    /// Consumer, checked streams: the poll of the body unwound. Clears
    /// `POLLING` (an escaped yielder is refused again) and keeps everything
    /// else: an item handed over before the panic stays in the slot.
    #[cold]
    pub(crate) fn abandon_poll(&self) {
        let state = self.state.load(Ordering::Acquire);
        self.state.store(state & !POLLING, Ordering::Release);
    }

    /// Consumer: the body was polled and returned `Pending` (or, with
    /// `finished`, `Ready`). Returns the next item to yield, if any.
    #[inline]
    pub(crate) fn end_poll<const CHECKED: bool>(&self, finished: bool) -> Option<T> {
        let state = self.load_state::<CHECKED>();
        if !finished {
            if state == open(CHECKED) | FULL
                && (!CHECKED || self.queue.load(Ordering::Relaxed).is_null())
            {
                // SAFETY: `FULL` read with Acquire (checked) or sequenced
                // with the scoped producer: `item` holds a value written
                // before, and no producer writes it again before it reads
                // a state we store after this read (module docs).
                let item = with_mut!(self.item, |item| unsafe { (*item).assume_init_read() });
                self.store_state::<CHECKED>(0);
                return Some(item);
            }
            if state == open(CHECKED) {
                if !CHECKED {
                    return None;
                }
                // An escaped yielder on another thread may hand an item over
                // right now: compare-and-swap, so as not to lose it (this
                // costs only polls that yield nothing).
                match self
                    .state
                    .compare_exchange(POLLING, 0, Ordering::Release, Ordering::Acquire)
                {
                    Ok(_) => return None,
                    Err(now) => return self.settle::<CHECKED>(now, finished),
                }
            }
        }
        self.settle::<CHECKED>(state, finished)
    }

    /// Consumer, the rare cases of [`end_poll`](Self::end_poll): items
    /// queued by dropped yield futures, a backlog, the end of the body.
    #[cold]
    #[inline(never)]
    fn settle<const CHECKED: bool>(&self, state: u8, finished: bool) -> Option<T> {
        let mut next = None;
        if state & FULL != 0 {
            // SAFETY: as in `end_poll`: `FULL` was read with the ordering
            // of the stream's kind.
            next = Some(with_mut!(self.item, |item| unsafe {
                (*item).assume_init_read()
            }));
        }
        with_mut!(self.backlog, |backlog| {
            // SAFETY: the backlog is the consumer's alone.
            let backlog = unsafe { &mut *backlog };
            if CHECKED || state & QUEUED != 0 || finished {
                self.take_queue::<CHECKED>(backlog);
            }
            if next.is_none() {
                next = backlog.pop_front();
            }
            // `item` is empty now. While the backlog holds items, `MORE`
            // keeps producers queueing behind them, and the yields of
            // queued items waiting (`all_taken`).
            let new = if finished || state & CLOSED != 0 {
                CLOSED
            } else if backlog.is_empty() {
                0
            } else {
                MORE
            };
            self.store_state::<CHECKED>(new);
        });
        next
    }

    /// Producer, a later poll of a yield future whose item was handed over
    /// or queued: whether the stream has returned every item handed to it,
    /// that one included (items come out in order), so that the yield may
    /// complete (module docs, "When a yield completes").
    #[inline]
    pub(crate) fn all_taken<const CHECKED: bool>(&self) -> bool {
        if CHECKED {
            // Relaxed: no access to `item` depends on it; a yield future
            // polled from another thread (misuse) may complete early or
            // late. Outside a poll of the stream (no `POLLING`: the yielder
            // escaped, the stream is idle or gone) it completes rather
            // than wait for a poll that may never come: its item is
            // yielded later or dropped with the stream.
            let state = self.state.load(Ordering::Relaxed);
            state == POLLING || taken_outside_the_fast_case(state)
        } else {
            // Inside a poll of a scoped body no other bit is ever set
            // (`POLLING` is checked streams', `CLOSED` comes after the
            // body).
            plain_load(&self.state) == 0
        }
    }

    /// Consumer: the oldest queued item still to yield (taken into the
    /// backlog by `settle`), after the body finished.
    #[cold]
    pub(crate) fn pop_backlog(&self) -> Option<T> {
        with_mut!(self.backlog, |backlog| {
            // SAFETY: the backlog is the consumer's alone.
            unsafe { (*backlog).pop_front() }
        })
    }

    /// Consumer: how many queued items are still to yield (a lower bound
    /// of the stream's length while the body runs, exact after it).
    pub(crate) fn backlog_len(&self) -> usize {
        with_mut!(self.backlog, |backlog| {
            // SAFETY: the backlog is the consumer's alone (and `&self` of
            // the stream excludes its `poll_next`).
            unsafe { (*backlog).len() }
        })
    }

    /// Consumer: moves the queued items, oldest first, to the backlog (with
    /// plain accesses for a scoped stream: see `enqueue`).
    fn take_queue<const CHECKED: bool>(&self, backlog: &mut Backlog<T>) {
        let stack = if CHECKED {
            self.queue.swap(ptr::null_mut(), Ordering::Acquire)
        } else {
            let stack = plain_load(&self.queue);
            plain_store(&self.queue, ptr::null_mut());
            stack
        };
        // SAFETY: every node was made by `Box::into_raw` in `enqueue` and
        // published with Release; the swap (Acquire) made the whole list
        // ours.
        unsafe { backlog.append_stack(stack) };
    }

    /// Consumer: the stream is dropped (after its body): drops every item
    /// still waiting; a later yield panics (checked) or cannot happen
    /// (scoped).
    pub(crate) fn close(&self) {
        let state = self.state.swap(CLOSED, Ordering::AcqRel);
        if state & FULL != 0 {
            // SAFETY: `FULL` read by the swap (Acquire): `item` holds a
            // value nobody took; producers refuse from now on.
            with_mut!(self.item, |item| unsafe { (*item).assume_init_drop() });
        }
        with_mut!(self.backlog, |backlog| {
            // SAFETY: the backlog is the consumer's alone.
            let backlog = unsafe { &mut *backlog };
            self.take_queue::<true>(backlog);
            while backlog.pop_front().is_some() {}
        });
    }

    /// For `Debug`.
    pub(crate) fn describe(&self) -> &'static str {
        let state = self.state.load(Ordering::Relaxed);
        if state & CLOSED != 0 {
            "closed"
        } else if state & POLLING != 0 {
            "polling"
        } else if state & FULL != 0 {
            "full"
        } else {
            "idle"
        }
    }

    /// Whether the stream was dropped or its body finished.
    pub(crate) fn is_closed(&self) -> bool {
        self.state.load(Ordering::Acquire) & CLOSED != 0
    }
}

/// `Slot::all_taken` of a checked stream whose state is not exactly
/// `POLLING`.
#[cold]
#[inline(never)]
fn taken_outside_the_fast_case(state: u8) -> bool {
    state & POLLING == 0 || state & (FULL | QUEUED | MORE) == 0
}

/// The slot refused an item: waiting items give it back (the caller queues
/// it), a checked yield outside a poll of its stream is a misuse (out of
/// line, to keep every yield's inlined code small).
#[inline]
fn refused<T, const CHECKED: bool>(item: T, state: u8) -> Result<(), T> {
    if CHECKED && state & POLLING == 0 {
        misuse(item, state)
    }
    Err(item)
}

#[cold]
#[inline(never)]
fn misuse<T>(item: T, state: u8) -> ! {
    drop(item);
    if state & CLOSED != 0 {
        panic!(
            "`Yielder` used after its stream was dropped or finished: \
             a yielder must stay inside the body of the stream that created it"
        )
    }
    panic!(
        "`Yielder` used outside its stream: the yield was polled while its \
         stream was not polling its body (was the yielder moved into another \
         task or stream?)"
    )
}

/// An atomic of which a scoped stream makes plain (non-atomic) accesses:
/// its accesses never race (module docs, "Scoped").
trait Plain {
    type Value: Copy;
    fn plain_load(&self) -> Self::Value;
    fn plain_store(&self, value: Self::Value);
}

macro_rules! plain {
    ([$($generics:tt)*] $atomic:ty, $value:ty) => {
        impl<$($generics)*> Plain for $atomic {
            type Value = $value;

            #[cfg(not(loom))]
            #[inline(always)]
            fn plain_load(&self) -> $value {
                // SAFETY: no access to this atomic races with this one: a
                // scoped stream's accesses are all sequenced (module docs).
                // Mixing atomic and non-atomic accesses to one location is
                // allowed when they do not race.
                unsafe { *self.as_ptr() }
            }

            #[cfg(not(loom))]
            #[inline(always)]
            fn plain_store(&self, value: $value) {
                // SAFETY: as in `plain_load`.
                unsafe { *self.as_ptr() = value }
            }

            // loom has no `as_ptr`; Relaxed is as good for its model.
            #[cfg(loom)]
            fn plain_load(&self) -> $value {
                self.load(Ordering::Relaxed)
            }

            #[cfg(loom)]
            fn plain_store(&self, value: $value) {
                self.store(value, Ordering::Relaxed)
            }
        }
    };
}

plain!([] AtomicU8, u8);
plain!([N] AtomicPtr<N>, *mut N);

fn plain_load<A: Plain>(atomic: &A) -> A::Value {
    atomic.plain_load()
}

fn plain_store<A: Plain>(atomic: &A, value: A::Value) {
    atomic.plain_store(value);
}

impl<T> Drop for Slot<T> {
    fn drop(&mut self) {
        // The last handle is going away: nobody else can access the slot.
        if self.state.load(Ordering::Acquire) & FULL != 0 {
            with_mut!(self.item, |item| {
                // SAFETY: `FULL` means `item` holds a value nobody took.
                unsafe { (*item).assume_init_drop() }
            });
        }
        // The backlog drops its own items; the queue's join it first.
        let mut queued = Backlog::new();
        self.take_queue::<true>(&mut queued);
    }
}

/// Consumer only: the items to yield after `item`'s, oldest first, as a
/// list of the queue's own nodes (no other allocation, and no collection
/// type whose code every stream's crate would compile).
struct Backlog<T> {
    head: *mut Node<T>,
    tail: *mut Node<T>,
    len: usize,
}

impl<T> Backlog<T> {
    const fn new() -> Self {
        Backlog {
            head: ptr::null_mut(),
            tail: ptr::null_mut(),
            len: 0,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.head.is_null()
    }

    /// Appends `stack` (newest first, linked by `next`), oldest first.
    ///
    /// # Safety
    ///
    /// Every node of `stack` was made by `Box::into_raw` and is owned by
    /// the caller, which gives them to the backlog.
    unsafe fn append_stack(&mut self, stack: *mut Node<T>) {
        if stack.is_null() {
            return;
        }
        // Reverse the list in place: `stack` becomes its last node.
        let (mut prev, mut node) = (ptr::null_mut::<Node<T>>(), stack);
        while !node.is_null() {
            // SAFETY: `node` is one of the caller's nodes, ours now.
            let next = unsafe { (*node).next };
            // SAFETY: as above.
            unsafe { (*node).next = prev };
            prev = node;
            node = next;
            self.len += 1;
        }
        if self.tail.is_null() {
            self.head = prev;
        } else {
            // SAFETY: `tail` is the last node of the backlog, which owns it.
            unsafe { (*self.tail).next = prev };
        }
        self.tail = stack;
    }

    /// The oldest item, if any.
    fn pop_front(&mut self) -> Option<T> {
        if self.head.is_null() {
            return None;
        }
        // SAFETY: `head` is a node of the backlog (made by `Box::into_raw`,
        // see `append_stack`), unlinked here and freed once.
        let node = unsafe { Box::from_raw(self.head) };
        self.head = node.next;
        if self.head.is_null() {
            self.tail = ptr::null_mut();
        }
        self.len -= 1;
        Some(node.item)
    }
}

impl<T> Drop for Backlog<T> {
    fn drop(&mut self) {
        while self.pop_front().is_some() {}
    }
}

impl<T> fmt::Debug for Slot<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Slot")
            .field("state", &self.describe())
            .finish()
    }
}

/// A counted handle on a [`Slot`], whose release is out of line and takes
/// the pointer by value. (An `Arc` dropped in place passes the address of
/// the handle to its release path; inside a generator's state or a stream,
/// that address would keep the optimiser from keeping them in registers.
/// And an `Arc`'s code, weak counts included, would be compiled in every
/// crate with a stream.)
///
/// This one is the checked yielder's; the stream's is [`ConsumerRef`].
pub(crate) struct SlotRef<T>(NonNull<Slot<T>>);

/// The stream's counted handle on its [`Slot`]: dropping it closes the slot
/// (dropping every item still waiting) and releases the count.
pub(crate) struct ConsumerRef<T>(NonNull<Slot<T>>);

// SAFETY: a `SlotRef<T>` is a shared, counted handle on a `Slot<T>` (as an
// `Arc` is): `Send` and `Sync` when `Slot<T>` is both, i.e. when `T: Send`.
unsafe impl<T: Send> Send for SlotRef<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for SlotRef<T> {}
// SAFETY: as for `SlotRef`.
unsafe impl<T: Send> Send for ConsumerRef<T> {}
// SAFETY: as for `SlotRef`.
unsafe impl<T: Send> Sync for ConsumerRef<T> {}

/// A new slot, as a raw pointer owning `refs` counts.
fn alloc_slot<T>(refs: u8) -> NonNull<Slot<T>> {
    NonNull::from(Box::leak(Box::new(Slot::new(refs))))
}

impl<T> ConsumerRef<T> {
    /// A new slot with two handles: the stream's and the checked yielder's.
    pub(crate) fn pair() -> (ConsumerRef<T>, SlotRef<T>) {
        let slot = alloc_slot(2);
        (ConsumerRef(slot), SlotRef(slot))
    }
}

impl<T> core::ops::Deref for SlotRef<T> {
    type Target = Slot<T>;

    #[inline]
    fn deref(&self) -> &Slot<T> {
        // SAFETY: the handle holds a count, so the slot is alive.
        unsafe { self.0.as_ref() }
    }
}

impl<T> core::ops::Deref for ConsumerRef<T> {
    type Target = Slot<T>;

    #[inline]
    fn deref(&self) -> &Slot<T> {
        // SAFETY: the handle holds a count, so the slot is alive.
        unsafe { self.0.as_ref() }
    }
}

impl<T> Drop for SlotRef<T> {
    #[inline]
    fn drop(&mut self) {
        release(self.0);
    }
}

impl<T> Drop for ConsumerRef<T> {
    #[inline]
    fn drop(&mut self) {
        close_and_release(self.0);
    }
}

#[inline(never)]
fn release<T>(slot: NonNull<Slot<T>>) {
    // SAFETY: the handle being dropped holds a count, given back exactly
    // once, here.
    let refs = &unsafe { slot.as_ref() }.refs;
    // Release: this handle's accesses to the slot happen before the free
    // (the same protocol as `Arc`'s).
    if refs.fetch_sub(1, Ordering::Release) != 1 {
        return;
    }
    fence(Ordering::Acquire);
    // SAFETY: that was the last count: nobody else can reach the slot,
    // which `alloc_slot` made with `Box`.
    drop(unsafe { Box::from_raw(slot.as_ptr()) });
}

#[inline(never)]
fn close_and_release<T>(slot: NonNull<Slot<T>>) {
    // SAFETY: the handle being dropped holds a count.
    unsafe { slot.as_ref() }.close();
    release(slot);
}

/// A scoped yielder's access to its slot: a plain pointer, valid for as
/// long as the body lives (see [`ScopedSlot::into_consumer`]).
pub(crate) struct ScopedSlot<T>(NonNull<Slot<T>>);

impl<T> Clone for ScopedSlot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ScopedSlot<T> {}

// SAFETY: the pointer is used only while the stream's `ConsumerRef` keeps
// the slot alive, and the slot may be shared across threads when `T: Send`.
unsafe impl<T: Send> Send for ScopedSlot<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for ScopedSlot<T> {}

impl<T> ScopedSlot<T> {
    /// A new slot for a stream with a scoped yielder. Its one count is
    /// owned by nobody until [`into_consumer`](Self::into_consumer) gives it
    /// to the stream (until then, there is no handle to drop: a slot that
    /// never gets there leaks).
    #[inline(never)]
    pub(crate) fn new_slot() -> Self {
        ScopedSlot(alloc_slot(1))
    }

    /// The stream's handle on the slot, which takes over its count.
    ///
    /// # Safety
    ///
    /// At most once per slot (from [`new_slot`](Self::new_slot)). The
    /// `ScopedSlot` copies must be used only while the returned handle is
    /// alive, and only inside a poll or the drop of the body of its stream
    /// (module docs, "Scoped").
    #[inline(always)]
    pub(crate) unsafe fn into_consumer(self) -> ConsumerRef<T> {
        ConsumerRef(self.0)
    }

    #[inline]
    pub(crate) fn get(&self) -> &Slot<T> {
        // SAFETY: `into_consumer`'s contract: the slot is alive while this
        // is used.
        unsafe { self.0.as_ref() }
    }
}
