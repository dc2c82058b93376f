//! `drainage-phone`: phone lines offered as the service channel (引导致电) — hotlines and
//! numbers in text users see, service labels beside a bound number, and literal numbers dialled.

use crate::analysis::context::FileContext;
use crate::analysis::text::{self, Text};
use crate::base::api::Namespace;
use crate::base::data::DrainageData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::rules::rule::Rule;
use crate::syntax::js::facts::Access;

pub struct DrainagePhone;

pub static META: RuleMeta = RuleMeta {
    id: "drainage-phone",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "引导致电: a customer-service or sales phone line shown to users (a 400 hotline, `咨询电话：0571-…`, `客服电话：{{phone}}`) or dialled with `tt.makePhoneCall` and a literal number; not an order's or a courier's phone bound from data",
    url: "https://developer.open-douyin.com/docs/resource/zh-cn/dop/ability/opensdk/share/forward",
    docs: r#"## What it does
Finds phone lines a page offers users as its service channel (引导致电):

- a 400/800 hotline in text users see (`客服热线：400-820-8820`);
- another literal number the text presents as a phone line (`咨询电话：0571-8888 6666`,
  `如有疑问请拨打 138…`);
- a number bound from data under a customer-service or sales label — `客服电话`, `服务热线`,
  `咨询电话`, `销售热线`, `订餐电话` — in the label's text, its element or the group around it
  (`客服电话：{{servicePhone}}`);
- `tt.makePhoneCall` (`uni.` and `Taro.` alike) dialling a literal number.

Not reported: an order's, a courier's, a buyer's or a shop's phone bound from data
(`联系电话：{{order.mobile}}`, `tt.makePhoneCall({ phoneNumber: this.data.order.riderPhone })`),
a form asking users for a number (`客服电话` labelling an input of a merchant's settings),
order numbers and other long digit strings, comments, `console.*` calls, feature tests
(`if (tt.makePhoneCall)`), `wx.makePhoneCall`, code compiled only for other platforms, and
files no page reaches. The patterns are in `rules/drainage.json`.

## Why is this bad?
The platform's capability-usage rules list 引导致电 — a page or pop-up that shows a customer-service
or sales phone number — among the violations for which it withdraws a mini-program's general
mounting rights (通用挂载权限). Customer service on Douyin goes through Douyin IM.

## Example
```html
<view class="service">客服热线：400-820-8820（9:00-21:00）</view>
```

## Use instead
```html
<button open-type="im" data-im-id="{{imId}}">联系客服</button>
```

## References
- Capability-usage rules, 引导致电 under 关联小程序建议: https://developer.open-douyin.com/docs/resource/zh-cn/dop/ability/opensdk/share/forward
- Douyin IM customer-service button: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service
"#,
};

/// A literal phone number: digits (at least seven), with the separators people write.
fn is_phone_literal(value: &str) -> bool {
    let v = value.trim();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && v.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')'))
}

/// A phone line in one text: a hotline, or a literal number presented as a phone line. Returns
/// the number's range.
fn literal_line(d: &DrainageData, t: &str) -> Option<std::ops::Range<usize>> {
    if let Some(hotline) = d.hotline.find(t, &d.allowed) {
        return Some(hotline);
    }
    let number = d.phone_number.find(t, &d.allowed)?;
    d.phone_word.find(t, &d.allowed).map(|_| number)
}

impl DrainagePhone {
    fn check_text(&self, cx: &FileContext<'_>, t: &Text<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let markup = cx.markup();
        // A form asking users for their own number (`客服电话` beside the merchant's input).
        if markup.is_some_and(|m| text::labels_field(m, t)) {
            return;
        }
        if let Some(range) = literal_line(d, t.text) {
            let number = &t.text[range.clone()];
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    t.span_of(range),
                    messages::drainage_phone_number(number),
                )
                .with_help(messages::drainage_phone_help()),
            );
            return;
        }
        let Some(label) = d.service_phone_label.find(t.text, &d.allowed) else {
            return;
        };
        if markup.is_some_and(|m| text::beside_bound_value(m, t)) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    t.span_of(label.clone()),
                    messages::drainage_phone_bound(&t.text[label]),
                )
                .with_help(messages::drainage_phone_help()),
            );
        }
    }

    /// Reports `tt.makePhoneCall` with a literal number; returns the numbers' spans.
    fn check_calls(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) -> Vec<Span> {
        let mut dialled = Vec::new();
        let Some(facts) = cx.script() else {
            return dialled;
        };
        let d = &cx.data.drainage;
        for api in &facts.api_uses {
            // `wx.*` calls are `wechat-only-feature`'s.
            if api.api.ns == Namespace::Wx
                || api.access != Access::Call
                || !api.target.ships_to_douyin()
                || !d
                    .phone_call_apis
                    .iter()
                    .any(|m| *m == api.api.member.as_str())
            {
                continue;
            }
            let Some(number) = api.options.as_ref().and_then(|o| o.get("phoneNumber")) else {
                continue;
            };
            let Some(value) = number.string.as_deref().filter(|v| is_phone_literal(v)) else {
                continue;
            };
            dialled.push(number.value_span);
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    number.value_span,
                    messages::drainage_phone_call(api.api.to_string(), value.trim()),
                )
                .with_help(messages::drainage_phone_help()),
            );
        }
        dialled
    }
}

