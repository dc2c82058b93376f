//! What people read, in the order they should read it: the formats for people (pretty, concise)
//! show errors first, then warnings, then infos, and fold a finding repeated in one file into one
//! block. A ported app can carry a thousand `wx:if` warnings; one block per file keeps its two
//! errors on the first screen. The machine formats never group: each occurrence is its own
//! diagnostic there, with its own position and fix.

use std::collections::HashMap;

use crate::base::diagnostic::{Applicability, Diagnostic, Severity};
use crate::base::source::FileId;
use crate::engine::report::Report;
use crate::rules;

/// Findings of one kind in one file are folded into one block from this many on: two are still
/// read as two, and folding them would hide a frame for nothing.
pub const GROUP_FROM: usize = 3;

/// One thing people read: a finding, or repeated findings of one kind in one file.
pub struct Block<'a> {
    /// The finding shown in full.
    pub first: &'a Diagnostic,
    /// The same kind of finding, later in the same file: listed by position only.
    pub rest: Vec<&'a Diagnostic>,
}

impl Block<'_> {
    /// How many findings the block stands for.
    pub fn len(&self) -> usize {
        1 + self.rest.len()
    }

    pub fn severity(&self) -> Severity {
        self.first.severity
    }
}

/// The report's findings as blocks: errors, then warnings, then infos; within a severity in the
/// report's order (file, position). A block's kind is its rule and its message id, so that
/// `wx:if` directives fold together but not with an `<official-account>` of the same rule.
pub fn blocks(report: &Report) -> Vec<Block<'_>> {
    type Key = (FileId, &'static str, &'static str);
    let key = |d: &Diagnostic| -> Key { (d.file, d.rule.id, d.message.id()) };
    let mut counts: HashMap<Key, usize> = HashMap::new();
    for d in &report.diagnostics {
        *counts.entry(key(d)).or_default() += 1;
    }
    let mut blocks: Vec<Block<'_>> = Vec::new();
    let mut open: HashMap<Key, usize> = HashMap::new();
    for d in &report.diagnostics {
        let k = key(d);
        if counts[&k] >= GROUP_FROM
            && let Some(&at) = open.get(&k)
        {
            blocks[at].rest.push(d);
            continue;
        }
        open.insert(k, blocks.len());
        blocks.push(Block {
            first: d,
            rest: Vec::new(),
        });
    }
    // Stable: the report's order is kept within each severity.
    blocks.sort_by_key(|b| std::cmp::Reverse(b.severity()));
    blocks
}

/// The first `max` blocks (`--max-diagnostics`; all without it), and how many findings the blocks
/// left out stand for: the counts people read stay true.
pub fn shown_blocks(report: &Report, max: Option<usize>) -> (Vec<Block<'_>>, usize) {
    let mut all = blocks(report);
    let shown = max.unwrap_or(usize::MAX).min(all.len());
    let hidden = all[shown..].iter().map(Block::len).sum();
    all.truncate(shown);
    (all, hidden)
}

/// Whether `--fix` applies a finding's fix.
pub fn fixable(d: &Diagnostic) -> bool {
    d.fix
        .as_ref()
        .is_some_and(|f| f.applicability == Applicability::Safe)
}

/// One row of the closing table: a rule's findings and the files they are in.
pub struct RuleRow {
    pub rule: &'static str,
    pub severity: Severity,
    pub findings: usize,
    pub files: usize,
    /// Findings `--fix` fixes.
    pub fixable: usize,
}

/// Findings per rule, most serious first, then most frequent, then by id.
pub fn rule_rows(report: &Report) -> Vec<RuleRow> {
    let mut rows: Vec<RuleRow> = Vec::new();
    let mut files: HashMap<&str, Vec<FileId>> = HashMap::new();
    for d in &report.diagnostics {
        let at = match rows.iter().position(|r| r.rule == d.rule.id) {
            Some(at) => at,
            None => {
                rows.push(RuleRow {
                    rule: d.rule.id,
                    severity: d.severity,
                    findings: 0,
                    files: 0,
                    fixable: 0,
                });
                rows.len() - 1
            }
        };
        let row = &mut rows[at];
        row.findings += 1;
        row.fixable += usize::from(fixable(d));
        let seen = files.entry(d.rule.id).or_default();
        if !seen.contains(&d.file) {
            seen.push(d.file);
            row.files += 1;
        }
    }
    rows.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.findings.cmp(&a.findings))
            .then(a.rule.cmp(b.rule))
    });
    rows
}

