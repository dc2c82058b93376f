//! Rendering options the formatters share.

/// Rendering options the formatters share.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}
