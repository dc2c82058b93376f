//! `--format github`: GitHub Actions workflow commands, one per finding, which show as
//! annotations on the pull request.
//!
//! Everything from the linted code is escaped so that no message or file name can end the
//! command early or start another one.

use std::io::{self, Write};

use crate::base::diagnostic::Severity;
use crate::base::message::Catalogue;
use crate::engine::report::Report;

/// Escapes a command's message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property: the message escapes plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        let (start, end) = report.range(d);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = text.render(&d.message);
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(&text.render(help));
        }
        message.push('\n');
        message.push_str(d.url());
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&report.file(d.file).display),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("ttlint {}", d.rule.id)),
            escape_data(&message),
        )?;
    }
    Ok(())
}
