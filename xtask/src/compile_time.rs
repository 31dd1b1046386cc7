//! Compile time of generator macros: a crate with 20 `stream!` invocations,
//! written once with rill's `stream!` and once with async-stream's.
//!
//! Both crates are generated under `target/compile-time/`, each its own
//! workspace with its own target directory. After a warm-up build (which
//! builds the dependencies: rill-gen by path, async-stream from the
//! registry), the crate's source is touched and `cargo build` is timed,
//! `RUNS` times per crate, alternating between the two, without the
//! incremental cache. Only the crate itself is rebuilt in the timed runs, in
//! full: the cost of compiling code that uses the macro. Each timed build is
//! followed by a timed build with nothing to do: cargo's own part, which is
//! larger for a path dependency (rill-gen) than for a registry one.
//!
//! Cargo runs with `--offline` first and falls back to the network when the
//! registry cache lacks something.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// How many `stream!` invocations each generated crate has.
const INVOCATIONS: usize = 20;
/// Timed rebuilds per crate (alternating): the machine is shared, so the
/// report gives the best and the median of several.
const RUNS: usize = 5;

/// One of the two generated crates.
struct Variant {
    /// Label in the report.
    label: &'static str,
    /// Directory name under `target/compile-time/`.
    dir: &'static str,
    /// The macro path to call.
    macro_path: &'static str,
    /// The `Stream` trait the functions return.
    stream_trait: &'static str,
}

const VARIANTS: [Variant; 2] = [
    Variant {
        label: "rill `stream!`",
        dir: "rill",
        macro_path: "rill_gen::stream!",
        stream_trait: "rill_core::Stream",
    },
    Variant {
        label: "async-stream `stream!`",
        dir: "async-stream",
        macro_path: "async_stream::stream!",
        stream_trait: "futures_core::Stream",
    },
];

