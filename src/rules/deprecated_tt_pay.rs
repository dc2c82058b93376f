use crate::analysis::context::{FileContext, ProjectContext};
use crate::analysis::trade::wechat_shaped;
use crate::base::api::Namespace;
use crate::base::data::RuleData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Message;
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::FileId;
use crate::rules::rule::Rule;
use crate::syntax::js::facts::{Access, ApiUse};

pub struct DeprecatedTtPay;

pub static META: RuleMeta = RuleMeta {
    id: "deprecated-tt-pay",
    default_severity: Severity::Error,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "`tt.pay` in any form: call, `tt['pay']`, `tt?.pay`, `const { pay } = tt`, an alias of `tt`, `tt.pay` passed as a value; `Taro.pay`, and uni-app's `uni.requestPayment` compiled for Douyin",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/pay/tt-pay",
    docs: r#"## What it does
Finds every use of `tt.pay`, the guaranteed-payment (担保支付) cashier API: direct calls
(`tt.pay(...)`, `tt['pay'](...)`, `tt?.pay(...)`), destructuring (`const { pay } = tt`), calls
through an alias (`const t = tt; t.pay(...)`), and `tt.pay` passed as a value
(`promisify(tt.pay)`). In uni-app code it also finds `uni.requestPayment` when that code is
compiled for Douyin (`provider: 'toutiao'`, or inside `// #ifdef MP-TOUTIAO`), because uni-app
turns it into `tt.pay` there.

A call reached through the project's own wrapper (`utils/pay.js` calling `tt.pay`) is reported
once, at the `tt.pay` inside the wrapper, not at every caller.

## Why is this bad?
The Douyin developer docs mark `tt.pay` as taken offline (已下线), and the server side now limits
guaranteed payment to life-service (生活服务) mini-programs. A submission that still opens this
cashier cannot take money, and review rejects it.

## Example
```js
tt.pay({
  orderInfo: { order_id: res.order_id, order_token: res.order_token },
  service: 5,
  success() { tt.navigateTo({ url: '/pages/result/result' }) },
})
```

## Use instead
Move to the general trade system (通用交易系统): create the order with `tt.requestOrder`, then
open the cashier with `tt.getOrderPayment`.
```js
if (tt.canIUse('requestOrder')) {
  tt.requestOrder({
    data: orderData,                 // signed by your server
    byteAuthorization: authorization,
    success({ orderId }) {
      tt.getOrderPayment({ orderId, success() { /* paid */ } })
    },
  })
}
```

Not reported: `tt.pay` inside comments or strings, `obj.tt.pay`, `tt.payment`, `ttx.pay`, a local
variable named `tt`, and uni-app code compiled only for other platforms (`#ifdef MP-WEIXIN`).

## References
- tt.pay (offline): https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/pay/tt-pay
- General trade system: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi
- tt.requestOrder: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/industry/general_trade/create_order/request-order
- tt.getOrderPayment: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/industry/general_trade/create_order/get-order-payment
"#,
};

fn message(api: &ApiUse) -> Message {
    let full = api.api.to_string();
    match api.access {
        Access::Value => messages::deprecated_tt_pay_value(full),
        Access::Destructure => messages::deprecated_tt_pay_destructure(
            api.api.member.as_str(),
            api.api.ns.name(),
            full,
        ),
        Access::Call | Access::FeatureTest => messages::deprecated_tt_pay_call(full),
    }
}

impl Rule for DeprecatedTtPay {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.script() else { return };
        for api in &facts.api_uses {
            check(cx.data, cx.id, api, out);
        }
    }

    /// Calls through an alias another file sets up (`getApp().core = tt` in `app.js`,
    /// `getApp().core.pay(…)` on a page).
    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        for &file in &cx.project.files {
            for api in cx.graph().aliased_uses(file) {
                check(cx.data, file, api, out);
            }
        }
    }
}

