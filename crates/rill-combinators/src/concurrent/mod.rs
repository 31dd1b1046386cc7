//! Concurrency: the task set and everything built on it (one combinator per
//! file). The waker protocol, fairness and budget are described in
//! `ready_queue.rs`; the pinning rules in `slab.rs`.

mod abortable;
// The unsafe code of the task set: these three modules, each block with a
// `// SAFETY:` comment.
#[allow(unsafe_code)]
mod atomic_waker;
#[allow(unsafe_code)]
mod slab;
#[allow(unsafe_code)]
mod wake_block;

mod buffer;
mod fill;
mod pool;
mod ready_queue;
mod task_set;
mod try_support;

mod buffer_unordered;
mod buffered;
mod flatten_unordered;
mod for_each_concurrent;
mod futures_ordered;
pub mod futures_unordered;
pub mod select_all;
mod set_iter;
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

// The wake tracking, for the merge of a fixed collection of streams
// (`collections::MergeStreams`).
pub(crate) use ready_queue::{BUDGET, ReadyQueue, Turn};
