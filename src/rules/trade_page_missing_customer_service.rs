use crate::analysis::context::ProjectContext;
use crate::analysis::service::PageFacts;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::message::Codes;
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::Span;
use crate::rules::rule::Rule;

pub struct TradePageMissingCustomerService;

pub static META: RuleMeta = RuleMeta {
    id: "trade-page-missing-customer-service",
    default_severity: Severity::Warning,
    category: Category::Service,
    fix: FixKind::None,
    summary: "a trade page or order page on which no IM entry renders; or IM only on pages users never look at",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service",
    docs: r#"## What it does
In a mini-program that trades and has Douyin IM customer service somewhere (when it has none,
`trade-missing-customer-service` reports that once instead), reports:

- each **trade page** and each **order page** on which no IM entry renders, on the page's
  template; the message names the pages that do have one;
- once, on `app.json`, when IM entries exist but none renders on a **prominent page**: customer
  service is buried where users will not find it.

Definitions:
- **Trade page**: a page on which a trade starts: a payment or trade API call runs there — from
  a handler of what it renders, a lifecycle method, or the functions those call in its script,
  the modules it loads, the components it renders or the app instance (`getApp().buy()`,
  `Taro.getApp().buy()`) — or it renders a pay component. A module
  it loads that exports a payment nothing on the page calls does not make it one.
- **Order page / personal page**: a page whose route (split into words at `/`, `-`, `_` and
  camelCase) or navigation title says so: `order`, `orders`, `订单`; `mine`, `my`, `me`, `user`,
  `profile`, `center`, `个人`, `我的` (lists in `rules/customer-service.json`).
- **Prominent page**: the home page (`entryPagePath`, else the first of `pages`), the tabBar
  pages, the order pages and the personal pages.
- **IM entry**: see `trade-missing-customer-service`. An entry in a template the page imports
  or includes, or in a component it renders, counts; one inside `tt:if` counts too.

Other pages stay silent: a home page without IM is fine when the personal page has it.

## Why is this bad?
The platform requires customer service "in a prominent place — the home page, the order page,
the personal page", and industry standards put it on the first screen of the order-detail page:
that is where a buyer with a problem looks. Review rejects trade pages that leave buyers without
it.

## Example
The home page has customer service; the order page, where buyers pay, does not:
```json title="app.json"
{ "pages": ["pages/index/index", "pages/order/order"] }
```
```html title="pages/index/index.ttml"
<button open-type="im" data-im-id="{{imId}}">联系客服</button>
```
```html title="pages/order/order.ttml"
<view tt:for="{{orders}}">{{item.name}}</view>
<button bindtap="pay">继续支付</button>
```
```js title="pages/order/order.js"
Page({
  pay() {
    tt.getOrderPayment({ orderId: this.data.orderId })
  }
})
```

## Use instead
The order page gets its own button, carrying the order for the agent:
```json title="app.json"
{ "pages": ["pages/index/index", "pages/order/order"] }
```
```html title="pages/index/index.ttml"
<button open-type="im" data-im-id="{{imId}}">联系客服</button>
```
```html title="pages/order/order.ttml"
<view tt:for="{{orders}}">{{item.name}}</view>
<button bindtap="pay">继续支付</button>
<button open-type="im" data-im-id="{{imId}}" data-im-type="order" data-order-id="{{orderId}}">联系客服</button>
```
```js title="pages/order/order.js"
Page({
  pay() {
    tt.getOrderPayment({ orderId: this.data.orderId })
  }
})
```
A shared component (`<service-button>`) used on each of these pages works too.

## References
- IM customer-service button: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/component/open-capacity/button-im-customer-service
"#,
};

/// Where a page-level finding goes: the page's first trade site in its own template, else the
/// template's first element compiled for Douyin, else its start.
fn anchor(
    page: &PageFacts,
    cx: &ProjectContext<'_>,
) -> Option<(crate::base::source::FileId, Span)> {
    let template = page.template?;
    if let Some(site) = page.trade.iter().find(|s| s.file == template) {
        return Some((template, site.span));
    }
    let doc = cx.files.content(template).markup();
    let first = doc.and_then(|d| {
        d.elements()
            .find(|&(node, _)| d.target(node).ships_to_douyin())
            .map(|(_, e)| e.tag_span)
    });
    Some((template, first.unwrap_or_default()))
}

