//! Layer 1: what every other layer speaks — source files and spans, diagnostics, rule metadata,
//! rule data and the errors that stop a run.

pub mod alloc;
pub(crate) mod api;
pub mod case;
pub mod data;
pub mod diagnostic;
pub(crate) mod error;
pub(crate) mod index;
pub mod intern;
#[cfg(test)]
pub(crate) mod locale_check;
pub mod message;
pub mod messages;
pub mod meta;
pub mod source;
pub mod suggest;
pub mod vfs;
