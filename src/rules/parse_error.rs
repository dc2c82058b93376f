use crate::analysis::context::FileContext;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::rules::rule::Rule;
use crate::syntax::load::{ProblemKind, Syntax};

pub struct ParseError;

/// Syntax errors listed per file. A parser that recovers from a mistake often reports a cascade
/// after it (one tag never closed makes the next thousand tags wrong); past the first few they
/// bury every other finding of the run, and a broken generated file could yield thousands. The
/// rest are counted in one finding, as compilers stop after a number of errors.
const LISTED_PER_FILE: usize = 10;

pub static META: RuleMeta = RuleMeta {
    id: "parse-error",
    default_severity: Severity::Error,
    category: Category::Engine,
    fix: FixKind::None,
    summary: "a file that cannot be read or parsed — reported, never a crash; the other files are still linted",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/framework/basic-reference/catalog-structure",
    docs: r#"## What it does
Reports a file ttlint cannot read or parse: a JavaScript/TypeScript syntax error, invalid JSON in
`app.json` or a page's `.json` (plain JSON: no comments, no trailing commas), a file that is not
UTF-8, or generated code nested too deeply to analyse. The finding points at the first error.
The other files of the run are still linted. A file with more than ten syntax errors gets the
first ten, then one finding that counts the rest: after a first mistake a parser often reports
a cascade that fixing it makes go away.

JSON that only tools read is read as they read it: `tsconfig.json`, `jsconfig.json`, editor
settings (`.vscode/`, `.hbuilderx/`), uni-app's `pages.json` and `manifest.json`, and any JSON
outside the mini-program's build may hold comments. A file outside the build (linted because it
was named, found outside any project, or `--all-files` asked) is reported without the claim that
the developer tools will refuse it: they never read it.

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
        let mut syntax_errors = 0;
        let mut unlisted: Option<(Span, usize)> = None;
        for problem in cx.problems {
            if matches!(problem.kind, ProblemKind::Syntax { .. }) {
                syntax_errors += 1;
                if syntax_errors > LISTED_PER_FILE {
                    let (_, count) = unlisted.get_or_insert((problem.span, 0));
                    *count += 1;
                    continue;
                }
            }
            let (message, help) = match &problem.kind {
                ProblemKind::Unreadable(reason) => (messages::parse_error_unreadable(reason), None),
                ProblemKind::NotUtf8 => (
                    messages::parse_error_not_utf8(),
                    Some(messages::parse_error_not_utf8_help()),
                ),
                ProblemKind::TooDeep { limit } => (
                    messages::parse_error_too_deep(*limit),
                    Some(messages::parse_error_too_deep_help()),
                ),
                ProblemKind::Syntax { syntax, message } => match syntax {
                    Syntax::Script => (
                        messages::parse_error_script(message),
                        Some(messages::parse_error_syntax_help()),
                    ),
                    Syntax::Json => (
                        messages::parse_error_json(message),
                        Some(messages::parse_error_syntax_help()),
                    ),
                    Syntax::Template => (
                        messages::parse_error_template(message),
                        Some(messages::parse_error_template_help()),
                    ),
                },
            };
            // Only the files of a build are read by the developer tools: elsewhere (a loose
            // file, `--all-files`) the help must not say the build will fail.
            let help = match problem.kind {
                ProblemKind::Unreadable(_) | ProblemKind::TooDeep { .. } => help,
                ProblemKind::NotUtf8 | ProblemKind::Syntax { .. } if !cx.in_build => {
                    Some(messages::parse_error_outside_help())
                }
                ProblemKind::NotUtf8 | ProblemKind::Syntax { .. } => help,
            };
            let mut d = Diagnostic::new(&META, cx.id, problem.span, message);
            d.help = help;
            out.push(d);
        }
        if let Some((span, count)) = unlisted {
            let mut d = Diagnostic::new(&META, cx.id, span, messages::parse_error_more(count));
            d.help = Some(messages::parse_error_more_help());
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, js, project, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&ParseError)
            .expect_problems()
            .pass([
                js("const a = 1"),
                ttml("<view>{{ a < b }}</view>"),
                vue("<template><view /></template>\n<script setup lang=\"ts\">\nconst a: number = 1\n</script>"),
                tsx("export default () => <view />"),
                project(&[
                    ("pages.json", "{\n  // comments are fine in pages.json\n  \"pages\": [{ \"path\": \"pages/index/index\" },],\n}"),
                    ("manifest.json", "{ /* and here */ }"),
                    ("pages/index/index.vue", "<template><view /></template>"),
                ]),
            ])
            .fail([
                js("let = ;"),
                ttml("<view><text>a</view>"),
                ttml("<view>{{ a + }}</view>"),
                // Twelve and eleven errors: ten listed, then one finding for the other two, one.
                ttml(&"<view>{{ a + }}</view>\n".repeat(12)),
                vue(&format!(
                    "<template>\n{}</template>",
                    "  <view :class=\"{ a: }\">x</view>\n".repeat(11)
                )),
                project(&[
                    ("app.json", "{\n  \"pages\": [\"pages/index/index\",],\n}"),
                    ("pages/index/index.ttml", "<view/>"),
                ]),
                vue("<template>\n  <view :class=\"{ a: }\">x</view>\n</template>"),
                vue("<template><view /></template>\n<script>\nexport default {\n</script>"),
                tsx("export default () => <View>"),
            ])
            .test_and_snapshot();
    }
}
