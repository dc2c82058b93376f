//! `--format github`: GitHub Actions workflow commands, one per finding, which show as
//! annotations on the pull request, and the summary as a last `::notice`. Nothing else is
//! written to the log: every line is a command. When the job has a step summary
//! (`GITHUB_STEP_SUMMARY`), the command line appends [`write_step_summary`] to it.
//!
//! Everything from the linted code is escaped so that no message or file name can end the
//! command early or start another one.

use std::io::{self, Write};

use super::blocks::rule_rows;
use super::pretty::summary_line;
use crate::base::diagnostic::Severity;
use crate::base::message::Catalogue;
use crate::base::messages;
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
    writeln!(
        out,
        "::notice title=ttlint::{}",
        escape_data(&summary_line(&report.summary, false, text))
    )
}

/// The job's step summary, in Markdown: the summary line and the findings per rule.
pub fn write_step_summary(
    report: &Report,
    text: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "### ttlint\n")?;
    writeln!(out, "{}\n", summary_line(&report.summary, false, text))?;
    let rows = rule_rows(report);
    if rows.is_empty() {
        return Ok(());
    }
    let heading = |column: &str| text.render(&messages::pretty_table_heading(column));
    writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|--:|--:|",
        heading("rule"),
        heading("severity"),
        heading("findings"),
        heading("files")
    )?;
    for r in &rows {
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            r.rule,
            text.render(&messages::severity_name(r.severity.as_str())),
            r.findings,
            r.files
        )?;
    }
    writeln!(out)
}
