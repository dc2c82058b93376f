use crate::analysis::context::ProjectContext;
use crate::base::data;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::Access;

pub struct NavigateToMiniProgram;

pub static META: RuleMeta = RuleMeta {
    id: "navigate-to-mini-program",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "`tt.navigateToMiniProgram` targets missing from `navigateToMiniProgramAppIdList`, a list over 10, WeChat app ids in it",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/mini-app-forward/tt-navigate-to-mini-program",
    docs: r#"## What it does
Checks jumps to other mini-programs against `app.json`:

- a `tt.navigateToMiniProgram` call whose literal `appId` is not in
  `navigateToMiniProgramAppIdList`;
- calls while `app.json` has no `navigateToMiniProgramAppIdList` at all;
- a list of more than 10 app ids;
- WeChat app ids (`wx` + 16 hexadecimal digits) in the list: a WeChat port, and a jump no
  Douyin mini-program can make.

## Why is this bad?
The platform only lets a mini-program jump to the app ids declared in
`navigateToMiniProgramAppIdList` (at most 10); any other jump fails for the user, and jumps to
mini-programs of other platforms are drainage.

## Example
```json
{ "navigateToMiniProgramAppIdList": ["wx1234567890abcdef"] }
```
```js
tt.navigateToMiniProgram({ appId: 'tt0987654321abcdef' })
```

## Use instead
```json
{ "navigateToMiniProgramAppIdList": ["tt0987654321abcdef"] }
```

## References
- tt.navigateToMiniProgram: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/mini-app-forward/tt-navigate-to-mini-program
"#,
};

/// The list's limit.
const MAX_IDS: usize = 10;

fn wechat_app_id(id: &str) -> bool {
    id.len() == 18 && id.starts_with("wx") && id[2..].chars().all(|c| c.is_ascii_hexdigit())
}

impl Rule for NavigateToMiniProgram {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let project = cx.project;
        let list = project.app.navigate_app_ids.as_ref();
        let config = cx.file_name(project.navigate_list_file);
        if let Some((ids, span)) = list {
            if ids.len() > MAX_IDS {
                out.push(
                    Diagnostic::new(
                        &META,
                        project.navigate_list_file,
                        *span,
                        messages::navigate_to_mini_program_too_many(ids.len(), MAX_IDS),
                    )
                    .with_help(messages::navigate_to_mini_program_too_many_help(MAX_IDS)),
                );
            }
            for id in ids.iter().filter(|id| wechat_app_id(&id.value)) {
                out.push(
                    Diagnostic::new(
                        &META,
                        project.navigate_list_file,
                        id.span,
                        messages::navigate_to_mini_program_wechat_id(&id.value),
                    )
                    .with_help(messages::navigate_to_mini_program_wechat_id_help()),
                );
            }
        }
        for &file in &project.files {
            let Some(facts) = cx.files.content(file).script() else {
                continue;
            };
            for api in &facts.api_uses {
                if api.api.member != data::NAVIGATE_TO_MINI_PROGRAM
                    || api.access != Access::Call
                    || !api.target.ships_to_douyin()
                {
                    continue;
                }
                let app_id = api.options.as_ref().and_then(|o| o.get("appId"));
                match list {
                    None => out.push(
                        Diagnostic::new(
                            &META,
                            file,
                            api.span,
                            messages::navigate_to_mini_program_no_list(api.api.to_string(), config),
                        )
                        .with_help(
                            messages::navigate_to_mini_program_no_list_help(config, MAX_IDS),
                        ),
                    ),
                    Some((ids, _)) => {
                        let Some(prop) = app_id else { continue };
                        let Some(value) = prop.string.as_deref() else {
                            continue;
                        };
                        if !ids.iter().any(|id| id.value == value) {
                            out.push(
                                Diagnostic::new(
                                    &META,
                                    file,
                                    prop.value_span,
                                    messages::navigate_to_mini_program_unlisted(value, config),
                                )
                                .with_help(
                                    messages::navigate_to_mini_program_unlisted_help(
                                        config, MAX_IDS,
                                    ),
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, vue};

    /// An app whose navigation list holds `n` Douyin app ids.
    fn listed(n: usize) -> String {
        let ids: Vec<String> = (0..n)
            .map(|i| format!("\"tt00000000000000{i:02}\""))
            .collect();
        format!(
            "{{\"pages\":[\"pages/a/a\"],\n\"navigateToMiniProgramAppIdList\": [{}]}}",
            ids.join(",")
        )
    }

    #[test]
    fn cases() {
        let ten = listed(10);
        let eleven = listed(11);
        Tester::new(&NavigateToMiniProgram)
            .pass([
                // The platform allows ten.
                project(&[
                    ("app.json", &ten),
                    ("pages/a/a.ttml", "<view/>"),
                    ("pages/a/a.js", "Page({ go() { tt.navigateToMiniProgram({ appId: 'tt0000000000000009' }) } })"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    ("pages/a/a.ttml", "<view/>"),
                    (
                        "pages/a/a.js",
                        "// #ifdef MP-WEIXIN\nwx.navigateToMiniProgram({ appId: 'wx1' })\n// #endif\nconsole.log(tt.navigateToMiniProgram)\n// tt.navigateToMiniProgram({ appId: 'x' })",
                    ),
                    ("pages/old/old.js", "tt.navigateToMiniProgram({ appId: 'tt9' })"),
                ]),
                js("if (tt.navigateToMiniProgram) {}"),
            ])
            .fail([
                project(&[("app.json", &eleven), ("pages/a/a.ttml", "<view/>")]),
                project(&[
                    (
                        "app.json",
                        "{\"pages\":[\"pages/a/a\"],\n\"navigateToMiniProgramAppIdList\": [\"wx1234567890abcdef\", \"tt0000000000000001\"]}",
                    ),
                    ("pages/a/a.ttml", "<view/>"),
                    (
                        "pages/a/a.js",
                        "Page({ go() {\n  tt.navigateToMiniProgram({ appId: 'tt0987654321abcdef' });\n  tt.navigateToMiniProgram({ appId: 'tt0000000000000001' });\n  tt.navigateToMiniProgram({ appId: this.data.target });\n} })",
                    ),
                ]),
                js("Page({ go() { tt.navigateToMiniProgram({ appId: 'tt1' }) } })"),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/index/index" }] }"#),
                    ("pages/index/index.vue", "<script>\nexport default {\n  methods: {\n    go() { uni.navigateToMiniProgram({ appId: 'tt9999999999999999' }) },\n  },\n}\n</script>"),
                    (
                        "manifest.json",
                        "{\n  // uni-app reads the Douyin app's list from its mp-toutiao section.\n  \"mp-toutiao\": { \"navigateToMiniProgramAppIdList\": [\"tt1111111111111111\"] }\n}",
                    ),
                ]),
                vue("<script>\nexport default {\n  methods: {\n    go() { uni.navigateToMiniProgram({ appId: 'tt9' }) },\n  },\n}\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  const go = () => Taro.navigateToMiniProgram({ appId: 'tt9' })\n  return null\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&NavigateToMiniProgram);
    }
}
