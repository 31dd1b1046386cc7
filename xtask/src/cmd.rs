//! Running commands: a tiny builder that echoes what it runs and turns a
//! non-zero exit into an error.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A failed task or step, with a message saying what failed.
#[derive(Debug)]
pub(crate) struct Failed(pub(crate) String);

/// A command about to run, in a given directory.
#[derive(Debug)]
pub(crate) struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    pub(crate) fn new(program: &str, dir: &Path) -> Self {
        let mut inner = Command::new(program);
        inner.current_dir(dir);
        Cmd {
            inner,
            shown: program.to_string(),
        }
    }

    /// `cargo`, as the one running xtask (honours `$CARGO`).
    pub(crate) fn cargo(dir: &Path) -> Self {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Cmd::new(&cargo, dir);
        cmd.shown = "cargo".into();
        cmd
    }

    pub(crate) fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.shown.push(' ');
        self.shown.push_str(&arg.as_ref().to_string_lossy());
        self.inner.arg(arg);
        self
    }

    pub(crate) fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    pub(crate) fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.shown = format!("{key}={} {}", value.as_ref().to_string_lossy(), self.shown);
        self.inner.env(key, value);
        self
    }

    /// Runs the command with inherited stdio; a non-zero exit is an error.
    pub(crate) fn run(mut self) -> Result<(), Failed> {
        println!("$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| Failed(format!("could not start `{}`: {e}", self.shown)))?;
        if status.success() {
            Ok(())
        } else {
            Err(Failed(format!("`{}` exited with {status}", self.shown)))
        }
    }

    /// Runs the command and returns its standard output (stderr inherited).
    pub(crate) fn output(mut self) -> Result<String, Failed> {
        println!("$ {}", self.shown);
        let out = self
            .inner
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| Failed(format!("could not start `{}`: {e}", self.shown)))?;
        if !out.status.success() {
            return Err(Failed(format!(
                "`{}` exited with {}",
                self.shown, out.status
            )));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// Whether `program args...` runs and exits successfully (a presence
/// check). `cargo-foo` is looked up the way users run it: `cargo foo`.
pub(crate) fn found(program: &str, args: &[&str]) -> bool {
    let mut cmd = match program.strip_prefix("cargo-") {
        Some(sub) => {
            let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
            c.arg(sub);
            c
        }
        None => Command::new(program),
    };
    cmd.args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Builds the test binaries of one package and returns `(target name,
/// executable)` pairs, read from cargo's JSON messages.
pub(crate) fn test_binaries(root: &Path, krate: &str) -> Result<Vec<(String, PathBuf)>, Failed> {
    let out = Cmd::cargo(root)
        .args(["test", "-p", krate, "--all-features", "--tests", "--no-run"])
        .args(["--message-format=json"])
        .output()?;
    let mut found = Vec::new();
    for line in out.lines() {
        if !line.contains("\"reason\":\"compiler-artifact\"") {
            continue;
        }
        let Some(exe) = json_string_after(line, "\"executable\":") else {
            continue;
        };
        let name = line
            .find("\"target\":{")
            .and_then(|at| json_string_after(&line[at..], "\"name\":"))
            .unwrap_or_else(|| exe.clone());
        found.push((name, PathBuf::from(exe)));
    }
    Ok(found)
}

/// The JSON string value that follows `key` in `text` (no escapes expected:
/// target names and paths). `None` when the value is `null` or missing.
pub(crate) fn json_string_after(text: &str, key: &str) -> Option<String> {
    let at = text.find(key)? + key.len();
    let rest = text[at..].trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}
