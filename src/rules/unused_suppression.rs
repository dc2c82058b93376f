use crate::diagnostic::Severity;
use crate::rules::{Category, RuleMeta};

/// Reported by the engine (`crate::suppress`) after every other rule ran.
pub static UNUSED_SUPPRESSION: RuleMeta = RuleMeta {
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
