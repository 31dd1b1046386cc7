//! `SignalStream`, with signals raised in this process (its own test
//! binary, so no other test shares the process's signal dispositions).
#![cfg(all(feature = "tokio", unix))]

use std::process::Command;
use std::time::Duration;

use rill_combinators::StreamExt;
use rill_core::{FusedStream, Stream};
use rill_io::tokio::SignalStream;
use tokio::signal::unix::{SignalKind, signal};

fn raise(name: &str) {
    let pid = std::process::id().to_string();
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .expect("run `kill`");
    assert!(status.success());
}

/// The next item, bounded in time.
async fn bounded(s: &mut SignalStream) -> Result<Option<()>, tokio::time::error::Elapsed> {
    tokio::time::timeout(Duration::from_secs(10), s.next()).await
}

#[tokio::test]
async fn each_delivery_is_an_item_and_bursts_merge() {
    // The handler is installed here, before any signal is raised.
    let mut usr1 = SignalStream::new(signal(SignalKind::user_defined1()).unwrap());
    assert!(!usr1.is_terminated());
    assert_eq!(usr1.size_hint(), (0, None));
    raise("USR1");
    assert_eq!(bounded(&mut usr1).await, Ok(Some(())));
    // Three deliveries while nobody polls: at least one item, at most three.
    raise("USR1");
    raise("USR1");
    raise("USR1");
    assert_eq!(bounded(&mut usr1).await, Ok(Some(())));
    let mut extra = 0;
    while tokio::time::timeout(Duration::from_millis(50), usr1.next())
        .await
        .is_ok()
    {
        extra += 1;
    }
    assert!(extra <= 2, "{extra} extra items for 3 signals");
    // Nothing delivered: pending.
    let mut cx = rill_test::noop_context();
    assert!(
        std::pin::Pin::new(&mut usr1)
            .poll_next(&mut cx)
            .is_pending()
    );
    assert!(format!("{usr1:?}").starts_with("SignalStream"));
}

#[tokio::test]
async fn two_streams_of_one_signal_both_see_it() {
    let mut a = SignalStream::from(signal(SignalKind::user_defined2()).unwrap());
    let mut b = SignalStream::new(signal(SignalKind::user_defined2()).unwrap());
    raise("USR2");
    let both = async { (a.next().await, b.next().await) };
    let got = tokio::time::timeout(Duration::from_secs(10), both).await;
    assert_eq!(got, Ok((Some(()), Some(()))));
    let _listener: &tokio::signal::unix::Signal = a.as_ref();
    let _listener: tokio::signal::unix::Signal = b.into_inner();
}
