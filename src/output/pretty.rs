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
use rayon::prelude::*;
use unicode_width::UnicodeWidthStr;

use super::blocks::{Block, RuleRow, dominant, rule_rows, shown_blocks};
use super::sanitize::{clean, replacement};
use super::style::Style;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::{Catalogue, Lang};
use crate::base::messages;
use crate::base::source::{SourceFile, Span};
use crate::engine::report::{Report, Summary};

/// The width of the output, in terminal columns.
const WIDTH: usize = 100;
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
    let start = file.position(span.start());
    let end_line = file
        .lines()
        .line_of(span.end().max(span.start()))
        .min(start.line + MAX_SPAN_LINES);
    let first = start.line.saturating_sub(1).max(1);
    let last = (end_line + 1).min(file.lines().line_count() as u32);
    let text = file.text();
    let mut out = String::new();
    let (mut at_start, mut at_end) = (None, None);
    for line in first..=last {
        let Some(line_start) = file.lines().line_start(line) else {
            break;
        };
        let line_end = file.lines().line_start(line + 1).unwrap_or(text.len());
        let line_text = text[line_start..line_end].trim_end_matches(['\n', '\r']);
        let chars: Vec<(usize, char)> = line_text.char_indices().collect();
        let (from, to) = if chars.len() <= MAX_LINE {
            (0, chars.len())
        } else {
            let lead_from = if line == start.line {
                let col = chars.partition_point(|&(i, _)| line_start + i < span.start());
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
            if offset == span.start() {
                at_start = Some(out.len());
            }
            if offset == span.end() {
                at_end = Some(out.len());
            }
            out.push(replacement(c).unwrap_or(c));
        }
        let window_end = chars.get(to).map_or(line_text.len(), |&(i, _)| i) + line_start;
        if at_start.is_some() && at_end.is_none() && span.end() <= window_end.max(span.start()) {
            at_end = Some(out.len());
        }
        if to < chars.len() {
            out.push('…');
        }
        if at_start.is_none()
            && span.start() >= line_start
            && span.start() <= line_start + line_text.len()
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
    /// The code around the finding; none for the compact form infos are shown in.
    snippet: Option<(Snippet, SourceSpan)>,
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
        self.snippet.as_ref().map(|(s, _)| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (_, span) = self.snippet.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, *span,
        ))))
    }
}

/// A finding as miette renders it: with a code frame, or (`compact`) with its place in the
/// first line instead.
fn frame(report: &Report, text: &Catalogue, d: &Diagnostic, compact: bool) -> Frame {
    let file = report.file(d.file);
    let mut message = clean(&text.render(&d.message));
    let snippet = if compact {
        let at = file.position(d.span.start());
        message = format!(
            "{}:{}:{}: {message}",
            clean(&file.display),
            at.line,
            at.column
        );
        None
    } else {
        Some(cut(file, d.span))
    };
    Frame {
        code: Some(d.rule.id.to_string()),
        url: Some(d.url().to_string()),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        },
        message,
        help: d.help.as_ref().map(|h| clean(&text.render(h))),
        snippet,
    }
}

/// Related locations shown under a compact finding; the rest are counted.
const COMPACT_RELATED: usize = 3;

/// The related locations under a finding, one line each with the line of code they point at:
/// where to look next, without a second full snippet per place. Compact findings list a few,
/// without their code.
fn related(report: &Report, text: &Catalogue, d: &Diagnostic, compact: bool) -> String {
    let mut out = String::new();
    let shown = if compact { COMPACT_RELATED } else { usize::MAX };
    for r in d.related.iter().take(shown) {
        let file = report.file(r.file);
        let at = file.position(r.span.start());
        out.push_str(&format!(
            "  ↳ {}:{}:{}: {}\n",
            clean(&file.display),
            at.line,
            at.column,
            clean(&text.render(&r.label)),
        ));
        if !compact {
            let code = file
                .text()
                .lines()
                .nth((at.line as usize).saturating_sub(1))
                .unwrap_or_default()
                .trim();
            out.push_str(&format!("      {}\n", clean(code)));
        }
    }
    if d.related.len() > shown {
        let more = d.related.len() - shown;
        out.push_str(&format!(
            "  ↳ {}\n",
            text.render(&messages::pretty_more_related(more))
        ));
    }
    out
}

/// Positions listed under a folded block; the rest are counted.
const LISTED_POSITIONS: usize = 24;

