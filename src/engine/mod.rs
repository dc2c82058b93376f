//! Layer 6: the run — configuration, the passes over files and projects, suppressions, and the
//! report every formatter renders.

pub(crate) mod baseline;
pub mod config;
pub(crate) mod fingerprint;
pub(crate) mod fix;
pub mod lint;
pub mod report;
pub(crate) mod session;
pub(crate) mod summary;
