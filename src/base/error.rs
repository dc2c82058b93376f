//! The error that stops a run before any finding is made: a bad argument, a bad `ttlint.json`, a
//! path that does not exist. It maps to exit code 2.

use std::fmt;

/// A problem that stops the run (exit code 2): bad config, bad arguments, unreadable paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}
