//! Rendering options the formatters share.

use crate::base::message::Lang;

/// Rendering options the formatters share.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// The language of messages.
    pub lang: Lang,
    /// `--max-diagnostics`: how many findings (or folded blocks) the formats for people show;
    /// their counts stay true. Machine formats always carry every finding.
    pub max_diagnostics: Option<usize>,
}
