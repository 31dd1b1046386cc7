//! `ReadDirStream` over real temporary directories.
#![cfg(feature = "tokio")]

use std::path::PathBuf;

use rill_combinators::StreamExt;
use rill_core::FusedStream;
use rill_io::tokio::ReadDirStream;

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("rill-io-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
async fn every_entry_once_then_the_end() {
    let dir = TempDir::new("read-dir-all");
    let mut want: Vec<String> = (0..100).map(|i| format!("f{i:03}")).collect();
    for name in &want {
        std::fs::write(dir.0.join(name), name).unwrap();
    }
    std::fs::create_dir(dir.0.join("sub")).unwrap();
    want.push("sub".into());
    // More entries than tokio reads per blocking call (32): several refills.
    let mut entries = ReadDirStream::new(tokio::fs::read_dir(&dir.0).await.unwrap());
    let mut got = Vec::new();
    while let Some(entry) = entries.next().await {
        got.push(entry.unwrap().file_name().into_string().unwrap());
    }
    assert!(entries.is_terminated());
    assert!(entries.next().await.is_none(), "fused after the end");
    got.sort();
    assert_eq!(got, want);
}

#[tokio::test]
async fn an_empty_directory_ends_at_once() {
    let dir = TempDir::new("read-dir-empty");
    let mut entries = ReadDirStream::from(tokio::fs::read_dir(&dir.0).await.unwrap());
    assert!(!entries.is_terminated());
    assert!(entries.next().await.is_none());
    assert!(entries.is_terminated());
    assert!(format!("{entries:?}").starts_with("ReadDirStream"));
}

#[test]
fn it_runs_on_a_multi_thread_runtime_too() {
    let dir = TempDir::new("read-dir-mt");
    std::fs::write(dir.0.join("only"), b"x").unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let names: Vec<String> = rt.block_on(async {
        ReadDirStream::new(tokio::fs::read_dir(&dir.0).await.unwrap())
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect()
            .await
    });
    assert_eq!(names, ["only"]);
}

#[test]
fn the_stream_contract_holds() {
    // Driven by rill-test's block_on on this thread (the runtime entered
    // for tokio's blocking pool), through `check_fused_stream`: the same
    // entries through `interleave_pending`, size hints bound, fused end.
    let dir = TempDir::new("read-dir-check");
    for name in ["x", "y", "z"] {
        std::fs::write(dir.0.join(name), name).unwrap();
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    let _entered = rt.enter();
    let make = || {
        let read_dir = rt.block_on(tokio::fs::read_dir(&dir.0)).unwrap();
        ReadDirStream::new(read_dir).map(|e| e.unwrap().file_name().into_string().unwrap())
    };
    let mut names = rill_test::check_fused_stream(make);
    names.sort();
    assert_eq!(names, ["x", "y", "z"]);
}
