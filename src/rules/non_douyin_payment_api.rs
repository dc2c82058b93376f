use crate::analysis::context::FileContext;
use crate::analysis::trade::{compiled_for_douyin, wechat_shaped};
use crate::base::api::Namespace;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::Access;

pub struct NonDouyinPaymentApi;

pub static META: RuleMeta = RuleMeta {
    id: "non-douyin-payment-api",
    default_severity: Severity::Error,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "Payment APIs that do not exist on Douyin (`tt.requestPayment`, `wx.requestPayment`) and WeChat JSAPI payment parameters",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi",
    docs: r#"## What it does
Finds payment calls that cannot take money on Douyin:

- `tt.requestPayment(...)` and `wx.requestPayment(...)`: neither API exists in a Douyin
  mini-program (`wx` is not defined at all; `tt.requestPayment({ data })` is the early Toutiao
  payment API, Alipay only, long gone);
- an options object shaped like a WeChat JSAPI payment (three or more of `timeStamp`,
  `nonceStr`, `package`, `signType`, `paySign`) passed to `uni.requestPayment` or `tt.pay`.

Code compiled only for other platforms (uni-app `// #ifdef MP-WEIXIN`) is not reported.

## Why is this bad?
This is what a mini-program ported from WeChat looks like (four of twenty public Douyin
repositories do it): the code runs, the call fails or is undefined, and the user cannot pay.
A reviewer who tries to buy something rejects the submission.

## Example
```js
tt.requestPayment({
  timeStamp: res.timeStamp,
  nonceStr: res.nonceStr,
  package: res.package,
  signType: 'RSA',
  paySign: res.paySign,
})
```

## Use instead
Create the order on your server for the Douyin general trade system (通用交易系统), then:
```js
tt.requestOrder({
  data: res.data,
  byteAuthorization: res.byteAuthorization,
  success: ({ orderId }) => tt.getOrderPayment({ orderId }),
})
```
In uni-app, keep the WeChat call inside `// #ifdef MP-WEIXIN` and write the Douyin one inside
`// #ifdef MP-TOUTIAO`.

## References
- General trade system: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi
- tt.requestOrder: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/industry/general_trade/create_order/request-order
- tt.getOrderPayment: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/industry/general_trade/create_order/get-order-payment
"#,
};

impl Rule for NonDouyinPaymentApi {
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
            let on_douyin = cx.data.on_douyin(api.api);
            let full = api.api.to_string();
            if payment.foreign_payment_apis.contains(&api.api)
                || payment.foreign_payment_apis.contains(&on_douyin)
            {
                let message = if api.api.ns == Namespace::Wx {
                    messages::non_douyin_payment_api_wx(full)
                } else if wechat_shaped(api, &payment.wechat_payment_keys) {
                    messages::non_douyin_payment_api_wechat_params(full)
                } else if api.options.as_ref().is_some_and(|o| o.has("data")) {
                    messages::non_douyin_payment_api_toutiao(full)
                } else {
                    messages::non_douyin_payment_api_missing(full)
                };
                out.push(
                    Diagnostic::new(&META, cx.id, api.span, message)
                        .with_help(messages::non_douyin_payment_api_help()),
                );
                continue;
            }
            if api.access == Access::Call
                && payment.offline_payment_apis.contains(&on_douyin)
                && wechat_shaped(api, &payment.wechat_payment_keys)
            {
                let Some(options) = &api.options else {
                    continue;
                };
                let message = if compiled_for_douyin(api) || api.api.ns == Namespace::Tt {
                    messages::non_douyin_payment_api_jsapi(full)
                } else {
                    messages::non_douyin_payment_api_jsapi_shipped(full)
                };
                out.push(
                    Diagnostic::new(&META, cx.id, options.span, message)
                        .with_help(messages::non_douyin_payment_api_help()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{assert_script, assert_script_clean, lint_script, render};

    const JSAPI: &str = "{ timeStamp: t, nonceStr: n, package: p, signType: 'MD5', paySign: s }";

    #[test]
    fn messages_say_which_kind_of_port_it_is() {
        let message = |src: &str| render(&lint_script(&NonDouyinPaymentApi, src).1[0].message);
        assert!(message(&format!("tt.requestPayment({JSAPI})")).contains("WeChat JSAPI"));
        assert!(
            message("tt.requestPayment({ data: orderInfo.data })")
                .contains("early Toutiao payment API")
        );
        assert!(message("wx.requestPayment({})").contains("`wx` is WeChat's global"));
    }

    #[test]
    fn wechat_payment_apis() {
        assert_script(&NonDouyinPaymentApi, "tt.requestPayment({})", &[(1, 1)]);
        assert_script(
            &NonDouyinPaymentApi,
            "function pay() {\n  wx.requestPayment({})\n}",
            &[(2, 3)],
        );
        assert_script(
            &NonDouyinPaymentApi,
            "const wx = tt;\nwx.requestPayment({})",
            &[(2, 1)],
        );
    }

    #[test]
    fn jsapi_shaped_options() {
        assert_script(
            &NonDouyinPaymentApi,
            &format!("uni.requestPayment({JSAPI})"),
            &[(1, 20)],
        );
        assert_script(&NonDouyinPaymentApi, &format!("tt.pay({JSAPI})"), &[(1, 8)]);
    }

    #[test]
    fn traps_stay_silent() {
        for src in [
            "// wx.requestPayment({})",
            "console.log('tt.requestPayment')",
            "const requestPayment = () => {}; requestPayment()",
            "api.wx.requestPayment({})",
            "function f(wx) { wx.requestPayment({}) }",
            "tt.requestOrder({ data, byteAuthorization })",
            "tt.getOrderPayment({ orderId })",
            "uni.requestPayment({ provider: 'toutiao', orderInfo, service: 5 })",
            "uni.request({ timeStamp, nonceStr, package: p, paySign })",
            "// #ifdef MP-WEIXIN\nwx.requestPayment({})\nuni.requestPayment({ timeStamp, nonceStr, package: p, signType, paySign })\n// #endif",
        ] {
            assert_script_clean(&NonDouyinPaymentApi, src);
        }
    }
}
