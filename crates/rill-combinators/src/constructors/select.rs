use rill_core::Stream;

use super::select_with_strategy::{PollNext, SelectWithStrategy, select_with_strategy};

/// The round-robin strategy: alternate the side polled first.
type RoundRobin = fn(&mut PollNext) -> PollNext;

fn round_robin(last: &mut PollNext) -> PollNext {
    last.toggle()
}

/// Merges two streams with the same item type fairly: the side polled
/// first alternates on every poll, starting with `stream1`.
///
/// Items come out as they become ready; each stream's own order is kept.
/// When both streams are always ready the output strictly alternates
/// (`stream1`, `stream2`, `stream1`, ...) until one ends; the rest of the
/// other follows. The merged stream ends when both have ended, and is
/// fused: an ended input is never polled again. `size_hint` adds the hints
/// of the live inputs.
///
/// This is [`select_with_strategy`] with [`PollNext::toggle`] as the
/// strategy; [`StreamExt::merge`](crate::StreamExt::merge) is the same
/// stream as a method.
///
/// # Example
///
/// ```
/// use rill_combinators::{StreamExt, stream};
///
/// let s = stream::select(stream::iter([1, 2, 3]), stream::iter([10, 20]));
/// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 10, 2, 20, 3]);
/// ```
pub fn select<St1, St2>(stream1: St1, stream2: St2) -> Select<St1, St2>
where
    St1: Stream,
    St2: Stream<Item = St1::Item>,
{
    Select {
        inner: select_with_strategy(stream1, stream2, round_robin as RoundRobin),
    }
}

pin_project_lite::pin_project! {
    /// Two streams merged round-robin: see [`select`].
    ///
    /// ```
    /// use rill_combinators::{StreamExt, stream};
    ///
    /// let s = stream::select(stream::iter([1]), stream::iter([2, 3]));
    /// assert_eq!(rill_test::block_on(s.collect::<Vec<_>>()), [1, 2, 3]);
    /// ```
    #[must_use = "streams do nothing unless polled"]
    pub struct Select<St1, St2> {
        #[pin]
        inner: SelectWithStrategy<St1, St2, RoundRobin, PollNext>,
    }
}

/// Adds `get_ref`, `get_mut`, `get_pin_mut` and `into_inner` for the two
/// streams to a type whose pinned field `inner` has them (a
/// [`SelectWithStrategy`] or a type built on one), with doc examples that
/// build the type with `$make`.
macro_rules! forward_pair_access {
    ($name:ident, $make:literal) => {
        impl<St1, St2> $name<St1, St2> {
            #[doc = concat!(
                        "Returns shared references to the two streams.\n\n```\n",
                        "use rill_combinators::{StreamExt, stream};\n\n",
                        "let s = ", $make, ";\n",
                        "assert_eq!(s.get_ref().1.get_ref().len(), 4);\n```"
                    )]
            pub fn get_ref(&self) -> (&St1, &St2) {
                self.inner.get_ref()
            }

            #[doc = concat!(
                        "Returns mutable references to the two streams.\n\n",
                        "Pulling items from them directly bypasses the merging.\n\n```\n",
                        "use rill_combinators::{StreamExt, stream};\n\n",
                        "let mut s = ", $make, ";\n",
                        "assert_eq!(s.get_mut().0.get_mut().next(), Some(0));\n```"
                    )]
            pub fn get_mut(&mut self) -> (&mut St1, &mut St2) {
                self.inner.get_mut()
            }

            #[doc = concat!(
                        "Returns pinned mutable references to the two streams.\n\n```\n",
                        "use rill_combinators::{StreamExt, stream};\n\n",
                        "let s = core::pin::pin!(", $make, ");\n",
                        "let (left, _right) = s.get_pin_mut();\n",
                        "assert_eq!(left.get_ref().len(), 2);\n```"
                    )]
            pub fn get_pin_mut(
                self: ::core::pin::Pin<&mut Self>,
            ) -> (::core::pin::Pin<&mut St1>, ::core::pin::Pin<&mut St2>) {
                self.project().inner.get_pin_mut()
            }

            #[doc = concat!(
                        "Consumes the merged stream and returns the two streams.\n\n```\n",
                        "use rill_combinators::{StreamExt, stream};\n\n",
                        "let s = ", $make, ";\n",
                        "let (left, right) = s.into_inner();\n",
                        "assert_eq!(left.into_inner().chain(right.into_inner()).count(), 6);\n```"
                    )]
            pub fn into_inner(self) -> (St1, St2) {
                self.inner.into_inner()
            }
        }

        impl<St1: ::core::fmt::Debug, St2: ::core::fmt::Debug> ::core::fmt::Debug
            for $name<St1, St2>
        {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                let (stream1, stream2) = self.get_ref();
                f.debug_struct(stringify!($name))
                    .field("stream1", stream1)
                    .field("stream2", stream2)
                    .finish()
            }
        }

        impl<St1, St2> ::rill_core::Stream for $name<St1, St2>
        where
            St1: ::rill_core::Stream,
            St2: ::rill_core::Stream<Item = St1::Item>,
        {
            type Item = St1::Item;

            #[inline]
            fn poll_next(
                self: ::core::pin::Pin<&mut Self>,
                cx: &mut ::core::task::Context<'_>,
            ) -> ::core::task::Poll<Option<St1::Item>> {
                self.project().inner.poll_next(cx)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }
        }

        impl<St1, St2> ::rill_core::FusedStream for $name<St1, St2>
        where
            St1: ::rill_core::Stream,
            St2: ::rill_core::Stream<Item = St1::Item>,
        {
            fn is_terminated(&self) -> bool {
                self.inner.is_terminated()
            }
        }
    };
}
pub(crate) use forward_pair_access;

forward_pair_access!(
    Select,
    "stream::select(stream::iter(0..2), stream::iter(5..9))"
);
