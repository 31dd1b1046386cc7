//! Functions that create streams: `iter`, `once`, `unfold`, ...
//! One constructor per file.

mod empty;
mod flatten_stream;
mod iter;
mod once;
mod pending;
mod poll_fn;
mod poll_immediate;
mod repeat;
mod repeat_with;
mod select;
mod select_with_strategy;
mod successors;
mod try_flatten_stream;
mod try_unfold;
mod unfold;

pub use empty::{Empty, empty};
pub use flatten_stream::{FlattenStream, flatten_stream};
pub use iter::{Iter, iter};
pub use once::{Once, once};
pub use pending::{Pending, pending};
pub use poll_fn::{PollFn, poll_fn};
pub use poll_immediate::{PollImmediate, poll_immediate};
pub use repeat::{Repeat, repeat};
pub use repeat_with::{RepeatWith, repeat_with};
pub use select::{Select, select};
pub use select_with_strategy::{PollNext, SelectWithStrategy, select_with_strategy};
pub use successors::{Successors, successors};
pub use try_flatten_stream::{TryFlattenStream, try_flatten_stream};
pub use try_unfold::{TryUnfold, try_unfold};
pub use unfold::{Unfold, unfold};

// region: async-std and futures-lite constructors (from_fn, or, race; issue 13)
mod from_fn;
mod or;
mod race;
mod rng;

pub use from_fn::{FromFn, from_fn};
pub use or::{Or, or};
pub use race::{Race, race, race_with_seed};
// endregion: async-std and futures-lite constructors
