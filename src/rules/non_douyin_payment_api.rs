use crate::analysis::context::{FileContext, ProjectContext};
use crate::analysis::trade::{compiled_for_douyin, wechat_shaped};
use crate::base::api::Namespace;
use crate::base::data::RuleData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::FileId;
use crate::rules::rule::Rule;
use crate::syntax::js::facts::{Access, ApiUse};

pub struct NonDouyinPaymentApi;

pub static META: RuleMeta = RuleMeta {
    id: "non-douyin-payment-api",
    default_severity: Severity::Error,
    category: Category::Payment,
    fix: FixKind::None,
    summary: "`tt.requestPayment` / `wx.requestPayment` (they do not exist on Douyin) and WeChat JSAPI payment parameters passed to a payment call",
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
        for api in &facts.api_uses {
            check(cx.data, cx.id, api, out);
        }
    }

    /// Calls through an alias another file sets up (`getApp().core = tt` in `app.js`,
    /// `getApp().core.requestPayment(…)` on a page).
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
    if !api.target.ships_to_douyin() || api.access == Access::FeatureTest {
        return;
    }
    let on_douyin = data.on_douyin(api.api);
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
            Diagnostic::new(&META, file, api.span, message)
                .with_help(messages::non_douyin_payment_api_help()),
        );
        return;
    }
    if api.access == Access::Call
        && payment.offline_payment_apis.contains(&on_douyin)
        && wechat_shaped(api, &payment.wechat_payment_keys)
        && let Some(options) = &api.options
    {
        let message = if compiled_for_douyin(api) || api.api.ns == Namespace::Tt {
            messages::non_douyin_payment_api_jsapi(full)
        } else {
            messages::non_douyin_payment_api_jsapi_shipped(full)
        };
        out.push(
            Diagnostic::new(&META, file, options.span, message)
                .with_help(messages::non_douyin_payment_api_help()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, vue};

    const JSAPI: &str = "{ timeStamp: t, nonceStr: n, package: p, signType: 'MD5', paySign: s }";

    #[test]
    fn cases() {
        Tester::new(&NonDouyinPaymentApi)
            .pass([
                js("// wx.requestPayment({})\nconsole.log('tt.requestPayment')"),
                js("const requestPayment = () => {}; requestPayment()"),
                js("api.wx.requestPayment({}); function f(wx) { wx.requestPayment({}) }"),
                js("tt.requestOrder({ data, byteAuthorization }); tt.getOrderPayment({ orderId })"),
                js("uni.requestPayment({ provider: 'toutiao', orderInfo, service: 5 })"),
                js("uni.request({ timeStamp, nonceStr, package: p, paySign })"),
                js("// #ifdef MP-WEIXIN\nwx.requestPayment({})\nuni.requestPayment({ timeStamp, nonceStr, package: p, signType, paySign })\n// #endif"),
                js("if (typeof wx !== 'undefined') { wx.requestPayment({}) }"),
                js("const canPay = !!tt.requestPayment"),
                vue("<script>\nexport default {\n  methods: {\n    pay() {\n      // #ifdef MP-WEIXIN\n      uni.requestPayment({ provider: 'wxpay', timeStamp, nonceStr, package: p, signType, paySign })\n      // #endif\n    },\n  },\n}\n</script>"),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  if (process.env.TARO_ENV === 'weapp') {\n    Taro.requestPayment({})\n  }\n  return null\n}"),
            ])
            .fail([
                js("tt.requestPayment({})"),
                js("function pay() {\n  wx.requestPayment({})\n}"),
                js("const wx = tt;\nwx.requestPayment({})"),
                js(&format!("tt.requestPayment({JSAPI})")),
                js("tt.requestPayment({ data: orderInfo.data })"),
                js(&format!("tt.pay({JSAPI})")),
                js(&format!("uni.requestPayment({JSAPI})")),
                vue(&format!("<template><button @tap=\"pay\">支付</button></template>\n<script>\nexport default {{\n  methods: {{\n    pay() {{\n      uni.requestPayment({{ provider: 'wxpay', ...{JSAPI} }})\n      uni.requestPayment({JSAPI})\n    }},\n  }},\n}}\n</script>")),
                tsx("import Taro from '@tarojs/taro'\nexport default function Page() {\n  const pay = () => Taro.requestPayment({ orderInfo })\n  return null\n}"),
                tsx(&format!("import {{ requestPayment }} from '@tarojs/taro'\nexport default function Page() {{\n  requestPayment({JSAPI})\n  return null\n}}")),
                // `core.js` exports `tt` under another name, the app keeps it as `core`.
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    ("app.js", "App({ core: require('./core/core') })"),
                    ("core/core.js", "var hj = null;\nif (typeof tt !== 'undefined') hj = tt;\nelse hj = my;\nmodule.exports = hj;"),
                    ("pages/a/a.ttml", "<button bindtap=\"buy\">购买</button>"),
                    ("pages/a/a.js", "Page({ buy(res) { getApp().core.requestPayment({ timeStamp: res.t, nonceStr: res.n, package: res.p, signType: 'MD5', paySign: res.s }) } })"),
                ]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&NonDouyinPaymentApi);
    }
}
