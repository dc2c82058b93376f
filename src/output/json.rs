//! `--format json`: the contract editors and CI scripts parse (see `docs/json-output.md`).
//! Changes are additive only; `version` changes if a field ever has to change meaning.

use std::io::{self, Write};

use serde::Serialize;

use crate::base::diagnostic::Applicability;
use crate::base::message::Catalogue;
use crate::base::source::Position;
use crate::engine::report::{Report, Summary};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'static str,
    severity: &'static str,
    category: &'static str,
    message: String,
    help: Option<String>,
    url: &'static str,
    file: &'a str,
    start: JsonPosition,
    end: JsonPosition,
    related: Vec<JsonRelated<'a>>,
    /// The rule's fix, when it has one: what `--fix` applies (if `safe`), for editors to offer.
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    /// `safe` (`--fix` applies it) or `unsafe` (offered only).
    applicability: &'static str,
    /// Replacements in the finding's file, sorted, never overlapping.
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: JsonPosition,
    end: JsonPosition,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: String,
    file: &'a str,
    start: JsonPosition,
    end: JsonPosition,
}

#[derive(Serialize)]
struct JsonPosition {
    line: u32,
    column: u32,
    offset: usize,
}

impl From<Position> for JsonPosition {
    fn from(p: Position) -> Self {
        Self {
            line: p.line,
            column: p.column,
            offset: p.offset,
        }
    }
}

pub fn write(report: &Report, text: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| {
            let (start, end) = report.range(d);
            JsonDiagnostic {
                rule: d.rule.id,
                severity: d.severity.as_str(),
                category: d.rule.category.as_str(),
                message: text.render(&d.message),
                help: d.help.as_ref().map(|h| text.render(h)),
                url: d.url(),
                file: &report.file(d.file).display,
                start: start.into(),
                end: end.into(),
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let file = report.file(r.file);
                        JsonRelated {
                            message: text.render(&r.label),
                            file: &file.display,
                            start: file.position(r.span.start()).into(),
                            end: file.position(r.span.end()).into(),
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|fix| {
                    let file = report.file(d.file);
                    JsonFix {
                        applicability: match fix.applicability {
                            Applicability::Safe => "safe",
                            Applicability::Unsafe => "unsafe",
                        },
                        edits: fix
                            .edits
                            .iter()
                            .map(|e| JsonEdit {
                                start: file.position(e.span.start()).into(),
                                end: file.position(e.span.end()).into(),
                                text: &e.text,
                            })
                            .collect(),
                    }
                }),
            }
        })
        .collect();
    let output = Output {
        version: 1,
        tool: Tool {
            name: "ttlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        diagnostics,
        summary: report.summary,
    };
    write_pretty(&output, out)
}

/// Writes `value` as pretty JSON and a newline, through a buffer of [`CHUNK`] bytes. The
/// serializer writes a few bytes at a time, and through `dyn Write` each of those was a call it
/// could not inline (the JSON of the benchmark's 2,269 findings took twice as long). Laid out
/// whole in a buffer of its own, the report was copied as that buffer doubled, and once more
/// into `out`: two thirds of writing it went to the copies and to the memory they touched.
pub(super) fn write_pretty(value: &impl serde::Serialize, out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(CHUNK, out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// How much of a JSON report [`write_pretty`] lays out before handing it on.
const CHUNK: usize = 64 * 1024;
