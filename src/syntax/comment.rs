//! Comments as every parser here records them: a span in the file and the text inside the
//! delimiters. Suppression directives and uni-app `#ifdef` regions are read from them.

use crate::base::source::Span;

/// A comment with its span in the file and its text without the `//` or `/* */` delimiters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    pub text: String,
    pub block: bool,
}
