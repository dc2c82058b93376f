use std::collections::BTreeSet;

use crate::analysis::context::{FileContext, ProjectContext};
use crate::base::data::{DeprecatedComponent, RuleData};
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::project::{Project, UnitId, Using, UsingTarget};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::{Access, ApiUse};

pub struct DeprecatedTradeApi;

pub static META: RuleMeta = RuleMeta {
    id: "deprecated-trade-api",
    default_severity: Severity::Warning,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "deprecated or soon-deprecated trade components and APIs: the built-in `<pay-button>`, `ext://industry/pay-button`, `microapp-trade-plugin`, `tt.continueToPayLife`, `tt.openEcCart`… — each with its replacement",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi",
    docs: r#"## What it does
Finds trade components and APIs the platform has deprecated (已废弃), is about to deprecate
(即将废弃), or no longer maintains, from the list in `rules/deprecated-trade.json`:

- the built-in `<pay-button>` component: a `pay-button` tag with no `usingComponents` entry;
- `usingComponents` entries pointing at `ext://industry/pay-button` or `microapp-trade-plugin`
  (reported at the entry in the page's `.json`, and at each use of the tag);
- `tt.continueToPayLife`, `tt.applyRefundLife` (moved to the life-service plugin);
- `tt.openEcCart`, `tt.openEcOrder`, `tt.getShopRecordToken`, `tt.updateShopMemberPoints`,
  `tt.openEcIm` (moved to the e-commerce plugin).

Each finding's help names the replacement. A CSS class named `pay-button`, or a component of
your own registered under the tag `pay-button`, is not reported.

## Why is this bad?
A deprecated trade component or API stops working when the platform switches it off, and
users then cannot pay or get a refund; review also rejects new submissions that rely on them.

## Example
```html
<pay-button order-id="{{orderId}}" />
```

## Use instead
```json
{ "usingComponents": { "pay-button-sdk": "tta5a3d31e3aecfb9b11://pay-button" } }
```
```html
<pay-button-sdk order-id="{{orderId}}" />
```
or create and pay the order with `tt.requestOrder` and `tt.getOrderPayment`.

## References
- General trade system: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi
"#,
};

/// The deprecated component a `usingComponents` entry points at.
fn deprecated_target<'a>(
    using: &Using,
    components: &'a [DeprecatedComponent],
) -> Option<&'a DeprecatedComponent> {
    if matches!(using.target, UsingTarget::Unit(_)) {
        return None;
    }
    components
        .iter()
        .find(|c| c.matches_path(&using.entry.path))
}

/// The deprecated component a tag renders on a unit: the built-in one, or an entry above.
fn deprecated_tag<'a>(
    project: &Project,
    unit: UnitId,
    tag: &str,
    components: &'a [DeprecatedComponent],
) -> Option<&'a DeprecatedComponent> {
    match project.component_for(unit, tag) {
        None => components
            .iter()
            .find(|c| c.builtin_tag.as_deref() == Some(tag)),
        Some(using) => deprecated_target(using, components),
    }
}

