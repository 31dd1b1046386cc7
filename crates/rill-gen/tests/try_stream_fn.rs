//! `try_stream_fn`: items, errors at every position, `?` with `From`.

use core::future::{Future, poll_fn};
use core::pin::{Pin, pin};
use core::task::Poll;

use rill_core::{FusedStream, Stream};
use rill_gen::{TryStreamFn, Yielder, try_stream_fn};
use rill_test::{assert_stream_done, assert_stream_next, check_fused_stream};

#[derive(Debug, PartialEq)]
enum Error {
    Parse(String),
    Other(&'static str),
}

impl From<std::num::ParseIntError> for Error {
    fn from(e: std::num::ParseIntError) -> Self {
        Error::Parse(e.to_string())
    }
}

/// Parses each word and yields it; fails at the first word that is not a
/// number (through `?` and `From`).
fn parse_all(
    words: &'static [&'static str],
) -> TryStreamFn<i32, Error, impl Future<Output = Result<(), Error>>> {
    try_stream_fn(move |mut y| async move {
        for w in words {
            let n: i32 = w.parse()?;
            y.yield_item(n).await;
        }
        Ok(())
    })
}

fn parse_error(word: &str) -> Error {
    Error::Parse(word.parse::<i32>().unwrap_err().to_string())
}

#[test]
fn all_ok() {
    assert_eq!(
        check_fused_stream(|| parse_all(&["1", "2", "3"])),
        [Ok(1), Ok(2), Ok(3)]
    );
    assert!(check_fused_stream(|| parse_all(&[])).is_empty());
}

#[test]
fn error_first() {
    assert_eq!(
        check_fused_stream(|| parse_all(&["x", "2"])),
        [Err(parse_error("x"))]
    );
}

#[test]
fn error_in_the_middle_ends_the_stream() {
    assert_eq!(
        check_fused_stream(|| parse_all(&["1", "x", "3", "y"])),
        [Ok(1), Err(parse_error("x"))]
    );
}

#[test]
fn error_last() {
    assert_eq!(
        check_fused_stream(|| parse_all(&["1", "2", ""])),
        [Ok(1), Ok(2), Err(parse_error(""))]
    );
}

#[test]
fn error_returned_after_all_items() {
    let make = || {
        try_stream_fn(|mut y| async move {
            y.yield_item(1u8).await;
            y.yield_item(2).await;
            Err(Error::Other("late"))
        })
    };
    assert_eq!(
        check_fused_stream(make),
        [Ok(1), Ok(2), Err(Error::Other("late"))]
    );
}

#[test]
fn size_hint_while_the_error_is_pending() {
    let mut s = pin!(try_stream_fn(|mut y| async move {
        y.yield_item(7u8).await;
        Err("no")
    }));
    assert_eq!(s.size_hint(), (0, None));
    assert_stream_next!(s, Ok(7));
    assert_stream_next!(s, Err("no"));
    assert_eq!(s.size_hint(), (0, Some(0)));
    assert!(!s.is_terminated());
    assert_stream_done!(s);
    assert!(s.is_terminated());
    assert_stream_done!(s);
}

#[test]
fn item_handed_over_in_the_failing_poll_comes_before_the_error() {
    let make = || {
        try_stream_fn(|mut y: Yielder<u8>| async move {
            let mut fut = y.yield_item(1);
            poll_fn(|cx| {
                assert!(Pin::new(&mut fut).poll(cx).is_pending());
                Poll::Ready(())
            })
            .await;
            Err("after")
        })
    };
    assert_eq!(check_fused_stream(make), [Ok(1), Err("after")]);

    // The size hint knows the error is still to come.
    let mut s = pin!(make());
    assert_stream_next!(s, Ok(1));
    assert_eq!(s.size_hint(), (1, Some(1)));
}

#[test]
fn debug_output() {
    let s = parse_all(&["1"]);
    let text = format!("{s:?}");
    assert!(text.starts_with("TryStreamFn"), "{text}");
    assert!(text.contains("error_pending: false"), "{text}");
}
