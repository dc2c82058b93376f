use crate::analysis::context::FileContext;
use crate::analysis::trade::wechat_shaped;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Message;
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::{Access, ApiUse};

pub struct DeprecatedTtPay;

pub static META: RuleMeta = RuleMeta {
    id: "deprecated-tt-pay",
    default_severity: Severity::Error,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "The offline guaranteed-payment API `tt.pay` (担保支付, 已下线) in any form",
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
        let payment = &cx.data.payment;
        for api in &facts.api_uses {
            if !api.target.ships_to_douyin() || api.access == Access::FeatureTest {
                continue;
            }
            if !payment
                .offline_payment_apis
                .contains(&cx.data.on_douyin(api.api))
            {
                continue;
            }
            if payment.offline_payment_apis.contains(&api.api) {
                out.push(
                    Diagnostic::new(&META, cx.id, api.span, message(api))
                        .with_help(messages::deprecated_tt_pay_help()),
                );
            } else if !wechat_shaped(api, &payment.wechat_payment_keys) {
                // A framework API that becomes `tt.pay` (`uni.requestPayment`, `Taro.pay`). With
                // WeChat JSAPI parameters it is `non-douyin-payment-api`'s, once.
                let full = api.api.to_string();
                out.push(
                    Diagnostic::new(
                        &META,
                        cx.id,
                        api.span,
                        messages::deprecated_tt_pay_wrapper(&full),
                    )
                    .with_help(messages::deprecated_tt_pay_wrapper_help(full)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{assert_script, assert_script_clean};

    use super::*;

    #[test]
    fn every_form_is_reported_at_its_position() {
        assert_script(
            &DeprecatedTtPay,
            "tt.pay({ orderInfo, service: 5 })",
            &[(1, 1)],
        );
        assert_script(&DeprecatedTtPay, "tt['pay']({})", &[(1, 1)]);
        assert_script(&DeprecatedTtPay, "tt?.pay({})", &[(1, 1)]);
        assert_script(&DeprecatedTtPay, "const { pay } = tt;\npay({})", &[(1, 9)]);
        assert_script(&DeprecatedTtPay, "const t = tt;\nt.pay({})", &[(2, 1)]);
        assert_script(&DeprecatedTtPay, "const p = promisify(tt.pay)", &[(1, 21)]);
        assert_script(
            &DeprecatedTtPay,
            "// 支付\nfunction go() {\n  tt.pay({})\n}",
            &[(3, 3)],
        );
    }

    #[test]
    fn uni_app_payment_compiled_for_douyin() {
        assert_script(
            &DeprecatedTtPay,
            "uni.requestPayment({ provider: 'toutiao', orderInfo })",
            &[(1, 1)],
        );
        assert_script(
            &DeprecatedTtPay,
            "// #ifdef MP-TOUTIAO\nuni.requestPayment({ orderInfo })\n// #endif",
            &[(2, 1)],
        );
        assert_script(
            &DeprecatedTtPay,
            "uni.requestPayment({ provider: 'wxpay', orderInfo })",
            &[(1, 1)],
        );
    }

    #[test]
    fn traps_stay_silent() {
        for src in [
            "// tt.pay({})",
            "/* tt.pay() */",
            "const s = 'tt.pay'; console.log(`tt.pay(${x})`)",
            "obj.tt.pay({})",
            "tt.payment({}); tt.payTest(); ttx.pay({})",
            "function f(tt) { tt.pay({}) }",
            "const tt = require('./mock'); tt.pay({})",
            "tt.requestOrder({}); tt.getOrderPayment({})",
            "function payTest() {} const requestOrderServiceIfaceApi = 1",
            "// #ifdef MP-WEIXIN\ntt.pay({})\nuni.requestPayment({ provider: 'toutiao' })\n// #endif",
            "// #ifndef MP-TOUTIAO\ntt.pay({})\n// #endif",
        ] {
            assert_script_clean(&DeprecatedTtPay, src);
        }
    }
}
