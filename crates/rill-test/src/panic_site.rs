use std::any::Any;
use std::boxed::Box;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::string::{String, ToString};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

/// What [`panic_site`] saw of a panic: its message and the source location
/// the panic points at (the caller's, for a `#[track_caller]` function).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanicSite {
    /// The panic message (`&str` or `String` payload; a payload of another
    /// type gives `"<non-string panic payload>"`).
    pub message: String,
    /// The source file of the panic location, as `file!()` gives it.
    pub file: String,
    /// The line of the panic location.
    pub line: u32,
    /// The column of the panic location.
    pub column: u32,
}

/// One `panic_site` at a time: the panic hook is global to the process.
static HOOK_LOCK: Mutex<()> = Mutex::new(());

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Runs `f`, which must panic, and returns the panic's message and location.
///
/// Use it to test panic messages and `#[track_caller]`: the location of a
/// panic raised in a `#[track_caller]` function is the line that called it.
/// The panic is caught, and not printed.
///
/// While `f` runs, a panic hook of its own is installed (the previous one is
/// put back afterwards): it records the panic of this thread and passes
/// panics of other threads on to the previous hook, so tests running in
/// parallel keep their output. Calls from several threads take turns.
///
/// # Panics
///
/// When `f` returns without panicking, and when `f` unwinds without calling
/// the panic hook (`std::panic::resume_unwind`).
///
/// ```
/// #[track_caller]
/// fn positive(n: i32) -> i32 {
///     assert!(n > 0, "`positive` needs n > 0, got {n}");
///     n
/// }
///
/// let expected_line = line!() + 1;
/// let site = rill_test::panic_site(|| assert_eq!(positive(-1), -1));
/// assert_eq!(site.message, "`positive` needs n > 0, got -1");
/// assert_eq!(site.line, expected_line);
/// assert!(site.file.ends_with(".rs"));
/// ```
pub fn panic_site(f: impl FnOnce()) -> PanicSite {
    let _turn = HOOK_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    let me = thread::current().id();
    let seen: Arc<Mutex<Option<(String, u32, u32)>>> = Arc::default();
    let previous: Arc<Hook> = Arc::new(panic::take_hook());
    {
        let seen = Arc::clone(&seen);
        let previous = Arc::clone(&previous);
        panic::set_hook(Box::new(move |info| match info.location() {
            Some(at) if thread::current().id() == me => {
                let at = (at.file().to_string(), at.line(), at.column());
                *seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(at);
            }
            _ => (*previous)(info),
        }));
    }
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    // Dropping our hook drops its handle on the previous one.
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(previous) => panic::set_hook(previous),
        // Not expected (our hook, the other holder, is dropped): keep the
        // previous hook working all the same.
        Err(previous) => panic::set_hook(Box::new(move |info| (*previous)(info))),
    }
    let payload = match result {
        Ok(()) => panic!("panic_site: the closure returned without panicking"),
        Err(payload) => payload,
    };
    let seen = seen.lock().unwrap_or_else(PoisonError::into_inner).take();
    let Some((file, line, column)) = seen else {
        panic!("panic_site: the closure unwound without calling the panic hook (resume_unwind?)");
    };
    PanicSite {
        message: panic_message(payload.as_ref()),
        file,
        line,
        column,
    }
}

/// The message of a caught panic payload (what `std::panic::catch_unwind`
/// returns as its error): the `&str` or `String` the panic carried, or
/// `"<non-string panic payload>"`.
///
/// For tests that catch a panic themselves and go on (a set that must stay
/// usable after a child panicked); to check one panic, [`panic_site`] is
/// shorter and also gives its location.
///
/// ```
/// use std::panic::catch_unwind;
///
/// let payload = catch_unwind(|| panic!("slot {} is empty", 3)).unwrap_err();
/// assert_eq!(rill_test::panic_message(&*payload), "slot 3 is empty");
/// let payload = catch_unwind(|| std::panic::panic_any(7)).unwrap_err();
/// assert_eq!(rill_test::panic_message(&*payload), "<non-string panic payload>");
/// ```
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<non-string panic payload>")
    }
}
