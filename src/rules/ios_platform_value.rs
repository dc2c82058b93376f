use crate::analysis::context::FileContext;
use crate::base::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::rules::rule::Rule;
use crate::syntax::js::cond::{CmpOp, Cond};
use crate::syntax::js::facts::JsFacts;
use crate::syntax::markup::{TextPart, Value};

pub struct IosPlatformValue;

pub static META: RuleMeta = RuleMeta {
    id: "ios-platform-value",
    default_severity: Severity::Warning,
    category: Category::Ios,
    fix: FixKind::Safe,
    summary: "`platform` compared with `'iOS'`/`'IOS'`/`'iPhone'`: always false, so the iOS gate never closes",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment",
    docs: r#"## What it does
Finds comparisons of the `platform` reported by `tt.getSystemInfoSync()`,
`tt.getSystemInfo()` or `tt.getDeviceInfoSync()` — read directly, destructured, stored in page
data or `globalData`, or tested in a template — with `'iOS'`, `'IOS'`, `'Ios'` or `'iPhone'`.

Comparisons on `system` (which reads like `"iOS 16.1"`) and comparisons after
`.toLowerCase()` are correct and not reported.

## Why is this bad?
`platform` is lower case on Douyin: `'ios'`, `'android'`, `'devtools'`. A comparison with
`'iOS'` is always false, so the iOS gate it was written for never closes: virtual goods stay on
sale on iOS, which the iOS virtual-payment rules forbid (see `ios-virtual-payment`).

## Example
```js
const { platform } = tt.getSystemInfoSync()
if (platform === 'iOS') return
```

## Use instead
```js
const { platform } = tt.getSystemInfoSync()
if (platform === 'ios') return
```

## References
- iOS virtual payment rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment
"#,
};

/// A literal the platform never equals but that was meant as iOS.
fn wrong_ios(literal: &str) -> bool {
    let lower = literal.trim().to_lowercase();
    (lower == "ios" && literal.trim() != "ios") || lower == "iphone"
}

/// Whether a value is the platform: a path ending in `platform`, or a name assigned one in this
/// script (`const p = sys.platform`).
fn is_platform(value: &Cond, facts: Option<&JsFacts>) -> bool {
    let Cond::Path(path) = value else {
        return false;
    };
    let platform = |p: &str| p == "platform" || p.ends_with(".platform");
    platform(path)
        || facts.is_some_and(|f| {
            f.assignments
                .iter()
                .any(|a| a.path == *path && matches!(&a.value, Cond::Path(p) if platform(p)))
        })
}

/// The finding on a string literal (quotes included) compared with `platform`, with the fix that
/// writes the value the platform reports.
fn finding(file: FileId, literal_span: Span, literal: &str) -> Diagnostic {
    let inner = Span::new(
        literal_span.start() + 1,
        literal_span.end().saturating_sub(1),
    );
    Diagnostic::new(
        &META,
        file,
        literal_span,
        messages::ios_platform_value(literal),
    )
    .with_help(messages::ios_platform_value_help())
    .with_fix(Fix {
        applicability: Applicability::Safe,
        edits: vec![Edit {
            span: inner,
            text: "ios".into(),
        }],
    })
}

impl Rule for IosPlatformValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        // A JSX attribute's comparison is among the script's too: each is reported once.
        let mut reported = Vec::new();
        if let Some(facts) = cx.script() {
            for c in &facts.comparisons {
                if c.target.ships_to_douyin()
                    && wrong_ios(&c.literal)
                    && is_platform(&c.other, Some(facts))
                {
                    reported.push(c.literal_span);
                    out.push(finding(cx.id, c.literal_span, &c.literal));
                }
            }
        }
        let Some(doc) = cx.markup() else { return };
        for (node, element) in doc.elements() {
            if !doc.target(node).ships_to_douyin() {
                continue;
            }
            for attr in &element.attrs {
                let Value::Bound { parts, .. } = &attr.value else {
                    continue;
                };
                for part in parts {
                    let TextPart::Dynamic {
                        binding: Some(binding),
                        ..
                    } = part
                    else {
                        continue;
                    };
                    for c in binding.cond.walk() {
                        let Cond::Cmp(CmpOp::Eq | CmpOp::Ne, a, b) = c else {
                            continue;
                        };
                        for (side, other) in [(a, b), (b, a)] {
                            if let Cond::Str(literal) = &**other
                                && wrong_ios(literal)
                                && is_platform(side, None)
                                && let Some((span, _)) =
                                    binding.strings.iter().find(|(_, s)| **s == **literal)
                                && !reported.contains(span)
                            {
                                out.push(finding(cx.id, *span, literal));
                            }
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
    use crate::rules::tester::{Tester, check_docs, js, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&IosPlatformValue)
            .pass([
                js("if (sys.platform === 'ios') {}\nif (sys.system.indexOf('iOS') > -1) {}\nif (platform.toLowerCase() === 'ios') {}\nif (system === 'iOS') {}\nif (brand === 'iPhone') {}\n// if (platform === 'iOS')"),
                js("console.log(platform === 'iOS' ? 1 : 2)"),
                ttml("<view tt:if=\"{{system == 'iOS'}}\" />"),
                js("// #ifdef MP-WEIXIN\nif (wx.getSystemInfoSync().platform === 'iOS') {}\n// #endif"),
                ttml("<!-- #ifdef MP-WEIXIN --><view wx:if=\"{{platform == 'iOS'}}\" /><!-- #endif -->"),
                vue("<script setup>\nconst isIOS = uni.getSystemInfoSync().platform === 'ios'\n</script>"),
            ])
            .fail([
                js("const { platform } = tt.getSystemInfoSync();\nif (platform === 'iOS') {}"),
                js("if (tt.getSystemInfoSync().platform == 'IOS') {}"),
                js("if (this.data.platform !== 'iPhone') {}"),
                js("if (getApp().globalData.platform === 'Ios') {}"),
                js("const p = sys.platform;\nif ('iOS' === p) {}"),
                ttml("<view tt:if=\"{{platform != 'iOS'}}\">开通</view>"),
                ttml("<view class=\"{{platform == 'iOS' ? 'hide' : 'show'}}\">开通</view>"),
                // In an attribute no rule reads by name: templates keep it for its comparison.
                vue("<template>\n  <view :class=\"platform == 'iOS' ? 'hide' : 'show'\">开通</view>\n</template>"),
                tsx("export default function Page({ platform }) {\n  return <View className={platform == 'iOS' ? 'hide' : 'show'}>开通</View>\n}"),
                vue("<template>\n  <button v-if=\"platform !== 'iOS'\">开通会员</button>\n</template>\n<script setup>\nconst isIOS = uni.getSystemInfoSync().platform === 'iOS'\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  const isIOS = Taro.getSystemInfoSync().platform === 'iOS'\n  return null\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&IosPlatformValue);
    }
}
