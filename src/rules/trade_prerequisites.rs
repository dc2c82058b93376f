use crate::analysis::context::ProjectContext;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::evidence::with_trade_sites;
use crate::rules::rule::Rule;

pub struct TradePrerequisites;

pub static META: RuleMeta = RuleMeta {
    id: "trade-prerequisites",
    default_severity: Severity::Info,
    category: Category::Deposit,
    fix: FixKind::None,
    summary: "once per trading mini-program: the console steps code cannot show (商户进件, 保证金, trade access)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi",
    docs: r#"## What it does
When a mini-program trades — a page renders a pay component, or a payment or trade API
(`tt.requestOrder`, `tt.getOrderPayment`, `tt.pay`, …) runs on a page: from a handler of what
the page renders, a lifecycle method, or a function those call across the project's modules —
reports once, on `app.json`, the console steps that code cannot show, with the trade sites as
related locations and their number. It is an info: it never fails a run. A module a page loads
for something else does not make it trade by also exporting a payment nothing calls.

## Why is this bad?
It is not bad; it is easy to forget. Trade only works, and review only passes, when the
developer console has:

- merchant onboarding (商户进件) completed, with the industry (所属行业) chosen from the business
  licence's scope (choosing a special industry asks for extra material);
- the deposit (保证金) paid, as the deposit rules (小程序保证金管理规范) require;
- the trade capability (general trade system, 通用交易系统) enabled for the mini-program;
- Douyin IM customer service set up (see `trade-missing-customer-service`).

## Example
Any project that places orders:
```html
<button bindtap="buy">立即购买</button>
```
```js
Page({
  buy() {
    tt.requestOrder({ data: this.data.order, byteAuthorization: this.data.auth })
  }
})
```

## Use instead
Confirm the steps in the console, then silence the reminder in `ttlint.json`:
```json
{ "rules": { "trade-prerequisites": "off" } }
```

## References
- General trade system, access guide: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/basicapi
- About the general trade system: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/general/aboutbasic
- Deposit rules (保证金管理规范): https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/Margin
- Payment methods: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/open-capacity/business-monetization/guaranteed-payment/payment-method-open/introduction
"#,
};

/// Related locations shown with the finding; the rest are counted.
const SHOWN_SITES: usize = 5;

impl Rule for TradePrerequisites {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let sites = cx.trade_sites();
        if sites.is_empty() {
            return;
        }
        let d = Diagnostic::new(
            &META,
            cx.project.app_json,
            cx.app_json_start(),
            messages::trade_prerequisites(sites.len()),
        )
        .with_help(messages::trade_prerequisites_help());
        out.push(with_trade_sites(d, sites, SHOWN_SITES));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, project};

    #[test]
    fn cases() {
        Tester::new(&TradePrerequisites)
            .pass([project(&[
                ("app.json", r#"{"pages":["pages/a/a"]}"#),
                ("pages/a/a.ttml", "<view class=\"pay-button\">tt.requestOrder</view>"),
                (
                    "pages/a/a.js",
                    "require('../../utils/wx');\n// tt.requestOrder({})\nconst requestOrderServiceIfaceApi = 1; tt.request({ url: 'https://a.cn/pay' })\nconst canTrade = !!tt.requestOrder",
                ),
                ("pages/dead/dead.js", "tt.requestOrder({})"),
                ("utils/wx.js", "// #ifdef MP-WEIXIN\nwx.requestPayment({})\n// #endif"),
            ])])
            .fail([
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a","pages/b/b"]}"#),
                    ("pages/a/a.ttml", "<button bindtap=\"buy\">购买</button>"),
                    ("pages/a/a.js", "Page({ buy() { tt.requestOrder({}) } })"),
                    ("pages/b/b.ttml", "<pay-button />"),
                ]),
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/index/index'] })"),
                    ("pages/index/index.tsx", "import Taro from '@tarojs/taro'\nimport { Button } from '@tarojs/components'\nexport default function Page() {\n  const buy = () => Taro.pay({})\n  return <Button onClick={buy}>购买</Button>\n}"),
                ]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&TradePrerequisites);
    }
}