/// The line under a folded block: how many more findings of its kind the file has, and where.
pub fn more_like_this(report: &Report, text: &Catalogue, rest: &[&Diagnostic]) -> String {
    let places: Vec<String> = rest
        .iter()
        .take(LISTED_POSITIONS)
        .map(|d| {
            let at = report.file(d.file).position(d.span.start());
            format!("{}:{}", at.line, at.column)
        })
        .collect();
    let unlisted = rest.len().saturating_sub(LISTED_POSITIONS);
    text.render(&messages::pretty_more_like_this(
        rest.len(),
        places,
        unlisted,
    ))
}

/// One block as the output shows it: the first finding's frame, its related places, the rest
/// of the block listed by position, and a blank line.
fn render_block(
    handler: &GraphicalReportHandler,
    report: &Report,
    text: &Catalogue,
    block: &Block<'_>,
) -> String {
    let d = block.first;
    // Infos are reminders, not problems: after the problems, without a code frame.
    let compact = d.severity == Severity::Info;
    let mut rendered = String::new();
    // Rendering into a String cannot fail; a formatting error would be a miette bug.
    if handler
        .render_report(&mut rendered, &frame(report, text, d, compact))
        .is_err()
    {
        rendered = format!(
            "{}: {} [{}]\n",
            report.file(d.file).display,
            clean(&text.render(&d.message)),
            d.rule.id
        );
    }
    let mut out = localize_labels(&rendered, text);
    out.push_str(&related(report, text, d, compact));
    if !block.rest.is_empty() {
        let more = more_like_this(report, text, &block.rest);
        out.push_str(&wrap(&more, "  ⋯ ", "    "));
        out.push('\n');
    }
    out.push('\n');
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
        .with_width(WIDTH);
    let (shown, hidden) = shown_blocks(report, style.max_diagnostics);
    // Each block is laid out on its own, across the threads of the pool the caller runs in (if
    // any: outside one, rayon would start a pool of its own), and written in order. Laid out
    // one after another, the benchmark's two thousand blocks took 55-90 ms, all waited for.
    let render = |block: &Block<'_>| render_block(&handler, report, text, block);
    let blocks: Vec<String> = if rayon::current_thread_index().is_some() {
        shown.par_iter().map(render).collect()
    } else {
        shown.iter().map(render).collect()
    };
    for block in blocks {
        out.write_all(block.as_bytes())?;
    }
    if hidden > 0 {
        writeln!(
            out,
            "{}\n",
            text.render(&messages::pretty_not_shown(
                hidden,
                style.max_diagnostics.unwrap_or_default()
            ))
        )?;
    }
    let rows = rule_rows(report);
    // One rule's row would only repeat the summary line.
    if rows.len() > 1 {
        write!(out, "{}", rule_table(&rows, text))?;
        writeln!(out)?;
    }
    if let Some(row) = dominant(&rows, report.diagnostics.len()) {
        let advice = text.render(&messages::pretty_dominant(
            row.rule,
            row.findings,
            report.diagnostics.len(),
            row.fixable,
        ));
        writeln!(out, "{}\n", wrap(&advice, "", ""))?;
    }
    writeln!(out, "{}", summary_line(&report.summary, style.color, text))
}

/// Wraps a paragraph at the width of the frames, with line breaks where the language allows them
/// (Chinese breaks between characters).
fn wrap(paragraph: &str, first: &str, rest: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::fill(paragraph, options)
}

/// The closing table: per rule, its severity, how many findings in how many files, and how many
/// `--fix` fixes (a column shown only when it has something to say).
fn rule_table(rows: &[RuleRow], text: &Catalogue) -> String {
    let heading = |column: &str| text.render(&messages::pretty_table_heading(column));
    let with_fixes = rows.iter().any(|r| r.fixable > 0);
    let mut table: Vec<Vec<String>> = vec![vec![
        heading("rule"),
        heading("severity"),
        heading("findings"),
        heading("files"),
    ]];
    if with_fixes {
        table[0].push(heading("fixable"));
    }
    for r in rows {
        let mut row = vec![
            r.rule.to_string(),
            text.render(&messages::severity_name(r.severity.as_str())),
            r.findings.to_string(),
            r.files.to_string(),
        ];
        if with_fixes {
            // Blank rather than 0: the column points at what `--fix` can do.
            row.push(if r.fixable > 0 {
                r.fixable.to_string()
            } else {
                String::new()
            });
        }
        table.push(row);
    }
    let columns = table[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| table.iter().map(|row| row[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &table {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - cell.width());
            // Names left, counts right, as tables of numbers read.
            if c < 2 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
            line.push_str("  ");
        }
        out.push_str("  ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
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
    if summary.baselined > 0 {
        line.push_str(&text.render(&messages::summary_baselined(summary.baselined)));
    }
    if summary.baseline_stale > 0 {
        line.push_str(&text.render(&messages::summary_baseline_stale(summary.baseline_stale)));
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
