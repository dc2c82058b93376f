//! `--format concise`: one line per finding, `path:line:col: severity rule: message`, in the order
//! and with the folding of the pretty output (errors first; a finding repeated in one file is one
//! line that says how many more and where), then the summary line. For a terminal too small for
//! code frames, and for editors that read `file:line:col:` lines.

use std::io::{self, Write};

use super::blocks::shown_blocks;
use super::pretty::{more_like_this, summary_line};
use super::sanitize::clean;
use super::style::Style;
use crate::base::message::Catalogue;
use crate::base::messages;
use crate::engine::report::Report;

pub fn write(
    report: &Report,
    text: &Catalogue,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (shown, hidden) = shown_blocks(report, style.max_diagnostics);
    for block in shown {
        let d = block.first;
        let file = report.file(d.file);
        let at = file.position(d.span.start());
        let mut line = format!(
            "{}:{}:{}: {} {}: {}",
            clean(&file.display),
            at.line,
            at.column,
            text.render(&messages::severity_name(d.severity.as_str())),
            d.rule.id,
            clean(&text.render(&d.message)),
        );
        if !block.rest.is_empty() {
            line.push_str(&format!(" ({})", more_like_this(report, text, &block.rest)));
        }
        writeln!(out, "{line}")?;
    }
    if hidden > 0 {
        writeln!(
            out,
            "{}",
            text.render(&messages::pretty_not_shown(
                hidden,
                style.max_diagnostics.unwrap_or_default()
            ))
        )?;
    }
    writeln!(out, "{}", summary_line(&report.summary, style.color, text))
}