/// Builds and times both crates, prints the figures and, with `notes_dir`,
/// writes `compile-time.md` there.
pub(crate) fn run(root: &Path, notes_dir: Option<&Path>) -> Result<(), String> {
    let base = root.join("target").join("compile-time");
    let mut dirs = Vec::new();
    for variant in &VARIANTS {
        let dir = base.join(variant.dir);
        write_crate(root, &dir, variant)?;
        println!("compile-time: warm-up build of {}", variant.label);
        cargo_build(&dir)?;
        dirs.push(dir);
    }

    let mut times = vec![Vec::new(); VARIANTS.len()];
    let mut noop = vec![Vec::new(); VARIANTS.len()];
    for _ in 0..RUNS {
        for (i, dir) in dirs.iter().enumerate() {
            touch(&dir.join("src").join("lib.rs"))?;
            let start = Instant::now();
            cargo_build(dir)?;
            times[i].push(start.elapsed());
            // Cargo's own part: a build with nothing to do (its freshness
            // checks cost more for path dependencies, as rill-gen is here,
            // than for registry ones, as async-stream is).
            let start = Instant::now();
            cargo_build(dir)?;
            noop[i].push(start.elapsed());
        }
    }

    let report = report(&times, &noop);
    println!("{report}");
    if let Some(notes) = notes_dir {
        fs::create_dir_all(notes).map_err(|e| format!("creating {}: {e}", notes.display()))?;
        let path = notes.join("compile-time.md");
        fs::write(&path, &report).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Writes the generated crate of `variant` into `dir`.
fn write_crate(root: &Path, dir: &Path, variant: &Variant) -> Result<(), String> {
    let src = dir.join("src");
    fs::create_dir_all(&src).map_err(|e| format!("creating {}: {e}", src.display()))?;
    let path_of = |krate: &str| -> String {
        let p: PathBuf = root.join("crates").join(krate);
        // TOML basic strings: escape backslashes (Windows paths).
        p.display().to_string().replace('\\', "\\\\")
    };
    let deps = if variant.dir == "rill" {
        format!(
            "rill-core = {{ path = \"{}\", default-features = false }}\n\
             rill-gen = {{ path = \"{}\", features = [\"macros\"] }}\n",
            path_of("rill-core"),
            path_of("rill-gen"),
        )
    } else {
        "async-stream = \"0.3.6\"\nfutures-core = \"0.3.31\"\n".to_string()
    };
    let manifest = format!(
        "[package]\nname = \"compile-time-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{deps}\n\
         # Its own workspace, outside rill's.\n[workspace]\n",
        variant.dir
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;
    write_if_changed(&src.join("lib.rs"), &source(variant))
}

/// The crate's source: `INVOCATIONS` functions, each one `stream!` call
/// with loops, branches and (every other one) a `for await` over the
/// previous function's stream, and `poll_all`, which polls each once.
fn source(variant: &Variant) -> String {
    let mut s = String::from(
        "//! Generated by `cargo xtask bench` (compile-time measurement).\n\
         #![allow(clippy::all)]\n\n",
    );
    let (mac, tr) = (variant.macro_path, variant.stream_trait);
    for i in 0..INVOCATIONS {
        let _ = writeln!(s, "pub fn gen_{i}(n: u64) -> impl {tr}<Item = u64> {{");
        let _ = writeln!(s, "    {mac} {{");
        let _ = writeln!(s, "        let mut acc: u64 = {i};");
        let _ = writeln!(s, "        for k in 0..n {{");
        let _ = writeln!(s, "            if k % {} == 0 {{", i % 5 + 2);
        s.push_str("                continue;\n            }\n");
        s.push_str("            acc = acc.wrapping_mul(31).wrapping_add(k);\n");
        s.push_str("            yield acc;\n        }\n");
        if i % 2 == 1 {
            let _ = writeln!(s, "        for await x in gen_{}(n / 2) {{", i - 1);
            s.push_str("            yield x ^ acc;\n        }\n");
        }
        let _ = writeln!(s, "        yield acc + {i};");
        s.push_str("    }\n}\n\n");
    }
    // Poll every stream once, so that each body's state machine is also
    // compiled to machine code, as in a crate that uses its streams.
    s.push_str(
        "pub fn poll_all(cx: &mut core::task::Context<'_>) -> u64 {\n    let mut sum = 0;\n",
    );
    for i in 0..INVOCATIONS {
        let _ = writeln!(
            s,
            "    if let core::task::Poll::Ready(Some(v)) = \
             {tr}::poll_next(core::pin::pin!(gen_{i}(10)).as_mut(), cx) {{ sum += v; }}"
        );
    }
    s.push_str("    sum\n}\n");
    s
}

/// Writes `contents` unless the file already holds them (keeps the warm-up
/// build incremental across runs of the task).
fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    fs::write(path, contents).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// Marks `path` as modified now, so that cargo rebuilds its crate.
fn touch(path: &Path) -> Result<(), String> {
    let file = fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| format!("opening {}: {e}", path.display()))?;
    file.set_modified(SystemTime::now())
        .map_err(|e| format!("touching {}: {e}", path.display()))
}

/// `cargo build` in `dir`: offline first, online if that fails.
fn cargo_build(dir: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let build = |offline: bool| {
        let mut cmd = Command::new(&cargo);
        cmd.arg("build").arg("--quiet").current_dir(dir);
        if offline {
            cmd.arg("--offline");
        }
        // The generated crates have their own target directories. No
        // incremental cache: a touched but unchanged file would otherwise be
        // "rebuilt" from it, and each timed run must compile the whole crate.
        cmd.env_remove("CARGO_TARGET_DIR")
            .env("CARGO_INCREMENTAL", "0");
        cmd.status()
    };
    match build(true) {
        Ok(status) if status.success() => return Ok(()),
        _ => println!(
            "compile-time: offline build failed in {}; retrying online",
            dir.display()
        ),
    }
    match build(false) {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("cargo build in {} failed: {status}", dir.display())),
        Err(e) => Err(format!("running cargo in {}: {e}", dir.display())),
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// The median of `runs`.
fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

/// The markdown report: one row per variant, then the ratios, then
/// cargo's own part.
fn report(times: &[Vec<Duration>], noop: &[Vec<Duration>]) -> String {
    let mut out = format!(
        "### Compile time: a crate with {INVOCATIONS} `stream!` invocations\n\n\
         `cargo build` (dev profile, `CARGO_INCREMENTAL=0`) of the crate alone, its dependencies \
         already built; source touched before each run, runs alternating between the two crates.\n\n\
         | macro | "
    );
    for run in 1..=RUNS {
        let _ = write!(out, "run {run} | ");
    }
    out.push_str("best | median |\n|---|");
    for _ in 0..RUNS + 2 {
        out.push_str("---:|");
    }
    out.push('\n');
    let mut best = Vec::new();
    let mut medians = Vec::new();
    for (variant, runs) in VARIANTS.iter().zip(times) {
        let _ = write!(out, "| {} | ", variant.label);
        for t in runs {
            let _ = write!(out, "{} | ", secs(*t));
        }
        let b = runs.iter().min().copied().unwrap_or_default();
        let m = median(runs);
        best.push(b);
        medians.push(m);
        let _ = writeln!(out, "{} | {} |", secs(b), secs(m));
    }
    if let ([rill, peer], [rill_m, peer_m]) = (&best[..], &medians[..])
        && !rill.is_zero()
        && !rill_m.is_zero()
    {
        let _ = writeln!(
            out,
            "\nratio async-stream / rill: {:.2} (best runs), {:.2} (medians)",
            peer.as_secs_f64() / rill.as_secs_f64(),
            peer_m.as_secs_f64() / rill_m.as_secs_f64()
        );
    }
    let noops: Vec<Duration> = noop.iter().map(|runs| median(runs)).collect();
    let _ = write!(
        out,
        "\nOf which cargo alone (median of a build with nothing to do, right after each run):"
    );
    for (variant, n) in VARIANTS.iter().zip(&noops) {
        let _ = write!(out, " {} {};", variant.label, secs(*n));
    }
    if let ([rill_m, peer_m], [rill_n, peer_n]) = (&medians[..], &noops[..])
        && rill_m > rill_n
        && peer_m > peer_n
    {
        let _ = write!(
            out,
            " ratio of the medians without it: {:.2}",
            (*peer_m - *peer_n).as_secs_f64() / (*rill_m - *rill_n).as_secs_f64()
        );
    }
    out.push('\n');
    out
}
