//! JavaScript and TypeScript: parsing with swc, and the facts rules read from a script.
//!
//! A script is parsed once; one traversal ([`facts::extract`]) turns it into plain data and the
//! syntax tree is dropped before the project pass.

pub(crate) mod ast;
pub(crate) mod cond;
pub(crate) mod conditional;
pub(crate) mod eval;
pub(crate) mod facts;
pub(crate) mod nesting;
pub mod parse;
mod scope;
pub(crate) mod static_value;
