use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
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
    fix: FixKind::None,
    summary: "a `ttlint-disable` comment that suppressed nothing, or names an unknown rule",
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
        let (message, help) = match &unused.kind {
            UnusedKind::Directive => (
                messages::unused_suppression_directive(),
                messages::unused_suppression_directive_help(),
            ),
            UnusedKind::UnknownRule(id) => (
                messages::unused_suppression_unknown_rule(id),
                messages::unused_suppression_unknown_rule_help(),
            ),
            UnusedKind::Rule(id) => (
                messages::unused_suppression_rule(id),
                messages::unused_suppression_rule_help(),
            ),
        };
        Diagnostic::new(&META, file, unused.span, message).with_help(help)
    }
}
