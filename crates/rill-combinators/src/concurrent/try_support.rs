//! Pieces that let the `try_*` concurrent adapters run on the plain ones:
//! a `TryStream` seen as a stream of work items, where an input error
//! becomes a work item that yields the error.

use core::fmt;
use core::pin::Pin;
use core::task::{Context, Poll};

use rill_core::{Stream, TryStream};

pin_project_lite::pin_project! {
    /// The items of a `TryStream`, each turned into `T` by `f`.
    pub(crate) struct MapTry<St: TryStream, T> {
        #[pin]
        pub(crate) stream: St,
        f: fn(Result<St::Ok, St::Error>) -> T,
    }
}

impl<St: TryStream, T> MapTry<St, T> {
    pub(crate) fn new(stream: St, f: fn(Result<St::Ok, St::Error>) -> T) -> Self {
        Self { stream, f }
    }
}

impl<St: TryStream, T> Stream for MapTry<St, T> {
    type Item = T;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let this = self.project();
        let f = *this.f;
        this.stream.try_poll_next(cx).map(|item| item.map(f))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<St: TryStream + fmt::Debug, T> fmt::Debug for MapTry<St, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.stream.fmt(f)
    }
}

pin_project_lite::pin_project! {
    /// A future of the input, or an input error to hand out as its output.
    #[project = OkOrErrProj]
    pub(crate) enum OkOrErr<F, E> {
        Ok { #[pin] future: F },
        Err { error: Option<E> },
    }
}

impl<F, E> OkOrErr<F, E> {
    pub(crate) fn new(item: Result<F, E>) -> Self {
        match item {
            Ok(future) => OkOrErr::Ok { future },
            Err(error) => OkOrErr::Err { error: Some(error) },
        }
    }
}

impl<F, T, E> Future for OkOrErr<F, E>
where
    F: Future<Output = Result<T, E>>,
{
    type Output = Result<T, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T, E>> {
        match self.project() {
            OkOrErrProj::Ok { future } => future.poll(cx),
            OkOrErrProj::Err { error } => Poll::Ready(Err(error
                .take()
                .expect("a failed input item is polled once: the task set drops it after"))),
        }
    }
}

impl<F: fmt::Debug, E: fmt::Debug> fmt::Debug for OkOrErr<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OkOrErr::Ok { future } => f.debug_tuple("Ok").field(future).finish(),
            OkOrErr::Err { error } => f.debug_tuple("Err").field(error).finish(),
        }
    }
}

/// A `TryStream` seen as the stream of its `Result`s (what the filling loop
/// of `try_for_each_concurrent` and `try_flatten_unordered` pulls from).
pub(crate) struct TryItems<'a, St>(pub(crate) Pin<&'a mut St>);

impl<St: TryStream> Stream for TryItems<'_, St> {
    type Item = Result<St::Ok, St::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().try_poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

pin_project_lite::pin_project! {
    /// An owned `TryStream` seen as the stream of its `Result`s: the inner
    /// streams of `try_flatten_unordered` live in the task set as these.
    pub(crate) struct Results<S> {
        #[pin]
        stream: S,
    }
}

impl<S> Results<S> {
    pub(crate) fn new(stream: S) -> Self {
        Self { stream }
    }
}

impl<S: TryStream> Stream for Results<S> {
    type Item = Result<S::Ok, S::Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.project().stream.try_poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.stream.size_hint()
    }
}

impl<S: fmt::Debug> fmt::Debug for Results<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.stream.fmt(f)
    }
}
