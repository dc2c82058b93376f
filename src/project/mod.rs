//! The mini-program model: pages, components, templates and modules as `app.json` ties them
//! together, and which files are reachable from it.
//!
//! Built by [`build`] in waves (load a set of files in parallel, follow their references, load
//! the next set), so files nothing reaches are never read. Rules in the project pass ask it
//! which templates render on a page and which modules a page's script reaches.

pub(crate) mod app;
mod build;
pub(crate) mod discover;
pub(crate) mod files;
pub(crate) mod framework;
mod model;
pub(crate) mod not_app;
pub(crate) mod resolve;

pub use build::{Loader, build};
pub use model::*;
