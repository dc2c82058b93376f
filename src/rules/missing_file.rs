use crate::analysis::context::ProjectContext;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::project::Missing;
use crate::rules::rule::Rule;

pub struct MissingFile;

pub static META: RuleMeta = RuleMeta {
    id: "missing-file",
    default_severity: Severity::Error,
    category: Category::Engine,
    fix: FixKind::None,
    summary: "a page, component, template or module that is referenced but does not exist",
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

impl Rule for MissingFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        for missing in &cx.project.missing {
            let message = match &missing.what {
                Missing::Page { route } => {
                    messages::missing_file_page(route, cx.file_name(cx.project.app_json))
                }
                Missing::PageTemplate { route } => messages::missing_file_page_template(route),
                Missing::Component { tag, path } => messages::missing_file_component(tag, path),
                Missing::Template { src } => messages::missing_file_template(src),
                Missing::Module { specifier } => messages::missing_file_module(specifier),
            };
            out.push(
                Diagnostic::new(&META, missing.file, missing.span, message)
                    .with_help(messages::missing_file_help()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, project};

    #[test]
    fn cases() {
        Tester::new(&MissingFile)
            .expect_problems()
            .pass([project(&[
                ("app.json", r#"{"pages":["pages/a/a"],"usingComponents":{"pay":"ext://industry/pay-button","vant":"@vant/weapp/button"}}"#),
                ("pages/a/a.ttml", "<import src=\"{{dynamic}}\" /><view/>"),
                ("pages/a/a.js", "const lodash = require('lodash');\nimport img from './a.png'"),
                ("pages/a/a.png", ""),
            ])])
            .fail([
                project(&[
                    ("app.json", "{\n  \"pages\": [\"pages/a/a\", \"pages/gone/gone\"]\n}"),
                    ("pages/a/a.json", "{ \"usingComponents\": { \"card\": \"/components/card/card\" } }"),
                    ("pages/a/a.ttml", "<import src=\"/templates/none.ttml\" />\n<card />"),
                    ("pages/a/a.js", "const pay = require('../../utils/pay')"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    ("pages/a/a.js", "Page({})"),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/index/index" }, { "path": "pages/gone/gone" }] }"#),
                    ("manifest.json", "{}"),
                    ("pages/index/index.vue", "<script>\nimport { pay } from '@/utils/pay'\n</script>"),
                ]),
            ])
            .test_and_snapshot();
    }
}
