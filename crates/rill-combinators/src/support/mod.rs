//! The helpers that the adapters and consumers of both extension traits
//! (`StreamExt`, `TryStreamExt`) share, so that each combinator's file says
//! only what it does with an item:
//!
//! - `drive`: the poll loops of the consuming futures (`fold`, `any`,
//!   `try_fold`, `try_all`, ...) and of the adapters that run one future
//!   per item (`and_then`, `or_else`, `try_filter_map`);
//! - `pending_check`: the item waiting for its predicate's verdict in
//!   `filter`, `skip_while`, `take_while` and their `try_` forms;
//! - below: `size_hint` arithmetic and the one-to-one map of `Result`
//!   items (`map_ok`, `map_err`, `err_into`, ...).
//!
//! Helpers that serve one family of one trait stay next to it
//! (`stream_ext/pairs.rs` for `cmp`/`eq`/`lt`/..., `stream_ext/best.rs` for
//! `min`/`max`, ...).

pub(crate) mod drive;
pub(crate) mod pending_check;

pub(crate) use drive::{Drive, TryDrive, poll_items, poll_then};
pub(crate) use pending_check::PendingCheck;

use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::TryStream;

/// One poll of an adapter that maps every `Result` item of a stream to one
/// output (`map_ok`, `map_err`, `err_into`, `ok_into`, `inspect_ok`,
/// `inspect_err`): the item, if the stream gives one, goes through `map`.
/// (These adapters cannot be `StreamExt::map` with a named closure type:
/// on stable Rust a named type cannot implement `FnMut`.)
#[inline]
pub(crate) fn poll_map_result<St: TryStream, T>(
    stream: Pin<&mut St>,
    cx: &mut Context<'_>,
    map: impl FnOnce(Result<St::Ok, St::Error>) -> T,
) -> Poll<Option<T>> {
    stream.try_poll_next(cx).map(|item| item.map(map))
}

/// The most `try_chunks` and `try_ready_chunks` reserve up front for one
/// chunk, so that a huge capacity (`try_chunks(usize::MAX)`) does not
/// allocate (or abort) before any item came. (`chunks` and `ready_chunks`
/// keep their own limit, in `stream_ext/chunks.rs`.)
#[cfg(feature = "alloc")]
pub(crate) const MAX_PREALLOC: usize = 4096;

/// A stream's `size_hint` with one more item that the adapter holds (an
/// item or a future that will become one) when `held` is true.
pub(crate) fn hint_plus(
    (lower, upper): (usize, Option<usize>),
    held: bool,
) -> (usize, Option<usize>) {
    let held = usize::from(held);
    (
        lower.saturating_add(held),
        upper.and_then(|n| n.checked_add(held)),
    )
}
