//! The baseline (`ttlint-suppressions.json`, as ESLint's and oxlint's suppressions files): how
//! many findings of each rule each file had when a team adopted ttlint. A run reports a file's
//! findings of a rule as baselined while there are no more of them than recorded; one more, and
//! they are all reported, since nothing tells the new one from the old.
//!
//! Counts rather than fingerprints: a count survives edits around the findings, rewording and
//! reformatting, and reads well in review ("pages/pay/pay.js: 2 × deprecated-tt-pay"). Paths are
//! as findings show them: relative to the working folder, with `/`.
//!
//! ```json
//! {
//!   "pages/pay/pay.js": {
//!     "deprecated-tt-pay": { "count": 2 }
//!   }
//! }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::report::Report;
use crate::base::error::UsageError;
use crate::base::message::Message;
use crate::base::messages;
use crate::base::source::LineIndex;
use crate::base::vfs::Vfs;
use crate::rules::{self, InternalError, Rule};
use crate::syntax::json::{self, Dialect, Json, JsonValue};

/// The file's name, in the working folder unless `--suppressions-location` says otherwise.
pub const BASELINE_FILE: &str = "ttlint-suppressions.json";

/// Counts of findings per file (its display path) and rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    pub entries: BTreeMap<String, BTreeMap<String, usize>>,
}

/// Whether a rule's findings may be baselined: a failure of ttlint itself never is.
fn baselinable(rule: &str) -> bool {
    rule != InternalError.meta().id
}

/// Findings per file and rule in a report, of the rules that may be baselined.
fn counts(report: &Report) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for d in &report.diagnostics {
        if baselinable(d.rule.id) {
            let file = report.file(d.file).display.clone();
            *counts
                .entry(file)
                .or_default()
                .entry(d.rule.id.to_string())
                .or_default() += 1;
        }
    }
    counts
}

/// What applying a baseline did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings within their recorded counts, no longer reported.
    pub baselined: usize,
    /// Entries that record more findings than this run found in files and rules it checked:
    /// `--prune-suppressions` lowers them, so that new findings cannot hide in the slack.
    pub stale: usize,
}

impl Baseline {
    /// Reads the baseline at `path` (named `shown` in errors); `None` when there is no such file.
    pub fn load(path: &Path, shown: &str, vfs: &Vfs) -> Result<Option<Self>, UsageError> {
        if !vfs.is_file(path) {
            return Ok(None);
        }
        let bytes = vfs
            .read(path)
            .map_err(|e| UsageError::new(messages::baseline_unreadable(shown, e.to_string())))?;
        let text = String::from_utf8_lossy(&bytes);
        Self::parse(&text).map(Some).map_err(|(offset, problem)| {
            let at = LineIndex::new(&text).position(&text, offset);
            UsageError::at(format!("{shown}:{}:{}", at.line, at.column), problem)
        })
    }

    /// Parses baseline text; a problem comes with its byte offset.
    pub fn parse(text: &str) -> Result<Self, (usize, Message)> {
        let doc = json::parse(text, 0, Dialect::WithComments)
            .map_err(|e| (e.span.start(), messages::config_invalid_json(&e.message)))?;
        let mut baseline = Self::default();
        let Some(root) = doc.value else {
            return Ok(baseline);
        };
        let files = root
            .as_object()
            .ok_or((root.span.start(), messages::baseline_not_object()))?;
        for file in files {
            let found = file.value.as_object().ok_or((
                file.value.span.start(),
                messages::baseline_file_not_object(&file.key),
            ))?;
            let mut counts = BTreeMap::new();
            for rule in found {
                let id = rule.key.as_str();
                if rules::find(id).is_none() {
                    return Err((rule.key_span.start(), rules::unknown(id)));
                }
                if !baselinable(id) {
                    return Err((rule.key_span.start(), messages::baseline_unsuppressible(id)));
                }
                let count = count(&rule.value)
                    .ok_or((rule.value.span.start(), messages::baseline_bad_count(id)))?;
                counts.insert(rule.key.clone(), count);
            }
            // A path written by hand on Windows (`pages\pay\pay.js`) is the path findings show.
            baseline.entries.insert(file.key.replace('\\', "/"), counts);
        }
        Ok(baseline)
    }