impl Rule for DrainagePhone {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let dialled = self.check_calls(cx, out);
        for t in cx.visible() {
            // The number a call dials is reported as the call.
            if !dialled.contains(&t.span) {
                self.check_text(cx, t, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&DrainagePhone)
            .pass([
                // An order's, a courier's and a shop's phone bound from data.
                ttml("<view class=\"order\">\n  <view>联系电话：{{order.mobile}}</view>\n  <view>骑手电话 {{rider.phone}}</view>\n  <view bindtap=\"call\" data-phone=\"{{order.shop_phone}}\">联系商家</view>\n</view>"),
                js("Page({\n  call(e) { tt.makePhoneCall({ phoneNumber: e.currentTarget.dataset.phone }) },\n  callRider() { tt.makePhoneCall({ phoneNumber: this.data.order.riderPhone }) },\n})"),
                // Order numbers and other digit strings; a label with nothing beside it.
                ttml("<view>订单号：202411264008208820</view>\n<view>客服电话</view>"),
                // A merchant's own settings form.
                ttml("<view class=\"input-group\">\n  <view class=\"input-group-label\">客服电话</view>\n  <view><input name=\"service_tel\" value=\"{{mch.service_tel}}\" /></view>\n</view>"),
                // Comments, logs, other platforms, look-alike names.
                ttml("<!-- 客服热线：400-820-8820 -->\n<!-- #ifdef MP-WEIXIN -->\n<view>客服热线：400-820-8820</view>\n<!-- #endif -->"),
                js("console.log('客服热线：400-820-8820')\n// tt.makePhoneCall({ phoneNumber: '4008208820' })\nconst makePhoneCallLog = (phoneNumber) => console.info(phoneNumber)\nPage({ log() { makePhoneCallLog(this.data.tel) } })"),
                js("// #ifdef MP-WEIXIN\nwx.makePhoneCall({ phoneNumber: '4008208820' })\n// #endif"),
                // A feature test dials nothing; a WeChat-only branch of a Taro page never ships.
                js("Page({ onLoad() { if (tt.makePhoneCall) { this.setData({ canCall: true }) } } })"),
                tsx("import Taro from '@tarojs/taro'\nexport function call() {\n  if (process.env.TARO_ENV === 'weapp') {\n    Taro.makePhoneCall({ phoneNumber: '4008208820' })\n  }\n}"),
                // A courier's phone beside its label, in a group: not a service line.
                ttml("<view class=\"row\">\n  <text>骑手电话</text>\n  <text>{{rider.phone}}</text>\n</view>"),
                vue("<template>\n  <view class=\"delivery\">配送员：{{ courier.name }} {{ courier.phone }}</view>\n</template>"),
                tsx("import { View, Text } from '@tarojs/components'\nexport default function Order({ order }) {\n  return <View><Text>收货人电话：{order.mobile}</Text></View>\n}"),
                project(&[
                    ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
                    ("pages/index/index.ttml", "<view>首页</view>"),
                    ("pages/index/index.js", "Page({})"),
                    ("pages/old/old.ttml", "<view>客服热线：400-820-8820</view>"),
                ]),
            ])
            .fail([
                ttml("<view class=\"service\">客服热线：400-820-8820（9:00-21:00）</view>"),
                ttml("<view class=\"footer\">\n  <text>咨询电话：0571-8888 6666</text>\n</view>"),
                ttml("<view class=\"kefu\">客服电话：<text class=\"tel\">{{servicePhone}}</text></view>"),
                ttml("<view class=\"row\">\n  <text class=\"label\">客服电话</text>\n  <text class=\"value\">{{config.tel}}</text>\n</view>"),
                js("Page({\n  callService() {\n    tt.makePhoneCall({ phoneNumber: '4008208820' })\n  },\n})"),
                js("Page({ onHelp() { tt.showModal({ title: '联系我们', content: '如有疑问请拨打 13800138000' }) } })"),
                vue("<template>\n  <view class=\"service\" @tap=\"call\">销售热线：{{ salesPhone }}</view>\n</template>\n<script>\nexport default {\n  methods: {\n    call() {\n      uni.makePhoneCall({ phoneNumber: '0571-88886666' })\n    },\n  },\n}\n</script>"),
                tsx("import { View, Text } from '@tarojs/components'\nexport default function About({ config }) {\n  return <View><Text>咨询热线：{config.hotline}</Text></View>\n}"),
                tsx("import { View, Text } from '@tarojs/components'\nimport Taro from '@tarojs/taro'\nexport default function Help() {\n  return (\n    <View onClick={() => Taro.makePhoneCall({ phoneNumber: '400-820-8820' })}>\n      <Text>客服电话：400-820-8820</Text>\n    </View>\n  )\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DrainagePhone);
    }
}
