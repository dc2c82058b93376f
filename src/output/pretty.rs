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
use crate::base::message::{Catalogue, Lang};
use crate::base::messages;
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
        write!(out, "{}", localize_labels(&rendered, text))?;
        let related = related(report, text, d);
        if !related.is_empty() {
            write!(out, "{related}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(&report.summary, style.color, text))
}

/// The closing line: what was found, in how many files, what was suppressed or skipped — in
/// the catalogue's language, with counts as the catalogue's plurals.
pub fn summary_line(summary: &Summary, color: bool, text: &Catalogue) -> String {
    let paint = |code: &str, text: String| {
        if color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text
        }
    };
    let files = text.render(&messages::summary_files(summary.files));
    let mut line = if summary.errors + summary.warnings + summary.infos == 0 {
        paint("1;32", text.render(&messages::summary_clean(files)))
    } else {
        let mut parts = Vec::new();
        if summary.errors > 0 {
            let errors = text.render(&messages::summary_errors(summary.errors));
            parts.push(paint("1;31", errors));
        }
        if summary.warnings > 0 {
            let warnings = text.render(&messages::summary_warnings(summary.warnings));
            parts.push(paint("1;33", warnings));
        }
        if summary.infos > 0 {
            let infos = text.render(&messages::summary_infos(summary.infos));
            parts.push(paint("1;36", infos));
        }
        text.render(&messages::summary_found(parts, files))
    };
    if summary.suppressed > 0 {
        line.push_str(&text.render(&messages::summary_suppressed(summary.suppressed)));
    }
    if summary.skipped > 0 {
        line.push_str(&text.render(&messages::summary_skipped(summary.skipped)));
    }
    if summary.build_output > 0 {
        line.push_str(&text.render(&messages::summary_build_output(summary.build_output)));
    }
    line
}

/// miette writes its own English label `help:` before a help text; this puts the catalogue's in
/// its place. Only the start of a line is
/// looked at (after colour codes), where miette puts them: findings' own text is indented
/// under `│` or wrapped under the label, and control characters from the code were made
/// visible, so no finding can forge a label.
fn localize_labels(rendered: &str, text: &Catalogue) -> String {
    if text.lang() == Lang::En {
        return rendered.to_string();
    }
    let help = format!("{}: ", text.render(&messages::pretty_help_label()));
    let mut out = String::with_capacity(rendered.len());
    for line in rendered.split_inclusive('\n') {
        let plain = strip_colour(line);
        if plain.starts_with("  help: ") {
            out.push_str(&line.replacen("help: ", &help, 1));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// A line without its ANSI colour codes.
fn strip_colour(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
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
        let en = Catalogue::shared(Lang::En);
        let zh = Catalogue::shared(Lang::ZhCn);
        assert_eq!(
            summary_line(&s, false, en),
            "✖ 2 errors, 1 warning in 3 files; 1 suppressed by comments; 2 source files not reachable from app.json and skipped (--all-files lints them)"
        );
        assert_eq!(
            summary_line(&s, false, zh),
            "✖ 在 3 个文件中发现 2 个错误、1 个警告；另有 1 处被注释屏蔽；2 个源文件从 app.json 无法到达，已跳过（加 `--all-files` 可检查它们）"
        );
        let clean = Summary {
            files: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&clean, false, en),
            "✔ No problems found in 1 file"
        );
        assert_eq!(
            summary_line(&clean, false, zh),
            "✔ 检查了 1 个文件，没有发现问题"
        );
        let coloured = summary_line(&s, true, zh);
        assert!(
            coloured.contains("\u{1b}[1;31m2 个错误\u{1b}[0m"),
            "{coloured}"
        );
    }

    #[test]
    fn miettes_labels_follow_the_language() {
        let rendered = "  ⚠ message\n  help: do this\n  │ help: not a label\n";
        let zh = localize_labels(rendered, Catalogue::shared(Lang::ZhCn));
        assert_eq!(zh, "  ⚠ message\n  建议: do this\n  │ help: not a label\n");
        let coloured = "\u{1b}[36m  help: \u{1b}[0mdo this\n";
        assert_eq!(
            localize_labels(coloured, Catalogue::shared(Lang::ZhCn)),
            "\u{1b}[36m  建议: \u{1b}[0mdo this\n"
        );
        assert_eq!(
            localize_labels(rendered, Catalogue::shared(Lang::En)),
            rendered
        );
    }
}
