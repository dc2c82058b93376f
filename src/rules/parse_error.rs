use crate::analysis::context::FileContext;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::meta::{Category, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::load::{ProblemKind, Syntax};

pub struct ParseError;

pub static META: RuleMeta = RuleMeta {
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

impl Rule for ParseError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        for problem in cx.problems {
            let d = match &problem.kind {
                ProblemKind::Unreadable(reason) => Diagnostic::new(
                    &META,
                    cx.id,
                    problem.span,
                    format!("cannot read this file: {reason}"),
                ),
                ProblemKind::NotUtf8 => Diagnostic::new(&META, cx.id, problem.span, "this file is not valid UTF-8")
                    .with_help("Save the file as UTF-8: the Douyin developer tools read sources as UTF-8 and reject other encodings."),
                ProblemKind::TooDeep { limit } => Diagnostic::new(
                    &META,
                    cx.id,
                    problem.span,
                    format!("code nested more than {limit} levels deep; ttlint does not analyse this file"),
                )
                .with_help("This is almost certainly generated code: add it to `ignore` in ttlint.json."),
                ProblemKind::Syntax { syntax, message } => {
                    let (what, help) = match syntax {
                        Syntax::Script => ("syntax error", "Fix the syntax error: the Douyin developer tools will not build this file, and ttlint cannot check it."),
                        Syntax::Json => ("invalid JSON", "Fix the syntax error: the Douyin developer tools will not build this file, and ttlint cannot check it."),
                        Syntax::Template => ("template error", "Fix the markup: the Douyin developer tools will not compile this template."),
                    };
                    Diagnostic::new(&META, cx.id, problem.span, format!("{what}: {message}"))
                        .with_help(help)
                }
            };
            out.push(d);
        }
    }
}
