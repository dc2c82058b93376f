//! What every rule declares about itself, and the areas of the platform rules. Lower layers name
//! rules only through this metadata, never through the rule registry.

use std::fmt;

use serde::Serialize;

/// How serious a finding is. The order matters: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The area of the platform rules a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Payment,
    Ios,
    Drainage,
    Service,
    Deposit,
    Engine,
}

impl Category {
    /// Every category, in the order documentation lists them.
    pub const ALL: [Self; 6] = [
        Self::Payment,
        Self::Ios,
        Self::Drainage,
        Self::Service,
        Self::Deposit,
        Self::Engine,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::Ios => "ios",
            Self::Drainage => "drainage",
            Self::Service => "service",
            Self::Deposit => "deposit",
            Self::Engine => "engine",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule's fixes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// It reports only.
    None,
    /// Its fixes keep the code's meaning on Douyin: `--fix` applies them.
    Safe,
    /// Its fixes need a look: offered, applied only on request.
    Unsafe,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
        }
    }
}

/// What every rule declares about itself. Ids are stable: never rename or reuse one.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub default_severity: Severity,
    pub category: Category,
    /// One line, shown by `ttlint rules`.
    pub summary: &'static str,
    /// Whether the rule can fix what it finds, and how safely.
    pub fix: FixKind,
    /// The platform page the rule rests on.
    pub url: &'static str,
    /// Full documentation in Markdown with fixed headings (what it does, why, example, use
    /// instead, references); shown by `ttlint explain`.
    pub docs: &'static str,
}
