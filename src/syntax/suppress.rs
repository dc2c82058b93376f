//! Inline suppressions: `ttlint-disable…` comments, applied by the engine after all rules ran.
//!
//! Forms (in `//`, `/* */` and `<!-- -->` comments; no ids = every rule; ` -- reason` is free text):
//!
//! - `ttlint-disable-next-line ID[, ID]` — the line after the comment;
//! - `ttlint-disable-line ID` — the comment's own line;
//! - `ttlint-disable ID` … `ttlint-enable ID` — a range (to the end of the file if never enabled);
//! - `ttlint-disable-file ID` — the whole file.
//!
//! A directive that suppresses nothing, or names a rule that does not exist, is reported as
//! `unused-suppression`: stale suppressions hide the next real finding.

use crate::base::source::Span;
use crate::syntax::comment::Comment;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    NextLine,
    Line,
    /// Offsets `start..end` of a disable/enable range.
    Range(usize, usize),
    File,
}

/// One parsed directive: which rules, where it applies, and whether it was used.
#[derive(Debug, Clone)]
pub struct Directive {
    /// The comment holding it.
    pub span: Span,
    /// Rule ids; empty means every rule.
    rules: Vec<String>,
    scope: Scope,
    /// The line a line-scoped directive applies to.
    line: u32,
    /// Per rule id (or one flag for "every rule"): whether it suppressed something.
    used: Vec<bool>,
}

/// The directives of one file.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

const PREFIX: &str = "ttlint-";

fn split_directive(text: &str) -> Option<(&str, &str)> {
    let text = text.trim().trim_start_matches('*').trim();
    let rest = text.strip_prefix(PREFIX)?;
    for word in [
        "disable-next-line",
        "disable-line",
        "disable-file",
        "disable",
        "enable",
    ] {
        if let Some(args) = rest.strip_prefix(word)
            && (args.is_empty() || args.starts_with(char::is_whitespace))
        {
            return Some((word, args));
        }
    }
    None
}