    /// The file's text: files and rules sorted, two-space indents, a final newline; so that a
    /// change to it is a small diff in review.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Count {
            count: usize,
        }
        let entries: BTreeMap<&str, BTreeMap<&str, Count>> = self
            .entries
            .iter()
            .filter(|(_, rules)| !rules.is_empty())
            .map(|(file, rules)| {
                let rules = rules
                    .iter()
                    .map(|(rule, &count)| (rule.as_str(), Count { count }))
                    .collect();
                (file.as_str(), rules)
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        text
    }

    /// Records the report's findings: each file's count of each rule (of `only`, when given)
    /// becomes what the report found. Entries for files and rules without findings now are kept;
    /// [`Baseline::prune`] drops them.
    pub fn record(&mut self, report: &Report, only: Option<&[String]>) {
        for (file, found) in counts(report) {
            for (rule, count) in found {
                if only.is_none_or(|only| only.contains(&rule)) {
                    self.entries
                        .entry(file.clone())
                        .or_default()
                        .insert(rule, count);
                }
            }
        }
    }

    /// Lowers each count to what the report found, and drops entries that found nothing — but only
    /// where the run looked: files it linted (or that no longer exist) and rules it ran. Pruning
    /// after linting one file, or with a rule turned off, keeps the rest of the baseline.
    pub fn prune(&mut self, report: &Report, exists: &dyn Fn(&str) -> bool) {
        let found = counts(report);
        for (file, recorded) in &mut self.entries {
            let checked = report.linted.iter().any(|l| l == file) || !exists(file);
            if !checked {
                continue;
            }
            recorded.retain(|rule, count| {
                if !report.rules.iter().any(|r| r == rule) {
                    return true;
                }
                let now = found.get(file).and_then(|f| f.get(rule)).copied();
                *count = now.unwrap_or(0).min(*count);
                *count > 0
            });
        }
        self.entries.retain(|_, recorded| !recorded.is_empty());
    }

    /// Takes the findings within their recorded counts out of the report, and counts them.
    pub fn apply(&self, report: &mut Report) -> Applied {
        let found = counts(report);
        let recorded = |file: &str, rule: &str| {
            self.entries
                .get(file)
                .and_then(|r| r.get(rule))
                .copied()
                .unwrap_or(0)
        };
        let mut applied = Applied::default();
        let files = &report.files;
        report.diagnostics.retain(|d| {
            let file = files[d.file.0 as usize].display.as_str();
            let now = found
                .get(file)
                .and_then(|f| f.get(d.rule.id))
                .copied()
                .unwrap_or(0);
            let within = baselinable(d.rule.id) && now <= recorded(file, d.rule.id);
            applied.baselined += usize::from(within);
            !within
        });
        for (file, rules) in &self.entries {
            if !report.linted.iter().any(|l| l == file) {
                continue;
            }
            for (rule, &count) in rules {
                let now = found.get(file).and_then(|f| f.get(rule)).copied();
                if report.rules.iter().any(|r| r == rule) && now.unwrap_or(0) < count {
                    applied.stale += 1;
                }
            }
        }
        report.summary.baselined = applied.baselined;
        report.summary.baseline_stale = applied.stale;
        report.recount();
        applied
    }

    /// Findings and files the baseline records.
    pub fn totals(&self) -> (usize, usize) {
        let findings = self.entries.values().flat_map(|r| r.values()).sum();
        let files = self.entries.values().filter(|r| !r.is_empty()).count();
        (findings, files)
    }
}

