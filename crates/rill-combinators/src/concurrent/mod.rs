//! Concurrency: the task set and everything built on it (one combinator per
//! file). See `task_set.rs` for the waker protocol.

mod atomic_waker;
#[macro_use]
mod fill;
mod task_set;

mod buffer_unordered;
mod buffered;
mod for_each_concurrent;
mod futures_ordered;
pub mod futures_unordered;
mod select_all;
mod stream_map;

pub use buffer_unordered::BufferUnordered;
pub use buffered::Buffered;
pub use for_each_concurrent::ForEachConcurrent;
pub use futures_ordered::FuturesOrdered;
pub use futures_unordered::FuturesUnordered;
pub use select_all::{SelectAll, select_all};
pub use stream_map::{StreamMap, StreamNotifyClose};
