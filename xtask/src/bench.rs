//! `cargo xtask bench`: runs the criterion benches and writes
//! docs/benchmarks.md from criterion's JSON results.
//!
//! With `--lto`, the benches run a second time in the `bench-lto` profile
//! (thin LTO, one codegen unit), their results kept apart in
//! target/criterion-lto, and docs/benchmarks.md gets a second set of
//! tables for that build.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::cmd::{Cmd, Failed, json_string_after};

/// Results of one group further apart than this come from different runs.
const STALE_AFTER_SECS: u64 = 10 * 60;

/// One measured function of a criterion group.
#[derive(Debug)]
struct Measured {
    function: String,
    /// Median time per iteration, in nanoseconds, and its 95% interval.
    median_ns: f64,
    low_ns: f64,
    high_ns: f64,
    when: SystemTime,
}

pub(crate) fn run(root: &Path, args: &[String]) -> Result<(), Failed> {
    let mut quick = false;
    let mut lto = false;
    let mut filter = None;
    for a in args {
        match a.as_str() {
            "--quick" => quick = true,
            "--lto" => lto = true,
            flag if flag.starts_with('-') => {
                return Err(Failed(format!(
                    "unknown flag `{flag}`: usage `cargo xtask bench [--quick] [--lto] [FILTER]`"
                )));
            }
            f => filter = Some(f.to_string()),
        }
    }
    let notes = root.join("target").join("bench-notes");
    std::fs::create_dir_all(&notes)
        .map_err(|e| Failed(format!("cannot create {}: {e}", notes.display())))?;

    let mut cmd = Cmd::cargo(root)
        .args(["bench", "-p", "rill-benches", "--benches", "--"])
        .env("RILL_BENCH_NOTES", &notes);
    if let Some(f) = &filter {
        cmd = cmd.arg(f);
    }
    if quick {
        cmd = cmd.arg("--quick");
    }
    cmd.run()?;

    let lto_dir = root.join("target").join("criterion-lto");
    if lto {
        println!("\n-- the same benches in the `bench-lto` profile (thin LTO, one codegen unit)");
        let mut cmd = Cmd::cargo(root)
            .args(["bench", "-p", "rill-benches", "--benches"])
            .args(["--profile", "bench-lto", "--"])
            .env("CRITERION_HOME", &lto_dir);
        if let Some(f) = &filter {
            cmd = cmd.arg(f);
        }
        if quick {
            cmd = cmd.arg("--quick");
        }
        cmd.run()?;
    }

    // Compile time is not a criterion measurement: it builds two generated
    // crates and times cargo. Runs with the full set, or when asked for.
    if filter
        .as_deref()
        .is_none_or(|f| "generators compile-time".contains(f))
    {
        println!("\n-- compile time of 20 `stream!` invocations, rill vs async-stream");
        crate::compile_time::run(root, Some(&notes)).map_err(Failed)?;
    }

    let groups = read_results(&root.join("target").join("criterion"))?;
    if groups.is_empty() {
        return Err(Failed(
            "criterion wrote no results under target/criterion".into(),
        ));
    }
    // The optimised build's results, from this run or an earlier `--lto` one.
    let lto_groups = read_results(&lto_dir)?;
    let doc = render(&groups, &lto_groups, &notes, quick, lto, filter.as_deref())?;
    let out = root.join("docs").join("benchmarks.md");
    std::fs::write(&out, doc)
        .map_err(|e| Failed(format!("cannot write {}: {e}", out.display())))?;
    println!("wrote {}", out.display());
    Ok(())
}

/// Every `new/benchmark.json` + `new/estimates.json` pair under
/// target/criterion, grouped by criterion group id.
fn read_results(dir: &Path) -> Result<BTreeMap<String, Vec<Measured>>, Failed> {
    let mut groups: BTreeMap<String, Vec<Measured>> = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                continue;
            }
            if path.file_name().is_some_and(|n| n == "new") {
                if let Some((group, m)) = read_one(&path) {
                    groups.entry(group).or_default().push(m);
                }
            } else if path.file_name().is_none_or(|n| n != "report") {
                stack.push(path);
            }
        }
    }
    for (group, measured) in groups.iter_mut() {
        // Criterion runs every function of a group in one go, so a result
        // much older than the group's newest is left over from a function
        // the bench no longer has (renamed or removed): leave it out.
        if let Some(newest) = measured.iter().map(|m| m.when).max() {
            measured.retain(|m| {
                let stale = newest
                    .duration_since(m.when)
                    .is_ok_and(|age| age.as_secs() > STALE_AFTER_SECS);
                if stale {
                    println!(
                        "leaving out `{group}/{}`: a stale result from an earlier run",
                        m.function
                    );
                }
                !stale
            });
        }
        measured.sort_by_key(|m| order_key(&m.function));
    }
    Ok(groups)
}

/// `rill` first, then rill variants, then peers, alphabetically.
fn order_key(function: &str) -> (u8, String) {
    let rank = match function {
        "rill" => 0,
        f if f.starts_with("rill ") => 1,
        _ => 2,
    };
    (rank, function.to_string())
}

