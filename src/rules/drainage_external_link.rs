use std::collections::BTreeSet;

use crate::analysis::context::{FileContext, ProjectContext};
use crate::analysis::drainage::{clipboard_copies, handler_texts};
use crate::analysis::text;
use crate::base::data::DrainageData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::markup::Markup;

pub struct DrainageExternalLink;

pub static META: RuleMeta = RuleMeta {
    id: "drainage-external-link",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "`http:` or third-party `web-view`s, links copied \"to open in the browser\", download and app lures (下载APP, 打开APP识别, App Store, `.apk`), calls to action towards other platforms (关注小红书, 淘宝店)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/tutorial/basic-ability/web-view-component",
    docs: r#"## What it does
Finds the ways a page sends users to the web or to another app:

- `<web-view src>` with plain `http:`, or pointing at a third party's host (WeChat, Taobao,
  Pinduoduo, Kuaishou, Xiaohongshu, JD, Weibo…; list in `rules/drainage.json`);
- a URL copied with `tt.setClipboardData` while the handler's text tells the user to open it in
  the browser (请在浏览器打开, 复制链接到浏览器);
- download and app lures in text users see: 下载APP, 下载APP领取, 打开APP识别, 去APP, 扫码下载,
  前往应用商店, App Store links, `.apk` addresses;
- calls to action towards other platforms' accounts and shops: 关注小红书, 快手号：, 去淘宝搜索,
  淘宝店, B站, 微博 (add your own with `"data": { "platformKeywords": [...] }`).

The app's own domains are never third parties: the hosts it calls with `tt.request` (and
`uploadFile`, `downloadFile`, `connectSocket`), and those listed in ttlint.json
(`"data": { "ownDomains": ["shop.example.cn"] }`).

## Why is this bad?
A `web-view` may only show the mini-program's own verified business domain, over HTTPS; a
third-party page, an app download or a "copy this link into the browser" prompt takes users off
Douyin (第三方引流). Review rejects all three.

## Example
```html
<web-view src="http://activity.example.cn/summer.html"></web-view>
```

## Use instead
Serve the page over HTTPS from the business domain verified in the console, or build it as a
page of the mini-program.

## References
- web-view component: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/tutorial/basic-ability/web-view-component
- Third-party drainage rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage
"#,
};

/// `<web-view src="…">` with a static address, in code compiled for Douyin.
fn web_views(doc: &Markup) -> impl Iterator<Item = (crate::base::source::Span, String)> + '_ {
    doc.elements().filter_map(|(id, e)| {
        if e.tag != "web-view" || !doc.target(id).ships_to_douyin() {
            return None;
        }
        let value = &e.attr("src")?.value;
        Some((value.span()?, value.static_text()?.trim().to_string()))
    })
}

fn is_plain_http(url: &str) -> bool {
    url.get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
}

