use crate::analysis::context::ProjectContext;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::evidence::with_trade_sites;
use crate::rules::rule::Rule;

pub struct TradeMissingCustomerService;

pub static META: RuleMeta = RuleMeta {
    id: "trade-missing-customer-service",
    default_severity: Severity::Error,
    category: Category::Service,
    fix: FixKind::None,
    summary: "the mini-program trades but no page offers Douyin IM customer service (reported once, on `app.json`)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service",
    docs: r#"## What it does
Reports once, on `app.json`, a mini-program that has trade capability but no Douyin IM
customer-service entry on any page. The trade sites are shown as related locations.

Definitions (shared with `trade-page-missing-customer-service`):
- **Trade capability**: a pay component (`<pay-button>`…) rendered on a page, or a payment or
  trade API call (`tt.requestOrder`, `tt.getOrderPayment`, `tt.pay`, …) that runs on a page:
  from a handler of an element the page renders, a lifecycle method (`onLoad`, `mounted`…), a
  component's render function, or the functions those call across the project's modules. A
  module loaded for its login helpers that also exports a payment nothing calls is not trade.
- **IM entry**: `<button open-type="im">`, `open-type="platformIm"`, `open-type="lifeIm"`, or
  `<web-view type="im">`, rendered on a page: in its template, a template it imports or
  includes, or a custom component it uses (transitively). An entry inside `tt:if` still counts.
  `open-type="contact"` (WeChat's), `"share"`, `"privateMessage"` and `"uploadDouyinVideo"` are
  not customer service.

## Why is this bad?
The platform requires every mini-program with trade capability to provide customer service in
a prominent place ("交易类小程序必须具备客服功能"), through Douyin IM customer service. Review
rejects a trading mini-program without it.

## Example
A shop that places orders and has no IM button on any page:
```json title="app.json"
{ "pages": ["pages/index/index"] }
```
```html title="pages/index/index.ttml"
<button bindtap="buy">立即购买</button>
```
```js title="pages/index/index.js"
Page({
  buy() {
    tt.requestOrder({ data: this.data.order, byteAuthorization: this.data.auth })
  }
})
```

## Use instead
Open Douyin IM customer service in the console, then add the button to the home, order and
personal (我的) pages:
```json title="app.json"
{ "pages": ["pages/index/index"] }
```
```html title="pages/index/index.ttml"
<button bindtap="buy">立即购买</button>
<button open-type="im" data-im-id="{{imId}}" bindim="onIm" binderror="onImError">联系客服</button>
```
```js title="pages/index/index.js"
Page({
  buy() {
    tt.requestOrder({ data: this.data.order, byteAuthorization: this.data.auth })
  }
})
```

## References
- IM customer-service button: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service
- Opening Douyin IM customer service: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/operation/private-account/customer-service/douyin-im-customer-service
"#,
};

const SHOWN_SITES: usize = 5;

impl Rule for TradeMissingCustomerService {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let sites = cx.trade_sites();
        if sites.is_empty() {
            return;
        }
        let pages = cx.pages();
        if pages.iter().any(|p| !p.entries.is_empty()) {
            return;
        }
        let d = Diagnostic::new(
            &META,
            cx.project.app_json,
            cx.app_json_start(),
            messages::trade_missing_customer_service(),
        )
        .with_help(messages::trade_missing_customer_service_help(
            cx.project.framework.id(),
        ));
        out.push(with_trade_sites(d, sites, SHOWN_SITES));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, project};

    const TRADE: (&str, &str) = ("pages/a/a.js", "Page({ buy() { tt.requestOrder({}) } })");
    const APP: (&str, &str) = ("app.json", r#"{"pages":["pages/a/a"]}"#);

    #[test]
    fn cases() {
        Tester::new(&TradeMissingCustomerService)
            .pass([
                project(&[
                    APP,
                    ("pages/a/a.ttml", "<view tt:if=\"{{show}}\"><button open-type=\"im\" data-im-id=\"{{imId}}\">客服</button></view>"),
                    TRADE,
                ]),
                project(&[APP, ("pages/a/a.ttml", "<web-view type=\"im\" />"), TRADE]),
                project(&[
                    APP,
                    ("pages/a/a.ttml", "<view>no trade here</view>"),
                    ("pages/a/a.js", "Page({ go() { tt.navigateTo({ url: '/pages/a/a' }) } })"),
                ]),
                // Testing whether the trade API exists is not trading.
                project(&[APP, ("pages/a/a.ttml", "<view/>"), ("pages/a/a.js", "const ok = !!tt.requestOrder")]),
                // A module loaded for its login helper also exports a payment nothing calls.
                project(&[
                    APP,
                    ("pages/a/a.ttml", "<button bindtap=\"login\">登录</button>"),
                    ("pages/a/a.js", "const api = require('../../utils/api');\nPage({ login() { api.login() } })"),
                    ("utils/api.js", "function login() { tt.login({}) }\nfunction pay(id) { tt.requestOrder({ data: id }) }\nmodule.exports = { login, pay };"),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/index/index" }] }"#),
                    ("pages/index/index.vue", "<template>\n  <button open-type=\"im\" :data-im-id=\"imId\">客服</button>\n</template>\n<script>\nexport default { methods: { buy() { tt.requestOrder({}) } } }\n</script>"),
                    ("manifest.json", "{}"),
                ]),
            ])
            .fail([
                project(&[
                    APP,
                    (
                        "pages/a/a.ttml",
                        "<button open-type=\"contact\">客服</button>\n<!-- <button open-type=\"im\" data-im-id=\"a\" /> -->\n<button open-type=\"share\">分享</button>\n<button bindtap=\"buy\">购买</button>",
                    ),
                    TRADE,
                    ("components/unused/unused.ttml", "<button open-type=\"im\" data-im-id=\"a\">客服</button>"),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/index/index" }] }"#),
                    ("pages/index/index.vue", "<template>\n  <button @tap=\"buy\">购买</button>\n</template>\n<script>\nexport default { methods: { buy() { uni.requestPayment({ orderInfo }) } } }\n</script>"),
                    ("manifest.json", "{}"),
                ]),
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/index/index'] })"),
                    ("pages/index/index.tsx", "import Taro from '@tarojs/taro'\nimport { Button } from '@tarojs/components'\nexport default function Page() {\n  const buy = () => Taro.requestOrder({})\n  return <Button onClick={buy}>购买</Button>\n}"),
                ]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&TradeMissingCustomerService);
    }
}
