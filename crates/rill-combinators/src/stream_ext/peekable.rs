use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, ready};

use pin_project_lite::pin_project;
use rill_core::{FusedFuture, FusedStream, Stream};

pin_project! {
    /// Stream for [`StreamExt::peekable`](crate::StreamExt::peekable): lets
    /// the caller look at the next item without taking it.
    ///
    /// The adapter is fused: once the inner stream ended, it is never polled
    /// again.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter(1..=3).peekable());
    ///     assert_eq!(s.as_mut().peek().await, Some(&1));
    ///     // The peeked item is still counted.
    ///     assert_eq!(s.size_hint(), (3, Some(3)));
    /// });
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Peekable<St>
    where
        St: Stream,
    {
        #[pin]
        stream: St,
        peeked: Option<St::Item>,
        // The inner stream returned `Ready(None)` (maybe to a peek).
        stream_done: bool,
        // This adapter returned `Ready(None)`.
        ended: bool,
    }
}

impl<St> fmt::Debug for Peekable<St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Peekable")
            .field("stream", &self.stream)
            .field("peeked", &self.peeked)
            .field("stream_done", &self.stream_done)
            .finish()
    }
}

delegate_access!(
    Peekable<St>,
    stream: St,
    example: "stream::iter(vec![1u8, 2, 3]).peekable()", where St: Stream
);

impl<St: Stream> Peekable<St> {
    pub(crate) fn new(stream: St) -> Self {
        Peekable {
            stream,
            peeked: None,
            stream_done: false,
            ended: false,
        }
    }

