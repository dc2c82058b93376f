//! Fingerprints: what identifies a finding across runs, for code-scanning dashboards (SARIF), GitLab
//! Code Quality and the baseline. A finding keeps its fingerprint when code around it moves and when
//! its message is reworded or translated, because the fingerprint is built from the rule id, the
//! file, the text of the finding's line (white space normalised) and how many identical findings
//! come before it in that file — never from the message or from line numbers.

use crate::engine::report::Report;

/// FNV-1a, 64 bits: the same in every run and every build.
fn fnv(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The text of the line a finding starts on, trimmed, runs of white space made one space.
fn line_text(report: &Report, index: usize) -> String {
    let d = &report.diagnostics[index];
    let source = report.file(d.file);
    let line = source.lines.line_of(d.span.start());
    let start = source.lines.line_start(line).unwrap_or(0);
    let end = source
        .lines
        .line_start(line + 1)
        .unwrap_or(source.text.len());
    let text = source.text.get(start..end).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of every finding of a report, in the report's order.
pub fn fingerprints(report: &Report) -> Vec<String> {
    let mut seen: std::collections::HashMap<(String, &str, &str), usize> =
        std::collections::HashMap::new();
    (0..report.diagnostics.len())
        .map(|i| {
            let d = &report.diagnostics[i];
            let text = line_text(report, i);
            let file = report.file(d.file).display.as_str();
            let occurrence = seen.entry((text.clone(), d.rule.id, file)).or_insert(0);
            let fingerprint = fnv(&[d.rule.id, file, &text, &occurrence.to_string()]);
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