impl Rule for DeprecatedTradeApi {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.script() else { return };
        for api in &facts.api_uses {
            check_api(cx.data, cx.id, api, out);
        }
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        // Calls through an alias another file sets up (`getApp().core = tt`).
        for &file in &cx.project.files {
            for api in cx.graph().aliased_uses(file) {
                check_api(cx.data, file, api, out);
            }
        }
        let components = &cx.data.deprecated_trade.components;
        let project = cx.project;
        let mut seen: BTreeSet<(FileId, Span)> = BTreeSet::new();
        let usings = project
            .app_components
            .iter()
            .chain(project.units.iter().flat_map(|u| &u.components));
        for using in usings {
            if let Some(c) = deprecated_target(using, components)
                && seen.insert((using.file, using.entry.path_span))
            {
                let message = messages::deprecated_trade_api_using(
                    &using.entry.path,
                    &using.entry.tag,
                    c.status.id(),
                );
                out.push(
                    Diagnostic::new(&META, using.file, using.entry.path_span, message).with_help(
                        messages::deprecated_trade_api_help(c.localized_replacement()),
                    ),
                );
            }
        }
        for unit in 0..project.units.len() {
            for template in project.templates_of(unit) {
                let Some(doc) = cx.files.content(template).markup() else {
                    continue;
                };
                for (node, element) in doc.elements() {
                    if !doc.target(node).ships_to_douyin() {
                        continue;
                    }
                    let Some(c) = deprecated_tag(project, unit, &element.tag, components) else {
                        continue;
                    };
                    if !seen.insert((template, element.tag_span)) {
                        continue;
                    }
                    let message = match &c.builtin_tag {
                        Some(tag) if project.component_for(unit, tag).is_none() => {
                            messages::deprecated_trade_api_builtin(tag, c.status.id())
                        }
                        _ => {
                            messages::deprecated_trade_api_tag(element.tag.as_str(), c.status.id())
                        }
                    };
                    out.push(
                        Diagnostic::new(&META, template, element.tag_span, message).with_help(
                            messages::deprecated_trade_api_help(c.localized_replacement()),
                        ),
                    );
                }
            }
        }
    }
}

fn check_api(data: &RuleData, file: FileId, api: &ApiUse, out: &mut Vec<Diagnostic>) {
    if !api.target.ships_to_douyin() || api.access == Access::FeatureTest {
        return;
    }
    let Some(entry) = data.deprecated_api(data.on_douyin(api.api)) else {
        return;
    };
    out.push(
        Diagnostic::new(
            &META,
            file,
            api.span,
            messages::deprecated_trade_api_api(api.api.to_string(), entry.status.id()),
        )
        .with_help(messages::deprecated_trade_api_help(
            entry.localized_replacement(),
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, vue};

    #[test]
    fn cases() {
        Tester::new(&DeprecatedTradeApi)
            .pass([
                js("// tt.openEcCart()\nconst s = 'tt.openEcOrder'; plugin.openEcCart(); tt.requestOrder({})"),
                js("// #ifdef MP-WEIXIN\ntt.openEcCart()\n// #endif"),
                js("if (tt.openEcCart) { plugin.openEcCart() }"),
                project(&[
                    ("app.json", r#"{"pages":["pages/b/b"]}"#),
                    ("pages/b/b.ttml", "<pay-button />"),
                    (
                        "pages/b/b.json",
                        r#"{"usingComponents":{"pay-button":"/components/my-pay/my-pay"}}"#,
                    ),
                    ("components/my-pay/my-pay.ttml", "<button>付款</button>"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    (
                        "pages/a/a.ttml",
                        "<!-- #ifdef MP-WEIXIN --><pay-button /><!-- #endif -->",
                    ),
                    ("pages/old/old.ttml", "<pay-button />"),
                    ("pages/old/old.js", "tt.openEcCart({})"),
                ]),
                vue("<template>\n  <!-- #ifdef MP-WEIXIN -->\n  <pay-button />\n  <!-- #endif -->\n</template>"),
            ])
            .fail([
                js("tt.openEcCart({ shopId })"),
                js("const { continueToPayLife } = tt"),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    (
                        "pages/a/a.ttml",
                        "<view class=\"pay-button\">\n  <pay-button order-id=\"{{id}}\" />\n</view>",
                    ),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    (
                        "pages/a/a.json",
                        "{\n  \"usingComponents\": {\n    \"pay\": \"ext://industry/pay-button\",\n    \"trade\": \"plugin://microapp-trade-plugin/button\",\n    \"ok\": \"tta5a3d31e3aecfb9b11://pay-button\"\n  }\n}",
                    ),
                    ("pages/a/a.ttml", "<pay />\n<trade />\n<ok />\n<!-- <pay /> -->"),
                ]),
                vue("<template><view><pay-button :order-id=\"id\" /></view></template>\n<script>\nexport default { methods: { back() { tt.openEcOrder({}) } } }\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  Taro.openEcCart({ shopId: 'shop' })\n  return null\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DeprecatedTradeApi);
    }
}
