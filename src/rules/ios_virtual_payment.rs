//! `ios-virtual-payment`: the payment starts iOS users can reach on pages selling virtual goods.
//! Detection is shared with the report ([`crate::analysis::virtual_goods`]); this module words it.

use rustc_hash::FxHashSet;

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
    summary: "on a page selling virtual goods (会员, 充值, 金币, 课程…), a tap — or the page opening — that reaches a payment through your own functions and modules with no iOS check in front of it",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment",
    docs: r#"## What it does
On each page that sells virtual goods, follows every payment start and reports the ones no
iOS check stops:

- **Virtual goods page**: the page's templates, scripts or title carry virtual-goods words
  (会员, VIP, 充值, 金币, 钻石, 点券, 解锁, 章节, 剧集, 课程, 订阅, 报告, 测评…) and physical-goods
  words (快递, 包邮, 收货地址, 发货, 配送…) do not outnumber them. Lists in `rules/ios.json`. A
  page that takes payment but names no goods of its own — an order page whose orders load at run
  time, a payment relay page opened with an order id, known by route or title (`order`, 订单,
  `pay`, 支付) — sells what the app sells, when some page sells virtual goods and none names
  physical ones. Other pages that name nothing (a goods detail page) are left alone.
- **Payment start**: a cashier (`tt.getOrderPayment`, `tt.pay`, `uni.requestPayment` compiled
  for Douyin…) reached — directly, in a callback, through the project's own functions and
  modules, or through a function handed over to be called (`success: this.pay`,
  `debounce(function () {…})`) — from
  - an element's handler (`bindtap`, `@tap`, `onClick`…), or a pay component;
  - a lifecycle method that runs as the page opens (`onLoad`, `onShow`, `onReady`, `created`,
    `attached`, `mounted`, `componentDidMount`…) or an opening hook (`onLoad(() => …)` in
    `<script setup>`, `useEffect`, `useLoad`, `useDidShow`).

  A `tt.getOrderPayment` whose options carry `imId` goes through Douyin IM payment, the route
  iOS allows, and is not a payment start here.
- **iOS gate**: a platform check that makes the payment unreachable on iOS: the call sits in a
  branch taken only off iOS, follows an early `return` on iOS, or the element is hidden on iOS
  (`tt:if`, `tt:else`, `hidden` on a flag derived from the platform). Flags are followed through
  `const`, `data`, `setData` and `getApp().globalData`; `platform` is `'ios'` and `system` is
  like `'iOS 16.1'` on an iPhone.
- **Drawers and modals**: a confirm button inside a drawer or modal shown by a flag
  (`tt:if="{{showPay}}"`, `<u-popup v-model="showPay">`, `show="{{showPay}}"`) shows only once
  a tap sets the flag: the gate that counts is the one on that opening tap. When every tap
  that sets the flag is gated, the confirm is not reported; when one is not, the finding names
  it as a related location.

Every payment start needs its own gate: a gated buy button does not excuse an order page's
ungated "继续支付". The finding is on the element (or the lifecycle method) that starts the
payment, with the path to the payment as related locations.

