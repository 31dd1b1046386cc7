//! Functions that create streams: `iter`, `once`, `unfold`, ...
//! One constructor per file.

// The random generator of `race`.
mod rng;

mod empty;
pub use empty::{Empty, empty};

mod flatten_stream;
pub use flatten_stream::{FlattenStream, flatten_stream};

mod from_fn;
pub use from_fn::{FromFn, from_fn};

mod iter;
pub use iter::{Iter, iter};

mod once;
pub use once::{Once, once};

mod or;
pub use or::{Or, or};

mod pending;
pub use pending::{Pending, pending};

mod poll_fn;
pub use poll_fn::{PollFn, poll_fn};

mod poll_immediate;
pub use poll_immediate::{PollImmediate, poll_immediate};

mod race;
pub use race::{Race, race, race_with_seed};

mod repeat;
pub use repeat::{Repeat, repeat};

mod repeat_with;
pub use repeat_with::{RepeatWith, repeat_with};

mod select;
pub use select::{Select, select};

mod select_with_strategy;
pub use select_with_strategy::{PollNext, SelectWithStrategy, select_with_strategy};

mod successors;
pub use successors::{Successors, successors};

mod try_flatten_stream;
pub use try_flatten_stream::{TryFlattenStream, try_flatten_stream};

mod try_unfold;
pub use try_unfold::{TryUnfold, try_unfold};

mod unfold;
pub use unfold::{Unfold, unfold};