impl Rule for TradePageMissingCustomerService {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let pages = cx.pages();
        if !pages.iter().any(|p| !p.trade.is_empty()) {
            return;
        }
        let served: Vec<&str> = pages
            .iter()
            .filter(|p| !p.entries.is_empty())
            .map(|p| p.route.as_str())
            .collect();
        if served.is_empty() {
            return;
        }
        let listed = Codes(served.iter().map(|r| r.to_string()).collect());
        for page in pages {
            let needs_entry = page.order || !page.trade.is_empty();
            if !needs_entry || !page.entries.is_empty() {
                continue;
            }
            let Some((file, span)) = anchor(page, cx) else {
                continue;
            };
            let message = if page.trade.is_empty() {
                messages::trade_page_missing_customer_service_order(&page.route, listed.clone())
            } else {
                messages::trade_page_missing_customer_service_trade(&page.route, listed.clone())
            };
            let mut d = Diagnostic::new(&META, file, span, message).with_help(
                messages::trade_page_missing_customer_service_help(cx.project.framework.id()),
            );
            for site in page.trade.iter().filter(|s| s.file != file).take(3) {
                d = d.with_related(
                    site.file,
                    site.span,
                    messages::label_trades_here(&site.what),
                );
            }
            out.push(d);
        }
        if !pages.iter().any(|p| p.prominent() && !p.entries.is_empty()) {
            let mut d = Diagnostic::new(
                &META,
                cx.project.app_json,
                cx.app_json_start(),
                messages::trade_page_missing_customer_service_hidden(listed),
            )
            .with_help(messages::trade_page_missing_customer_service_hidden_help());
            for page in pages.iter().filter(|p| !p.entries.is_empty()) {
                if let Some(entry) = page.entries.first() {
                    d = d.with_related(
                        entry.file,
                        entry.span,
                        messages::label_customer_service_on(&page.route),
                    );
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, project};

    const IM: &str = "<button open-type=\"im\" data-im-id=\"{{imId}}\">联系客服</button>";

    #[test]
    fn cases() {
        Tester::new(&TradePageMissingCustomerService)
            .pass([
                project(&[
                    (
                        "app.json",
                        r#"{"pages":["pages/goods/goods","pages/order/order"],"usingComponents":{"service":"/components/service/service"}}"#,
                    ),
                    ("pages/goods/goods.ttml", "<service />\n<pay-button />"),
                    ("pages/order/order.ttml", "<include src=\"/templates/help.ttml\" />"),
                    ("templates/help.ttml", IM),
                    ("components/service/service.ttml", IM),
                ]),
                // No entry anywhere: trade-missing-customer-service's finding, not this one's.
                project(&[
                    ("app.json", r#"{"pages":["pages/order/order"]}"#),
                    ("pages/order/order.ttml", "<view>订单</view>"),
                    ("pages/order/order.js", "Page({ pay() { tt.getOrderPayment({}) } })"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/order/order"]}"#),
                    ("pages/order/order.ttml", "<view>订单</view>"),
                ]),
                // A uni-app page with an IM button from a uni_modules component.
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/order/list" }] }"#),
                    ("manifest.json", "{}"),
                    ("pages/order/list.vue", "<template>\n  <shop-im />\n  <button @tap=\"pay\">继续支付</button>\n</template>\n<script>\nexport default { methods: { pay() { tt.getOrderPayment({}) } } }\n</script>"),
                    ("uni_modules/shop-im/components/shop-im/shop-im.vue", "<template>\n  <button open-type=\"im\" :data-im-id=\"imId\">联系客服</button>\n</template>"),
                ]),
                // Taro: the app's trading method called only in the WeChat build, in a comment
                // and in a log message.
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/mine/index', 'pages/vip/index'] })"),
                    ("app.tsx", "import Taro from '@tarojs/taro'\nimport { Component } from 'react'\nclass App extends Component {\n  buy() { Taro.requestOrder({}) }\n  render() { return this.props.children }\n}\nexport default App"),
                    ("pages/mine/index.tsx", "import { Button } from '@tarojs/components'\nexport default () => <Button openType=\"im\" data-im-id=\"shop_cs\">客服</Button>"),
                    ("pages/vip/index.tsx", "import Taro from '@tarojs/taro'\nimport { View, Button } from '@tarojs/components'\nexport default function Vip() {\n  const open = () => {\n    if (process.env.TARO_ENV === 'weapp') {\n      Taro.getApp().buy()\n    }\n    // Taro.getApp().buy()\n    console.log('Taro.getApp().buy()')\n  }\n  return <View><Button onClick={open}>开通</Button></View>\n}"),
                ]),
                // Taro: a `getApp` of the page's own is not the app's, whose `buy` trades.
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/mine/index', 'pages/vip/index'] })"),
                    ("app.tsx", "import Taro from '@tarojs/taro'\nimport { Component } from 'react'\nclass App extends Component {\n  buy() { Taro.requestOrder({}) }\n  render() { return this.props.children }\n}\nexport default App"),
                    ("pages/mine/index.tsx", "import { Button } from '@tarojs/components'\nexport default () => <Button openType=\"im\" data-im-id=\"shop_cs\">客服</Button>"),
                    ("pages/vip/index.tsx", "import { View, Button } from '@tarojs/components'\nconst getApp = () => ({ buy() {} })\nexport default function Vip() {\n  const open = () => getApp().buy()\n  return <View><Button onClick={open}>开通</Button></View>\n}"),
                ]),
            ])
            .fail([
                project(&[
                    (
                        "app.json",
                        r#"{"pages":["pages/index/index","pages/goods/goods","pages/orders/orders","pages/mine/mine","pages/about/about"]}"#,
                    ),
                    ("pages/index/index.ttml", "<view>首页</view>"),
                    ("pages/goods/goods.ttml", "<view>\n  <button bindtap=\"buy\">购买</button>\n</view>"),
                    ("pages/goods/goods.js", "const { pay } = require('../../utils/pay');\nPage({ buy: pay })"),
                    ("utils/pay.js", "module.exports = { pay: () => tt.requestOrder({}) };"),
                    ("pages/orders/orders.ttml", "<view>订单</view>"),
                    ("pages/mine/mine.ttml", IM),
                    ("pages/about/about.ttml", "<view>关于</view>"),
                ]),
                // The page trades through the app instance: its own script has no trade API.
                project(&[
                    ("app.json", r#"{"pages":["pages/mine/mine","pages/vip/vip"]}"#),
                    ("app.js", "App({ buy() { tt.requestOrder({}) } })"),
                    ("pages/mine/mine.ttml", IM),
                    ("pages/vip/vip.ttml", "<view>会员</view>\n<button bindtap=\"open\">开通</button>"),
                    ("pages/vip/vip.js", "Page({ open() { getApp().buy() } })"),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/mine/mine" }, { "path": "pages/vip/vip" }] }"#),
                    ("manifest.json", "{}"),
                    ("App.vue", "<script>\nexport default { methods: { buy() { uni.requestPayment({}) } } }\n</script>"),
                    ("pages/mine/mine.vue", "<template>\n  <button open-type=\"im\" :data-im-id=\"imId\">联系客服</button>\n</template>"),
                    ("pages/vip/vip.vue", "<template>\n  <button @tap=\"open\">开通</button>\n</template>\n<script>\nexport default { methods: { open() { getApp().buy() } } }\n</script>"),
                ]),
                // Taro: the app is a class component, reached through `Taro.getApp()`.
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/mine/index', 'pages/vip/index'] })"),
                    ("app.tsx", "import Taro from '@tarojs/taro'\nimport { Component } from 'react'\nclass App extends Component {\n  buy() { Taro.requestOrder({}) }\n  render() { return this.props.children }\n}\nexport default App"),
                    ("pages/mine/index.tsx", "import { Button } from '@tarojs/components'\nexport default () => <Button openType=\"im\" data-im-id=\"shop_cs\">客服</Button>"),
                    ("pages/vip/index.tsx", "import Taro from '@tarojs/taro'\nimport { View, Button } from '@tarojs/components'\nexport default function Vip() {\n  const open = () => Taro.getApp().buy()\n  return <View><Button onClick={open}>开通</Button></View>\n}"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/index/index","pages/help/help"]}"#),
                    ("pages/index/index.ttml", "<view>首页</view>\n<button bindtap=\"go\">去支付</button>"),
                    ("pages/index/index.js", "Page({ go() { tt.getOrderPayment({}) } })"),
                    ("pages/help/help.ttml", IM),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/mine/mine","pages/goods/goods"]}"#),
                    ("pages/mine/mine.ttml", IM),
                    (
                        "pages/goods/goods.ttml",
                        "<!-- #ifdef MP-WEIXIN -->\n<button open-type=\"im\" data-im-id=\"a\">客服</button>\n<!-- #endif -->\n<view>商品</view>\n<button bindtap=\"buy\">购买</button>",
                    ),
                    ("pages/goods/goods.js", "Page({ buy() { tt.getOrderPayment({}) } })"),
                    ("pages/old/old.ttml", "<view>订单</view>\n<button bindtap=\"buy\">支付</button>"),
                    ("pages/old/old.js", "Page({ buy() { tt.getOrderPayment({}) } })"),
                ]),
                project(&[
                    ("pages.json", r#"{ "pages": [{ "path": "pages/mine/mine" }, { "path": "pkg/detail/detail" }] }"#),
                    ("manifest.json", "{}"),
                    ("pages/mine/mine.vue", "<template>\n  <button open-type=\"im\" :data-im-id=\"imId\">联系客服</button>\n</template>"),
                    ("pkg/detail/detail.vue", "<template>\n  <view class=\"detail\">\n    <button @tap=\"buy\">立即购买</button>\n  </view>\n</template>\n<script>\nexport default { methods: { buy() { uni.requestPayment({ orderInfo }) } } }\n</script>"),
                ]),
                project(&[
                    ("app.config.ts", "export default defineAppConfig({ pages: ['pages/mine/index', 'pages/detail/index'] })"),
                    ("pages/mine/index.tsx", "import { Button } from '@tarojs/components'\nexport default () => <Button openType=\"im\" data-im-id=\"shop_cs\">客服</Button>"),
                    ("pages/detail/index.tsx", "import Taro from '@tarojs/taro'\nimport { View, Button } from '@tarojs/components'\nexport default function Detail() {\n  const buy = () => Taro.requestOrder({})\n  return <View><Button onClick={buy}>立即购买</Button></View>\n}"),
                ]),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&TradePageMissingCustomerService);
    }
}
