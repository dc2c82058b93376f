//! Rendering options the formatters share.

use crate::base::message::Lang;

/// Rendering options the formatters share.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// The language of messages.
    pub lang: Lang,
}
