//! `ios-virtual-payment`: the payment starts iOS users can reach on pages selling virtual goods.
//! Detection is shared with the report ([`crate::analysis::virtual_goods`]); this module words it.

use std::collections::HashSet;

use crate::analysis::context::ProjectContext;
use crate::analysis::virtual_goods::StartKind;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::rules::rule::Rule;

pub struct IosVirtualPayment;

pub static META: RuleMeta = RuleMeta {
    id: "ios-virtual-payment",
    default_severity: Severity::Warning,
    category: Category::Ios,
    fix: FixKind::None,
    summary: "on a page selling virtual goods (会员, 充值, 金币, 课程…), a tap that reaches a payment — through your own functions and modules — with no iOS check in front of it",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment",
    docs: r#"## What it does
On each page that sells virtual goods, follows every payment start and reports the ones no
iOS check stops:

- **Virtual goods page**: the page's templates, scripts or title carry virtual-goods words
  (会员, VIP, 充值, 金币, 钻石, 点券, 解锁, 章节, 剧集, 课程, 订阅, 报告, 测评…) and physical-goods
  words (快递, 包邮, 收货地址, 发货, 配送…) do not outnumber them. Lists in `rules/ios.json`.
- **Payment start**: an element bound to a handler (`bindtap`, `catchtap`…) whose method reaches
  a cashier (`tt.getOrderPayment`, `tt.pay`, `uni.requestPayment` compiled for Douyin…) —
  directly, in a callback, or through the project's own functions and modules — or a pay
  component. A `tt.getOrderPayment` whose options carry `imId` goes through Douyin IM payment,
  the route iOS allows, and is not a payment start here.
- **iOS gate**: a platform check that makes the payment unreachable on iOS: the call sits in a
  branch taken only off iOS, follows an early `return` on iOS, or the element is hidden on iOS
  (`tt:if`, `tt:else`, `hidden` on a flag derived from the platform). Flags are followed through
  `const`, `data`, `setData` and `getApp().globalData`; `platform` is `'ios'` and `system` is
  like `'iOS 16.1'` on an iPhone.

Every payment start needs its own gate: a gated buy button does not excuse an order page's
ungated "继续支付". The finding is on the element that starts the payment, with the path to the
payment as related locations.

Limits, honestly: a check ttlint cannot evaluate but that names the platform (`utils.isIOS()`,
a flag computed from a function's return value) is assumed to gate, so such code is not
reported; handlers passed around as values, and payments started from lifecycle methods rather
than taps, are not followed; vocabulary comes from static text only (prices and names loaded at
run time are not seen).

## Why is this bad?
Douyin forbids cash payment for virtual goods on iOS; reviewers test on an iPhone, and a
membership or recharge that can be bought there gets the submission rejected and can cost the
mini-program its payment capability.

## Example
```html
<button bindtap="buyVip">立即开通会员</button>
```
```js
Page({
  buyVip() {
    // Never true: `platform` is 'ios' in lower case (see `ios-platform-value`).
    if (tt.getSystemInfoSync().platform === 'iOS') return
    tt.getOrderPayment({ orderId: this.data.orderId })
  }
})
```

## Use instead
```html
<button tt:if="{{!isIOS}}" bindtap="buyVip">立即开通会员</button>
<view tt:else>iOS 暂不支持开通</view>
```
```js
Page({
  data: { isIOS: false },
  onLoad() {
    this.setData({ isIOS: tt.getSystemInfoSync().platform === 'ios' })
  },
  buyVip() {
    tt.getOrderPayment({ orderId: this.data.orderId })
  }
})
```

## References
- iOS virtual payment rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment
"#,
};

impl Rule for IosVirtualPayment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        // A component or template shared by several pages is reported once.
        let mut reported: HashSet<(FileId, Span)> = HashSet::new();
        for (page, goods) in cx.pages().iter().zip(cx.virtual_goods()) {
            let words: Vec<String> = goods.words.iter().take(4).cloned().collect();
            let route = &page.route;
            for start in &goods.ungated {
                if !reported.insert((start.file, start.span)) {
                    continue;
                }
                let d = match &start.how {
                    StartKind::Component { tag } => Diagnostic::new(
                        &META,
                        start.file,
                        start.span,
                        messages::ios_virtual_payment_component(route, words.clone(), tag),
                    ),
                    StartKind::Handler {
                        handler,
                        event,
                        steps,
                    } => {
                        let message = match handler {
                            Some(name) => {
                                messages::ios_virtual_payment_handler(route, words.clone(), name)
                            }
                            None => {
                                messages::ios_virtual_payment_inline(route, words.clone(), event)
                            }
                        };
                        let mut d = Diagnostic::new(&META, start.file, start.span, message);
                        for step in steps {
                            d = d.with_related(step.file, step.span, step.label.clone());
                        }
                        d
                    }
                };
                out.push(d.with_help(messages::ios_virtual_payment_help(
                    cx.project.framework.id(),
                )));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Case, Tester, check_docs, project};

    const APP: (&str, &str) = ("app.json", r#"{"pages":["pages/vip/vip"]}"#);
    const PAY: (&str, &str) = (
        "utils/pay.js",
        "function payOrder(id) { return tt.requestOrder({ data: id, success: ({ orderId }) => tt.getOrderPayment({ orderId }) }) }\nmodule.exports = { payOrder };",
    );
    const BUY: &str =
        "<view>开通会员，每月赠送金币</view>\n<button bindtap=\"buy\">立即开通</button>";
    const REQUIRE: &str = "const { payOrder } = require('../../utils/pay');\n";

    fn vip(template: &str, script: &str) -> Case {
        project(&[
            APP,
            ("pages/vip/vip.ttml", template),
            ("pages/vip/vip.js", script),
            PAY,
        ])
    }

    #[test]
    fn cases() {
        let flag = "Page({ data: { isIOS: false }, onLoad() { this.setData({ isIOS: tt.getSystemInfoSync().platform === 'ios' }) }, buy() { payOrder('vip') } })";
        let mut pass: Vec<Case> = [
            "Page({ buy() { const { platform } = tt.getSystemInfoSync(); if (platform === 'ios') { return; } payOrder('vip') } })",
            "Page({ buy() { if (tt.getSystemInfoSync().platform !== 'ios') { payOrder('vip') } else { tt.showToast({ title: 'iOS 暂不支持' }) } } })",
            "const sys = tt.getSystemInfoSync();\nPage({ buy() { if (/ios/i.test(sys.system)) return; payOrder('vip') } })",
            "Page({ buy() { if (utils.isIOS()) return; payOrder('vip') } })",
            "Page({\n  buy() {\n    // payOrder('vip')\n    console.log(payOrder);\n    // #ifdef MP-WEIXIN\n    payOrder('vip');\n    // #endif\n  },\n  payTest() {},\n})",
        ]
        .iter()
        .map(|script| vip(BUY, &format!("{REQUIRE}{script}")))
        .collect();
        pass.extend([
            vip(
                "<view>开通会员</view>\n<button tt:if=\"{{!isIOS}}\" bindtap=\"buy\">立即开通</button>",
                &format!("{REQUIRE}{flag}"),
            ),
            vip(
                "<view>开通会员</view>\n<view tt:if=\"{{isIOS}}\">iOS 暂不支持</view>\n<button tt:else bindtap=\"buy\">立即开通</button>",
                &format!("{REQUIRE}{flag}"),
            ),
            // Douyin IM payment is the route iOS allows.
            vip(BUY, "Page({ buy() { tt.requestOrder({ data: 'x', success: ({ orderId }) => tt.getOrderPayment({ orderId, imId: 'shop_cs', immediate: false }) }) } })"),
            // Physical goods may be paid on iOS.
            vip(
                "<view>有机红茶礼盒 全国包邮 快递发货 收货地址</view>\n<button bindtap=\"buy\">会员价购买</button>",
                &format!("{REQUIRE}Page({{ buy() {{ payOrder('tea') }} }})"),
            ),
            vip(BUY, "Page({ buy() { tt.navigateTo({ url: '/pages/vip/vip' }) } })"),
            vip("<view>开通会员</view>\n<button bindtap=\"payTest\">测试</button>", "Page({ payTest() { tt.showToast({ title: 'ok' }) } })"),
            project(&[
                APP,
                PAY,
                ("pages/vip/vip.ttml", "<view>首页</view>"),
                ("pages/old/old.ttml", BUY),
                ("pages/old/old.js", &format!("{REQUIRE}Page({{ buy() {{ payOrder('vip') }} }})")),
            ]),
            project(&[
                ("pages.json", r#"{ "pages": [{ "path": "pages/vip/vip" }] }"#),
                ("manifest.json", "{}"),
                ("pages/vip/vip.vue", "<template>\n  <view>开通会员，每月赠送金币</view>\n  <button v-if=\"!isIOS\" @tap=\"buy\">立即开通</button>\n</template>\n<script>\nexport default {\n  data() { return { isIOS: uni.getSystemInfoSync().platform === 'ios' } },\n  methods: { buy() { uni.requestPayment({ orderInfo }) } },\n}\n</script>"),
            ]),
        ]);
        Tester::new(&IosVirtualPayment)
            .pass(pass)
            .fail([
                vip(BUY, &format!("{REQUIRE}Page({{ buy() {{ payOrder('vip') }} }})")),
                // A gate comparing with 'iOS' never closes.
                vip(BUY, &format!("{REQUIRE}Page({{ buy() {{ const {{ platform }} = tt.getSystemInfoSync(); if (platform === 'iOS') return; payOrder('vip') }} }})")),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/vip/vip" }] }"#),
                    ("manifest.json", "{}"),
                    ("pages/vip/vip.vue", "<template>\n  <view>开通会员，每月赠送金币</view>\n  <button @tap=\"buy\">立即开通</button>\n</template>\n<script setup lang=\"ts\">\nfunction buy() {\n  uni.requestPayment({ orderInfo: { order_id: 'vip' } })\n}\n</script>"),
                ]),
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/vip/index'] })"),
                    ("pages/vip/index.tsx", "import { Component } from 'react'\nimport Taro from '@tarojs/taro'\nimport { View, Button } from '@tarojs/components'\nexport default class Vip extends Component {\n  buy() { Taro.pay({ orderInfo: {} }) }\n  render() {\n    return (\n      <View>\n        <View>开通会员，每月赠送金币</View>\n        <Button onClick={this.buy}>立即开通</Button>\n        <Button onClick={() => Taro.pay({ orderInfo: {} })}>续费</Button>\n      </View>\n    )\n  }\n}"),
                ]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&IosVirtualPayment);
    }
}
