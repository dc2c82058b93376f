//! `--fix` and `--fix-dry-run`: the safe fixes of a report, applied to each file's text, checked,
//! and shown as a unified diff.
//!
//! A fix is a set of edits in its finding's file. Fixes are applied whole or not at all: one whose
//! edits overlap an earlier fix's waits for the next run (none of the fixes so far can overlap,
//! but a rule may one day offer two for one place). A file whose fixed text parses with more
//! problems than before is left alone: a fix must never break a file.

use std::path::PathBuf;

use crate::base::diagnostic::{Applicability, Diagnostic, Edit};
use crate::base::source::{FileId, SourceFile};
use crate::engine::report::Report;
use crate::syntax::load;

/// One file with its safe fixes applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub path: PathBuf,
    pub display: String,
    /// The text the findings were made on.
    pub before: String,
    pub after: String,
    /// The edits applied, in order, on `before`.
    pub edits: Vec<Edit>,
    /// Findings fixed.
    pub fixed: usize,
}

/// What fixing a report would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fixes {
    pub files: Vec<Fixed>,
    /// Files whose fixed text would not parse as well as before: left unchanged.
    pub refused: Vec<String>,
}

impl Fixes {
    /// Findings fixed, in all files.
    pub fn count(&self) -> usize {
        self.files.iter().map(|f| f.fixed).sum()
    }
}

/// The safe fixes of every finding in `report`, file by file in the report's order.
pub fn fixes(report: &Report) -> Fixes {
    let mut by_file: Vec<(FileId, Vec<&Diagnostic>)> = Vec::new();
    for d in &report.diagnostics {
        let safe = d
            .fix
            .as_ref()
            .is_some_and(|f| f.applicability == Applicability::Safe && !f.edits.is_empty());
        if !safe {
            continue;
        }
        match by_file.iter_mut().find(|(id, _)| *id == d.file) {
            Some((_, list)) => list.push(d),
            None => by_file.push((d.file, vec![d])),
        }
    }
    let mut out = Fixes::default();
    for (id, found) in by_file {
        let source = report.file(id);
        let (edits, fixed) = accepted(&found, source.text().len());
        if fixed == 0 {
            continue;
        }
        let after = apply(source.text(), &edits);
        if !parses_as_well(source, &after) {
            out.refused.push(source.display.clone());
            continue;
        }
        out.files.push(Fixed {
            path: source.path.clone(),
            display: source.display.clone(),
            before: source.text().to_string(),
            after,
            edits,
            fixed,
        });
    }
    out
}

/// The edits of the fixes that can be applied together, sorted, and how many fixes they are.
fn accepted(found: &[&Diagnostic], len: usize) -> (Vec<Edit>, usize) {
    let mut edits: Vec<Edit> = Vec::new();
    let mut fixed = 0;
    for d in found {
        let Some(fix) = &d.fix else { continue };
        let mut mine: Vec<Edit> = fix.edits.clone();
        mine.sort_by_key(|e| (e.span.start(), e.span.end()));
        let inside = mine.iter().all(|e| e.span.end() <= len);
        let apart = mine
            .windows(2)
            .all(|w| w[0].span.end() <= w[1].span.start());
        let free = mine.iter().all(|e| {
            edits
                .iter()
                .all(|o| e.span.end() <= o.span.start() || o.span.end() <= e.span.start())
        });
        if inside && apart && free {
            edits.extend(mine);
            fixed += 1;
        }
    }
    edits.sort_by_key(|e| (e.span.start(), e.span.end()));
    (edits, fixed)
}

