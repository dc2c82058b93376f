use std::collections::{BTreeSet, HashSet};

use crate::analysis::calls::FnRef;
use crate::analysis::context::ProjectContext;
use crate::analysis::ios::{Env, Gate, ungated_payment};
use crate::analysis::service::PageFacts;
use crate::analysis::trade::is_pay_component;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::rules::rule::Rule;
use crate::syntax::markup::{Handler, Markup, NodeId};

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

/// The virtual-goods words a page shows, when it sells virtual goods.
fn virtual_words(cx: &ProjectContext<'_>, page: &PageFacts) -> Vec<String> {
    let ios = &cx.data.ios;
    let project = cx.project;
    let mut texts: Vec<&str> = Vec::new();
    for &template in &page.rendered.templates {
        if let Some(doc) = cx.files.content(template).markup() {
            texts.extend(
                doc.visible_texts(&cx.data.drainage.visible_attributes)
                    .into_iter()
                    .map(|t| t.text),
            );
        }
    }
    for &unit in &page.rendered.units {
        if let Some(facts) = project
            .unit(unit)
            .script
            .and_then(|s| cx.files.content(s).script())
        {
            // Sentences, not identifiers: `payOrder('vip-monthly')` sells nothing.
            texts.extend(
                facts
                    .texts
                    .iter()
                    .map(|t| t.text.as_str())
                    .filter(|t| !t.is_ascii()),
            );
        }
        texts.extend(project.title(unit, cx.files));
    }
    let mut seen = BTreeSet::new();
    let (mut virtual_count, mut physical_count) = (0, 0);
    for text in texts {
        for m in ios.virtual_goods.find_iter(text) {
            virtual_count += 1;
            seen.insert(ios.virtual_words[m.pattern().as_usize()].clone());
        }
        physical_count += ios.physical_goods.find_iter(text).count();
    }
    if virtual_count == 0 || physical_count > virtual_count {
        return Vec::new();
    }
    seen.into_iter().collect()
}

/// Whether an element is hidden or not rendered on iOS (or behind a platform check ttlint
/// cannot evaluate).
fn hidden_on_ios(env: &Env<'_>, doc: &Markup, node: NodeId) -> bool {
    doc.guards(node).any(|g| {
        g.cond
            .as_ref()
            .is_some_and(|c| env.gate(c, g.holds) != Gate::Open)
    })
}

impl Rule for IosVirtualPayment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let project = cx.project;
        let mut reported: HashSet<(FileId, Span)> = HashSet::new();
        for page in cx.pages() {
            let words = virtual_words(cx, page);
            if words.is_empty() {
                continue;
            }
            let mut env = Env::new(cx.data);
            for &file in page
                .rendered
                .scripts
                .iter()
                .chain(project.app_script.iter())
            {
                if let Some(facts) = cx.files.content(file).script() {
                    env.add(facts);
                }
            }
            let goods: Vec<String> = words.iter().take(4).cloned().collect();
            let route = &page.route;
            for &unit in &page.rendered.units {
                let script = project.unit(unit).script;
                let facts = script.and_then(|s| cx.files.content(s).script());
                for template in project.templates_of(unit) {
                    let Some(doc) = cx.files.content(template).markup() else {
                        continue;
                    };
                    for (node, element) in doc.elements() {
                        if !doc.target(node).ships_to_douyin() || hidden_on_ios(&env, doc, node) {
                            continue;
                        }
                        if is_pay_component(project, unit, &element.tag, cx.data)
                            && reported.insert((template, element.tag_span))
                        {
                            let message = messages::ios_virtual_payment_component(
                                route,
                                goods.clone(),
                                &element.tag,
                            );
                            out.push(
                                Diagnostic::new(&META, template, element.tag_span, message)
                                    .with_help(messages::ios_virtual_payment_help(
                                        project.framework.id(),
                                    )),
                            );
                            continue;
                        }
                        let Some(script) = script.filter(|_| facts.is_some()) else {
                            continue;
                        };
                        for event in &element.events {
                            let span = event.span;
                            let path = cx
                                .graph()
                                .handler(script, &event.handler)
                                .into_iter()
                                .find_map(|function: FnRef| {
                                    ungated_payment(
                                        cx.graph(),
                                        cx.data,
                                        &env,
                                        function,
                                        &mut HashSet::new(),
                                    )
                                });
                            let Some(steps) = path else { continue };
                            if !reported.insert((template, span)) {
                                continue;
                            }
                            let message = match &event.handler {
                                Handler::Named(handler) => messages::ios_virtual_payment_handler(
                                    route,
                                    goods.clone(),
                                    handler.as_str(),
                                ),
                                _ => messages::ios_virtual_payment_inline(
                                    route,
                                    goods.clone(),
                                    event.name.as_str(),
                                ),
                            };
                            let mut d = Diagnostic::new(&META, template, span, message).with_help(
                                messages::ios_virtual_payment_help(project.framework.id()),
                            );
                            for step in steps {
                                d = d.with_related(step.file, step.span, step.label);
                            }
                            out.push(d);
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
