use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::meta::{Category, RuleMeta};
use crate::base::source::FileId;
use crate::rules::rule::Rule;
use crate::syntax::suppress::{Unused, UnusedKind};

/// Runs in the engine, after every other rule: whether a directive suppressed something is only
/// known once all findings are in. [`UnusedSuppression::diagnostic`] words what the engine found.
pub struct UnusedSuppression;

pub static META: RuleMeta = RuleMeta {
    id: "unused-suppression",
    default_severity: Severity::Warning,
    category: Category::Engine,
    summary: "A ttlint-disable comment that suppressed nothing, or names an unknown rule",
    url: "https://github.com/ttlint/ttlint#suppressing-a-finding",
    docs: r#"## What it does
Reports a `ttlint-disable-next-line`, `ttlint-disable-line`, `ttlint-disable` or
`ttlint-disable-file` comment that suppressed no finding in this run, and rule ids in such
comments that do not exist. A directive naming a rule that is turned off in this run is not
reported.

## Why is this bad?
A suppression outlives the code it was written for. Left in place, it silently hides the next
real finding on that line, which is exactly the finding a platform reviewer would reject.

## Example
```js
// ttlint-disable-next-line deprecated-tt-pay -- migrated to requestOrder last release
tt.requestOrder(order)
```

## Use instead
```js
tt.requestOrder(order)
```

## References
- Suppressing a finding: https://github.com/ttlint/ttlint#suppressing-a-finding
"#,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

impl UnusedSuppression {
    /// The finding for a directive that did nothing.
    pub fn diagnostic(file: FileId, unused: &Unused) -> Diagnostic {
        let stale = "Remove it: a stale suppression hides the next real finding here.";
        match &unused.kind {
            UnusedKind::Directive => Diagnostic::new(
                &META,
                file,
                unused.span,
                "this ttlint-disable directive suppressed nothing",
            )
            .with_help(stale),
            UnusedKind::UnknownRule(id) => Diagnostic::new(
                &META,
                file,
                unused.span,
                format!("unknown rule id `{id}` in a ttlint-disable directive"),
            )
            .with_help("Check the spelling: `ttlint rules` lists every rule id."),
            UnusedKind::Rule(id) => Diagnostic::new(
                &META,
                file,
                unused.span,
                format!("`{id}` is disabled here but reports nothing"),
            )
            .with_help("Remove the id from the directive: a stale suppression hides the next real finding here."),
        }
    }
}
