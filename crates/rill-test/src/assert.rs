use core::future::Future;
use core::pin::Pin;
use core::task::Poll;

use rill_core::Stream;

/// Polls a future once with a no-op waker and returns what it returned.
///
/// The future must be `Unpin`: pass a `Pin<&mut F>` (from
/// `core::pin::pin!`) or a `Pin<Box<F>>` for one that is not. Use it to
/// show that a future waits (`Pending`) or is done, without a runtime and
/// without timing; the no-op waker means a wake-up it arranges is lost, so
/// poll again by hand.
///
/// ```
/// use core::pin::pin;
/// use core::task::Poll;
///
/// assert_eq!(rill_test::poll_once(&mut core::future::ready(3)), Poll::Ready(3));
/// let mut never = pin!(core::future::pending::<u8>());
/// assert!(rill_test::poll_once(&mut never).is_pending());
/// ```
pub fn poll_once<F: Future + Unpin + ?Sized>(future: &mut F) -> Poll<F::Output> {
    Pin::new(future).poll(&mut crate::noop_context())
}

/// Polls a stream once with a no-op waker and returns what it returned:
/// what [`assert_stream_next!`](crate::assert_stream_next) and its
/// siblings check, for a test that wants the `Poll` itself.
///
/// The stream must be `Unpin` (pass `Pin<&mut S>` or `Pin<Box<S>>`
/// otherwise).
///
/// ```
/// use core::task::Poll;
///
/// let mut s = rill_test::TestSource::new([7]).pending(true);
/// assert_eq!(rill_test::poll_next_once(&mut s), Poll::Pending);
/// assert_eq!(rill_test::poll_next_once(&mut s), Poll::Ready(Some(7)));
/// assert_eq!(rill_test::poll_next_once(&mut Box::pin(s)), Poll::Pending);
/// ```
pub fn poll_next_once<S: Stream + Unpin + ?Sized>(stream: &mut S) -> Poll<Option<S::Item>> {
    Pin::new(stream).poll_next(&mut crate::noop_context())
}

/// Asserts that polling the stream once yields `Poll::Ready(Some(item))` with
/// an item equal to the given one.
///
/// The stream must be `Unpin` (pin it with `core::pin::pin!` or `Box::pin`
/// first otherwise); it is polled through a mutable reference with a no-op
/// waker. Panics with a message naming what the stream returned instead.
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Ones;
/// # impl rill_core::Stream for Ones {
/// #     type Item = u8;
/// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         Poll::Ready(Some(1))
/// #     }
/// # }
/// let mut s = Ones;
/// rill_test::assert_stream_next!(s, 1);
/// ```
#[macro_export]
macro_rules! assert_stream_next {
    ($stream:expr, $item:expr $(,)?) => {
        match $crate::poll_next_once(&mut $stream) {
            ::core::task::Poll::Ready(::core::option::Option::Some(got)) => {
                ::core::assert_eq!(
                    got,
                    $item,
                    "assert_stream_next!: the stream yielded another item"
                );
            }
            ::core::task::Poll::Ready(::core::option::Option::None) => ::core::panic!(
                "assert_stream_next!: expected an item, but the stream ended (Ready(None))"
            ),
            ::core::task::Poll::Pending => {
                ::core::panic!("assert_stream_next!: expected an item, but the stream is pending")
            }
        }
    };
}

/// Asserts that polling the stream once returns `Poll::Pending`.
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Never;
/// # impl rill_core::Stream for Never {
/// #     type Item = u8;
/// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         Poll::Pending
/// #     }
/// # }
/// let mut s = Never;
/// rill_test::assert_stream_pending!(s);
/// ```
#[macro_export]
macro_rules! assert_stream_pending {
    ($stream:expr $(,)?) => {
        match $crate::poll_next_once(&mut $stream) {
            ::core::task::Poll::Pending => {}
            ::core::task::Poll::Ready(::core::option::Option::Some(_)) => ::core::panic!(
                "assert_stream_pending!: expected Pending, but the stream yielded an item"
            ),
            ::core::task::Poll::Ready(::core::option::Option::None) => ::core::panic!(
                "assert_stream_pending!: expected Pending, but the stream ended (Ready(None))"
            ),
        }
    };
}

/// Asserts that polling the stream once returns `Poll::Ready(None)`.
///
/// ```
/// # use core::{pin::Pin, task::{Context, Poll}};
/// # struct Done;
/// # impl rill_core::Stream for Done {
/// #     type Item = u8;
/// #     fn poll_next(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u8>> {
/// #         Poll::Ready(None)
/// #     }
/// # }
/// let mut s = Done;
/// rill_test::assert_stream_done!(s);
/// ```
#[macro_export]
macro_rules! assert_stream_done {
    ($stream:expr $(,)?) => {
        match $crate::poll_next_once(&mut $stream) {
            ::core::task::Poll::Ready(::core::option::Option::None) => {}
            ::core::task::Poll::Ready(::core::option::Option::Some(_)) => ::core::panic!(
                "assert_stream_done!: expected the end (Ready(None)), but the stream yielded an item"
            ),
            ::core::task::Poll::Pending => ::core::panic!(
                "assert_stream_done!: expected the end (Ready(None)), but the stream is pending"
            ),
        }
    };
}

/// Asserts that a [`FusedStream`](rill_core::FusedStream) ends at this
/// poll and stays ended: `is_terminated()` is `false`, polling once returns
/// `Poll::Ready(None)`, `is_terminated()` is then `true`, and polling again
/// returns `Poll::Ready(None)` again.
///
/// The end of the `FusedStream` contract, in one line (`is_terminated` is
/// true only after `Ready(None)` was returned). Panics with a message naming
/// the step that failed.
///
/// ```
/// use rill_test::{TestSource, assert_stream_next, assert_stream_terminates};
///
/// let mut s = TestSource::new([1]);
/// assert_stream_next!(s, 1);
/// // No item is left (`size_hint` says so), but the end was not returned yet.
/// assert_eq!(rill_core::Stream::size_hint(&s), (0, Some(0)));
/// assert_stream_terminates!(s);
/// ```
///
/// ```should_panic
/// // A source that already returned `Ready(None)` is terminated: the first
/// // check fails.
/// let mut s = rill_test::TestSource::<u8>::new([]);
/// rill_test::assert_stream_done!(s);
/// rill_test::assert_stream_terminates!(s);
/// ```
#[macro_export]
macro_rules! assert_stream_terminates {
    ($stream:expr $(,)?) => {{
        ::core::assert!(
            !$crate::__private::FusedStream::is_terminated(&$stream),
            "assert_stream_terminates!: is_terminated() is true before the stream returned Ready(None)"
        );
        $crate::assert_stream_done!($stream);
        ::core::assert!(
            $crate::__private::FusedStream::is_terminated(&$stream),
            "assert_stream_terminates!: is_terminated() is false after the stream returned Ready(None)"
        );
        $crate::assert_stream_done!($stream);
    }};
}