/// A rule that makes most of a run's findings, worth a word on how to act on it: more than half
/// of them, and enough that reading them one by one is not the answer. Never a rule that cannot
/// be turned off or baselined: the advice would be wrong.
pub fn dominant(rows: &[RuleRow], total: usize) -> Option<&RuleRow> {
    const AT_LEAST: usize = 20;
    rows.iter()
        .max_by_key(|r| r.findings)
        .filter(|r| r.findings >= AT_LEAST && r.findings * 2 > total)
        .filter(|r| !rules::ALWAYS_ON.contains(&r.rule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::{Edit, Fix};
    use crate::base::messages;
    use crate::base::source::{FileKind, SourceFile, Span};
    use crate::rules::find;

    fn finding(rule: &str, file: u32, at: usize, severity: Severity, wx: bool) -> Diagnostic {
        let message = if wx {
            messages::wechat_only_feature_directive("wx:if", "condition")
        } else {
            messages::wechat_only_feature_official_account()
        };
        let mut d = Diagnostic::new(
            find(rule).expect("a rule"),
            FileId(file),
            Span::new(at, at + 1),
            message,
        );
        d.severity = severity;
        if wx {
            d = d.with_fix(Fix {
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: Span::new(at, at + 2),
                    text: "tt".into(),
                }],
            });
        }
        d
    }

    fn report(diagnostics: Vec<Diagnostic>) -> Report {
        let file =
            |name: &str| SourceFile::new(name.into(), name.into(), FileKind::Ttml, "x".repeat(100));
        Report {
            files: vec![file("a.ttml"), file("b.ttml")],
            diagnostics,
            ..Report::default()
        }
    }

    #[test]
    fn repeats_fold_per_file_and_kind_and_errors_come_first() {
        let w = Severity::Warning;
        let report = report(vec![
            finding("wechat-only-feature", 0, 1, w, true),
            finding("wechat-only-feature", 0, 2, w, false),
            finding("wechat-only-feature", 0, 3, w, true),
            finding("wechat-only-feature", 0, 4, w, true),
            finding("wechat-only-feature", 1, 1, w, true),
            finding("wechat-only-feature", 1, 2, w, true),
            finding("deprecated-tt-pay", 1, 9, Severity::Error, false),
        ]);
        let shown: Vec<(u32, usize, usize)> = blocks(&report)
            .iter()
            .map(|b| (b.first.file.0, b.first.span.start(), b.len()))
            .collect();
        assert_eq!(
            shown,
            vec![(1, 9, 1), (0, 1, 3), (0, 2, 1), (1, 1, 1), (1, 2, 1)],
            "the error first; three `wx:if` in a.ttml fold, two in b.ttml do not"
        );
        let rows = rule_rows(&report);
        let row = |r: &RuleRow| (r.rule, r.findings, r.files, r.fixable);
        assert_eq!(
            rows.iter().map(row).collect::<Vec<_>>(),
            vec![
                ("deprecated-tt-pay", 1, 1, 0),
                ("wechat-only-feature", 6, 2, 5)
            ]
        );
        assert!(dominant(&rows, 7).is_none(), "too few to need advice");
    }

    #[test]
    fn a_rule_dominates_with_most_of_many_findings() {
        let many: Vec<Diagnostic> = (0..30)
            .map(|i| finding("wechat-only-feature", 0, i, Severity::Warning, true))
            .collect();
        let rows = rule_rows(&report(many));
        assert_eq!(
            dominant(&rows, 30).map(|r| r.rule),
            Some("wechat-only-feature")
        );
        assert!(dominant(&rows, 60).is_none(), "half is not most");
    }
}
