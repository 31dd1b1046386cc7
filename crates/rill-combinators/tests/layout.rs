//! The steps of adding a combinator that neither the compiler nor clippy
//! catches when they are forgotten (docs/architecture.md, "How to add a
//! combinator"), checked on the crate's own sources:
//!
//! - every source file is declared by its folder's `mod.rs` (a file without
//!   `mod x;` is silently not compiled);
//! - every public item of a private module is re-exported by its folder's
//!   `mod.rs`, and every folder of public items by `lib.rs` (a type that is
//!   only returned by a trait method compiles and lints clean without its
//!   `pub use`, but users cannot name it, and `missing_debug_implementations`,
//!   which only looks at exported types, no longer asks for its `Debug`);
//! - every public type has a `Debug` impl (`missing_debug_implementations`
//!   does not look inside `pin_project!`, where most adapters are defined);
//! - every public stream or future type is `#[must_use]` (no lint asks);
//! - every `StreamExt` and `TryStreamExt` method is named in
//!   docs/semantics.md.
//!
//! The checks read the files as text, with the layout rustfmt gives them.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The folders of `src/`, each a module with a `mod.rs`.
fn folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(src())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The `.rs` files of a folder (without `mod.rs`, or `lib.rs` for `src/`),
/// by module name.
fn module_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| (path.file_stem().unwrap().to_str().unwrap().to_owned(), path))
        .filter(|(name, _)| name != "mod" && name != "lib")
        .collect();
    files.sort();
    files
}

/// The file that declares the modules of `dir`.
fn parent_file(dir: &Path) -> PathBuf {
    if dir == src() {
        dir.join("lib.rs")
    } else {
        dir.join("mod.rs")
    }
}

/// A module declaration of a `mod.rs` or `lib.rs`: its name, and whether
/// it is `pub mod`.
fn declared_modules(parent: &str) -> Vec<(String, bool)> {
    parent
        .lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code).trim())
        .filter_map(|line| {
            let (public, rest) = if let Some(rest) = line.strip_prefix("pub mod ") {
                (true, rest)
            } else if let Some(rest) = line.strip_prefix("pub(crate) mod ") {
                (false, rest)
            } else {
                (false, line.strip_prefix("mod ")?)
            };
            let name = rest.strip_suffix(';')?;
            Some((name.to_owned(), public))
        })
        .collect()
}

/// The `pub use` statements of a file, each on one line.
fn pub_uses(file: &str) -> Vec<String> {
    let mut uses = Vec::new();
    let mut current: Option<String> = None;
    for line in file.lines().map(str::trim) {
        if let Some(statement) = current.as_mut() {
            statement.push(' ');
            statement.push_str(line);
        } else if line.starts_with("pub use ") {
            current = Some(line.to_owned());
        }
        if current.as_deref().is_some_and(|s| s.ends_with(';')) {
            uses.push(current.take().unwrap());
        }
    }
    uses
}

/// The names of the public items (`pub struct`, `enum`, `trait`, `type`,
/// `fn`) that a file defines at its top level or inside `pin_project!`.
fn public_items(file: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in file.lines() {
        let indent = line.len() - line.trim_start().len();
        let line = line.trim_start();
        let kinds: &[&str] = if indent == 0 {
            &[
                "pub struct ",
                "pub enum ",
                "pub trait ",
                "pub type ",
                "pub fn ",
            ]
        } else if indent == 4 {
            // Inside `pin_project! { ... }` (a `pub fn` at this depth is a method).
            &["pub struct ", "pub enum "]
        } else {
            &[]
        };
        for kind in kinds {
            if let Some(rest) = line.strip_prefix(kind) {
                names.push(ident(rest));
            }
        }
    }
    names
}

fn is_word_in(word: &str, text: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let part_of_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part_of_word(before) && !part_of_word(after)
    })
}