/// `text` with sorted, non-overlapping edits applied.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start()]);
        out.push_str(&e.text);
        at = e.span.end();
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `after` parses with no more problems than the file had (both read as part of the
/// build, the stricter reading: the comparison, not the origin, is what matters).
fn parses_as_well(source: &SourceFile, after: &str) -> bool {
    let reparse = |text: &str| {
        load::parse(
            SourceFile::new(
                source.path.clone(),
                source.display.clone(),
                source.kind,
                text.to_string(),
            ),
            load::Origin::Build,
        )
        .problems
        .len()
    };
    reparse(after) <= reparse(source.text())
}

/// Lines of context around a change in the diff, as `diff -u` and `git diff` show.
const CONTEXT: usize = 3;

/// The fix as a unified diff (`--- a/path`, `+++ b/path`), which `git apply` and `patch -p1`
/// read. Line endings are kept as they are, so a CRLF file's diff has CRLF lines.
pub fn unified_diff(file: &Fixed) -> String {
    let old: Vec<&str> = file.before.split_inclusive('\n').collect();
    // The changes as line ranges of the old text, each with its new lines: edits that share a
    // line are one change.
    let line_of = |offset: usize| {
        file.before[..offset]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    };
    let mut changes: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for e in &file.edits {
        let first = line_of(e.span.start());
        let last = line_of(e.span.end()).max(first);
        match changes.last_mut() {
            // Edits on the same or neighbouring lines make one change, as `diff` shows them.
            Some((_, end, list)) if first <= *end + 1 => {
                *end = (*end).max(last);
                list.push(e);
            }
            _ => changes.push((first, last, vec![e])),
        }
    }
    let start_of = |line: usize| -> usize { old[..line].iter().map(|l| l.len()).sum() };
    let new_lines = |first: usize, last: usize, edits: &[&Edit]| -> Vec<String> {
        let from = start_of(first);
        let to = start_of(last + 1);
        let mut text = String::new();
        let mut at = from;
        for e in edits {
            text.push_str(&file.before[at..e.span.start()]);
            text.push_str(&e.text);
            at = e.span.end();
        }
        text.push_str(&file.before[at..to]);
        text.split_inclusive('\n').map(str::to_string).collect()
    };
    // Changes close enough to share context make one hunk.
    let mut hunks: Vec<Vec<(usize, usize, Vec<&Edit>)>> = Vec::new();
    for change in changes {
        match hunks.last_mut().and_then(|h| h.last().map(|l| l.1)) {
            Some(end) if change.0 <= end + 2 * CONTEXT + 1 => {
                if let Some(h) = hunks.last_mut() {
                    h.push(change);
                }
            }
            _ => hunks.push(vec![change]),
        }
    }
    let mut out = format!("--- a/{}\n+++ b/{}\n", file.display, file.display);
    let mut shift: isize = 0;
    for hunk in hunks {
        let (Some(head), Some(tail)) = (hunk.first(), hunk.last()) else {
            continue;
        };
        let from = head.0.saturating_sub(CONTEXT);
        let to = (tail.1 + CONTEXT).min(old.len().saturating_sub(1));
        let mut body = String::new();
        let mut old_count = 0;
        let mut new_count = 0;
        let mut line = from;
        for (first, last, edits) in &hunk {
            while line < *first {
                push_line(&mut body, ' ', old[line]);
                old_count += 1;
                new_count += 1;
                line += 1;
            }
            for l in &old[*first..=*last] {
                push_line(&mut body, '-', l);
                old_count += 1;
            }
            for l in new_lines(*first, *last, edits) {
                push_line(&mut body, '+', &l);
                new_count += 1;
            }
            line = last + 1;
        }
        while line <= to {
            push_line(&mut body, ' ', old[line]);
            old_count += 1;
            new_count += 1;
            line += 1;
        }
        let new_from = (from as isize + shift) as usize;
        out.push_str(&format!(
            "@@ -{} +{} @@\n{body}",
            range(from, old_count),
            range(new_from, new_count)
        ));
        shift += new_count as isize - old_count as isize;
    }
    out
}

/// A hunk's range, `start,count` with 1-based lines (`diff -u` writes an empty range as the line
/// before it).
fn range(from: usize, count: usize) -> String {
    match count {
        0 => format!("{from},0"),
        1 => format!("{}", from + 1),
        _ => format!("{},{count}", from + 1),
    }
}

/// One diff line; a last line without a newline is marked as `diff` marks it.
fn push_line(out: &mut String, mark: char, line: &str) {
    out.push(mark);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Fix;
    use crate::base::messages;
    use crate::base::source::{FileKind, Span};
    use crate::rules;

    fn report(text: &str, kind: FileKind, fixes: &[(&str, usize, &str)]) -> Report {
        let name = match kind {
            FileKind::Ttml => "a.ttml",
            _ => "a.js",
        };
        let file = SourceFile::new(name.into(), name.into(), kind, text.into());
        let diagnostics = fixes
            .iter()
            .map(|&(needle, nth, replacement)| {
                let start = text.match_indices(needle).nth(nth).expect("needle").0;
                let span = Span::new(start, start + needle.len());
                Diagnostic::new(
                    rules::find("wechat-only-feature").expect("a rule"),
                    FileId(0),
                    span,
                    messages::wechat_only_feature_directive("wx:if", "condition"),
                )
                .with_fix(Fix {
                    applicability: Applicability::Safe,
                    edits: vec![Edit {
                        span,
                        text: replacement.into(),
                    }],
                })
            })
            .collect();
        Report {
            files: vec![file],
            diagnostics,
            ..Report::default()
        }
    }

    #[test]
    fn fixes_apply_and_diff_with_context() {
        let text: String = (1..=12).map(|i| format!("line {i}\n")).collect::<String>()
            + "<view wx:if=\"{{a}}\"/>\n<view wx:if=\"{{b}}\"/>\nend";
        let r = report(
            &text,
            FileKind::Ttml,
            &[("wx:", 0, "tt:"), ("wx:", 1, "tt:")],
        );
        let fixes = fixes(&r);
        assert_eq!(fixes.count(), 2);
        let file = &fixes.files[0];
        assert!(
            file.after
                .ends_with("<view tt:if=\"{{a}}\"/>\n<view tt:if=\"{{b}}\"/>\nend")
        );
        assert_eq!(
            unified_diff(file),
            "--- a/a.ttml\n+++ b/a.ttml\n@@ -10,6 +10,6 @@\n line 10\n line 11\n line 12\n-<view wx:if=\"{{a}}\"/>\n-<view wx:if=\"{{b}}\"/>\n+<view tt:if=\"{{a}}\"/>\n+<view tt:if=\"{{b}}\"/>\n end\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn far_apart_changes_are_separate_hunks_and_crlf_is_kept() {
        let text: String = (1..=20).map(|i| format!("wx{i}\r\n")).collect();
        let r = report(
            &text,
            FileKind::Script,
            &[("wx1\r", 0, "tt1\r"), ("wx20", 0, "tt20")],
        );
        let diff = unified_diff(&fixes(&r).files[0]);
        assert_eq!(
            diff,
            "--- a/a.js\n+++ b/a.js\n@@ -1,4 +1,4 @@\n-wx1\r\n+tt1\r\n wx2\r\n wx3\r\n wx4\r\n@@ -17,4 +17,4 @@\n wx17\r\n wx18\r\n wx19\r\n-wx20\r\n+tt20\r\n"
        );
    }

    #[test]
    fn a_fix_that_breaks_the_file_is_refused_and_overlaps_wait() {
        let broken = report("let a = 1;\n", FileKind::Script, &[("= 1", 0, "= (")]);
        let fixes_broken = fixes(&broken);
        assert!(fixes_broken.files.is_empty());
        assert_eq!(fixes_broken.refused, vec!["a.js".to_string()]);

        let overlapping = report(
            "abcdef\n",
            FileKind::Script,
            &[("abcd", 0, "x"), ("cdef", 0, "y")],
        );
        let fixed = fixes(&overlapping);
        assert_eq!((fixed.count(), fixed.files[0].after.as_str()), (1, "xef\n"));
    }
}
