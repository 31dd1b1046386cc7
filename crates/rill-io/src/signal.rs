use std::pin::Pin;
use std::task::{Context, Poll};

use ::tokio::signal::unix::Signal;
use rill_core::{FusedStream, Stream};

/// A unix signal listener (`tokio::signal::unix::Signal`) as a stream of
/// `()`, one per delivery, as tokio-stream's `wrappers::SignalStream`
/// (unix only).
///
/// Deliveries that arrive while no one polls are merged, as tokio's
/// `Signal::recv` merges them: after a burst of signals the stream yields
/// at least one `()`, not one per signal. The stream ends when tokio's
/// `Signal` says no more deliveries can come (`poll_recv` returns `None`);
/// after the end, `None` forever (fused). The signal handler is installed by
/// `tokio::signal::unix::signal`, before the stream exists, and stays
/// installed for the life of the process, as tokio documents.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use rill_combinators::StreamExt;
/// use rill_io::tokio::SignalStream;
/// use tokio::signal::unix::{SignalKind, signal};
///
/// let mut hangups = SignalStream::new(signal(SignalKind::hangup())?);
/// // Raise SIGHUP in this process (the handler is installed: no exit).
/// let pid = std::process::id().to_string();
/// let status = std::process::Command::new("kill").args(["-HUP", &pid]).status()?;
/// assert!(status.success());
/// assert_eq!(hangups.next().await, Some(()));
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use = "streams do nothing unless polled"]
pub struct SignalStream {
    signal: Signal,
    done: bool,
}

impl SignalStream {
    /// Wraps a signal listener.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use tokio::signal::unix::{SignalKind, signal};
    ///
    /// let s = rill_io::tokio::SignalStream::new(signal(SignalKind::user_defined2())?);
    /// assert!(!rill_core::FusedStream::is_terminated(&s));
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(signal: Signal) -> Self {
        Self {
            signal,
            done: false,
        }
    }

    /// Returns a shared reference to the listener.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use tokio::signal::unix::{SignalKind, signal};
    ///
    /// let s = rill_io::tokio::SignalStream::new(signal(SignalKind::user_defined2())?);
    /// assert!(format!("{:?}", s.get_ref()).starts_with("Signal"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_ref(&self) -> &Signal {
        &self.signal
    }

    /// Returns a mutable reference to the listener; a delivery received
    /// through it directly is not seen by the stream.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use tokio::signal::unix::{SignalKind, signal};
    ///
    /// let mut s = rill_io::tokio::SignalStream::new(signal(SignalKind::user_defined2())?);
    /// let mut cx = rill_test::noop_context();
    /// assert!(s.get_mut().poll_recv(&mut cx).is_pending()); // nothing delivered yet
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_mut(&mut self) -> &mut Signal {
        &mut self.signal
    }

    /// Returns the listener.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use tokio::signal::unix::{SignalKind, signal};
    ///
    /// let s = rill_io::tokio::SignalStream::new(signal(SignalKind::user_defined2())?);
    /// let mut listener: tokio::signal::unix::Signal = s.into_inner();
    /// // Still registered: a SIGUSR2 sent to this process reaches it.
    /// std::process::Command::new("kill")
    ///     .args(["-USR2", &std::process::id().to_string()])
    ///     .status()?;
    /// assert_eq!(listener.recv().await, Some(()));
    /// # Ok(())
    /// # }
    /// ```
    pub fn into_inner(self) -> Signal {
        self.signal
    }
}

impl Stream for SignalStream {
    type Item = ();

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<()>> {
        if self.done {
            return Poll::Ready(None);
        }
        let next = self.signal.poll_recv(cx);
        if let Poll::Ready(None) = next {
            self.done = true;
        }
        next
    }
}

impl FusedStream for SignalStream {
    fn is_terminated(&self) -> bool {
        self.done
    }
}

impl AsRef<Signal> for SignalStream {
    fn as_ref(&self) -> &Signal {
        &self.signal
    }
}

impl AsMut<Signal> for SignalStream {
    fn as_mut(&mut self) -> &mut Signal {
        &mut self.signal
    }
}

impl From<Signal> for SignalStream {
    /// Same as [`SignalStream::new`].
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use tokio::signal::unix::{SignalKind, signal};
    ///
    /// let s: rill_io::tokio::SignalStream = signal(SignalKind::user_defined2())?.into();
    /// assert!(!rill_core::FusedStream::is_terminated(&s));
    /// # Ok(())
    /// # }
    /// ```
    fn from(signal: Signal) -> Self {
        Self::new(signal)
    }
}