fn check(data: &RuleData, file: FileId, api: &ApiUse, out: &mut Vec<Diagnostic>) {
    let payment = &data.payment;
    if !api.target.ships_to_douyin()
        || api.access == Access::FeatureTest
        || !payment
            .offline_payment_apis
            .contains(&data.on_douyin(api.api))
    {
        return;
    }
    if payment.offline_payment_apis.contains(&api.api) {
        out.push(
            Diagnostic::new(&META, file, api.span, message(api))
                .with_help(messages::deprecated_tt_pay_help()),
        );
    } else if !wechat_shaped(api, &payment.wechat_payment_keys) {
        let full = api.api.to_string();
        let (message, help) = if api.api.ns == Namespace::Taro {
            (
                messages::deprecated_tt_pay_taro(full),
                messages::deprecated_tt_pay_taro_help(),
            )
        } else {
            (
                messages::deprecated_tt_pay_wrapper(&full),
                messages::deprecated_tt_pay_wrapper_help(full),
            )
        };
        out.push(Diagnostic::new(&META, file, api.span, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, vue};

    #[test]
    fn cases() {
        Tester::new(&DeprecatedTtPay)
            .pass([
                js("tt.requestOrder({}); tt.getOrderPayment({})"),
                js("// tt.pay({})\n/* tt.pay() */"),
                js("const s = 'tt.pay'; console.log(`tt.pay(${x})`)"),
                js("obj.tt.pay({}); tt.payment({}); tt.payTest(); ttx.pay({})"),
                js("function f(tt) { tt.pay({}) }\nconst g = () => { const tt = mock(); tt.pay({}) }"),
                js("// #ifdef MP-WEIXIN\ntt.pay({})\n// #endif\n// #ifndef MP-TOUTIAO\ntt.pay({})\n// #endif"),
                // Feature tests are not uses.
                js("const name = tt.pay ? 'pay' : 'requestPayment'"),
                js("if (typeof tt.pay === 'function' || 'pay' in tt || !!tt.pay) {}"),
                vue("<script>\nexport default {\n  methods: {\n    pay() {\n      // #ifdef MP-WEIXIN\n      uni.requestPayment({ provider: 'wxpay' })\n      // #endif\n    },\n  },\n}\n</script>"),
                vue("<template><view>tt.pay</view></template>\n<script setup>\n// uni.requestPayment({})\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  process.env.TARO_ENV === 'weapp' && Taro.pay({})\n  return null\n}"),
                tsx("export default function Page({ Taro }) {\n  Taro.pay({})\n  return null\n}"),
            ])
            .fail([
                js("tt.pay({ orderInfo, service: 5 })"),
                js("tt['pay']({}); tt?.pay({})"),
                js("const { pay } = tt;\npay({})"),
                js("const t = tt;\nt.pay({})"),
                js("const p = promisify(tt.pay)"),
                js("tt.pay && tt.pay({})"),
                js("uni.requestPayment({ provider: 'toutiao', orderInfo })"),
                vue("<template><button @tap=\"buy\">购买</button></template>\n<script>\nexport default {\n  methods: {\n    buy() {\n      uni.requestPayment({ orderInfo: this.order })\n    },\n  },\n}\n</script>"),
                vue("<script setup lang=\"ts\">\n// #ifdef MP-TOUTIAO\nuni.requestPayment({ orderInfo })\n// #endif\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  const buy = () => Taro.pay({ orderInfo: {} })\n  return null\n}"),
                tsx("import { pay as ttPay } from '@tarojs/taro'\nexport default function Page() {\n  ttPay({})\n  return null\n}"),
                // The app instance holds `tt` under another name; a page pays through it.
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    ("app.js", "App({ onLaunch() { this.core = tt } })"),
                    ("pages/a/a.ttml", "<button bindtap=\"buy\">购买</button>"),
                    ("pages/a/a.js", "const app = getApp();\nPage({ buy() { app.core.pay({ orderInfo }) } })"),
                ]),
                js("Page({\n  onLoad() { this.api = tt },\n  buy() { this.api.pay({ orderInfo }) },\n})"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DeprecatedTtPay);
    }
}
