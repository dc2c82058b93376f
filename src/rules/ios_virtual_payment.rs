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
    summary: "A page selling virtual goods starts a payment with no iOS gate in front of it",
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
buyVip() {
  if (this.data.platform === 'iOS') return   // never true: platform is 'ios'
  payOrder('vip-monthly')
}
```

## Use instead
```html
<button tt:if="{{!isIOS}}" bindtap="buyVip">立即开通会员</button>
<view tt:else>iOS 暂不支持开通</view>
```
```js
onLoad() {
  this.setData({ isIOS: tt.getSystemInfoSync().platform === 'ios' })
}
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
                    StartKind::Handler { name, steps } => {
                        let message =
                            messages::ios_virtual_payment_handler(route, words.clone(), name);
                        let mut d = Diagnostic::new(&META, start.file, start.span, message);
                        for step in steps {
                            d = d.with_related(step.file, step.span, step.label.clone());
                        }
                        d
                    }
                };
                out.push(d.with_help(messages::ios_virtual_payment_help()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::lint_project;

    const APP: (&str, &str) = ("app.json", r#"{"pages":["pages/vip/vip"]}"#);
    const PAY: (&str, &str) = (
        "utils/pay.js",
        "function payOrder(id) { return tt.requestOrder({ data: id, success: ({ orderId }) => tt.getOrderPayment({ orderId }) }) }\nmodule.exports = { payOrder };",
    );

    fn vip(template: &str, script: &str) -> Vec<String> {
        lint_project(
            &IosVirtualPayment,
            &[
                APP,
                PAY,
                ("pages/vip/vip.ttml", template),
                ("pages/vip/vip.js", script),
            ],
        )
    }

    const BUY: &str =
        "<view>开通会员，每月赠送金币</view>\n<button bindtap=\"buy\">立即开通</button>";

    #[test]
    fn an_ungated_membership_purchase() {
        let found = vip(
            BUY,
            "const { payOrder } = require('../../utils/pay');\nPage({ buy() { payOrder('vip') } })",
        );
        assert_eq!(found, vec!["pages/vip/vip.ttml:2:9"]);
    }

    #[test]
    fn gates_that_close_on_ios() {
        let require = "const { payOrder } = require('../../utils/pay');\n";
        for script in [
            "Page({ buy() { const { platform } = tt.getSystemInfoSync(); if (platform === 'ios') { return; } payOrder('vip') } })",
            "Page({ buy() { if (tt.getSystemInfoSync().platform !== 'ios') { payOrder('vip') } else { tt.showToast({ title: 'iOS 暂不支持' }) } } })",
            "const sys = tt.getSystemInfoSync();\nPage({ buy() { if (/ios/i.test(sys.system)) return; payOrder('vip') } })",
            "Page({ buy() { if (utils.isIOS()) return; payOrder('vip') } })",
        ] {
            let found = vip(BUY, &format!("{require}{script}"));
            assert!(found.is_empty(), "{script}: {found:?}");
        }
        let flag = "Page({ data: { isIOS: false }, onLoad() { this.setData({ isIOS: tt.getSystemInfoSync().platform === 'ios' }) }, buy() { payOrder('vip') } })";
        let hidden =
            "<view>开通会员</view>\n<button tt:if=\"{{!isIOS}}\" bindtap=\"buy\">立即开通</button>";
        assert!(vip(hidden, &format!("{require}{flag}")).is_empty());
        let else_branch = "<view>开通会员</view>\n<view tt:if=\"{{isIOS}}\">iOS 暂不支持</view>\n<button tt:else bindtap=\"buy\">立即开通</button>";
        assert!(vip(else_branch, &format!("{require}{flag}")).is_empty());
    }

    #[test]
    fn im_payment_is_the_route_ios_allows() {
        let script = "Page({ buy() { tt.requestOrder({ data: 'x', success: ({ orderId }) => tt.getOrderPayment({ orderId, imId: 'shop_cs', immediate: false }) }) } })";
        assert!(vip(BUY, script).is_empty());
    }

    #[test]
    fn a_broken_gate_does_not_count() {
        let found = vip(
            BUY,
            "const { payOrder } = require('../../utils/pay');\nPage({ buy() { const { platform } = tt.getSystemInfoSync(); if (platform === 'iOS') return; payOrder('vip') } })",
        );
        assert_eq!(found, vec!["pages/vip/vip.ttml:2:9"]);
    }

    #[test]
    fn physical_goods_and_pages_without_payment_are_out_of_scope() {
        let shop = "<view>有机红茶礼盒 全国包邮 快递发货 收货地址</view>\n<button bindtap=\"buy\">会员价购买</button>";
        assert!(vip(shop, "const { payOrder } = require('../../utils/pay');\nPage({ buy() { payOrder('tea') } })").is_empty());
        assert!(
            vip(
                BUY,
                "Page({ buy() { tt.navigateTo({ url: '/pages/a/a' }) } })"
            )
            .is_empty()
        );
    }

    #[test]
    fn comments_lookalikes_other_platforms_and_unreachable_pages_stay_silent() {
        let script = "const { payOrder } = require('../../utils/pay');\nPage({\n  buy() {\n    // payOrder('vip')\n    console.log(payOrder);\n    // #ifdef MP-WEIXIN\n    payOrder('vip');\n    // #endif\n  },\n  payTest() {},\n})";
        assert!(vip(BUY, script).is_empty());
        let lookalike = "<view>开通会员</view>\n<button bindtap=\"payTest\">测试</button>";
        assert!(
            vip(
                lookalike,
                "Page({ payTest() { tt.showToast({ title: 'ok' }) } })"
            )
            .is_empty()
        );
        let unreachable = lint_project(
            &IosVirtualPayment,
            &[
                APP,
                PAY,
                ("pages/vip/vip.ttml", "<view>首页</view>"),
                ("pages/old/old.ttml", BUY),
                (
                    "pages/old/old.js",
                    "const { payOrder } = require('../../utils/pay');\nPage({ buy() { payOrder('vip') } })",
                ),
            ],
        );
        assert!(unreachable.is_empty(), "{unreachable:?}");
    }
}