    /// Returns a future that resolves to a reference to the next item (or
    /// `None` at the end) without taking it: the next poll of the stream
    /// yields that item.
    ///
    /// Panics if the future is polled again after it resolved.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter(["a"]).peekable());
    ///     assert_eq!(s.as_mut().peek().await, Some(&"a"));
    ///     assert_eq!(s.as_mut().peek().await, Some(&"a"));
    ///     assert_eq!(s.next().await, Some("a"));
    ///     assert_eq!(s.as_mut().peek().await, None);
    /// });
    /// ```
    pub fn peek(self: Pin<&mut Self>) -> Peek<'_, St> {
        Peek {
            peekable: Some(self),
        }
    }

    /// Returns a future that resolves to a mutable reference to the next
    /// item (or `None` at the end); a change made through it is what the
    /// stream yields next.
    ///
    /// Panics if the future is polled again after it resolved.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter([1, 2]).peekable());
    ///     if let Some(first) = s.as_mut().peek_mut().await {
    ///         *first = 10;
    ///     }
    ///     assert_eq!(s.collect::<Vec<_>>().await, [10, 2]);
    /// });
    /// ```
    pub fn peek_mut(self: Pin<&mut Self>) -> PeekMut<'_, St> {
        PeekMut {
            peekable: Some(self),
        }
    }

    /// Polls for the next item without taking it: `Ready(Some(&item))`
    /// once it is there, `Ready(None)` at the end.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let mut s = core::pin::pin!(stream::iter([7]).peekable());
    /// let mut cx = rill_test::noop_context();
    /// assert_eq!(s.as_mut().poll_peek(&mut cx), Poll::Ready(Some(&7)));
    /// assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(7)));
    /// assert_eq!(s.as_mut().poll_peek(&mut cx), Poll::Ready(None));
    /// ```
    pub fn poll_peek(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<&St::Item>> {
        self.poll_peek_mut(cx).map(|item| item.map(|item| &*item))
    }

    /// Polls for the next item without taking it, like
    /// [`poll_peek`](Self::poll_peek), and gives a mutable reference to it.
    ///
    /// ```
    /// use core::task::Poll;
    /// use rill_combinators::{StreamExt, stream};
    /// use rill_core::Stream as _;
    ///
    /// let mut s = core::pin::pin!(stream::iter([7]).peekable());
    /// let mut cx = rill_test::noop_context();
    /// if let Poll::Ready(Some(item)) = s.as_mut().poll_peek_mut(&mut cx) {
    ///     *item += 1;
    /// }
    /// assert_eq!(s.as_mut().poll_next(&mut cx), Poll::Ready(Some(8)));
    /// ```
    pub fn poll_peek_mut(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<&mut St::Item>> {
        let this = self.project();
        if this.peeked.is_none() && !*this.stream_done {
            match ready!(this.stream.poll_next(cx)) {
                Some(item) => *this.peeked = Some(item),
                None => *this.stream_done = true,
            }
        }
        Poll::Ready(this.peeked.as_mut())
    }

    /// Returns a future that resolves to the next item if `func` returns
    /// `true` for it, and to `None` otherwise (the item then stays and is
    /// yielded next) or at the end.
    ///
    /// Panics if the future is polled again after it resolved.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter([0, 1, 2]).peekable());
    ///     assert_eq!(s.as_mut().next_if(|&x| x == 0).await, Some(0));
    ///     assert_eq!(s.as_mut().next_if(|&x| x == 0).await, None);
    ///     assert_eq!(s.next().await, Some(1));
    /// });
    /// ```
    pub fn next_if<F>(self: Pin<&mut Self>, func: F) -> NextIf<'_, St, F>
    where
        F: FnOnce(&St::Item) -> bool,
    {
        NextIf {
            peekable: self,
            func: Some(func),
        }
    }

    /// Returns a future that resolves to the next item if it equals
    /// `expected`, and to `None` otherwise (the item then stays) or at the
    /// end.
    ///
    /// Panics if the future is polled again after it resolved.
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// rill_test::block_on(async {
    ///     let mut s = core::pin::pin!(stream::iter(["a", "b"]).peekable());
    ///     assert_eq!(s.as_mut().next_if_eq(&"b").await, None);
    ///     assert_eq!(s.as_mut().next_if_eq(&"a").await, Some("a"));
    ///     assert_eq!(s.next().await, Some("b"));
    /// });
    /// ```
    pub fn next_if_eq<'a, T>(self: Pin<&'a mut Self>, expected: &'a T) -> NextIfEq<'a, St, T>
    where
        T: ?Sized,
        St::Item: PartialEq<T>,
    {
        NextIfEq {
            peekable: self,
            expected: Some(expected),
        }
    }

    /// Once an item was peeked (or the end seen), takes the item if `func`
    /// accepts it.
    fn take_peeked_if(
        self: Pin<&mut Self>,
        func: impl FnOnce(&St::Item) -> bool,
    ) -> Option<St::Item> {
        let peeked = self.project().peeked;
        if peeked.as_ref().is_some_and(func) {
            peeked.take()
        } else {
            None
        }
    }
}

impl<St: Stream> Stream for Peekable<St> {
    type Item = St::Item;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<St::Item>> {
        let this = self.project();
        if let Some(item) = this.peeked.take() {
            return Poll::Ready(Some(item));
        }
        if !*this.stream_done {
            if let Some(item) = ready!(this.stream.poll_next(cx)) {
                return Poll::Ready(Some(item));
            }
            *this.stream_done = true;
        }
        *this.ended = true;
        Poll::Ready(None)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let peeked = usize::from(self.peeked.is_some());
        if self.stream_done {
            return (peeked, Some(peeked));
        }
        let (lower, upper) = self.stream.size_hint();
        (
            lower.saturating_add(peeked),
            upper.and_then(|u| u.checked_add(peeked)),
        )
    }
}

impl<St: Stream> FusedStream for Peekable<St> {
    fn is_terminated(&self) -> bool {
        self.ended
    }
}

/// Future for [`Peekable::peek`]: resolves to a reference to the next item.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = core::pin::pin!(stream::iter([5]).peekable());
/// let peek = s.as_mut().peek();
/// assert_eq!(rill_test::block_on(peek), Some(&5));
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Peek<'a, St: Stream> {
    peekable: Option<Pin<&'a mut Peekable<St>>>,
}

/// Future for [`Peekable::peek_mut`]: resolves to a mutable reference to
/// the next item.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = core::pin::pin!(stream::iter([5]).peekable());
/// let peek = s.as_mut().peek_mut();
/// assert_eq!(rill_test::block_on(peek), Some(&mut 5));
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct PeekMut<'a, St: Stream> {
    peekable: Option<Pin<&'a mut Peekable<St>>>,
}

/// Future for [`Peekable::next_if`]: resolves to the next item if a
/// predicate accepts it.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = core::pin::pin!(stream::iter([5]).peekable());
/// let next = s.as_mut().next_if(|x| *x > 3);
/// assert_eq!(rill_test::block_on(next), Some(5));
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct NextIf<'a, St: Stream, F> {
    peekable: Pin<&'a mut Peekable<St>>,
    func: Option<F>,
}

