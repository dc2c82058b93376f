//! The findings as data for the report's script: each finding once, with its code frame, and
//! groups (one per page, one per mini-program for what no page uses, one for files outside any
//! mini-program) that list findings by index. A finding in a module shared by a thousand pages
//! is stored once, so the report stays small; the script renders a group only when it is shown.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::base::diagnostic::Diagnostic;
use crate::base::message::Catalogue;
use crate::base::messages;
use crate::base::source::{SourceFile, Span};
use crate::engine::report::Report;

/// Lines of context around a finding's span, before and after.
const CONTEXT: u32 = 1;
/// Lines of a long span shown before the rest is cut.
const SPAN_LINES: u32 = 6;
/// A code line longer than this many characters is cut around the span.
const LINE_CHARS: usize = 160;

#[derive(Serialize)]
pub struct Data {
    text: Texts,
    files: Vec<String>,
    findings: Vec<Finding>,
    groups: Vec<Group>,
}

/// Words the script shows, in the run's language.
#[derive(Serialize)]
struct Texts {
    help: String,
    #[serde(rename = "rulePage")]
    rule_page: String,
    #[serde(rename = "noMatch")]
    no_match: String,
    #[serde(rename = "showMore")]
    show_more: String,
    severity: BTreeMap<&'static str, String>,
}

/// One finding. Field names are short: there can be tens of thousands.
#[derive(Serialize)]
struct Finding {
    rule: &'static str,
    sev: &'static str,
    area: &'static str,
    file: usize,
    line: u32,
    col: u32,
    msg: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    url: &'static str,
    frame: Vec<FrameLine>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related>,
    /// "also on N other pages", for findings in files several pages use.
    #[serde(skip_serializing_if = "Option::is_none")]
    shared: Option<String>,
}

#[derive(Serialize)]
struct Related {
    label: String,
    file: usize,
    line: u32,
    col: u32,
    frame: Vec<FrameLine>,
}

/// A line number and the line's text in segments: odd-numbered segments are the span.
#[derive(Serialize)]
struct FrameLine(u32, Vec<String>);

/// Findings to show together, under a title, in one project's section (or outside all).
#[derive(Serialize)]
pub struct Group {
    /// The project's index in [`Report::projects`]; `None` for files outside every project.
    project: Option<usize>,
    /// The page's index in its project, for page groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
    /// A route, or a description with `` `code` ``.
    title: String,
    findings: Vec<usize>,
}

/// The anchor of a page's group of findings, shared by the page table's links.
pub fn group_anchor(project: usize, page: usize) -> String {
    format!("g-{project}-{page}")
}

/// Finding indices by the display path of their file.
pub fn by_file(report: &Report) -> HashMap<&str, Vec<usize>> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        map.entry(report.file(d.file).display.as_str())
            .or_default()
            .push(i);
    }
    map
}

/// Findings errors first, then warnings, then infos; in report order (file, position) within
/// each.
fn worst_first(report: &Report, mut findings: Vec<usize>) -> Vec<usize> {
    findings.sort_by_key(|&i| (std::cmp::Reverse(report.diagnostics[i].severity), i));
    findings
}

/// Whether a display path lies in the project rooted at `root` (a display path too).
pub fn in_project(display: &str, root: &str) -> bool {
    root == "."
        || display
            .strip_prefix(root)
            .is_some_and(|r| r.starts_with('/'))
}

/// The findings on each page of a project: those in the files that render or run there.
pub fn page_findings(files: &[String], by_file: &HashMap<&str, Vec<usize>>) -> BTreeSet<usize> {
    files
        .iter()
        .filter_map(|f| by_file.get(f.as_str()))
        .flatten()
        .copied()
        .collect()
}

