use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::rules::rule::Rule;

/// Made by the engine when a rule panics: [`InternalError::diagnostic`]. It cannot be turned off
/// or suppressed, and a run that has one exits with code 2.
pub struct InternalError;

pub static META: RuleMeta = RuleMeta {
    id: "internal-error",
    default_severity: Severity::Error,
    category: Category::Engine,
    fix: FixKind::None,
    summary: "ttlint itself failed on a file (a bug in ttlint): the rule and file are named, the other findings are kept, and the run exits 2; cannot be turned off or suppressed",
    url: "https://github.com/ttlint/ttlint/issues",
    docs: r#"## What it does
Reports that one of ttlint's own rules failed while checking a file: a bug in ttlint, not in your
code. The finding names the rule and the file; every other rule and file is still checked and
their findings are kept. The run exits with code 2, so CI does not pass on an incomplete check.

It cannot be turned off or suppressed: a silent failure would look like a clean result.

## Why is this bad?
A rule that failed checked nothing on that file, so a problem a reviewer would reject could be
hiding there.

## Example
```text
internal-error: rule `ios-virtual-payment` failed on this file: index out of bounds
```

## Use instead
Report it at https://github.com/ttlint/ttlint/issues with the file (or a smaller file that
shows the failure) and the command you ran. Until it is fixed, `--rule RULE=off` for the rule
named in the message lets the rest of the check pass.

## References
- Issue tracker: https://github.com/ttlint/ttlint/issues
"#,
};

impl Rule for InternalError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

impl InternalError {
    /// The finding for a rule that panicked on a file.
    pub fn diagnostic(file: FileId, rule: &str, what: &str) -> Diagnostic {
        Diagnostic::new(
            &META,
            file,
            Span::default(),
            messages::internal_error(rule, what),
        )
        .with_help(messages::internal_error_help())
    }
}
