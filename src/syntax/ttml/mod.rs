//! TTML templates: our own tolerant parser (see [`parser`]) and the queries rules ask of a
//! template — which conditions guard a node, which text users see, which files it pulls in.
//!
//! The document is an arena in document order with parent links: no walk over it recurses, so
//! markup nested a hundred thousand levels deep costs time, never the stack.

mod document;
pub mod expr;
mod parser;

pub use document::*;
pub use expr::{Binding, Cond};
pub use parser::parse;
