//! Layer 6: the run — configuration, the passes over files and projects, suppressions, and the
//! report every formatter renders.

pub mod config;
pub mod fingerprint;
pub mod lint;
pub mod report;
pub mod summary;
