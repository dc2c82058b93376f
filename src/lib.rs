//! ttlint: a compliance linter for Douyin (抖音) mini-programs.
//!
//! The flow of a run, one direction: discover → load & parse (once per file, in parallel) → file
//! pass (rules over facts) → project pass → report → output. Modules are layered and only import
//! from lower layers (see `docs/architecture.md`, checked by `tests/layers.rs`):
//!
//! 1. [`base`]: sources, spans, diagnostics, rule metadata, messages, rule data, errors;
//! 2. [`syntax`]: parsing into facts and the markup model;
//! 3. [`project`]: the files of a run and the mini-program model;
//! 4. [`analysis`]: what several rules share;
//! 5. [`rules`]: one module per rule;
//! 6. [`engine`] and [`output`]: the run and its renderings;
//! 7. [`cli`]: arguments and exit codes; `lsp`: the language server `ttlint lsp` starts;
//!    `fuzzing` (with the `fuzzing` feature): the entry points of the fuzz targets.
//!
//! Only what the binary, the integration tests and the benchmarks use is public; everything else
//! is `pub(crate)`, so the compiler reports what nothing uses.

pub mod analysis;
pub mod base;
pub mod cli;
pub mod engine;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub(crate) mod lsp;
pub mod output;
pub(crate) mod project;
pub mod rules;
pub mod syntax;
