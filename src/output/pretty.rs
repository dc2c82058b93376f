//! `--format pretty`: a code frame per finding (rendered by miette), then a summary line.
//!
//! Frames are cut from the source around the finding: a few lines, and a window of a long line
//! (a minified bundle is one line of megabytes). Control characters are made visible.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::sanitize::{clean, replacement};
use super::style::Style;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Catalogue;
use crate::base::source::{SourceFile, Span};
use crate::engine::report::{Report, Summary};

/// Longest line shown whole, in characters; longer lines are windowed.
const MAX_LINE: usize = 160;
/// Characters kept before the finding on a windowed line.
const LEAD: usize = 40;
/// Lines of a multi-line finding shown before it is cut.
const MAX_SPAN_LINES: u32 = 8;

/// A window of source text around one finding.
struct Snippet {
    /// `file:line:column` of the finding, shown in the frame header.
    name: String,
    text: String,
    /// The 1-based line number of the snippet's first line.
    first_line: usize,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line - 1,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Cuts the snippet for `span` and returns it with the span's place in it.
fn cut(file: &SourceFile, span: Span) -> (Snippet, SourceSpan) {
    let start = file.position(span.start);
    let end_line = file
        .lines
        .line_of(span.end.max(span.start))
        .min(start.line + MAX_SPAN_LINES);
    let first = start.line.saturating_sub(1).max(1);
    let last = (end_line + 1).min(file.lines.line_count() as u32);
    let text = &file.text;
    let mut out = String::new();
    let (mut at_start, mut at_end) = (None, None);
    for line in first..=last {
        let Some(line_start) = file.lines.line_start(line) else {
            break;
        };
        let line_end = file.lines.line_start(line + 1).unwrap_or(text.len());
        let line_text = text[line_start..line_end].trim_end_matches(['\n', '\r']);
        let chars: Vec<(usize, char)> = line_text.char_indices().collect();
        let (from, to) = if chars.len() <= MAX_LINE {
            (0, chars.len())
        } else {
            let lead_from = if line == start.line {
                let col = chars.partition_point(|&(i, _)| line_start + i < span.start);
                col.saturating_sub(LEAD)
            } else {
                0
            };
            (lead_from, (lead_from + MAX_LINE).min(chars.len()))
        };
        if from > 0 {
            out.push('…');
        }
        for &(i, c) in &chars[from..to] {
            let offset = line_start + i;
            if offset == span.start {
                at_start = Some(out.len());
            }
            if offset == span.end {
                at_end = Some(out.len());
            }
            out.push(replacement(c).unwrap_or(c));
        }
        let window_end = chars.get(to).map_or(line_text.len(), |&(i, _)| i) + line_start;
        if at_start.is_some() && at_end.is_none() && span.end <= window_end.max(span.start) {
            at_end = Some(out.len());
        }
        if to < chars.len() {
            out.push('…');
        }
        if at_start.is_none()
            && span.start >= line_start
            && span.start <= line_start + line_text.len()
        {
            at_start = Some(out.len());
        }
        if line < last {
            out.push('\n');
        }
    }
    let s = at_start.unwrap_or(0);
    let e = at_end.unwrap_or(out.len()).max(s);
    let snippet = Snippet {
        name: format!("{}:{}:{}", clean(&file.display), start.line, start.column),
        text: out,
        first_line: first as usize,
    };
    (snippet, SourceSpan::new(s.into(), e - s))
}

/// One finding, as miette wants it.
struct Frame {
    code: Option<String>,
    url: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    snippet: Snippet,
    span: SourceSpan,
    label: Option<String>,
}

impl fmt::Debug for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Frame {}

impl miette::Diagnostic for Frame {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.snippet)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            self.label.clone(),
            self.span,
        ))))
    }
}

fn frame(report: &Report, text: &Catalogue, d: &Diagnostic) -> Frame {
    let (snippet, span) = cut(report.file(d.file), d.span);
    Frame {
        code: Some(d.rule.id.to_string()),
        url: Some(d.url().to_string()),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        },
        message: clean(&text.render(&d.message)),
        help: d.help.as_ref().map(|h| clean(&text.render(h))),
        snippet,
        span,
        label: None,
    }
}