fn rule_ids(args: &str) -> Vec<String> {
    let ids = args.split_once("--").map_or(args, |(ids, _reason)| ids);
    ids.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Suppressions {
    /// Parses the directives in a file's comments (in source order). `line_of` gives the 1-based
    /// line of an offset; it is asked only about directives, so a file without any never needs
    /// its line index built.
    pub fn parse(comments: &[Comment], line_of: impl Fn(usize) -> u32, file_len: usize) -> Self {
        let mut directives = Vec::new();
        // Open `disable` ranges: index into `directives`.
        let mut open: Vec<usize> = Vec::new();
        for comment in comments {
            let Some((word, args)) = split_directive(&comment.text) else {
                continue;
            };
            let ids = rule_ids(args);
            let scope = match word {
                "disable-next-line" => Scope::NextLine,
                "disable-line" => Scope::Line,
                "disable-file" => Scope::File,
                "disable" => Scope::Range(comment.span.end(), file_len),
                _ => {
                    // `enable`: close the ranges it names (all of them when it names none).
                    open.retain(|&i| {
                        let d: &mut Directive = &mut directives[i];
                        let closes = ids.is_empty() || d.rules.iter().any(|r| ids.contains(r));
                        if closes && let Scope::Range(start, _) = d.scope {
                            d.scope = Scope::Range(start, comment.span.start());
                        }
                        !closes
                    });
                    continue;
                }
            };
            let line = match scope {
                Scope::NextLine => line_of(comment.span.end().saturating_sub(1)) + 1,
                _ => line_of(comment.span.start()),
            };
            if matches!(scope, Scope::Range(..)) {
                open.push(directives.len());
            }
            directives.push(Directive {
                span: comment.span,
                used: vec![false; ids.len().max(1)],
                rules: ids,
                scope,
                line,
            });
        }
        Self { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Whether a directive suppresses a finding of `rule` at `offset` (on `line`); marks it
    /// used.
    pub fn suppresses(&mut self, rule: &str, offset: usize, line: u32) -> bool {
        let mut suppressed = false;
        for d in &mut self.directives {
            let applies = match d.scope {
                Scope::NextLine | Scope::Line => d.line == line,
                Scope::Range(start, end) => start <= offset && offset < end,
                Scope::File => true,
            };
            if !applies {
                continue;
            }
            if d.rules.is_empty() {
                d.used[0] = true;
                suppressed = true;
            } else if let Some(i) = d.rules.iter().position(|r| r == rule) {
                d.used[i] = true;
                suppressed = true;
            }
        }
        suppressed
    }

    /// Directives, or rule ids in them, that suppressed nothing. `known` says whether a rule id
    /// exists; `enabled` whether it ran at all: a directive for a rule turned off in this run
    /// is not unused (it may be needed when the rule is on).
    pub fn unused(
        &self,
        known: &dyn Fn(&str) -> bool,
        enabled: &dyn Fn(&str) -> bool,
    ) -> Vec<Unused> {
        let mut out = Vec::new();
        for d in &self.directives {
            if d.rules.is_empty() {
                if !d.used[0] {
                    out.push(Unused {
                        span: d.span,
                        kind: UnusedKind::Directive,
                    });
                }
                continue;
            }
            for (id, used) in d.rules.iter().zip(&d.used) {
                let kind = if !known(id) {
                    UnusedKind::UnknownRule(id.clone())
                } else if !used && enabled(id) {
                    UnusedKind::Rule(id.clone())
                } else {
                    continue;
                };
                out.push(Unused { span: d.span, kind });
            }
        }
        out
    }
}

/// A directive that did nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    /// The comment holding the directive.
    pub span: Span,
    pub kind: UnusedKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnusedKind {
    /// A directive for every rule that suppressed nothing.
    Directive,
    /// A rule id that no rule has.
    UnknownRule(String),
    /// A rule that ran and reported nothing here.
    Rule(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::LineIndex;

    fn comments(src: &str) -> Vec<Comment> {
        // `//` comments to the end of their line.
        let mut out = Vec::new();
        let mut offset = 0;
        for line in src.split_inclusive('\n') {
            if let Some(at) = line.find("//") {
                let end = line.trim_end_matches('\n').len();
                out.push(Comment {
                    span: Span::new(offset + at, offset + end),
                    text: line[at + 2..end].to_string(),
                    block: false,
                });
            }
            offset += line.len();
        }
        out
    }

    const KNOWN: &[&str] = &["deprecated-tt-pay", "other-rule"];

    fn known(id: &str) -> bool {
        KNOWN.contains(&id)
    }

    /// Whether a `deprecated-tt-pay` finding at `needle` is suppressed, and the unused
    /// directives left.
    fn run(src: &str, needle: &str) -> (bool, Vec<UnusedKind>) {
        let lines = LineIndex::new(src);
        let mut s = Suppressions::parse(&comments(src), |at| lines.line_of(at), src.len());
        let start = src.find(needle).unwrap();
        let line = lines.line_of(start);
        let hit = s.suppresses("deprecated-tt-pay", start, line);
        let unused = s
            .unused(&known, &|_| true)
            .into_iter()
            .map(|u| u.kind)
            .collect();
        (hit, unused)
    }

    fn rule(id: &str) -> Vec<UnusedKind> {
        vec![UnusedKind::Rule(id.into())]
    }

    #[test]
    fn next_line_and_same_line() {
        assert_eq!(
            run(
                "// ttlint-disable-next-line deprecated-tt-pay -- legacy\ntt.pay()\n",
                "tt.pay"
            ),
            (true, vec![])
        );
        assert_eq!(
            run(
                "tt.pay() // ttlint-disable-line deprecated-tt-pay\n",
                "tt.pay"
            ),
            (true, vec![])
        );
        assert_eq!(
            run("// ttlint-disable-next-line\ntt.pay()\n", "tt.pay"),
            (true, vec![])
        );
        assert_eq!(
            run(
                "// ttlint-disable-next-line other-rule\ntt.pay()\n",
                "tt.pay"
            ),
            (false, rule("other-rule"))
        );
        assert_eq!(
            run(
                "// ttlint-disable-next-line deprecated-tt-pay\n\ntt.pay()\n",
                "tt.pay"
            ),
            (false, rule("deprecated-tt-pay"))
        );
    }

    /// Windows line endings: a directive's rule ids end before the `\r`, and "next line" is the
    /// line after the CRLF.
    #[test]
    fn crlf_line_endings() {
        assert_eq!(
            run(
                "// ttlint-disable-next-line deprecated-tt-pay\r\ntt.pay()\r\n",
                "tt.pay"
            ),
            (true, vec![])
        );
        assert_eq!(
            run(
                "tt.pay() // ttlint-disable-line deprecated-tt-pay\r\nx()\r\n",
                "tt.pay"
            ),
            (true, vec![])
        );
        assert_eq!(
            run(
                "// ttlint-disable-next-line deprecated-tt-pay -- legacy\r\n\r\ntt.pay()\r\n",
                "tt.pay"
            ),
            (false, rule("deprecated-tt-pay"))
        );
    }

    #[test]
    fn ranges_and_files() {
        let src = "// ttlint-disable deprecated-tt-pay\na()\n// ttlint-enable deprecated-tt-pay\ntt.pay()\n";
        assert_eq!(run(src, "tt.pay"), (false, rule("deprecated-tt-pay")));
        assert_eq!(run(src, "a()"), (true, vec![]));
        assert_eq!(
            run(
                "// ttlint-disable deprecated-tt-pay\n\ntt.pay()\n",
                "tt.pay"
            ),
            (true, vec![])
        );
        assert_eq!(
            run(
                "x\n// ttlint-disable-file deprecated-tt-pay\ntt.pay()\n",
                "x"
            ),
            (true, vec![])
        );
    }

    #[test]
    fn unknown_ids_are_reported() {
        let (hit, unused) = run(
            "// ttlint-disable-next-line deprecated-tt-pay, no-such-rule\ntt.pay()\n",
            "tt.pay",
        );
        assert!(hit);
        assert_eq!(unused, vec![UnusedKind::UnknownRule("no-such-rule".into())]);
    }

    #[test]
    fn lookalike_comments_are_not_directives() {
        assert!(
            Suppressions::parse(
                &comments("// ttlint-disabled x\n// see ttlint-disable docs\n"),
                |_| unreachable!("no directive to place"),
                0
            )
            .is_empty()
        );
    }

    #[test]
    fn disabled_rules_are_not_reported_unused() {
        let src = "// ttlint-disable-next-line deprecated-tt-pay\nok()\n";
        let lines = LineIndex::new(src);
        let s = Suppressions::parse(&comments(src), |at| lines.line_of(at), src.len());
        assert_eq!(s.unused(&known, &|_| false), vec![]);
        assert_eq!(
            s.unused(&known, &|_| true),
            vec![Unused {
                span: Span::new(0, src.find('\n').unwrap()),
                kind: UnusedKind::Rule("deprecated-tt-pay".into())
            }]
        );
    }
}
