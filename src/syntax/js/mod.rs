//! JavaScript and TypeScript: parsing with swc, and the facts rules read from a script.
//!
//! A script is parsed once; one traversal ([`facts::extract`]) turns it into plain data and the
//! syntax tree is dropped before the project pass.

pub mod ast;
pub mod cond;
pub mod conditional;
pub mod eval;
pub mod facts;
pub mod nesting;
pub mod parse;
mod scope;
pub mod static_value;
