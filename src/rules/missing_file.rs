use crate::diagnostic::Severity;
use crate::rules::{Category, RuleMeta};

/// Reported by the project model for references that resolve to nothing.
pub static MISSING_FILE: RuleMeta = RuleMeta {
    id: "missing-file",
    default_severity: Severity::Error,
    category: Category::Engine,
    summary: "A page, component, template or module that is referenced but does not exist",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/framework/basic-reference/general-configuration",
    docs: r#"## What it does
Reports a reference that resolves to no file: a page listed in `app.json` (`pages`,
`subpackages`) with no template or script, a `usingComponents` entry whose component does not
exist, an `<import src>` / `<include src>` / `<sjs src>` in a template, or a relative
`require` / `import` in a script. Plugin components (`ext://…`, `<appid>://…`) and npm packages
are not looked up on disk.

## Why is this bad?
The Douyin developer tools stop the build on a missing page or component, so the submission
cannot even be uploaded; and ttlint cannot check code it cannot find.

## Example
```json
{ "usingComponents": { "pay-panel": "/components/paypanel/index" } }
```
with no `components/paypanel/index.ttml` on disk.

## Use instead
Fix the path, or remove the entry if the component is gone.

## References
- Global configuration (app.json): https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/framework/basic-reference/general-configuration
"#,
};
