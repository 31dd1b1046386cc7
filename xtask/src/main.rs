//! rill's task runner: every CI task is `cargo xtask <task>`.
//!
//! No dependencies: it runs cargo and a few tools, and reads criterion's
//! JSON output with a small hand-written extractor.

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

mod bench;
mod cmd;
mod compile_time;

use cmd::{Cmd, Failed};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  ci                  everything CI checks, in order, stopping at the first failure:
                      fmt, clippy, test, features, docs, deny, loom, valgrind, asan, bench-test
  fmt                 cargo fmt --all --check
  clippy              cargo clippy --workspace --all-targets --all-features -D warnings
  test                cargo test --workspace --all-features (doc tests included)
  features            every crate built alone with --no-default-features (no_std where promised)
  docs                cargo doc --workspace --all-features --no-deps, warnings denied
  deny                cargo deny check bans licenses sources (installs cargo-deny when CI is set)
  loom [--deep]       the loom model tests (tests/loom_*.rs), LOOM_MAX_PREEMPTIONS=2 by default
                      (--deep: 3, for a longer run before a release)
  valgrind            the test binaries of crates with unsafe code, under valgrind
  asan                the tests of the crates with a task set, slots or wakers under
                      AddressSanitizer (nightly; skipped when no nightly is installed)
  bench [--quick] [--lto] [FILTER]
                      criterion benches, then docs/benchmarks.md from the results;
                      --lto: also in the bench-lto profile (thin LTO, one codegen unit)
  bench-test          every bench compiled and run once, untimed (cargo bench -- --test)
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprint!("{USAGE}");
        return ExitCode::FAILURE;
    };
    let rest = &args[1..];
    let root = workspace_root();
    let started = Instant::now();
    let result = match task.as_str() {
        "ci" => ci(&root),
        "fmt" => step("fmt", || fmt(&root)),
        "clippy" => step("clippy", || clippy(&root)),
        "test" => step("test", || test(&root)),
        "features" => step("features", || features(&root)),
        "docs" => step("docs", || docs(&root)),
        "deny" => step("deny", || deny(&root)),
        "loom" => step("loom", || loom(&root, rest)),
        "valgrind" => step("valgrind", || valgrind(&root)),
        "asan" => step("asan", || asan(&root)),
        "bench" => bench::run(&root, rest),
        "bench-test" => step("bench-test", || bench_test(&root)),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: unknown task `{other}`\n");
            eprint!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(()) => {
            println!("xtask {task}: ok in {:.1?}", started.elapsed());
            ExitCode::SUCCESS
        }
        Err(Failed(msg)) => {
            eprintln!("xtask {task}: FAILED: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env::current_dir().expect("current dir"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Runs one named step, printing its name before and its time after.
fn step(name: &str, f: impl FnOnce() -> Result<(), Failed>) -> Result<(), Failed> {
    println!("\n==> {name}");
    let started = Instant::now();
    let result = f();
    match &result {
        Ok(()) => println!("<== {name}: ok ({:.1?})", started.elapsed()),
        Err(Failed(msg)) => eprintln!("<== {name}: FAILED after {:.1?}: {msg}", started.elapsed()),
    }
    result.map_err(|Failed(msg)| Failed(format!("step `{name}`: {msg}")))
}

fn ci(root: &Path) -> Result<(), Failed> {
    step("fmt", || fmt(root))?;
    step("clippy", || clippy(root))?;
    step("test", || test(root))?;
    step("features", || features(root))?;
    step("docs", || docs(root))?;
    step("deny", || deny(root))?;
    step("loom", || loom(root, &[]))?;
    step("valgrind", || valgrind(root))?;
    step("asan", || asan(root))?;
    step("bench-test", || bench_test(root))?;
    Ok(())
}

fn fmt(root: &Path) -> Result<(), Failed> {
    Cmd::cargo(root).args(["fmt", "--all", "--check"]).run()
}

fn clippy(root: &Path) -> Result<(), Failed> {
    Cmd::cargo(root)
        .args(["clippy", "--workspace", "--all-targets", "--all-features"])
        .args(["--", "-D", "warnings"])
        .run()
}

fn test(root: &Path) -> Result<(), Failed> {
    Cmd::cargo(root)
        .args(["test", "--workspace", "--all-features"])
        .run()
}

/// The library crates of the workspace (everything under `crates/`), by
/// package name.
fn library_crates(root: &Path) -> Result<Vec<String>, Failed> {
    let mut names = Vec::new();
    let dir = root.join("crates");
    let entries = std::fs::read_dir(&dir)
        .map_err(|e| Failed(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let manifest = entry.path().join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let name = text
            .lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix("name = \""))
            .and_then(|rest| rest.split('"').next());
        if let Some(name) = name {
            names.push(name.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// Every crate alone with its minimal features, and the `no_std` crates with
/// and without `alloc`.
fn features(root: &Path) -> Result<(), Failed> {
    for krate in library_crates(root)? {
        println!("-- {krate} --no-default-features");
        Cmd::cargo(root)
            .args(["build", "--quiet", "-p", &krate, "--no-default-features"])
            .run()?;
    }
    // The crates promised for no_std + alloc (README, docs/architecture.md).
    for krate in ["rill-core", "rill-combinators"] {
        println!("-- {krate} --no-default-features --features alloc");
        Cmd::cargo(root)
            .args(["build", "--quiet", "-p", krate, "--no-default-features"])
            .args(["--features", "alloc"])
            .run()?;
    }
    Ok(())
}

fn docs(root: &Path) -> Result<(), Failed> {
    Cmd::cargo(root)
        .args(["doc", "--workspace", "--all-features", "--no-deps"])
        .env("RUSTDOCFLAGS", "-D warnings")
        .run()
}

fn deny(root: &Path) -> Result<(), Failed> {
    if !cmd::found("cargo-deny", &["--version"]) {
        if env::var_os("CI").is_some() {
            println!(
                "cargo-deny is not installed; CI is set, so installing it (cargo install cargo-deny --locked)"
            );
            Cmd::cargo(root)
                .args(["install", "cargo-deny", "--locked"])
                .run()?;
        } else {
            println!(
                "SKIPPED: cargo-deny is not installed. Install it with \
                 `cargo install cargo-deny --locked` (CI does so itself)."
            );
            return Ok(());
        }
    }
    Cmd::cargo(root)
        .args(["deny", "--offline", "check", "bans", "licenses", "sources"])
        .run()
}

/// Packages that have `tests/loom_*.rs`, with those test names.
fn loom_tests(root: &Path) -> Result<Vec<(String, Vec<String>)>, Failed> {
    let mut found = Vec::new();
    for krate in library_crates(root)? {
        let dir = root.join("crates").join(&krate).join("tests");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut tests: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with("loom_") && n.ends_with(".rs"))
            .map(|n| n.trim_end_matches(".rs").to_string())
            .collect();
        tests.sort();
        if !tests.is_empty() {
            found.push((krate, tests));
        }
    }
    Ok(found)
}

fn loom(root: &Path, args: &[String]) -> Result<(), Failed> {
    let deep = match args {
        [] => false,
        [flag] if flag == "--deep" => true,
        other => {
            return Err(Failed(format!(
                "loom: unknown arguments {other:?} (only --deep)"
            )));
        }
    };
    let all = loom_tests(root)?;
    if all.is_empty() {
        println!("no tests/loom_*.rs in any crate: nothing to model-check");
        return Ok(());
    }
    // `--deep` explores one more preemption per thread: minutes instead of
    // seconds, for the models whose bugs need a longer interleaving.
    let preemptions = if deep {
        "3".to_string()
    } else {
        env::var("LOOM_MAX_PREEMPTIONS").unwrap_or_else(|_| "2".into())
    };
    for (krate, tests) in all {
        let mut cmd = Cmd::cargo(root)
            .args(["test", "-p", &krate, "--release"])
            .env("RUSTFLAGS", "--cfg loom")
            .env("LOOM_MAX_PREEMPTIONS", &preemptions)
            // A separate target dir: `--cfg loom` rebuilds every dependency,
            // and must not invalidate the normal build.
            .env("CARGO_TARGET_DIR", root.join("target").join("loom"));
        for t in &tests {
            cmd = cmd.args(["--test", t]);
        }
        cmd.run()?;
    }
    Ok(())
}

/// Crates whose tests exercise `unsafe` code, run under valgrind.
const VALGRIND_CRATES: &[&str] = &["rill-core", "rill-combinators", "rill-gen"];
/// Test targets not run under valgrind: loom models (empty without
/// `--cfg loom`) and compile-fail UI suites (they run rustc, not our code).
const VALGRIND_SKIP_PREFIXES: &[&str] = &["loom_", "ui"];

fn valgrind(root: &Path) -> Result<(), Failed> {
    if !cmd::found("valgrind", &["--version"]) {
        println!("SKIPPED: valgrind is not installed (Debian/Ubuntu: `apt-get install valgrind`).");
        return Ok(());
    }
    let crates = library_crates(root)?;
    for krate in VALGRIND_CRATES
        .iter()
        .filter(|k| crates.iter().any(|c| c == *k))
    {
        let binaries = cmd::test_binaries(root, krate)?;
        for (target, exe) in binaries {
            if VALGRIND_SKIP_PREFIXES.iter().any(|p| target.starts_with(p)) {
                continue;
            }
            println!("-- valgrind {krate}: {target}");
            Cmd::new("valgrind", root)
                .args(["--quiet", "--error-exitcode=101", "--leak-check=full"])
                .args(["--errors-for-leak-kinds=definite", "--track-origins=yes"])
                .arg(&exe)
                .args(["--test-threads=1", "-q"])
                // Property tests: fewer cases, valgrind is ~30x slower.
                .env("PROPTEST_CASES", "8")
                .env("RILL_UNDER_VALGRIND", "1")
                .run()?;
        }
    }
    Ok(())
}

/// Crates whose tests exercise the task set, the generator slot and the
/// channel adapters' wakers, run under AddressSanitizer.
const ASAN_CRATES: &[&str] = &["rill-combinators", "rill-gen", "rill-channel"];

/// The tests of [`ASAN_CRATES`] built with `-Zsanitizer=address` (nightly
/// only) and run: a use-after-free, a double free or a buffer overflow
/// fails the step with ASan's report. valgrind finds much of the same, but
/// ASan also sees accesses to freed memory that was reused at once, and runs
/// at near-native speed.
///
/// The explicit `--target` keeps the sanitizer flag away from build scripts
/// and proc macros (which run on the host and are not instrumented); a
/// separate target directory keeps the instrumented build apart from the
/// normal one. Doc tests are not run (`--tests`): rustdoc would need the
/// same flags and they exercise no concurrency.
fn asan(root: &Path) -> Result<(), Failed> {
    if !cmd::found("cargo", &["+nightly", "--version"]) {
        println!(
            "SKIPPED: no nightly toolchain (AddressSanitizer needs `-Zsanitizer`). \
             Install one with `rustup toolchain install nightly`."
        );
        return Ok(());
    }
    let host = Cmd::new("rustc", root)
        .args(["+nightly", "-vV"])
        .output()?
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .ok_or_else(|| Failed("`rustc +nightly -vV` printed no host triple".into()))?;
    let crates = library_crates(root)?;
    let mut cmd = Cmd::new("cargo", root).args(["+nightly", "test", "--no-fail-fast"]);
    for krate in ASAN_CRATES
        .iter()
        .filter(|k| crates.iter().any(|c| c == *k))
    {
        cmd = cmd.args(["-p", krate]);
    }
    cmd.args(["--all-features", "--tests", "--target", &host])
        .env("RUSTFLAGS", "-Zsanitizer=address")
        .env("CARGO_TARGET_DIR", root.join("target").join("asan"))
        // Tests shrink their sizes (the stress and fairness tests).
        .env("RILL_UNDER_ASAN", "1")
        .env("PROPTEST_CASES", "16")
        .run()
}

fn bench_test(root: &Path) -> Result<(), Failed> {
    Cmd::cargo(root)
        .args(["bench", "-p", "rill-benches", "--benches", "--", "--test"])
        .run()
}
