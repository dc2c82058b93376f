use crate::analysis::context::FileContext;
use crate::analysis::drainage::{clipboard_copies, handler_texts};
use crate::analysis::text;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;

pub struct DrainageContact;

pub static META: RuleMeta = RuleMeta {
    id: "drainage-contact",
    default_severity: Severity::Error,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "text users see that sends them to WeChat, QQ, an official account or WeCom (加微信, 微信号, `vx:` + id, QQ群, 关注公众号…), and ids copied to the clipboard for WeChat",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage",
    docs: r#"## What it does
Finds text users see that invites them to contact you outside Douyin: 加微信, 添加客服微信, 加V,
微信号, `vx:` / `wx:` followed by an id, 企业微信, 微信群, 个人号, QQ号, QQ群, and 公众号 with a
call to action (关注/搜索/添加). It reads template text and user-facing attributes
(`placeholder`, `title`…), page titles in `.json`, and strings in scripts (`tt.showModal`
content, `setData` values, any string that reaches the UI).

It also finds `tt.setClipboardData` copying a literal id when the handler's own text tells the
user to add or search it in WeChat, QQ or an official account.

Not reported: "微信支付" or "支付宝" as payment-channel names, copying the user's own order
number, names of variables or keys (`wechat`), comments, `console.*` calls, and code compiled
only for other platforms (`// #ifdef MP-WEIXIN`). The patterns are in
`rules/drainage.json`; add your own keywords with `"data": { "contactKeywords": [...] }`.

## Why is this bad?
Douyin's rules forbid leading users from the mini-program to other platforms (第三方引流).
A WeChat id or an official account in a page is the most common reason a submission is
rejected, and repeated drainage gets the mini-program's capabilities restricted.

## Example
```html
<view>新人福利：添加客服微信 starshop2024 领取优惠券</view>
```

## Use instead
Keep the conversation on Douyin: Douyin IM customer service
(`<button open-type="im" data-im-id="…">联系客服</button>`), and coupons claimed in the
mini-program itself.

## References
- Third-party drainage rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage
"#,
};

/// How a copied literal looks: an id or account, not a sentence or an address.
fn looks_like_id(value: &str) -> bool {
    let v = value.trim();
    (4..=40).contains(&v.chars().count()) && !v.contains(char::is_whitespace) && !v.contains("://")
}

impl Rule for DrainageContact {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let texts = text::visible(cx);
        for m in text::find(&texts, &d.contact, &d.allowed) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::drainage_contact_text(m.found),
                )
                .with_help(messages::drainage_contact_help()),
            );
        }
        let Some(facts) = cx.script() else { return };
        for copy in clipboard_copies(facts) {
            if !looks_like_id(copy.value) {
                continue;
            }
            if handler_texts(facts, copy.api)
                .any(|t| d.clipboard_contact.find(t, &d.allowed).is_some())
            {
                out.push(
                    Diagnostic::new(
                        &META,
                        cx.id,
                        copy.value_span,
                        messages::drainage_contact_clipboard(copy.value),
                    )
                    .with_help(messages::drainage_contact_help()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&DrainageContact)
            .pass([
                ttml("<view>支持微信支付、支付宝</view>"),
                ttml("<view class=\"wechat\" bindtap=\"addWechat\" data-type=\"vx\">分享</view>"),
                ttml("<!-- 加微信 starshop -->"),
                ttml("<!-- #ifdef MP-WEIXIN --><view>添加客服微信</view><!-- #endif -->"),
                ttml("<view>联系客服：400-123-4567</view>"),
                ttml("<image src=\"https://cdn.x.cn/wx-qrcode.png\" />"),
                js("console.log('加微信 debug'); const wechat = { vx: 1 }; // 加微信\nconst o = { '微信号': 1 };\ntt.request({ url: 'https://a.cn/weixin?加微信=1' })"),
                js("// #ifdef MP-WEIXIN\nwx.showModal({ content: '添加客服微信' })\n// #endif"),
                js("Page({ copy() { tt.setClipboardData({ data: 'SO20261126001', success() { tt.showToast({ title: '订单号已复制' }) } }) } })"),
                js("Page({ copy() { tt.setClipboardData({ data: this.data.orderId }); tt.showToast({ title: '打开微信粘贴' }) } })"),
                vue("<template>\n  <!-- 加微信 -->\n  <!-- #ifdef MP-WEIXIN -->\n  <view>添加客服微信 starshop</view>\n  <!-- #endif -->\n  <view class=\"wechat-icon\">支持微信支付</view>\n</template>"),
                tsx("import { View } from '@tarojs/components'\nexport default function Page() {\n  console.log('加微信')\n  return <View className=\"wechat\">{/* 加微信 starshop */}支持微信支付</View>\n}"),
            ])
            .fail([
                ttml("<view>\n  新人福利：添加客服微信 starshop2024 领券\n</view>"),
                ttml("<input placeholder=\"请输入微信号\" />"),
                ttml("<text>{{ vip ? '加微信领会员' : '' }}</text>"),
                ttml("<view>QQ群：123456，关注公众号「星光」</view>"),
                js("tt.showModal({ title: '提示', content: '请添加客服微信 abc123 领取' })"),
                js("this.setData({ tip: `加V：${id}` })"),
                js("Page({ copy() {\n  tt.setClipboardData({ data: 'starshop2024', success() { tt.showToast({ title: '已复制，打开微信添加好友' }) } })\n} })"),
                vue("<template>\n  <view class=\"notice\">添加客服微信 starshop 领券</view>\n  <text>{{ vip ? '加V：star_shop88' : '' }}</text>\n</template>"),
                vue("<script>\nexport default {\n  methods: {\n    copy() {\n      uni.setClipboardData({ data: 'starshop2024', success() { uni.showToast({ title: '已复制，打开微信添加好友' }) } })\n    },\n  },\n}\n</script>"),
                tsx("import { View, Text } from '@tarojs/components'\nexport default function Page() {\n  return (\n    <View>\n      <Text>添加客服微信 starshop 领券</Text>\n      <View title=\"关注公众号「星光」\">{'QQ群：123456'}</View>\n    </View>\n  )\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DrainageContact);
    }
}
