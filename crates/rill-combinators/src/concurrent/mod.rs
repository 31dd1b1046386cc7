//! Concurrency: the task set and everything built on it (one combinator per
//! file). See `task_set.rs` for the waker protocol.

mod abortable;
mod atomic_waker;
#[macro_use]
mod fill;
mod task_set;
#[macro_use]
mod try_support;

mod buffer_unordered;
mod buffered;
mod flatten_unordered;
mod for_each_concurrent;
mod futures_ordered;
pub mod futures_unordered;
mod select_all;
mod stream_map;
mod try_buffer_unordered;
mod try_buffered;
mod try_flatten_unordered;
mod try_for_each_concurrent;

pub use abortable::{AbortHandle, AbortRegistration, Abortable, Aborted, abortable};
pub use buffer_unordered::BufferUnordered;
pub use buffered::Buffered;
pub use flatten_unordered::{FlatMapUnordered, FlattenUnordered};
pub use for_each_concurrent::ForEachConcurrent;
pub use futures_ordered::FuturesOrdered;
pub use futures_unordered::FuturesUnordered;
pub use select_all::{SelectAll, select_all};
pub use stream_map::{StreamMap, StreamNotifyClose};
pub use try_buffer_unordered::TryBufferUnordered;
pub use try_buffered::TryBuffered;
pub use try_flatten_unordered::TryFlattenUnordered;
pub use try_for_each_concurrent::TryForEachConcurrent;
