//! `--format gitlab`: GitLab Code Quality, the report the merge-request widget reads
//! (`artifacts: reports: codequality:`). A JSON array of issues, each with a `description`, the
//! rule as `check_name`, a `severity`, the place, and a `fingerprint` by which GitLab tells new
//! findings from known ones: the same fingerprint as SARIF's, built from the rule, the file, the
//! line's text and the occurrence — never from the message, which changes with `--lang`.
//!
//! Format: <https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>;
//! `schemas/gitlab-code-quality.schema.json` is what the tests check the output against.

use std::io::{self, Write};

use serde::Serialize;

use crate::base::diagnostic::Severity;
use crate::base::message::Catalogue;
use crate::engine::fingerprint;
use crate::engine::report::Report;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'static str,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

/// GitLab's severities, as ESLint's GitLab formatter maps lint levels: an error blocks the review
/// (`major`), a warning should be looked at (`minor`), an info is a reminder (`info`).
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let fingerprints = fingerprint::fingerprints(report);
    let issues: Vec<Issue<'_>> = report
        .diagnostics
        .iter()
        .zip(&fingerprints)
        .map(|(d, fingerprint)| {
            let (start, end) = report.range(d);
            Issue {
                kind: "issue",
                description: text.render(&d.message),
                check_name: d.rule.id,
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: &report.file(d.file).display,
                    lines: Lines {
                        begin: start.line,
                        end: end.line.max(start.line),
                    },
                },
            }
        })
        .collect();
    super::json::write_pretty(&issues, out)
}