#[test]
fn every_source_file_is_declared() {
    let mut missing = Vec::new();
    for dir in std::iter::once(src()).chain(folders()) {
        let parent = parent_file(&dir);
        let declared: BTreeSet<String> = declared_modules(&read(&parent))
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        for (name, path) in module_files(&dir) {
            if !declared.contains(&name) {
                missing.push(format!(
                    "{} is not declared: add `mod {name};` to {}",
                    path.display(),
                    parent.display()
                ));
            }
        }
        if dir != src() {
            let name = dir.file_name().unwrap().to_str().unwrap();
            let lib = read(&src().join("lib.rs"));
            if !declared_modules(&lib).iter().any(|(m, _)| m == name) {
                missing.push(format!("src/{name}/ is not declared in lib.rs"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Public items of private modules that stay unreachable on purpose.
const NOT_REEXPORTED: &[(&str, &str)] = &[
    // Sealed: nameable in the bounds of the collection traits, but no crate
    // outside can name (and so implement) them.
    ("collections/set.rs", "StreamSet"),
    ("collections/set.rs", "SameItems"),
];

#[test]
fn every_public_item_is_reexported() {
    let mut missing = Vec::new();
    for dir in std::iter::once(src()).chain(folders()) {
        let parent = parent_file(&dir);
        let parent_src = read(&parent);
        let modules = declared_modules(&parent_src);
        // A re-export may also stand in a public sibling module
        // (`pub use super::set_iter::Iter;` in `futures_unordered.rs`).
        let mut uses = pub_uses(&parent_src);
        for (_, path) in module_files(&dir) {
            uses.extend(pub_uses(&read(&path)));
        }
        for (name, path) in module_files(&dir) {
            // The items of a `pub mod` are reachable through it.
            if modules.iter().any(|(m, public)| *m == name && *public) {
                continue;
            }
            let relative = path
                .strip_prefix(src())
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            for item in public_items(&read(&path)) {
                if NOT_REEXPORTED.contains(&(relative.as_str(), item.as_str())) {
                    continue;
                }
                let reexported = uses
                    .iter()
                    .any(|u| u.contains(&format!("{name}::")) && is_word_in(&item, u));
                if !reexported {
                    missing.push(format!(
                        "`{item}` ({}) is not re-exported: add `pub use {name}::{item};` \
                         next to `mod {name};` in {}",
                        path.display(),
                        parent.display()
                    ));
                }
            }
        }
    }
    // The folders whose modules are private reach users through `stream`.
    let lib = read(&src().join("lib.rs"));
    for (name, public) in declared_modules(&lib) {
        let dir = src().join(&name);
        if public || !dir.is_dir() {
            continue;
        }
        let has_public_items = !pub_uses(&read(&dir.join("mod.rs"))).is_empty();
        if has_public_items && !is_word_in(&format!("crate::{name}::*"), &lib) {
            missing.push(format!(
                "src/{name}/ has public items but lib.rs does not re-export them: \
                 add `pub use crate::{name}::*;` to `pub mod stream`"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every `.rs` file of `src/` but `lib.rs` and the `mod.rs` files.
fn source_files() -> Vec<PathBuf> {
    std::iter::once(src())
        .chain(folders())
        .flat_map(|dir| module_files(&dir))
        .map(|(_, path)| path)
        .collect()
}

/// The public structs and enums of a file, each with the attributes and
/// doc lines above it.
fn public_types(file: &str) -> Vec<(String, Vec<&str>)> {
    let lines: Vec<&str> = file.lines().map(str::trim_start).collect();
    let mut types = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(rest) = line
            .strip_prefix("pub struct ")
            .or_else(|| line.strip_prefix("pub enum "))
        else {
            continue;
        };
        let above = lines[..at]
            .iter()
            .rev()
            .take_while(|l| l.starts_with("#[") || l.starts_with("///"))
            .copied()
            .collect();
        types.push((ident(rest), above));
    }
    types
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn every_stream_and_future_type_is_must_use() {
    let mut missing = Vec::new();
    for path in source_files() {
        let file = read(&path);
        for (name, above) in public_types(&file) {
            let is_polled = ["Stream", "Future"].iter().any(|tr| {
                file.contains(&format!(" {tr} for {name}<"))
                    || file.contains(&format!(" {tr} for {name} "))
            });
            let must_use = above.iter().any(|l| l.starts_with("#[must_use"));
            if is_polled && !must_use {
                missing.push(format!(
                    "`{name}` ({}) is a stream or future without `#[must_use = \"...\"]`",
                    path.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_public_type_is_debug() {
    let mut missing = Vec::new();
    for path in source_files() {
        let file = read(&path);
        for (name, above) in public_types(&file) {
            let derived = above
                .iter()
                .any(|l| l.starts_with("#[derive(") && l.contains("Debug"));
            let implemented = file.contains(&format!("Debug for {name}<"))
                || file.contains(&format!("Debug for {name} "));
            if !derived && !implemented {
                missing.push(format!(
                    "`{name}` ({}) has no `Debug` impl (write one that skips closures)",
                    path.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_extension_method_is_in_semantics_md() {
    // Conveniences with no behaviour of their own.
    const PLUMBING: &[&str] = &[
        "boxed",
        "boxed_local",
        "by_ref",
        "poll_next_unpin",
        "try_poll_next_unpin",
    ];
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/semantics.md");
    let semantics = read(&docs);
    let mut missing = Vec::new();
    for (file, name) in [
        ("stream_ext/mod.rs", "StreamExt"),
        ("try_stream_ext/mod.rs", "TryStreamExt"),
    ] {
        let source = read(&src().join(file));
        let body = source
            .split_once(&format!("pub trait {name}"))
            .unwrap_or_else(|| panic!("no `pub trait {name}` in {file}"))
            .1;
        for line in body.lines() {
            let Some(rest) = line.strip_prefix("    fn ") else {
                continue;
            };
            let method = ident(rest);
            if !PLUMBING.contains(&method.as_str()) && !is_word_in(&method, &semantics) {
                missing.push(format!(
                    "`{name}::{method}` is not in docs/semantics.md: say what it does at \
                     the edges (empty input, end, errors, size_hint, fusing)"
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