/// Future for [`Peekable::next_if_eq`]: resolves to the next item if it
/// equals the expected value.
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let mut s = core::pin::pin!(stream::iter([5]).peekable());
/// let next = s.as_mut().next_if_eq(&4);
/// assert_eq!(rill_test::block_on(next), None);
/// ```
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct NextIfEq<'a, St: Stream, T: ?Sized> {
    peekable: Pin<&'a mut Peekable<St>>,
    expected: Option<&'a T>,
}

// None of these futures pins anything of its own: the `Peekable` is pinned
// through the `Pin<&mut _>` they hold, and the closure is only ever moved.
impl<St: Stream, F> Unpin for NextIf<'_, St, F> {}

impl<St> fmt::Debug for Peek<'_, St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Peek")
            .field("peekable", &self.peekable)
            .finish()
    }
}

impl<St> fmt::Debug for PeekMut<'_, St>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PeekMut")
            .field("peekable", &self.peekable)
            .finish()
    }
}

impl<St, F> fmt::Debug for NextIf<'_, St, F>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NextIf")
            .field("peekable", &self.peekable)
            .finish()
    }
}

impl<St, T> fmt::Debug for NextIfEq<'_, St, T>
where
    St: Stream + fmt::Debug,
    St::Item: fmt::Debug,
    T: fmt::Debug + ?Sized,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NextIfEq")
            .field("peekable", &self.peekable)
            .field("expected", &self.expected)
            .finish()
    }
}

impl<'a, St: Stream> Future for Peek<'a, St> {
    type Output = Option<&'a St::Item>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let peekable = self
            .peekable
            .as_mut()
            .expect("`Peek` polled after it completed");
        ready!(peekable.as_mut().poll_peek(cx));
        // Ready now, and ready again at once: this poll hands out the
        // reference for the whole lifetime `'a`.
        let peekable = self.peekable.take().expect("checked above");
        peekable.poll_peek(cx)
    }
}

impl<'a, St: Stream> Future for PeekMut<'a, St> {
    type Output = Option<&'a mut St::Item>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let peekable = self
            .peekable
            .as_mut()
            .expect("`PeekMut` polled after it completed");
        ready!(peekable.as_mut().poll_peek_mut(cx));
        let peekable = self.peekable.take().expect("checked above");
        peekable.poll_peek_mut(cx)
    }
}

impl<St: Stream, F> Future for NextIf<'_, St, F>
where
    F: FnOnce(&St::Item) -> bool,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        assert!(this.func.is_some(), "`NextIf` polled after it completed");
        ready!(this.peekable.as_mut().poll_peek(cx));
        let func = this.func.take().expect("checked above");
        Poll::Ready(this.peekable.as_mut().take_peeked_if(func))
    }
}

impl<St, T> Future for NextIfEq<'_, St, T>
where
    St: Stream,
    St::Item: PartialEq<T>,
    T: ?Sized,
{
    type Output = Option<St::Item>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        assert!(
            this.expected.is_some(),
            "`NextIfEq` polled after it completed"
        );
        ready!(this.peekable.as_mut().poll_peek(cx));
        let expected = this.expected.take().expect("checked above");
        Poll::Ready(
            this.peekable
                .as_mut()
                .take_peeked_if(|item| item == expected),
        )
    }
}

/// Terminated once it resolved.
impl<St: Stream> FusedFuture for Peek<'_, St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.peekable.is_none()
    }
}

/// Terminated once it resolved.
impl<St: Stream> FusedFuture for PeekMut<'_, St> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.peekable.is_none()
    }
}

/// Terminated once it resolved (the closure was called).
impl<St: Stream, F> FusedFuture for NextIf<'_, St, F>
where
    F: FnOnce(&St::Item) -> bool,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.func.is_none()
    }
}

/// Terminated once it resolved.
impl<St, T> FusedFuture for NextIfEq<'_, St, T>
where
    St: Stream,
    St::Item: PartialEq<T>,
    T: ?Sized,
{
    #[inline]
    fn is_terminated(&self) -> bool {
        self.expected.is_none()
    }
}
