//! JavaScript and TypeScript: parsing with oxc, and the facts rules read from a script.
//!
//! A script is parsed once into an arena; one traversal ([`facts::extract`]) turns it into plain
//! data, and the arena is reset for the next file before the project pass.

pub(crate) mod ast;
pub(crate) mod cond;
pub(crate) mod conditional;
pub(crate) mod eval;
pub(crate) mod facts;
pub(crate) mod nesting;
pub mod parse;
mod scope;
pub(crate) mod static_value;
