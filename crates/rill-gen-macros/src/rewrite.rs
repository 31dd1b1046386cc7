//! The expansion: `yield` and `for await` rewritten into calls of rill-gen.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::Parse;
use syn::parse::{ParseStream, Parser};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, ExprForLoop, Item, Macro, Pat, Stmt};

/// Which macro is being expanded.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Stream,
    TryStream,
}

/// The pattern macro that marks a `for await` loop between the token pass
/// and the syntax pass: `for await p in s` becomes `for __rill_for_await!(p) in s`.
const FOR_AWAIT_MARKER: &str = "__rill_for_await";

/// Where a piece of the body sits: only `Body` may `yield`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Body,
    Closure,
    AsyncBlock,
    Item,
}

impl Context {
    fn yield_error(self) -> &'static str {
        match self {
            Context::Body => unreachable!("`yield` is allowed in the body"),
            Context::Closure => {
                "`yield` inside a closure: the closure is a separate function, not part of \
                 the stream's body, so it cannot yield from the stream; move the `yield` out \
                 of the closure (for example, replace `.for_each(|x| ..)` with a `for` loop)"
            }
            Context::AsyncBlock => {
                "`yield` inside a nested `async` block: the block is a separate future, not \
                 part of the stream's body, so it cannot yield from the stream; `.await` the \
                 block and `yield` its output in the body instead"
            }
            Context::Item => {
                "`yield` inside a nested `fn` (or other item): it is not part of the stream's \
                 body, so it cannot yield from the stream; return the value and `yield` it in \
                 the body instead"
            }
        }
    }
}

/// Expands `<rill-gen path> ; <body>`.
pub(crate) fn expand(input: TokenStream, kind: Kind) -> TokenStream {
    let mut tokens = input.into_iter();
    let mut krate = TokenStream::new();
    for tt in tokens.by_ref() {
        if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ';') {
            break;
        }
        krate.extend([tt]);
    }
    let body: TokenStream = tokens.collect();
    // The generated tokens (the closure, its block, the `let` that checks
    // the body's type) are located at the macro call (`quote!`'s
    // default), the user's own tokens keep their spans: a variable moved
    // into the body is "moved here" at the call, a local borrowed by an
    // item is "dropped here" at the call's end. (Located at the body's
    // first token, as they once were, rustc pointed both at that token,
    // and suggested `ref yield`.)
    let body = mark_for_await(body);
    let mut stmts = match Block::parse_within.parse2(body) {
        Ok(stmts) => stmts,
        Err(e) => return e.to_compile_error(),
    };

    let mut rewriter = Rewriter {
        krate: krate.clone(),
        context: vec![Context::Body],
        errors: Vec::new(),
    };
    for stmt in &mut stmts {
        rewriter.visit_stmt_mut(stmt);
    }
    let errors = rewriter.errors.into_iter().map(|e| e.to_compile_error());

    let yielder = yielder_ident(Span::call_site());
    let body = match kind {
        Kind::Stream => quote! {
            #(#errors)*
            let () = { #(#stmts)* };
        },
        Kind::TryStream => {
            let result = Ident::new("__rill_result", Span::mixed_site());
            quote! {
                #(#errors)*
                let () = { #(#stmts)* };
                #[allow(unreachable_code)]
                let #result = #krate::__private::Ok(());
                #result
            }
        }
    };
    let constructor = match kind {
        Kind::Stream => quote!(stream_fn_scoped),
        Kind::TryStream => quote!(try_stream_fn_scoped),
    };
    // An async closure: its future may borrow the yielder, whose lifetime
    // the constructor's higher-ranked bound keeps inside the body.
    quote! {
        #krate::__private::#constructor(
            #krate::__private::new_slot(),
            async move |#[allow(unused_mut)] mut #yielder| { #body },
        )
    }
}

/// The yielder's name: hygienic (`mixed_site`), so user code can neither see
/// nor shadow it, but located at `at` so that errors point at the user's
/// `yield`.
fn yielder_ident(at: Span) -> Ident {
    Ident::new("__rill_yielder", Span::mixed_site().located_at(at))
}

fn is_ident(tt: Option<&TokenTree>, name: &str) -> bool {
    matches!(tt, Some(TokenTree::Ident(i)) if i == name)
}

