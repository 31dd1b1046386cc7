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

pin_project_lite::pin_project! {
    /// An inner `TryStream` of the input, or an input error to yield once.
    #[project = TryInnerProj]
    pub(crate) enum TryInner<S, E> {
        Stream { #[pin] stream: S },
        Err { error: Option<E> },
    }
}

impl<S, E> TryInner<S, E> {
    pub(crate) fn new(item: Result<S, E>) -> Self {
        match item {
            Ok(stream) => TryInner::Stream { stream },
            Err(error) => TryInner::Err { error: Some(error) },
        }
    }
}

impl<S, E> Stream for TryInner<S, E>
where
    S: TryStream<Error = E>,
{
    type Item = Result<S::Ok, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.project() {
            TryInnerProj::Stream { stream } => stream.try_poll_next(cx),
            TryInnerProj::Err { error } => Poll::Ready(error.take().map(Err)),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            TryInner::Stream { stream } => stream.size_hint(),
            TryInner::Err { error } => {
                let n = usize::from(error.is_some());
                (n, Some(n))
            }
        }
    }
}

impl<S: fmt::Debug, E: fmt::Debug> fmt::Debug for TryInner<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TryInner::Stream { stream } => f.debug_tuple("Stream").field(stream).finish(),
            TryInner::Err { error } => f.debug_tuple("Err").field(error).finish(),
        }
    }
}
