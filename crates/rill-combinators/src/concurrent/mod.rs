//! Concurrency: the task set and everything built on it (one combinator per
//! file). See `task_set.rs` for the waker protocol.

mod atomic_waker;
mod task_set;

pub mod futures_unordered;

pub use futures_unordered::FuturesUnordered;