fn is_punct(tt: Option<&TokenTree>, c: char) -> bool {
    matches!(tt, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

/// Whether `tokens[i..]` starts a nested generator call, `stream! {..}` or
/// `try_stream! {..}` (possibly behind a path): its `yield`s are its own.
fn is_nested_generator(tokens: &[TokenTree], i: usize) -> bool {
    (is_ident(tokens.get(i), "stream") || is_ident(tokens.get(i), "try_stream"))
        && is_punct(tokens.get(i + 1), '!')
        && matches!(tokens.get(i + 2), Some(TokenTree::Group(_)))
}

fn is_nested_generator_path(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| s.ident == "stream" || s.ident == "try_stream")
}

/// Applies `f` to the contents of a group, keeping its delimiter and span.
fn map_group(g: &Group, f: impl FnOnce(TokenStream) -> TokenStream) -> TokenTree {
    let mut new = Group::new(g.delimiter(), f(g.stream()));
    new.set_span(g.span());
    TokenTree::Group(new)
}

/// Token pass: `for await PAT in` becomes `for __rill_for_await!(PAT) in`,
/// which `syn` parses as an ordinary `for` loop whose pattern is a macro
/// call (so the iterated expression is parsed by the real grammar).
fn mark_for_await(input: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if is_nested_generator(&tokens, i) {
            out.extend_from_slice(&tokens[i..i + 3]);
            i += 3;
            continue;
        }
        // `macro_rules! name { .. }`: left alone, as by the syntax pass
        // (`visit_item_mut`). Marking a `for await` in it would leak the
        // marker into the macro's expansion ("cannot find macro
        // `__rill_for_await`").
        if is_ident(tokens.get(i), "macro_rules")
            && is_punct(tokens.get(i + 1), '!')
            && matches!(tokens.get(i + 2), Some(TokenTree::Ident(_)))
            && matches!(tokens.get(i + 3), Some(TokenTree::Group(_)))
        {
            out.extend_from_slice(&tokens[i..i + 4]);
            i += 4;
            continue;
        }
        match &tokens[i] {
            TokenTree::Ident(id) if id == "for" && is_ident(tokens.get(i + 1), "await") => {
                let await_span = tokens[i + 1].span();
                let mut end = i + 2;
                while end < tokens.len() && !is_ident(tokens.get(end), "in") {
                    end += 1;
                }
                let pat: TokenStream = tokens[i + 2..end].iter().cloned().collect();
                let marker = Ident::new(FOR_AWAIT_MARKER, await_span);
                out.push(tokens[i].clone());
                out.extend(quote_spanned!(await_span=> #marker!(#pat)));
                i = end;
            }
            TokenTree::Group(g) => {
                out.push(map_group(g, mark_for_await));
                i += 1;
            }
            tt => {
                out.push(tt.clone());
                i += 1;
            }
        }
    }
    out.into_iter().collect()
}

/// How many of `tokens` (what follows a `yield` among a macro call's
/// arguments) are the yielded expression: as many as `syn` parses as one
/// expression (so `yield HashMap::<K, V>::new(), ..` or `yield |a, b| a`
/// ends where Rust says it does), or, if they do not start with an
/// expression, the tokens up to the next `,` or `;` (whose error then
/// points at them). `0` for a bare `yield`.
fn yielded_expr_len(tokens: &[TokenTree]) -> usize {
    let bound = tokens
        .iter()
        .position(|tt| is_punct(Some(tt), ';'))
        .unwrap_or(tokens.len());
    let tokens = &tokens[..bound];
    if tokens.is_empty() || is_punct(tokens.first(), ',') {
        return 0;
    }
    // The common `yield v,` (one token, then the end or a `,`) needs no
    // parse: the answer is the same either way.
    if tokens.len() == 1 || is_punct(tokens.get(1), ',') {
        return 1;
    }
    // An expression never spans a top-level `;`, so the parse needs only
    // the tokens before it.
    parsed_len(tokens, Expr::parse).unwrap_or_else(|| {
        tokens
            .iter()
            .position(|tt| is_punct(Some(tt), ','))
            .unwrap_or(tokens.len())
    })
}

/// How many leading tokens of `tokens` make what `parse` parses, if it
/// parses.
fn parsed_len(
    tokens: &[TokenTree],
    parse: fn(ParseStream<'_>) -> syn::Result<Expr>,
) -> Option<usize> {
    let parse_prefix = |input: ParseStream<'_>| {
        parse(input)?;
        input.step(|cursor| {
            let mut rest = 0;
            let mut at = *cursor;
            while let Some((_, next)) = at.token_tree() {
                rest += 1;
                at = next;
            }
            Ok((rest, at))
        })
    };
    let rest = parse_prefix.parse2(tokens.iter().cloned().collect()).ok()?;
    Some(tokens.len() - rest)
}

/// How many of `tokens` (what follows `in` of a `for await` among a macro
/// call's arguments) are the stream expression: what `syn` parses as the
/// expression of a `for` loop (no struct literal), when a `{..}` body
/// follows it, so that `for await x in stream! { .. } { .. }` works;
/// otherwise the tokens up to the first `{..}` group.
fn for_await_stream_len(tokens: &[TokenTree]) -> usize {
    let is_brace =
        |tt: &TokenTree| matches!(tt, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace);
    match parsed_len(tokens, Expr::parse_without_eager_brace) {
        Some(len) if tokens.get(len).is_some_and(is_brace) => len,
        _ => tokens.iter().position(is_brace).unwrap_or(tokens.len()),
    }
}

/// The rewrite of `yield expr` (or `yield` alone) at `span`.
fn yield_tokens(span: Span, expr: Option<TokenStream>) -> TokenStream {
    let yielder = yielder_ident(span);
    let expr = expr.unwrap_or_else(|| quote_spanned!(span=> ()));
    quote_spanned!(span=> #yielder.yield_item(#expr).await)
}

/// The rewrite of `label: for await pat in stream body` at `span`.
fn for_await_tokens(
    krate: &TokenStream,
    span: Span,
    label: Option<TokenStream>,
    pat: TokenStream,
    stream: TokenStream,
    body: TokenStream,
) -> TokenStream {
    let pinned = Ident::new("__rill_stream", Span::mixed_site().located_at(span));
    let item = Ident::new("__rill_item", Span::mixed_site().located_at(span));
    quote_spanned! {span=>
        {
            let mut #pinned = #krate::__private::pin!(#stream);
            #label while let ::core::option::Option::Some(#item) =
                #krate::__private::next(#pinned.as_mut()).await
            {
                let #pat = #item;
                #body
            }
        }
    }
}

struct Rewriter {
    krate: TokenStream,
    /// Innermost last.
    context: Vec<Context>,
    errors: Vec<syn::Error>,
}

impl Rewriter {
    fn context(&self) -> Context {
        *self
            .context
            .last()
            .expect("the body context is never popped")
    }

    fn in_context<R>(&mut self, context: Context, f: impl FnOnce(&mut Self) -> R) -> R {
        self.context.push(context);
        let result = f(self);
        self.context.pop();
        result
    }

    /// A `yield` at `span`: the rewrite if allowed here, else an error and
    /// a placeholder `()`.
    fn yield_here(&mut self, span: Span, expr: Option<TokenStream>) -> TokenStream {
        match self.context() {
            Context::Body => yield_tokens(span, expr),
            context => {
                self.errors
                    .push(syn::Error::new(span, context.yield_error()));
                quote_spanned!(span=> ())
            }
        }
    }

    /// The pattern of a `for await` loop, if `pat` is the marker.
    fn for_await_pattern(pat: &Pat) -> Option<TokenStream> {
        match pat {
            Pat::Macro(m) if m.mac.path.is_ident(FOR_AWAIT_MARKER) => Some(m.mac.tokens.clone()),
            _ => None,
        }
    }

    fn rewrite_for_await(&mut self, f: &mut ExprForLoop, pat: TokenStream) -> TokenStream {
        self.visit_expr_mut(&mut f.expr);
        self.visit_block_mut(&mut f.body);
        let span = f.for_token.span;
        let label = f.label.as_ref().map(ToTokens::to_token_stream);
        let attrs = &f.attrs;
        let inner = for_await_tokens(
            &self.krate,
            span,
            label,
            pat,
            f.expr.to_token_stream(),
            f.body.to_token_stream(),
        );
        quote!(#(#attrs)* #inner)
    }

    fn rewrite_macro(&mut self, mac: &mut Macro) {
        if is_nested_generator_path(&mac.path) {
            return;
        }
        let tokens = core::mem::take(&mut mac.tokens);
        mac.tokens = self.rewrite_tokens(tokens);
    }

    /// Token-level rewrite of the arguments of a macro call, whose syntax is
    /// unknown: `yield` takes the longest expression that follows
    /// ([`yielded_expr_len`]), and a marked `for await` loop
    /// takes the tokens up to the first `{..}` group as its stream. `async`
    /// blocks are recognised (a `yield` inside is an error); closures are
    /// not: a `yield` in a closure there fails later, at its `.await`.
    fn rewrite_tokens(&mut self, input: TokenStream) -> TokenStream {
        let tokens: Vec<TokenTree> = input.into_iter().collect();
        let mut out = TokenStream::new();
        let mut i = 0;
        while i < tokens.len() {
            if is_nested_generator(&tokens, i) {
                out.extend(tokens[i..i + 3].iter().cloned());
                i += 3;
                continue;
            }
            match &tokens[i] {
                TokenTree::Ident(id) if id == "yield" => {
                    let end = i + 1 + yielded_expr_len(&tokens[i + 1..]);
                    let expr = (end > i + 1)
                        .then(|| self.rewrite_tokens(tokens[i + 1..end].iter().cloned().collect()));
                    out.extend(self.yield_here(id.span(), expr));
                    i = end;
                }
                TokenTree::Ident(id)
                    if id == "for"
                        && is_ident(tokens.get(i + 1), FOR_AWAIT_MARKER)
                        && is_punct(tokens.get(i + 2), '!') =>
                {
                    let (Some(TokenTree::Group(pat)), true) =
                        (tokens.get(i + 3), is_ident(tokens.get(i + 4), "in"))
                    else {
                        out.extend([tokens[i].clone()]);
                        i += 1;
                        continue;
                    };
                    let end = i + 5 + for_await_stream_len(&tokens[i + 5..]);
                    let Some(TokenTree::Group(body)) = tokens.get(end) else {
                        out.extend([tokens[i].clone()]);
                        i += 1;
                        continue;
                    };
                    let stream = self.rewrite_tokens(tokens[i + 5..end].iter().cloned().collect());
                    let body = map_group(body, |ts| self.rewrite_tokens(ts));
                    out.extend(for_await_tokens(
                        &self.krate,
                        id.span(),
                        None,
                        pat.stream(),
                        stream,
                        body.into_token_stream(),
                    ));
                    i = end + 1;
                }
                // `async { .. }` / `async move { .. }`: a nested async block,
                // where `yield` is an error as in the body proper.
                TokenTree::Ident(id) if id == "async" => {
                    let body_at = i + 1 + usize::from(is_ident(tokens.get(i + 1), "move"));
                    out.extend(tokens[i..body_at].iter().cloned());
                    if let Some(TokenTree::Group(g)) = tokens.get(body_at)
                        && g.delimiter() == Delimiter::Brace
                    {
                        let block = self.in_context(Context::AsyncBlock, |this| {
                            map_group(g, |ts| this.rewrite_tokens(ts))
                        });
                        out.extend([block]);
                        i = body_at + 1;
                    } else {
                        i = body_at;
                    }
                }
                TokenTree::Group(g) => {
                    out.extend([map_group(g, |ts| self.rewrite_tokens(ts))]);
                    i += 1;
                }
                tt => {
                    out.extend([tt.clone()]);
                    i += 1;
                }
            }
        }
        out
    }
}

impl VisitMut for Rewriter {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Yield(y) => {
                if let Some(inner) = &mut y.expr {
                    self.visit_expr_mut(inner);
                }
                let tokens = self.yield_here(
                    y.yield_token.span,
                    y.expr.as_ref().map(|e| e.to_token_stream()),
                );
                *expr = Expr::Verbatim(tokens);
            }
            Expr::ForLoop(f) => match Self::for_await_pattern(&f.pat) {
                Some(pat) => *expr = Expr::Verbatim(self.rewrite_for_await(f, pat)),
                None => visit_mut::visit_expr_for_loop_mut(self, f),
            },
            Expr::Closure(c) => self.in_context(Context::Closure, |this| {
                visit_mut::visit_expr_closure_mut(this, c);
            }),
            Expr::Async(a) => self.in_context(Context::AsyncBlock, |this| {
                visit_mut::visit_expr_async_mut(this, a);
            }),
            Expr::Macro(m) => self.rewrite_macro(&mut m.mac),
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Macro(m) => self.rewrite_macro(&mut m.mac),
            _ => visit_mut::visit_stmt_mut(self, stmt),
        }
    }

    fn visit_item_mut(&mut self, item: &mut Item) {
        // `macro_rules!` definitions are left alone: their `yield` tokens
        // mean whatever the macro's user makes of them.
        match item {
            Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {}
            // A brace-delimited macro call in statement position.
            Item::Macro(m) => self.rewrite_macro(&mut m.mac),
            _ => self.in_context(Context::Item, |this| visit_mut::visit_item_mut(this, item)),
        }
    }
}
