use crate::diagnostic::Severity;
use crate::rules::{Category, RuleMeta};

/// Reported by the loader (`crate::load`) for files it cannot read or parse.
pub static PARSE_ERROR: RuleMeta = RuleMeta {
    id: "parse-error",
    default_severity: Severity::Error,
    category: Category::Engine,
    summary: "A file that cannot be read or parsed (reported, never a crash)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/framework/basic-reference/catalog-structure",
    docs: r#"## What it does
Reports a file ttlint cannot read or parse: a JavaScript/TypeScript syntax error, invalid JSON in
`app.json` or a page's `.json` (plain JSON: no comments, no trailing commas), a file that is not
UTF-8, or generated code nested too deeply to analyse. The finding points at the first error.
The other files of the run are still linted.

## Why is this bad?
The Douyin developer tools refuse to build a project with a broken file, and ttlint cannot check
what it cannot parse: a compliance problem could hide in it.

## Example
```json
{
  "pages": ["pages/index/index",],
}
```

## Use instead
```json
{
  "pages": ["pages/index/index"]
}
```
Generated or vendored code that does not need checking belongs in `ignore` in `ttlint.json`.

## References
- Project structure: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/framework/basic-reference/catalog-structure
"#,
};
