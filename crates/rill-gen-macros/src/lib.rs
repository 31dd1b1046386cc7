//! The proc macros behind rill's `stream!` and `try_stream!`.
//!
//! Do not use this crate directly: use `rill::stream!` / `rill::try_stream!`
//! (or `rill_gen::stream!` / `rill_gen::try_stream!` with the `macros`
//! feature). Those are `macro_rules!` wrappers that call
//! [`stream_inner!`] / [`try_stream_inner!`] with the path of the `rill-gen`
//! crate (`$crate`) as the first token, so that the expansion resolves
//! through whatever crate the user depends on.
//!
//! # What the expansion looks like
//!
//! ```text
//! stream! { for i in 0..3 { yield i; } }
//! // becomes
//! $crate::__private::stream_fn_scoped(
//!     $crate::__private::new_slot(),
//!     async move |mut __rill_yielder| {
//!         let () = { for i in 0..3 { __rill_yielder.yield_item(i).await; } };
//!     },
//! )
//! ```
//!
//! The async closure's future borrows its argument, so `stream_fn_scoped`
//! can require it for a yielder of *any* lifetime
//! (`for<'a> AsyncFnOnce(ScopedYielder<'a, T>)`): the yielder cannot leave
//! the body, and its yields need no run-time check. `try_stream!` is the
//! same over `try_stream_fn_scoped`, with the body ending in `Ok(())`.
//!
//! `for await pat in s { body }` becomes a `while let` loop over
//! `$crate::__private::next(pinned_s.as_mut()).await`. `yield` inside the
//! token streams of macro calls (`tokio::select!`, `if_chain!`, ...) is
//! rewritten too, except inside nested `stream!` / `try_stream!` calls,
//! which keep their own `yield`s. The rewritten tokens carry the spans of
//! the user's `yield` and `for`, so errors point at the user's code.
//!
//! `yield` inside a closure, a nested `async` block or a nested `fn` is
//! rejected with an error that says why.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod rewrite;

use proc_macro::TokenStream;

/// Expands the body of `stream!`. Input: `<rill-gen path> ; <body>`.
///
/// Use `rill::stream!`, which calls this with the right path. Called
/// directly, it needs the path spelled out:
///
/// ```
/// let s = rill_gen_macros::stream_inner!(::rill_gen; for i in 1..=2u8 { yield i * 2; });
/// let v: Vec<u8> = rill_test::block_on_stream(Box::pin(s)).collect();
/// assert_eq!(v, [2, 4]);
/// ```
#[proc_macro]
pub fn stream_inner(input: TokenStream) -> TokenStream {
    rewrite::expand(input.into(), rewrite::Kind::Stream).into()
}

/// Expands the body of `try_stream!`. Input: `<rill-gen path> ; <body>`.
///
/// Use `rill::try_stream!`, which calls this with the right path. Called
/// directly, it needs the path spelled out:
///
/// ```
/// let s = rill_gen_macros::try_stream_inner!(::rill_gen;
///     yield 1u8;
///     let n: u8 = "x".parse().map_err(|_| "not a number")?;
///     yield n;
/// );
/// let v: Vec<Result<u8, &str>> = rill_test::block_on_stream(Box::pin(s)).collect();
/// assert_eq!(v, [Ok(1), Err("not a number")]);
/// ```
#[proc_macro]
pub fn try_stream_inner(input: TokenStream) -> TokenStream {
    rewrite::expand(input.into(), rewrite::Kind::TryStream).into()
}