pub fn build(report: &Report, text: &Catalogue) -> Data {
    let render = |m| text.render(&m);
    let by_file = by_file(report);
    // The pages each finding shows on, and the groups.
    let mut pages_of = vec![0usize; report.diagnostics.len()];
    let mut placed = vec![false; report.diagnostics.len()];
    let mut groups = Vec::new();
    for (p, project) in report.projects.iter().enumerate() {
        for (i, page) in project.pages.iter().enumerate() {
            let found = page_findings(&page.files, &by_file);
            for &f in &found {
                pages_of[f] += 1;
                placed[f] = true;
            }
            if !found.is_empty() {
                groups.push(Group {
                    project: Some(p),
                    page: Some(i),
                    title: page.route.clone(),
                    findings: worst_first(report, found.into_iter().collect()),
                });
            }
        }
    }
    // What no page shows: per project (app.json, app.js, files no page uses), then the rest.
    let mut rest: Vec<usize> = (0..report.diagnostics.len())
        .filter(|&i| !placed[i])
        .collect();
    for (p, project) in report.projects.iter().enumerate() {
        let (mine, others): (Vec<usize>, Vec<usize>) = rest.into_iter().partition(|&i| {
            let file = report.file(report.diagnostics[i].file);
            in_project(&file.display, &project.root)
        });
        rest = others;
        if !mine.is_empty() {
            groups.push(Group {
                project: Some(p),
                page: None,
                title: render(messages::report_findings_app()),
                findings: worst_first(report, mine),
            });
        }
    }
    if !rest.is_empty() {
        groups.push(Group {
            project: None,
            page: None,
            title: render(messages::report_findings_outside()),
            findings: worst_first(report, rest),
        });
    }

    let mut file_index: HashMap<String, usize> = HashMap::new();
    let mut files: Vec<String> = Vec::new();
    let mut file_of = |source: &SourceFile| -> usize {
        if let Some(&i) = file_index.get(&source.display) {
            return i;
        }
        files.push(source.display.clone());
        file_index.insert(source.display.clone(), files.len() - 1);
        files.len() - 1
    };
    let findings = report
        .diagnostics
        .iter()
        .zip(&pages_of)
        .map(|(d, &pages)| finding(report, d, pages, text, &mut file_of))
        .collect();
    let severity = [
        ("error", messages::report_severity_error()),
        ("warning", messages::report_severity_warning()),
        ("info", messages::report_severity_info()),
    ]
    .into_iter()
    .map(|(k, m)| (k, render(m)))
    .collect();
    Data {
        text: Texts {
            help: render(messages::report_finding_help()),
            rule_page: render(messages::report_finding_rule_page()),
            no_match: render(messages::report_findings_no_match()),
            show_more: render(messages::report_findings_show_more()),
            severity,
        },
        files,
        findings,
        groups,
    }
}

fn finding(
    report: &Report,
    d: &Diagnostic,
    pages: usize,
    text: &Catalogue,
    file_of: &mut impl FnMut(&SourceFile) -> usize,
) -> Finding {
    let source = report.file(d.file);
    let start = source.position(d.span.start());
    let related = d
        .related
        .iter()
        .map(|r| {
            let file = report.file(r.file);
            let at = file.position(r.span.start());
            Related {
                label: text.render(&r.label),
                file: file_of(file),
                line: at.line,
                col: at.column,
                frame: frame(file, r.span, 0, 1),
            }
        })
        .collect();
    Finding {
        rule: d.rule.id,
        sev: d.severity.as_str(),
        area: d.rule.category.as_str(),
        file: file_of(source),
        line: start.line,
        col: start.column,
        msg: text.render(&d.message),
        help: d.help.as_ref().map(|h| text.render(h)),
        url: d.url(),
        frame: frame(source, d.span, CONTEXT, SPAN_LINES),
        related,
        shared: (pages > 1).then(|| text.render(&messages::report_finding_shared(pages - 1))),
    }
}

