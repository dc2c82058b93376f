//! `--format junit`: JUnit XML, which CI systems show as test results. Each linted file is a
//! test suite and each finding a test case: an error is a failure; a warning or an info is a
//! passing case with the finding in its output, since neither fails the check (CI systems
//! that count failures would otherwise fail on them). A file without findings is one passing
//! case.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::xml::escape;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Catalogue;
use crate::engine::report::Report;

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = report
        .linted
        .iter()
        .map(|f| (f.as_str(), Vec::new()))
        .collect();
    for d in &report.diagnostics {
        by_file
            .entry(report.file(d.file).display.as_str())
            .or_default()
            .push(d);
    }
    let tests: usize = by_file.values().map(|v| v.len().max(1)).sum();
    let failing = |found: &[&Diagnostic]| {
        found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    };
    let failures = failing(&report.diagnostics.iter().collect::<Vec<_>>());
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<testsuites name=\"ttlint\" tests=\"{tests}\" failures=\"{failures}\">"
    )?;
    for (file, found) in &by_file {
        let file = escape(file);
        writeln!(
            out,
            "  <testsuite name=\"{file}\" tests=\"{}\" failures=\"{}\">",
            found.len().max(1),
            failing(found)
        )?;
        if found.is_empty() {
            writeln!(out, "    <testcase name=\"{file}\" classname=\"{file}\"/>")?;
        }
        for d in found {
            let (start, _) = report.range(d);
            let detail = match d.help.as_ref().map(|h| text.render(h)) {
                Some(help) => format!(
                    "{}:{}:{}\n{help}\n{}",
                    file,
                    start.line,
                    start.column,
                    d.url()
                ),
                None => format!("{}:{}:{}\n{}", file, start.line, start.column, d.url()),
            };
            writeln!(
                out,
                "    <testcase name=\"{} ({}:{})\" classname=\"{file}\">",
                d.rule.id, start.line, start.column
            )?;
            if d.severity == Severity::Error {
                writeln!(
                    out,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&text.render(&d.message)),
                    d.severity.as_str(),
                    escape(&detail)
                )?;
            } else {
                writeln!(
                    out,
                    "      <system-out>{}: {}\n{}</system-out>",
                    d.severity.as_str(),
                    escape(&text.render(&d.message)),
                    escape(&detail)
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