impl Rule for DrainageExternalLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let texts = cx.visible();
        for m in text::find(texts, &d.download, &d.allowed) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::drainage_external_link_download(m.found),
                )
                .with_help(messages::drainage_external_link_download_help()),
            );
        }
        for m in text::find(texts, &d.platform, &d.allowed) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::drainage_external_link_platform(m.found),
                )
                .with_help(messages::drainage_external_link_platform_help()),
            );
        }
        if let Some(doc) = cx.markup() {
            for (span, url) in web_views(doc) {
                if is_plain_http(&url) {
                    out.push(
                        Diagnostic::new(
                            &META,
                            cx.id,
                            span,
                            messages::drainage_external_link_http(&url),
                        )
                        .with_help(messages::drainage_external_link_http_help()),
                    );
                }
            }
        }
        let Some(facts) = cx.script() else { return };
        for copy in clipboard_copies(facts) {
            if DrainageData::url_host(copy.value).is_none() {
                continue;
            }
            if handler_texts(facts, copy.api).any(|t| d.browser.find(t, &d.allowed).is_some()) {
                out.push(
                    Diagnostic::new(
                        &META,
                        cx.id,
                        copy.value_span,
                        messages::drainage_external_link_browser(copy.value),
                    )
                    .with_help(messages::drainage_external_link_browser_help()),
                );
            }
        }
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let mut own: Vec<String> = d.own_domains.clone();
        let mut hosts = BTreeSet::new();
        for &file in &cx.project.files {
            let Some(facts) = cx.files.content(file).script() else {
                continue;
            };
            hosts.extend(facts.request_hosts.iter().map(|h| h.to_string()));
        }
        own.extend(hosts);
        for &file in &cx.project.files {
            let Some(doc) = cx.files.content(file).markup() else {
                continue;
            };
            for (span, url) in web_views(doc) {
                let Some(host) = DrainageData::url_host(&url) else {
                    continue;
                };
                if is_plain_http(&url)
                    || DrainageData::host_in(host, &own)
                    || !DrainageData::host_in(host, &d.third_party_hosts)
                {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &META,
                        file,
                        span,
                        messages::drainage_external_link_third_party(host),
                    )
                    .with_help(messages::drainage_external_link_third_party_help()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, project, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&DrainageExternalLink)
            .pass([
                // A platform named without a call to action, and Douyin's own app.
                ttml("<view>支持分享到新浪微博、QQ空间</view>\n<view>打开抖音App，搜索小程序</view>"),
                js("// #ifdef APP-PLUS\nuni.showModal({ content: '关注小红书「好物」' })\n// #endif\nconsole.log('去淘宝搜索')"),
                ttml("<web-view src=\"https://shop.example.cn/x\" /><web-view src=\"{{url}}\" /><view>下载海报</view>"),
                ttml("<!-- <web-view src=\"http://a.cn\" /> 下载App -->\n<!-- #ifdef H5 --><view>下载App</view><!-- #endif -->"),
                js("Page({ share() { tt.setClipboardData({ data: 'https://shop.example.cn/item/1' }); tt.showToast({ title: '已复制' }) } })"),
                js("console.log('https://x.cn/app.apk');\n// 下载App\n// #ifdef APP-PLUS\nplus.runtime.openURL('https://x.cn/app.apk')\n// #endif"),
                project(&[
                    ("app.json", r#"{"pages":["pages/b/b"]}"#),
                    ("pages/b/b.ttml", "<web-view src=\"https://h5.jd.com/shop\" />"),
                    ("pages/b/b.js", "tt.request({ url: 'https://h5.jd.com/api/list' })"),
                ]),
                project(&[
                    ("app.json", r#"{"pages":["pages/c/c"]}"#),
                    ("pages/c/c.ttml", "<web-view src=\"https://m.example.cn/x\" />"),
                ]),
                vue("<template>\n  <!-- #ifdef APP-PLUS -->\n  <view>下载APP</view>\n  <!-- #endif -->\n  <web-view :src=\"url\" />\n</template>"),
            ])
            .fail([
                ttml("<view>下载App领 50 元红包</view>"),
                ttml("<view class=\"tip\">打开APP识别口令，或前往淘宝搜索「好物小铺」</view>"),
                vue("<template>\n  <view class=\"ad\">\n    <text>请联系客服或下载星选直播APP</text>\n    <text class=\"code-text\">扫码下载 星选直播</text>\n  </view>\n</template>"),
                tsx("import { View, Button } from '@tarojs/components'\nexport default function My() {\n  return (\n    <View className='actions'>\n      <Button className='action-btn primary'>关注小红书</Button>\n    </View>\n  )\n}"),
                ttml("<web-view src=\"http://a.cn/x\"></web-view>"),
                js("const url = 'https://cdn.x.cn/shop-v2.apk'"),
                js("Page({ open() {\n  tt.setClipboardData({ data: 'https://shop.example.cn/app' });\n  tt.showModal({ content: '链接已复制，请在浏览器中打开' });\n} })"),
                project(&[
                    ("app.json", r#"{"pages":["pages/a/a"]}"#),
                    ("pages/a/a.ttml", "<web-view src=\"https://mp.weixin.qq.com/s/abc\" />"),
                ]),
                vue("<template>\n  <view class=\"app\">下载APP领取新人礼包</view>\n  <web-view src=\"http://a.cn/x\" />\n</template>"),
                tsx("import { setClipboardData, showToast } from '@tarojs/taro'\nexport default function Page() {\n  const share = () => {\n    setClipboardData({ data: 'https://shop.example.com/m', success() { showToast({ title: '链接已复制，请在浏览器打开' }) } })\n  }\n  return null\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DrainageExternalLink);
    }
}