/// The lines around `span`: `context` lines either side, at most `span_lines` of the span.
fn frame(file: &SourceFile, span: Span, context: u32, span_lines: u32) -> Vec<FrameLine> {
    let lines = file.lines();
    let first_span_line = lines.line_of(span.start());
    let last_span_line = lines
        .line_of(span.end().saturating_sub(1).max(span.start()))
        .min(first_span_line + span_lines.saturating_sub(1));
    let first = first_span_line.saturating_sub(context).max(1);
    let last = (last_span_line + context).min(lines.line_count() as u32);
    let mut out = Vec::new();
    for number in first..=last {
        let Some(start) = lines.line_start(number) else {
            break;
        };
        let end = lines
            .line_start(number + 1)
            .unwrap_or(file.text().len())
            .min(file.text().len());
        let line = file.text().get(start..end).unwrap_or("");
        let line = line.trim_end_matches(['\n', '\r']);
        let line_end = start + line.len();
        let mark = (first_span_line..=last_span_line)
            .contains(&number)
            .then(|| {
                let a = span.start().clamp(start, line_end) - start;
                let b = span.end().clamp(start, line_end) - start;
                (a, b.max(a))
            });
        out.push(FrameLine(number, segments(line, mark)));
    }
    out
}

/// A line cut into segments, the marked part second; a long line is cut around the mark.
fn segments(line: &str, mark: Option<(usize, usize)>) -> Vec<String> {
    let boundary = |mut i: usize| {
        i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = match mark {
        Some((a, b)) => (boundary(a), boundary(b)),
        None => (0, 0),
    };
    // Keep a window of the line around the mark, in bytes (close enough for a cut).
    let budget = LINE_CHARS * 3;
    let (from, to) = if line.len() <= budget {
        (0, line.len())
    } else {
        let from = boundary(a.saturating_sub(budget / 3));
        let to = boundary((b.max(a) + budget * 2 / 3).min(line.len()));
        (from, to.max(b))
    };
    let cut_start = if from > 0 { "…" } else { "" };
    let cut_end = if to < line.len() { "…" } else { "" };
    let piece = |x: usize, y: usize| line.get(x..y).unwrap_or("").to_string();
    match mark {
        None => vec![format!("{cut_start}{}{cut_end}", piece(from, to))],
        Some(_) => vec![
            format!("{cut_start}{}", piece(from, a)),
            piece(a, b.min(to)),
            format!("{}{cut_end}", piece(b.min(to), to)),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.js".into(), "a.js".into(), FileKind::Script, text.into())
    }

    fn show(frame: &[FrameLine]) -> Vec<String> {
        frame
            .iter()
            .map(|FrameLine(n, s)| format!("{n}:{}", s.join("|")))
            .collect()
    }

    #[test]
    fn frames_mark_the_span_with_a_line_around_it() {
        let text = "a();\nfunction pay() {\n  tt.pay({});\n}\nb();\n";
        let f = file(text);
        let at = text.find("tt.pay").unwrap();
        let frame = frame(&f, Span::new(at, at + 6), 1, 6);
        assert_eq!(
            show(&frame),
            vec!["2:function pay() {", "3:  |tt.pay|({});", "4:}"]
        );
    }

    #[test]
    fn multi_line_spans_mark_every_line_and_crlf_is_dropped() {
        let text = "x\r\ntt.pay({\r\n  a,\r\n});\r\ny\r\n";
        let f = file(text);
        let at = text.find("tt.pay").unwrap();
        let end = text.find("});").unwrap() + 3;
        let frame = frame(&f, Span::new(at, end), 0, 6);
        assert_eq!(show(&frame), vec!["2:|tt.pay({|", "3:|  a,|", "4:|});|"]);
    }

    #[test]
    fn long_lines_are_cut_around_the_mark() {
        let line = format!("{}tt.pay(){}", "a".repeat(2000), "b".repeat(2000));
        let f = file(&line);
        let frame = frame(&f, Span::new(2000, 2008), 1, 6);
        let FrameLine(_, segments) = &frame[0];
        assert_eq!(segments[1], "tt.pay()");
        assert!(segments[0].starts_with('…') && segments[2].ends_with('…'));
        assert!(segments.concat().len() < 600);
    }

    #[test]
    fn paths_belong_to_their_project() {
        assert!(in_project("shop/app.json", "shop"));
        assert!(!in_project("shop2/app.json", "shop"));
        assert!(in_project("app.json", "."));
    }
}