/// `{ "count": N }` with N a whole number above zero.
fn count(value: &Json) -> Option<usize> {
    let members = value.as_object()?;
    let [member] = members else { return None };
    if member.key != "count" {
        return None;
    }
    match &member.value.value {
        JsonValue::Number(n) => n.parse::<usize>().ok().filter(|&n| n > 0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Diagnostic;
    use crate::base::message::{Catalogue, Lang};
    use crate::base::source::{FileId, FileKind, SourceFile, Span};

    fn report(findings: &[(u32, &str)]) -> Report {
        let file = |name: &str| {
            SourceFile::new(name.into(), name.into(), FileKind::Script, "x".repeat(50))
        };
        let diagnostics = findings
            .iter()
            .enumerate()
            .map(|(i, &(file, rule))| {
                Diagnostic::new(
                    rules::find(rule).expect("a rule"),
                    FileId(file),
                    Span::new(i, i + 1),
                    messages::deprecated_tt_pay_call("tt.pay"),
                )
            })
            .collect();
        let mut report = Report {
            files: vec![file("a.js"), file("b.js")],
            diagnostics,
            linted: vec!["a.js".into(), "b.js".into()],
            rules: rules::all().iter().map(|r| r.meta().id).collect(),
            ..Report::default()
        };
        report.recount();
        report
    }

    const PAY: &str = "deprecated-tt-pay";
    const LINK: &str = "drainage-external-link";

    #[test]
    fn a_round_trip_through_the_file() {
        let mut baseline = Baseline::default();
        baseline.record(&report(&[(0, PAY), (0, PAY), (1, LINK)]), None);
        let text = baseline.to_json();
        assert_eq!(
            text,
            "{\n  \"a.js\": {\n    \"deprecated-tt-pay\": {\n      \"count\": 2\n    }\n  },\n  \"b.js\": {\n    \"drainage-external-link\": {\n      \"count\": 1\n    }\n  }\n}\n"
        );
        assert_eq!(Baseline::parse(&text), Ok(baseline));
    }

    #[test]
    fn within_the_counts_is_baselined_and_one_more_fails_them_all() {
        let mut baseline = Baseline::default();
        baseline.record(&report(&[(0, PAY), (0, PAY), (1, LINK)]), None);
        let mut same = report(&[(0, PAY), (0, PAY), (1, LINK)]);
        assert_eq!(
            baseline.apply(&mut same),
            Applied {
                baselined: 3,
                stale: 0
            }
        );
        assert!(same.diagnostics.is_empty());
        assert_eq!((same.summary.errors, same.summary.baselined), (0, 3));

        let mut more = report(&[(0, PAY), (0, PAY), (0, PAY), (1, LINK)]);
        assert_eq!(baseline.apply(&mut more).baselined, 1);
        assert_eq!(more.diagnostics.len(), 3, "all three, not just one of them");
        assert_eq!(more.summary.errors, 3);

        let mut fewer = report(&[(0, PAY)]);
        assert_eq!(
            baseline.apply(&mut fewer),
            Applied {
                baselined: 1,
                stale: 2
            }
        );
    }

    #[test]
    fn recording_one_rule_and_pruning_where_the_run_looked() {
        let mut baseline = Baseline::default();
        baseline.record(&report(&[(0, PAY), (1, LINK)]), Some(&[LINK.to_string()]));
        assert_eq!(baseline.totals(), (1, 1));
        baseline.record(&report(&[(0, PAY), (0, PAY)]), None);
        assert_eq!(baseline.totals(), (3, 2), "b.js's entry is kept");

        let mut now = report(&[(0, PAY)]);
        now.linted = vec!["a.js".into()];
        baseline.prune(&now, &|_| true);
        assert_eq!(
            baseline.entries["a.js"][PAY], 1,
            "lowered to what was found"
        );
        assert!(baseline.entries.contains_key("b.js"), "b.js was not linted");
        baseline.prune(&now, &|file| file != "b.js");
        assert!(!baseline.entries.contains_key("b.js"), "b.js was deleted");

        now.rules.retain(|r| *r != PAY);
        now.diagnostics.clear();
        baseline.prune(&now, &|_| true);
        assert_eq!(baseline.entries["a.js"][PAY], 1, "the rule did not run");
    }

    #[test]
    fn mistakes_in_the_file_are_named() {
        let problem = |text: &str| {
            let (at, message) = Baseline::parse(text).unwrap_err();
            (at, Catalogue::shared(Lang::En).render(&message))
        };
        assert_eq!(
            problem("{ \"a.js\": { \"deprecated-tt-pai\": { \"count\": 1 } } }"),
            (
                12,
                "unknown rule id `deprecated-tt-pai`; did you mean `deprecated-tt-pay`?".into()
            )
        );
        assert_eq!(
            problem("{ \"a.js\": { \"internal-error\": { \"count\": 1 } } }").1,
            "`internal-error` cannot be baselined: a failure of ttlint itself is always reported"
        );
        assert_eq!(
            problem("{ \"a.js\": { \"deprecated-tt-pay\": { \"count\": 0 } } }").1,
            "`deprecated-tt-pay` needs a `count` of 1 or more"
        );
        assert_eq!(
            problem("[]").1,
            "a suppressions file maps file paths to rule ids and counts"
        );
        assert_eq!(Baseline::parse(""), Ok(Baseline::default()));
    }

    #[test]
    fn windows_paths_and_crlf_read_as_written_elsewhere() {
        let text = "{\r\n  \"pages\\\\pay\\\\pay.js\": {\r\n    \"deprecated-tt-pay\": { \"count\": 2 }\r\n  }\r\n}\r\n";
        let baseline = Baseline::parse(text).unwrap();
        assert_eq!(baseline.entries["pages/pay/pay.js"][PAY], 2);
    }
}
