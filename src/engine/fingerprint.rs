//! Fingerprints: what identifies a finding across runs, for code-scanning dashboards (SARIF), GitLab
//! Code Quality and the baseline. A finding keeps its fingerprint when code around it moves and when
//! its message is reworded or translated, because the fingerprint is built from the rule id, the
//! file, the text of the finding's line (white space normalised) and how many identical findings
//! come before it in that file — never from the message or from line numbers.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::base::source::FileId;
use crate::engine::report::Report;

/// FNV-1a, 64 bits, over parts each followed by a zero byte: the same in every run and every
/// build.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Self = Self(0xcbf2_9ce4_8422_2325);

    fn part(mut self, part: &str) -> Self {
        for b in part.bytes().chain([0]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

/// The text of a line of a finding's file, trimmed, runs of white space made one space.
fn line_text(report: &Report, file: FileId, line: u32) -> String {
    let source = report.file(file);
    let start = source.lines().line_start(line).unwrap_or(0);
    let end = source
        .lines()
        .line_start(line + 1)
        .unwrap_or(source.text().len());
    let text = source.text().get(start..end).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of every finding of a report, in the report's order.
///
/// Each line is normalised, and hashed with each rule and file, once however many findings it
/// holds: minified code puts thousands on one line of a megabyte, and doing it per finding cost
/// their number times the line.
pub fn fingerprints(report: &Report) -> Vec<String> {
    // Each distinct normalised text, numbered: lines with the same text count their identical
    // findings together.
    let mut texts: Vec<Rc<str>> = Vec::new();
    let mut text_ids: FxHashMap<Rc<str>, usize> = FxHashMap::default();
    let mut line_ids: FxHashMap<(FileId, u32), usize> = FxHashMap::default();
    // The hash of rule, file and text, and how many findings with them came before.
    let mut seen: FxHashMap<(usize, &str, FileId), (Fnv, usize)> = FxHashMap::default();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let source = report.file(d.file);
            let line = source.lines().line_of(d.span.start());
            let text_id = *line_ids.entry((d.file, line)).or_insert_with(|| {
                let text: Rc<str> = line_text(report, d.file, line).into();
                let next = texts.len();
                let id = *text_ids.entry(Rc::clone(&text)).or_insert(next);
                if id == next {
                    texts.push(text);
                }
                id
            });
            let (hash, occurrence) =
                seen.entry((text_id, d.rule.id, d.file)).or_insert_with(|| {
                    let hash = Fnv::START
                        .part(d.rule.id)
                        .part(&source.display)
                        .part(&texts[text_id]);
                    (hash, 0)
                });
            let fingerprint = hash.part(&occurrence.to_string()).hex();
            *occurrence += 1;
            fingerprint
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostic::Diagnostic;
    use crate::base::messages;
    use crate::base::source::{FileId, FileKind, SourceFile, Span};
    use crate::rules;

    fn report(
        text: &str,
        findings: &[(&str, usize)],
        message: fn() -> crate::base::message::Message,
    ) -> Report {
        let file = SourceFile::new("a.js".into(), "a.js".into(), FileKind::Script, text.into());
        let diagnostics = findings
            .iter()
            .map(|(needle, nth)| {
                let start = text.match_indices(needle).nth(*nth).expect("needle").0;
                Diagnostic::new(
                    rules::find("deprecated-tt-pay").expect("a rule"),
                    FileId(0),
                    Span::new(start, start + needle.len()),
                    message(),
                )
            })
            .collect();
        Report {
            files: vec![file],
            diagnostics,
            ..Report::default()
        }
    }

    #[test]
    fn moving_code_and_rewording_keep_fingerprints() {
        let before = report(
            "tt.pay(a)\ntt.pay(a)\n",
            &[("tt.pay", 0), ("tt.pay", 1)],
            || messages::deprecated_tt_pay_call("tt.pay"),
        );
        let after = report(
            "// a new first line\n\n   tt.pay(a)\ntt.pay(a)\n",
            &[("tt.pay", 0), ("tt.pay", 1)],
            || messages::deprecated_tt_pay_value("tt.pay"),
        );
        let (b, a) = (fingerprints(&before), fingerprints(&after));
        assert_eq!(
            b, a,
            "moved down two lines, indented, and worded differently"
        );
        assert_ne!(
            b[0], b[1],
            "two identical lines are told apart by occurrence"
        );
        let changed = report("tt.pay(b)\n", &[("tt.pay", 0)], || {
            messages::deprecated_tt_pay_call("tt.pay")
        });
        assert_ne!(fingerprints(&changed)[0], b[0], "the line itself changed");
    }

    /// A checkout with Windows line endings (git's `autocrlf`) keeps every fingerprint, so SARIF
    /// and GitLab see the same findings from Windows and Linux runners.
    #[test]
    fn crlf_keeps_fingerprints() {
        let message = || messages::deprecated_tt_pay_call("tt.pay");
        let lf = report(
            "a()\ntt.pay(a)\ntt.pay(a)\n",
            &[("tt.pay", 0), ("tt.pay", 1)],
            message,
        );
        let crlf = report(
            "a()\r\ntt.pay(a)\r\ntt.pay(a)\r\n",
            &[("tt.pay", 0), ("tt.pay", 1)],
            message,
        );
        assert_eq!(fingerprints(&lf), fingerprints(&crlf));
    }
}