Limits, honestly: a check ttlint cannot evaluate but that names the platform (`utils.isIOS()`,
a flag computed from a function's return value) is assumed to gate, so such code is not
reported; vocabulary comes from static text only (prices and names loaded at run time are not
seen).

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
        let mut reported: FxHashSet<(FileId, Span)> = FxHashSet::default();
        for (page, goods) in cx.pages().iter().zip(cx.virtual_goods()) {
            let words: Vec<String> = goods.words.iter().take(4).cloned().collect();
            let route = &page.route;
            for start in &goods.ungated {
                if !reported.insert((start.file, start.span)) {
                    continue;
                }
                let (message, steps) = match &start.how {
                    StartKind::Component { tag } => (
                        messages::ios_virtual_payment_component(route, words.clone(), tag),
                        &[][..],
                    ),
                    StartKind::Handler {
                        handler: Some(name),
                        steps,
                        ..
                    } => (
                        messages::ios_virtual_payment_handler(route, words.clone(), name),
                        &steps[..],
                    ),
                    StartKind::Handler {
                        handler: None,
                        event,
                        steps,
                    } => (
                        messages::ios_virtual_payment_inline(route, words.clone(), event),
                        &steps[..],
                    ),
                    StartKind::Lifecycle { name, steps } => (
                        messages::ios_virtual_payment_lifecycle(route, words.clone(), name),
                        &steps[..],
                    ),
                };
                let framework = cx.project.framework.id();
                let help = match start.how {
                    StartKind::Lifecycle { .. } => {
                        messages::ios_virtual_payment_lifecycle_help(framework)
                    }
                    _ => messages::ios_virtual_payment_help(framework),
                };
                let mut d = Diagnostic::new(&META, start.file, start.span, message).with_help(help);
                if let Some(by) = &start.opened_by {
                    d = d.with_related(by.file, by.span, messages::label_opened_here(&by.flag));
                }
                for step in steps {
                    d = d.with_related(step.file, step.span, step.label.clone());
                }
                out.push(d);
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
        let drawer = |opener: &str| {
            vip(
                &format!(
                    "<view>开通会员，每月赠送金币</view>\n<button {opener} bindtap=\"openPay\">立即开通</button>\n<view tt:if=\"{{{{showPay}}}}\" class=\"drawer\">\n  <button bindtap=\"confirmPay\">确认支付</button>\n</view>"
                ),
                &format!(
                    "{REQUIRE}Page({{\n  data: {{ showPay: false, isIOS: tt.getSystemInfoSync().platform === 'ios' }},\n  openPay() {{ this.setData({{ showPay: true }}) }},\n  closePay() {{ this.setData({{ showPay: false }}) }},\n  confirmPay() {{ payOrder('vip') }},\n}})"
                ),
            )
        };
        // The drawer opens only from a button iOS hides: its confirm never shows there.
        pass.push(drawer("tt:if=\"{{!isIOS}}\""));
        // Payments started as the page opens, behind a gate.
        pass.push(vip(
            "<view>开通会员</view>",
            &format!("{REQUIRE}Page({{ onLoad(q) {{ if (tt.getSystemInfoSync().platform === 'ios') return; payOrder(q.id) }} }})"),
        ));
        // An order page of a shop selling physical goods: "continue paying" is allowed.
        pass.push(project(&[
            (
                "app.json",
                r#"{"pages":["pages/goods/goods","pages/order/order"]}"#,
            ),
            PAY,
            (
                "pages/goods/goods.ttml",
                "<view>有机红茶礼盒 全国包邮 快递发货 收货地址 会员价</view>",
            ),
            (
                "pages/order/order.ttml",
                "<view>我的订单</view>\n<button bindtap=\"pay\">继续支付</button>",
            ),
            (
                "pages/order/order.js",
                &format!("{REQUIRE}Page({{ pay() {{ payOrder('x') }} }})"),
            ),
        ]));
        // A goods detail page naming nothing, in an app selling memberships: neither an order
        // page nor a payment page, so it does not inherit the app's goods.
        pass.push(project(&[
            (
                "app.json",
                r#"{"pages":["pages/vip/vip","pages/detail/detail"]}"#,
            ),
            PAY,
            ("pages/vip/vip.ttml", "<view>开通会员，每月赠送金币</view>"),
            (
                "pages/detail/detail.ttml",
                "<view>{{goods.name}}</view>\n<button bindtap=\"buy\">立即购买</button>",
            ),
            (
                "pages/detail/detail.js",
                &format!("{REQUIRE}Page({{ buy() {{ payOrder(this.data.goods.id) }} }})"),
            ),
        ]));
        Tester::new(&IosVirtualPayment)
            .pass(pass)
            .fail([
                vip(BUY, &format!("{REQUIRE}Page({{ buy() {{ payOrder('vip') }} }})")),
                // The opening button is not gated: the confirm inside the drawer pays on iOS.
                drawer(""),
                // A payment started as the page opens, and one handed over as a value.
                vip(
                    "<view>开通会员</view>\n<button bindtap=\"ask\">开通</button>",
                    &format!("{REQUIRE}Page({{\n  onLoad(q) {{ if (q.id) this.pay(q.id) }},\n  ask() {{ tt.showModal({{ title: '开通会员', success: this.pay }}) }},\n  pay: debounce(function (id) {{ payOrder(id) }}, 300),\n}})"),
                ),
                // An order page naming no goods, in an app selling memberships.
                project(&[
                    ("app.json", r#"{"pages":["pages/vip/vip","pages/order/order"]}"#),
                    PAY,
                    ("pages/vip/vip.ttml", "<view>开通会员，每月赠送金币</view>\n<button tt:if=\"{{!isIOS}}\" bindtap=\"buy\">立即开通</button>"),
                    ("pages/vip/vip.js", &format!("{REQUIRE}{flag}")),
                    ("pages/order/order.ttml", "<view>我的订单</view>\n<button tt:if=\"{{item.status == 0}}\" bindtap=\"pay\">继续支付</button>"),
                    ("pages/order/order.js", &format!("{REQUIRE}Page({{ pay() {{ payOrder('x') }} }})")),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/vip/vip" }] }"#),
                    ("manifest.json", "{}"),
                    ("pages/vip/vip.vue", "<template>\n  <view>开通会员，每月赠送金币</view>\n</template>\n<script setup>\nimport { onLoad } from '@dcloudio/uni-app'\nonLoad((q) => {\n  uni.requestPayment({ orderInfo: q.order })\n})\n</script>"),
                ]),
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/vip/index'] })"),
                    ("pages/vip/index.tsx", "import { useEffect } from 'react'\nimport Taro from '@tarojs/taro'\nimport { View } from '@tarojs/components'\nexport default function Vip() {\n  useEffect(() => {\n    Taro.pay({ orderInfo: {} })\n  }, [])\n  return <View>开通会员，每月赠送金币</View>\n}"),
                ]),
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
