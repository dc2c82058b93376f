use crate::analysis::context::{FileContext, ProjectContext};
use crate::analysis::text;
use crate::base::api::Namespace;
use crate::base::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::project::framework::Framework;
use crate::rules::rule::Rule;
use crate::syntax::js::facts::Access;

pub struct WechatOnlyFeature;

/// The TTML directives a WeChat `wx:` directive has a same-named Douyin equivalent of.
const TT_DIRECTIVES: &[&str] = &[
    "tt:if",
    "tt:elif",
    "tt:else",
    "tt:for",
    "tt:for-item",
    "tt:for-index",
    "tt:key",
];

/// What an element loses when Douyin ignores its `wx:` directive, as the message's `effect`.
/// A loop variable's name is not the loop: ignored, it leaves the default name (`item`,
/// `index`), and bindings to the name it gave come out empty.
fn directive_effect(directive: &str) -> &'static str {
    match directive {
        "wx:if" | "wx:elif" | "wx:else" => "condition",
        "wx:for" | "wx:for-items" => "loop",
        "wx:for-item" | "wx:for-index" => "name",
        "wx:key" => "key",
        _ => "other",
    }
}

pub static META: RuleMeta = RuleMeta {
    id: "wechat-only-feature",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::Safe,
    summary: "`<official-account>`, `open-type=\"contact\"`, `wx:if`/`wx:for`, `wx.*` calls, `.wxml` pages, 微信授权/微信登录 copy",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage",
    docs: r#"## What it does
Finds what only exists on WeChat, left over from a port:

- `<official-account>` (WeChat official-account card) and `<button open-type="contact">`
  (WeChat's customer service);
- `wx:if`, `wx:elif`, `wx:else`, `wx:for`, `wx:key`… attributes in TTML: Douyin ignores them, so
  the element renders unconditionally (and lists render once);
- calls on the global `wx`, which is undefined on Douyin (`wx.requestPayment` is
  `non-douyin-payment-api`'s);
- a page in `app.json` whose template is a `.wxml` file with no `.ttml` beside it;
- copy about 微信授权 or 微信登录.

Code inside `// #ifdef MP-WEIXIN` (uni-app) is WeChat's own and is not reported, nor are calls
behind `typeof wx` / `typeof tt` checks (cross-platform code that calls `wx` only where it
exists). In uni-app source, `wx` is answered by uni's runtime with Douyin's own API, so a
`wx.X` call is reported only when Douyin has no `tt.X` (`rules/douyin-api.json`).

## Why is this bad?
These features do nothing or break on Douyin, and copy that asks for WeChat authorisation or a
WeChat login points users to another platform: review treats both as an unfinished port and as
drainage.

## Example
```html
<view wx:if="{{vip}}">会员专享</view>
<button open-type="contact">联系客服</button>
```

## Use instead
```html
<view tt:if="{{vip}}">会员专享</view>
<button open-type="im" data-im-id="{{imId}}">联系客服</button>
```
and `tt.*` APIs, `.ttml` templates, "抖音授权/抖音登录" with `tt.login`.

## References
- Third-party drainage rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage
- IM customer-service button: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service
"#,
};

impl Rule for WechatOnlyFeature {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let texts = cx.visible();
        for m in text::find(texts, &d.wechat_feature, &d.allowed) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::wechat_only_feature_copy(m.found),
                )
                .with_help(messages::wechat_only_feature_copy_help()),
            );
        }
        if let Some(doc) = cx.markup() {
            for (id, element) in doc.elements() {
                if !doc.target(id).ships_to_douyin() {
                    continue;
                }
                if element.tag == "official-account" {
                    out.push(
                        Diagnostic::new(
                            &META,
                            cx.id,
                            element.tag_span,
                            messages::wechat_only_feature_official_account(),
                        )
                        .with_help(messages::wechat_only_feature_official_account_help()),
                    );
                }
                if element.tag == "button"
                    && element.static_attr("open-type").map(str::trim) == Some("contact")
                {
                    let attr = element
                        .attr("open-type")
                        .map_or(element.tag_span, |a| a.name_span);
                    out.push(
                        Diagnostic::new(
                            &META,
                            cx.id,
                            attr,
                            messages::wechat_only_feature_contact(),
                        )
                        .with_help(messages::wechat_only_feature_contact_help()),
                    );
                }
                for attr in element.attrs.iter().filter(|a| a.name.starts_with("wx:")) {
                    let douyin = attr.name.replacen("wx:", "tt:", 1);
                    let mut d = Diagnostic::new(
                        &META,
                        cx.id,
                        attr.name_span,
                        messages::wechat_only_feature_directive(
                            attr.name.as_str(),
                            directive_effect(&attr.name),
                        ),
                    )
                    .with_help(messages::wechat_only_feature_directive_help(&douyin));
                    // Renaming is safe unless the element already has the Douyin directive:
                    // then the two would be duplicate attributes.
                    if TT_DIRECTIVES.contains(&douyin.as_str()) && element.attr(&douyin).is_none() {
                        let prefix = Span::new(attr.name_span.start(), attr.name_span.start() + 2);
                        d = d.with_fix(Fix {
                            applicability: Applicability::Safe,
                            edits: vec![Edit {
                                span: prefix,
                                text: "tt".into(),
                            }],
                        });
                    }
                    out.push(d);
                }
            }
        }
        if let Some(facts) = cx.script() {
            for api in &facts.api_uses {
                // Code behind `typeof wx` checks never runs on Douyin: its target says so.
                if api.api.ns != Namespace::Wx
                    || !api.target.ships_to_douyin()
                    || api.access == Access::FeatureTest
                    || cx.data.payment.foreign_payment_apis.contains(&api.api)
                {
                    continue;
                }
                let douyin = api.api.on(Namespace::Tt).to_string();
                let exists = cx.data.douyin_has(&api.api.member);
                // uni-app's mini-program runtime answers `wx.X` with the host's `X`: only an API
                // Douyin lacks is a WeChat leftover there.
                let message = match cx.framework {
                    Framework::UniApp if exists => continue,
                    Framework::UniApp => {
                        messages::wechat_only_feature_wx_call_uni(api.api.to_string(), &douyin)
                    }
                    _ => messages::wechat_only_feature_wx_call(api.api.to_string()),
                };
                let help = if exists {
                    messages::wechat_only_feature_wx_call_help(douyin)
                } else {
                    messages::wechat_only_feature_wx_call_no_equivalent_help(douyin)
                };
                let mut d = Diagnostic::new(&META, cx.id, api.span, message).with_help(help);
                // `wx.X(…)` written as such (not through an alias) becomes `tt.X(…)`, for the
                // APIs that behave the same on both platforms.
                if api.access == Access::Call
                    && cx.data.same_as_wechat(&api.api.member)
                    && cx.source.slice(api.span) == format!("wx.{}", api.api.member)
                {
                    d = d.with_fix(Fix {
                        applicability: Applicability::Safe,
                        edits: vec![Edit {
                            span: Span::new(api.span.start(), api.span.start() + 2),
                            text: "tt".into(),
                        }],
                    });
                }
                out.push(d);
            }
        }
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        for entry in &cx.project.wechat_pages {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.project.app_json,
                    entry.span,
                    messages::wechat_only_feature_wxml(&entry.route),
                )
                .with_help(messages::wechat_only_feature_wxml_help(&entry.route)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&WechatOnlyFeature)
            .pass([
                ttml("<view tt:if=\"{{a}}\" class=\"wx:if\">支持微信支付</view>"),
                ttml("<!-- <official-account /> -->"),
                ttml("<!-- #ifdef MP-WEIXIN --><view wx:if=\"{{a}}\"/><official-account /><!-- #endif -->"),
                js("const wx = tt; wx.showToast({});\n// #ifdef MP-WEIXIN\nwx.login()\n// #endif\nfunction f(wx) { wx.login() }"),
                // Cross-platform code that calls wx only where it exists.
                js("if (typeof wx !== 'undefined') { wx.login() }"),
                js("'undefined' != typeof wx && wx.request({ url })"),
                js("typeof wx === 'undefined' ? tt.login() : wx.login()"),
                js("const api = typeof wx !== 'undefined' ? 'wx' : 'tt';\nif (api === 'wx') { wx.login() }"),
                js("if (wx.canIUse) {}"),
                vue("<template>\n  <!-- #ifdef MP-WEIXIN -->\n  <button open-type=\"contact\">客服</button>\n  <!-- #endif -->\n</template>"),
                // uni's runtime answers `wx.showToast` with Douyin's `tt.showToast`.
                vue("<script>\nexport default { onLoad() { wx.showToast({ title: 'hi' }) } }\n</script>"),
                tsx("import { Button } from '@tarojs/components'\nexport default function Page() {\n  return process.env.TARO_ENV === 'weapp' ? <Button openType=\"contact\">客服</Button> : null\n}"),
                // A thrown error's message and a logged line are for developers.
                tsx("import Taro from '@tarojs/taro'\nexport async function login() {\n  const res = await Taro.login()\n  console.log('微信登录码:', res.code)\n  if (!res.code) throw new Error('获取微信登录码失败')\n}"),
                js("Page({ fail(e) { this.logger.error('微信登录失败', e); return Promise.reject(new Error('微信授权失败')) } })"),
            ])
            .fail([
                ttml("<view wx:if=\"{{vip}}\">会员</view>\n<button open-type=\"contact\">客服</button>\n<official-account />"),
                ttml("<view wx:for=\"{{list}}\" wx:key=\"id\">{{item.name}}</view>"),
                ttml("<view tt:for=\"{{list}}\" wx:for-item=\"goods\" wx:for-index=\"i\">{{i}}: {{goods.name}}</view>"),
                ttml("<button>微信一键登录</button>"),
                // Ported markup writes attributes in camelCase.
                ttml("<button class=\"goods-footer-icon\" openType=\"contact\" sessionFrom=\"{{nickname}}\">客服</button>"),
                js("wx.showToast({ title: 'ok' });\nwx.requestPayment({})"),
                js("wx.openCustomerServiceChat({ corpId })"),
                project(&[
                    ("app.json", "{\"pages\":[\"pages/a/a\",\n\"pages/b/b\"]}"),
                    ("pages/a/a.ttml", "<view/>"),
                    ("pages/b/b.wxml", "<view/>"),
                    ("pages/b/b.js", "Page({})"),
                ]),
                vue("<template>\n  <button open-type=\"contact\">微信客服</button>\n  <view>微信授权登录</view>\n</template>"),
                vue("<script>\nexport default { onLoad() { wx.openCustomerServiceChat({ corpId: 'c' }) } }\n</script>"),
                tsx("import { View, Button } from '@tarojs/components'\nexport default function Page() {\n  return <View><Button openType=\"contact\">客服</Button></View>\n}"),
            ])
            .test_and_snapshot();
    }

    /// Every API of `sameAsWechat` is fixed by renaming the object, and only when written as
    /// `wx.X(…)`: not through an alias, not as a value.
    #[test]
    fn each_api_the_same_on_douyin_is_fixed() {
        let data = crate::rules::tester::data();
        let members = data.same_as_wechat_members();
        assert!(members.len() >= 40, "{members:?}");
        for member in members {
            assert!(data.douyin_has(member), "`{member}` is not a Douyin API");
            let code = format!("wx.{member}({{}})\n");
            let outcome = crate::rules::tester::run(&WechatOnlyFeature, &js(&code));
            let fixes: Vec<_> = outcome.found.iter().filter_map(|d| d.fix.clone()).collect();
            assert_eq!(fixes.len(), 1, "`wx.{member}` has one fix");
            let edit = &fixes[0].edits[0];
            let mut fixed = code.clone();
            fixed.replace_range(edit.span.start()..edit.span.end(), &edit.text);
            assert_eq!(fixed, format!("tt.{member}({{}})\n"), "`wx.{member}`");
        }
        for code in [
            "const w = wx; w.showToast({})",
            "const t = wx.showToast",
            "wx.login({})",
            "wx['showToast']({})",
        ] {
            let outcome = crate::rules::tester::run(&WechatOnlyFeature, &js(code));
            assert!(!outcome.found.is_empty(), "{code} is reported");
            assert!(
                outcome.found.iter().all(|d| d.fix.is_none()),
                "{code} is not fixed"
            );
        }
        let both = ttml("<view wx:if=\"{{a}}\" tt:if=\"{{b}}\">x</view>");
        let outcome = crate::rules::tester::run(&WechatOnlyFeature, &both);
        assert!(outcome.found[0].fix.is_none(), "tt:if is there already");
    }

    #[test]
    fn docs_examples() {
        check_docs(&WechatOnlyFeature);
    }
}
