//! The API of the concurrent sets that migrating code relies on: `clear`
//! resets `is_terminated`, `SelectAll`'s named iterators, the accessors of
//! the `try_*` buffering adapters, `FuturesOrdered::clear` and
//! `with_capacity`.

use core::future::{Ready, ready};
use core::pin::{Pin, pin};
use core::task::Poll;

use rill_combinators::stream::{self, FuturesOrdered, FuturesUnordered, SelectAll, StreamMap};
use rill_combinators::{StreamExt, TryStreamExt};
use rill_core::{FusedStream, Stream};
use rill_test::block_on;

#[test]
fn futures_unordered_clear_resets_is_terminated() {
    let mut set: FuturesUnordered<Ready<u8>> = [1, 2].into_iter().map(ready).collect();
    assert_eq!(block_on((&mut set).collect::<Vec<_>>()).len(), 2);
    assert!(set.is_terminated());
    set.clear();
    assert!(!set.is_terminated(), "futures-util resets it on clear");
    // An empty set reports its end again when polled.
    assert_eq!(rill_test::poll_next_once(&mut set), Poll::Ready(None));
    assert!(set.is_terminated());
    set.push(ready(9));
    assert!(!set.is_terminated());
    set.clear();
    assert!(set.is_empty());
    assert!(!set.is_terminated());
}

#[test]
fn select_all_clear_resets_is_terminated() {
    let mut all = stream::select_all([stream::iter(0..2)]);
    assert_eq!(block_on((&mut all).count()), 2);
    assert!(all.is_terminated());
    all.clear();
    assert!(!all.is_terminated());
    all.push(stream::iter(5..6));
    all.clear();
    assert!(all.is_empty());
    assert_eq!(block_on(all.next()), None);
    assert!(all.is_terminated());
}

#[test]
fn stream_map_clear_resets_is_terminated() {
    let mut map = StreamMap::new();
    map.insert('a', stream::iter(0..1));
    assert_eq!(block_on((&mut map).count()), 1);
    assert!(map.is_terminated());
    map.clear();
    assert!(!map.is_terminated());
}

#[test]
fn select_all_iterators_are_named_and_end_their_borrow() {
    let mut all: SelectAll<_> = stream::select_all([stream::iter(0..2), stream::iter(2..5)]);
    // A named iterator type can be stored, and its borrow ends at its last
    // use: the set can be polled right after (an opaque `impl Iterator`
    // would keep `all` borrowed to the end of the scope).
    let it: stream::select_all::Iter<'_, _> = all.iter();
    assert_eq!(it.len(), 2);
    let first = rill_test::poll_next_once(&mut all);
    assert!(matches!(first, Poll::Ready(Some(_))));

    let lens: Vec<usize> = (&all).into_iter().map(|s| s.get_ref().len()).collect();
    assert_eq!(lens.iter().sum::<usize>(), 4);

    let mut mut_it: stream::select_all::IterMut<'_, _> = all.iter_mut();
    assert_eq!(mut_it.len(), 2);
    let s = mut_it.next().expect("two streams");
    let _ = s.get_mut().next();
    for s in &mut all {
        let _ = s.get_mut().next();
    }
    // 5 items, one polled out, the first stream (1 left) emptied by `mut_it`,
    // then one more from the second by the loop.
    let left: usize = all.iter().map(|s| s.get_ref().len()).sum();
    assert_eq!(left, 2);

    let into: stream::select_all::IntoIter<_> = all.into_iter();
    assert_eq!(into.len(), 2);
    assert!(format!("{into:?}").contains("IntoIter"));
}

#[test]
fn futures_unordered_and_select_all_share_iterator_types() {
    let set: FuturesUnordered<Ready<u8>> = [1].into_iter().map(ready).collect();
    let it: rill_combinators::stream::futures_unordered::Iter<'_, Ready<u8>> = set.iter();
    let same: rill_combinators::stream::select_all::Iter<'_, Ready<u8>> = it.clone();
    assert_eq!(same.len(), 1);
    assert_eq!(format!("{it:?}"), "Iter { len: 1 }");
}

