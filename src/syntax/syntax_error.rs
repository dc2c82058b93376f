//! A syntax error any parser here reports: where and what.

use crate::base::source::Span;

/// A syntax error: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}
