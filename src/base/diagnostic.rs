//! The one diagnostic type every rule emits and every formatter renders.

use super::message::Message;
use super::meta::RuleMeta;
pub use super::meta::Severity;
use crate::base::source::{FileId, Span};

/// A secondary location that explains a finding, possibly in another file (for example the trade
/// call sites behind a project-level finding on `app.json`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: FileId,
    pub span: Span,
    pub label: Message,
}

/// One replacement in a file: the text of `span` becomes `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// How a rule's fix may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// Keeps the code's meaning on Douyin: `--fix` applies it.
    Safe,
    /// Changes behaviour the author should look at: offered, applied only on request.
    Unsafe,
}

/// A change that removes a finding: edits in the finding's file, never overlapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// A finding: which rule, where, what is wrong and what to do instead.
///
/// Rules create diagnostics at their rule's default severity; the engine applies the configured
/// severity, suppressions and the `--quiet` filter before anything is rendered.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub file: FileId,
    pub span: Span,
    pub message: Message,
    pub help: Option<Message>,
    pub related: Vec<Related>,
    /// A change that removes the finding, when the rule knows one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &'static RuleMeta, file: FileId, span: Span, message: Message) -> Self {
        Self {
            rule,
            severity: rule.default_severity,
            file,
            span,
            message,
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_related(mut self, file: FileId, span: Span, label: Message) -> Self {
        self.related.push(Related { file, span, label });
        self
    }

    /// The rule's documentation page on the platform site.
    pub fn url(&self) -> &'static str {
        self.rule.url
    }
}