type Job = Ready<Result<u8, ()>>;

fn jobs() -> impl Stream<Item = Result<Job, ()>> + Unpin {
    stream::iter([Ok(ready(Ok(1))), Ok(ready(Ok(2))), Ok(ready(Ok(3)))])
}

#[test]
fn try_buffered_has_all_four_accessors() {
    let mut s = jobs().try_buffered(2);
    assert_eq!(s.get_ref().size_hint(), (3, Some(3)));
    assert!(block_on(s.get_mut().next()).is_some());
    assert_eq!(s.get_ref().size_hint(), (2, Some(2)));
    let mut pinned = pin!(s);
    assert_eq!(pinned.as_mut().get_pin_mut().size_hint(), (2, Some(2)));
    assert_eq!(
        block_on(pinned.as_mut().collect::<Vec<_>>()),
        [Ok(2), Ok(3)]
    );
    let s = jobs().try_buffered(2);
    assert_eq!(block_on(s.into_inner().count()), 3);
}

#[test]
fn try_buffer_unordered_has_all_four_accessors() {
    let mut s = jobs().try_buffer_unordered(2);
    assert!(block_on(s.get_mut().next()).is_some());
    assert_eq!(s.get_ref().size_hint(), (2, Some(2)));
    let mut pinned = pin!(s);
    assert_eq!(pinned.as_mut().get_pin_mut().size_hint(), (2, Some(2)));
    let mut out = block_on(pinned.as_mut().collect::<Vec<_>>());
    out.sort();
    assert_eq!(out, [Ok(2), Ok(3)]);
}

#[test]
fn try_flatten_unordered_has_all_four_accessors() {
    let inner = |x: u8| stream::iter([Ok::<u8, ()>(x)]);
    let mut s = stream::iter([Ok(inner(1)), Ok(inner(2))]).try_flatten_unordered(None);
    assert!(block_on(s.get_mut().next()).is_some());
    assert_eq!(s.get_ref().size_hint(), (1, Some(1)));
    let mut pinned = pin!(s);
    assert_eq!(pinned.as_mut().get_pin_mut().size_hint(), (1, Some(1)));
    assert_eq!(block_on(pinned.as_mut().collect::<Vec<_>>()), [Ok(2)]);
}

#[test]
fn futures_ordered_clear_and_with_capacity() {
    let mut q: FuturesOrdered<Ready<u8>> = FuturesOrdered::with_capacity(100);
    assert!(q.is_empty());
    q.extend([1, 2, 3].map(ready));
    assert_eq!(block_on(q.next()), Some(1));
    q.clear();
    assert!(q.is_empty());
    assert_eq!(q.size_hint(), (0, Some(0)));
    assert!(!q.is_terminated());
    // Order starts afresh after a clear, at the front and at the back.
    q.push_back(ready(8));
    q.push_front(ready(7));
    q.push_back(ready(9));
    assert_eq!(block_on((&mut q).collect::<Vec<_>>()), [7, 8, 9]);
    assert!(q.is_terminated());
    q.clear();
    assert!(!q.is_terminated());
}

#[test]
fn futures_ordered_clear_drops_waiting_outputs_and_futures_in_flight() {
    use std::rc::Rc;
    let token = Rc::new(());
    let mut q = FuturesOrdered::new();
    // The first never completes, so the second's output waits in the heap.
    let held = token.clone();
    q.push_back(Box::pin(async move {
        let _held = held;
        core::future::pending::<Rc<()>>().await
    }) as Pin<Box<dyn Future<Output = Rc<()>>>>);
    let waiting = token.clone();
    q.push_back(Box::pin(async move { waiting }));
    assert_eq!(rill_test::poll_next_once(&mut q), Poll::Pending);
    assert_eq!(q.len(), 2);
    assert_eq!(Rc::strong_count(&token), 3);
    q.clear();
    assert_eq!(Rc::strong_count(&token), 1, "both dropped by clear");
}