/// The related locations under a finding, one line each with the line of code they point at:
/// where to look next, without a second full snippet per place.
fn related(report: &Report, text: &Catalogue, d: &Diagnostic) -> String {
    let mut out = String::new();
    for r in &d.related {
        let file = report.file(r.file);
        let at = file.position(r.span.start);
        let code = file
            .text
            .lines()
            .nth((at.line as usize).saturating_sub(1))
            .unwrap_or_default()
            .trim();
        out.push_str(&format!(
            "  ↳ {}:{}:{}: {}\n      {}\n",
            file.display,
            at.line,
            at.column,
            clean(&text.render(&r.label)),
            clean(code)
        ));
    }
    out
}

pub fn write(
    report: &Report,
    text: &Catalogue,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .without_primary_span_start()
        .with_width(100);
    for d in &report.diagnostics {
        let mut rendered = String::new();
        // Rendering into a String cannot fail; a formatting error would be a miette bug.
        if handler
            .render_report(&mut rendered, &frame(report, text, d))
            .is_err()
        {
            rendered = format!(
                "{}: {} [{}]\n",
                report.file(d.file).display,
                clean(&text.render(&d.message)),
                d.rule.id
            );
        }
        write!(out, "{rendered}")?;
        let related = related(report, text, d);
        if !related.is_empty() {
            write!(out, "{related}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(&report.summary, style.color))
}

/// The closing line: what was found, in how many files, what was suppressed or skipped.
pub fn summary_line(summary: &Summary, color: bool) -> String {
    let paint = |code: &str, text: String| {
        if color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text
        }
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let files = plural(summary.files, "file");
    let mut line = if summary.errors + summary.warnings + summary.infos == 0 {
        paint("1;32", format!("✔ No problems found in {files}"))
    } else {
        let mut parts = Vec::new();
        if summary.errors > 0 {
            parts.push(paint("1;31", plural(summary.errors, "error")));
        }
        if summary.warnings > 0 {
            parts.push(paint("1;33", plural(summary.warnings, "warning")));
        }
        if summary.infos > 0 {
            parts.push(paint("1;36", plural(summary.infos, "info")));
        }
        format!("✖ {} in {files}", parts.join(", "))
    };
    if summary.suppressed > 0 {
        line.push_str(&format!("; {} suppressed by comments", summary.suppressed));
    }
    if summary.skipped > 0 {
        line.push_str(&format!(
            "; {} not reachable from app.json and skipped (--all-files lints them)",
            plural(summary.skipped, "source file")
        ));
    }
    if summary.build_output > 0 {
        line.push_str(&format!(
            "; {} of compiled output skipped: the source is linted (--include-build-output lints it)",
            plural(summary.build_output, "file")
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;

    fn file(text: &str) -> SourceFile {
        SourceFile::new(
            "a.js".into(),
            "a.js".into(),
            FileKind::Script,
            text.to_string(),
        )
    }

    #[test]
    fn long_lines_are_windowed_around_the_finding() {
        let text = format!("{}tt.pay(){}", "x".repeat(10_000), "y".repeat(10_000));
        let at = text.find("tt.pay").unwrap();
        let (snippet, span) = cut(&file(&text), Span::new(at, at + 6));
        assert!(snippet.text.chars().count() < MAX_LINE + 4);
        let shown = &snippet.text[span.offset()..span.offset() + span.len()];
        assert_eq!(shown, "tt.pay");
        assert_eq!(snippet.name, format!("a.js:1:{}", at + 1));
    }

    #[test]
    fn control_characters_are_made_visible() {
        let text = "a\nb = '\u{1b}[2J'; tt.pay()\nc";
        let at = text.find("tt.pay").unwrap();
        let (snippet, span) = cut(&file(text), Span::new(at, at + 6));
        assert!(!snippet.text.contains('\u{1b}'));
        assert_eq!(
            &snippet.text[span.offset()..span.offset() + span.len()],
            "tt.pay"
        );
        assert_eq!(snippet.first_line, 1);
    }

    #[test]
    fn summary_counts() {
        let s = Summary {
            files: 3,
            errors: 2,
            warnings: 1,
            infos: 0,
            suppressed: 1,
            skipped: 2,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&s, false),
            "✖ 2 errors, 1 warning in 3 files; 1 suppressed by comments; 2 source files not reachable from app.json and skipped (--all-files lints them)"
        );
        assert_eq!(
            summary_line(
                &Summary {
                    files: 1,
                    ..Summary::default()
                },
                false
            ),
            "✔ No problems found in 1 file"
        );
    }
}
