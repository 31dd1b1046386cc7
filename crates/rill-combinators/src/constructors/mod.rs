//! Functions that create streams: `iter`, `once`, `unfold`, ...
//! One constructor per file.

mod iter;

pub use iter::{Iter, iter};