fn read_one(new_dir: &Path) -> Option<(String, Measured)> {
    let bench = std::fs::read_to_string(new_dir.join("benchmark.json")).ok()?;
    let estimates_path = new_dir.join("estimates.json");
    let estimates = std::fs::read_to_string(&estimates_path).ok()?;
    let group = json_string_after(&bench, "\"group_id\":")?;
    let function = json_string_after(&bench, "\"function_id\":").unwrap_or_else(|| group.clone());
    let median = &estimates[estimates.find("\"median\":")?..];
    let median_ns = json_number_after(median, "\"point_estimate\":")?;
    let low_ns = json_number_after(median, "\"lower_bound\":")?;
    let high_ns = json_number_after(median, "\"upper_bound\":")?;
    let when = std::fs::metadata(&estimates_path)
        .and_then(|m| m.modified())
        .ok()?;
    Some((
        group,
        Measured {
            function,
            median_ns,
            low_ns,
            high_ns,
            when,
        },
    ))
}

fn json_number_after(text: &str, key: &str) -> Option<f64> {
    let at = text.find(key)? + key.len();
    let rest = text[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.3} µs", ns / 1e3)
    } else {
        format!("{ns:.2} ns")
    }
}

fn command_line(program: &str, args: &[&str]) -> String {
    std::process::Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

fn render(
    groups: &BTreeMap<String, Vec<Measured>>,
    lto_groups: &BTreeMap<String, Vec<Measured>>,
    notes: &Path,
    quick: bool,
    lto: bool,
    filter: Option<&str>,
) -> Result<String, Failed> {
    let mut doc = String::new();
    let rustc = command_line("rustc", &["--version"]);
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let cpu_model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|r| r.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let date = command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    let _ = writeln!(doc, "# Benchmarks\n");
    let command = format!(
        "cargo xtask bench{}{}{}",
        if quick { " --quick" } else { "" },
        if lto { " --lto" } else { "" },
        filter.map(|f| format!(" {f}")).unwrap_or_default()
    );
    let _ = writeln!(
        doc,
        "Last generated by `{command}` on {date} ({rustc}, {cpus} CPUs, {cpu_model}). \
         Do not edit by hand: re-run the command.{}\n",
        if filter.is_some() {
            " That run was filtered: the groups it did not match keep the \
             figures of the previous full run (the rows of one table always \
             come from one run)."
        } else {
            ""
        }
    );
    let _ = writeln!(
        doc,
        "Each table is one criterion group: every implementation ran the same \
         workload in the same process, one after the other. Times are criterion's \
         median per iteration, with its 95% confidence interval. The ratio is \
         *other / rill*: above 1.0 rill is faster, below 1.0 it is slower. The \
         machine is shared and noisy, so compare ratios, not absolute times, and \
         treat differences under ~5% as noise.\n"
    );
    render_groups(&mut doc, groups);
    if !lto_groups.is_empty() {
        let _ = writeln!(
            doc,
            "# Optimised build: thin LTO, one codegen unit\n\n\
             The same benches in the `bench-lto` profile (`lto = \"thin\"`, \
             `codegen-units = 1`, `cargo xtask bench --lto`), where a call no \
             longer hides the per-item cost of an adapter. Results kept in \
             target/criterion-lto{}.\n",
            if lto {
                ", from this run"
            } else {
                ", from the last `--lto` run (this one did not pass `--lto`)"
            }
        );
        render_groups(&mut doc, lto_groups);
    }
    let mut fragments: Vec<PathBuf> = std::fs::read_dir(notes)
        .map_err(|e| Failed(format!("cannot read {}: {e}", notes.display())))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    fragments.sort();
    if !fragments.is_empty() {
        let _ = writeln!(
            doc,
            "# Other measurements\n\nFigures criterion cannot give (allocations, memory, compile \
             times), written by the benches themselves during the same run.\n"
        );
    }
    for f in fragments {
        let text = std::fs::read_to_string(&f)
            .map_err(|e| Failed(format!("cannot read {}: {e}", f.display())))?;
        doc.push_str(text.trim_end());
        doc.push_str("\n\n");
    }
    Ok(doc)
}

/// One table per criterion group.
fn render_groups(doc: &mut String, groups: &BTreeMap<String, Vec<Measured>>) {
    for (group, measured) in groups {
        let _ = writeln!(doc, "## {group}\n");
        let rill = measured.iter().find(|m| m.function == "rill");
        let oldest = measured.iter().map(|m| m.when).min();
        let newest = measured.iter().map(|m| m.when).max();
        if let (Some(a), Some(b)) = (oldest, newest)
            && b.duration_since(a).map_or(0, |d| d.as_secs()) > 3600
        {
            let _ = writeln!(
                doc,
                "*Warning: these rows were measured more than an hour apart (a filtered run); re-run the group.*\n"
            );
        }
        let _ = writeln!(
            doc,
            "| implementation | median | 95% CI | rill median | ratio (other / rill) |"
        );
        let _ = writeln!(doc, "|---|---:|---:|---:|---:|");
        for m in measured {
            let (rill_median, ratio) = match rill {
                Some(r) if m.function != "rill" => (
                    human(r.median_ns),
                    format!("{:.2}x", m.median_ns / r.median_ns),
                ),
                Some(_) => ("".into(), "baseline".into()),
                None => ("n/a".into(), "n/a".into()),
            };
            let _ = writeln!(
                doc,
                "| {} | {} | {} – {} | {} | {} |",
                m.function,
                human(m.median_ns),
                human(m.low_ns),
                human(m.high_ns),
                rill_median,
                ratio
            );
        }
        let _ = writeln!(doc);
    }
}
