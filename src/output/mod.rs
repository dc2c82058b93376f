//! Formatters: renderings of a [`Report`]. They decide nothing; one file per format.

mod json;
mod pretty;
mod sanitize;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::report::Report;

pub use pretty::summary_line;

/// An output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Code frames with the span underlined, for people at a terminal.
    Pretty,
    /// One JSON document (version 1), for editors and scripts.
    Json,
}

/// Rendering options the formatters share.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

/// Writes `report` in `format`.
pub fn write(report: &Report, format: Format, style: Style, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::write(report, style, out),
        Format::Json => json::write(report, out),
    }
}
