//! Layer 6: the run — configuration, the passes over files and projects, suppressions, and the
//! report every formatter renders.

pub mod config;
pub(crate) mod fingerprint;
pub mod lint;
pub mod report;
pub(crate) mod summary;
