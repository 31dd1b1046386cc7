//! The `stream_select!` macro: futures-util's, without a proc macro and
//! without a type of its own (it nests `select_with_strategy`).

/// Merges two or more streams with the same item type, of any types (no
/// boxing, no allocation), into one stream that yields each item as soon as
/// it is ready: futures-util's `stream_select!`.
///
/// The streams are polled in rotation: while all are live and several have
/// items ready they take turns, one item each, in argument order
/// (futures-util picks one at random). Once some have ended the rotation is
/// no longer strict (the streams after an ended one share its turns), but
/// every live stream keeps getting turns: none starves. A stream that ends
/// is not polled again; the merged stream
/// ends when all have ended and is fused. `size_hint` adds the hints of the
/// live streams. The streams need not be `Unpin` (futures-util requires
/// it). With fewer than two streams it does not compile.
///
/// It expands to nested [`select`](crate::stream::select) /
/// [`select_with_strategy`](crate::stream::select_with_strategy) calls, so
/// its type cannot be named; box it (`.boxed()`) to store it.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream, stream_select};
///
/// let letters = stream::iter(['a', 'b']).map(String::from);
/// let digits = stream::iter(1..=3).map(|n| n.to_string());
/// let words = stream::once(async { String::from("end") });
/// let all = stream_select!(letters, digits, words);
/// let got: Vec<String> = rill_test::block_on(all.collect());
/// assert_eq!(got, ["a", "1", "end", "b", "2", "3"]);
/// ```
#[macro_export]
macro_rules! stream_select {
    () => {
        ::core::compile_error!("`stream_select!` needs at least two streams")
    };
    ($only:expr $(,)?) => {
        ::core::compile_error!("`stream_select!` needs at least two streams")
    };
    ($first:expr, $second:expr $(,)?) => {
        $crate::stream::select($first, $second)
    };
    ($first:expr, $($rest:expr),+ $(,)?) => {
        $crate::stream::select_with_strategy(
            $first,
            $crate::stream_select!($($rest),+),
            $crate::__private::rotate(1 + [$(::core::stringify!($rest)),+].len()),
        )
    };
}

/// The strategy of one level of `stream_select!` over `n` streams: the
/// first stream is tried first once every `n` polls, the others (one
/// nested level) the rest of the time, so that all take turns.
#[doc(hidden)]
pub fn rotate(n: usize) -> impl FnMut(&mut usize) -> crate::stream::PollNext {
    move |turn: &mut usize| {
        let first = *turn == 0;
        *turn = (*turn + 1) % n;
        if first {
            crate::stream::PollNext::Left
        } else {
            crate::stream::PollNext::Right
        }
    }
}
