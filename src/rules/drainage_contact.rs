use crate::analysis::context::FileContext;
use crate::analysis::drainage::{clipboard_copies, handler_texts};
use crate::analysis::text;
use crate::base::api::Namespace;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::Access;

pub struct DrainageContact;

pub static META: RuleMeta = RuleMeta {
    id: "drainage-contact",
    default_severity: Severity::Error,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "text users see that sends them to WeChat, QQ, an official account or WeCom (加微信, 微信号, 店家微信, `vx:` + id, QQ群, 加群交流, 关注公众号…), ids copied to the clipboard for WeChat, and `tt.openCustomerServiceChat` (WeCom customer service)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage",
    docs: r#"## What it does
Finds text users see that invites them to contact you outside Douyin: 加微信, 添加客服微信, 加V,
微信号, someone's WeChat by role (店家微信, 客服微信, 官方微信), `vx:` / `wx:` / `微信：` followed by
an id, 企业微信, 微信群, 个人号, QQ号, QQ群, groups as a call to action (加群交流, 扫码进群), and
公众号 with a call to action (关注/搜索/添加). It reads template text and user-facing attributes
(`placeholder`, `title`…), page titles in `.json`, and strings in scripts (`tt.showModal`
content, `setData` values, any string that reaches the UI).

It also finds `tt.setClipboardData` copying a literal id when the handler's own text tells the
user to add or search it in WeChat, QQ or an official account, and
`tt.openCustomerServiceChat({ corpId })`, which opens WeChat Work (企业微信) customer service.

Not reported: "微信支付" or "支付宝" as payment-channel names, copying the user's own order
number, forms asking users for their own WeChat or QQ (`请输入微信号`, or `微信号` labelling an
input), names of variables, keys and classes (`wechat`, `wx-pay`), comments, `console.*` and
logger calls, thrown errors (`throw new Error('…')`), and code compiled only for other platforms
(`// #ifdef MP-WEIXIN`). The status of an in-app group chat (已进群, 加群成功) is no lure. The
patterns are in
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

/// Whether a text asks users for their own WeChat or QQ: a form's prompt (`请输入微信号`) or a
/// bare label of an input (`微信号：` beside `<input>`). It names an account without offering
/// one, unless it also tells users to add or search someone.
fn asks_for_own_account(cx: &FileContext<'_>, t: &text::Text<'_>) -> bool {
    let d = &cx.data.drainage;
    if d.clipboard_contact.find(t.text, &d.allowed).is_some() {
        return false;
    }
    d.own_account.find(t.text, &d.allowed).is_some()
        || d.field_label.find(t.text, &d.allowed).is_some()
            && cx.markup().is_some_and(|m| text::labels_field(m, t))
}

impl Rule for DrainageContact {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let texts = cx.visible();
        for m in text::find(texts, &d.contact, &d.allowed) {
            if asks_for_own_account(cx, m.text) {
                continue;
            }
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
        for api in &facts.api_uses {
            // `wx.*` calls are `wechat-only-feature`'s; a feature test opens nothing.
            if api.api.ns == Namespace::Wx
                || api.access != Access::Call
                || !api.target.ships_to_douyin()
                || !d.contact_apis.iter().any(|m| *m == api.api.member.as_str())
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    api.span,
                    messages::drainage_contact_api(api.api.to_string()),
                )
                .with_help(messages::drainage_contact_help()),
            );
        }
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
                // Forms asking users for their own WeChat or QQ name an account, offer none.
                ttml("<input placeholder=\"请输入微信号\" />"),
                ttml("<view class=\"input-group\">\n  <view class=\"input-group-label\">微信号</view>\n  <view class=\"flex-grow-1\"><input name=\"wechat_name\" value=\"{{mch.wechat_name}}\" /></view>\n</view>"),
                js("Page({ submit() { if (!this.data.wechat) { tt.showToast({ title: '请填写您的微信号', icon: 'none' }) } } })"),
                vue("<template>\n  <u-form :model=\"form\">\n    <u-form-item label=\"QQ号\" prop=\"qq\"><u-input v-model=\"form.qq\" /></u-form-item>\n  </u-form>\n</template>"),
                tsx("import { View, Text, Input } from '@tarojs/components'\nexport default function Apply() {\n  return (\n    <View className='field'>\n      <Text className='label'>微信号：</Text>\n      <Input name='wechat' placeholder='选填' />\n    </View>\n  )\n}"),
                // An in-app group chat's status; WeCom customer service compiled for WeChat only.
                js("Page({ onJoined() { tt.showToast({ title: '已进群' }) } })"),
                vue("<script>\nexport default {\n  methods: {\n    kefu() {\n      // #ifdef MP-WEIXIN\n      uni.openCustomerServiceChat({ corpId: 'ww123', extInfo: { url } })\n      // #endif\n    },\n  },\n}\n</script>"),
                js("if (tt.openCustomerServiceChat) { /* newer clients */ }"),
                // Errors thrown and lines logged are for developers.
                js("Page({ check(qq) { if (!/^[1-9][0-9]{4,10}$/.test(qq)) { throw new Error('QQ号格式不正确') } } })"),
                js("const logger = tt.getLogManager()\nPage({ fail(err) { logger.warn('加微信失败', err); this.log.error('添加客服微信 abc123') } })"),
                tsx("import Taro from '@tarojs/taro'\nexport async function bind() {\n  const res = await Taro.login()\n  if (!res.code) throw new TypeError('微信号绑定失败')\n}"),
            ])
            .fail([
                ttml("<view>\n  新人福利：添加客服微信 starshop2024 领券\n</view>"),
                ttml("<text>{{ vip ? '加微信领会员' : '' }}</text>"),
                ttml("<view>QQ群：123456，关注公众号「星光」</view>"),
                // A label beside a value it shows, not an input: the shop's WeChat on display.
                ttml("<view class=\"shop\">\n  <view>微信号</view>\n  <view>{{shop.wechat}}</view>\n</view>"),
                // Beside an input, but a sentence offering an id, not a label.
                ttml("<view class=\"group\">\n  <text>客服微信号：star_shop88</text>\n  <input placeholder=\"留言\" />\n</view>"),
                // Vocabulary: someone's WeChat by role, groups as a call to action.
                ttml("<view class=\"contact\">\n  <text class=\"we-name\">店家微信: {{shop.wechat_name}}</text>\n</view>"),
                tsx("import { View, Button } from '@tarojs/components'\nexport default function My() {\n  return <View><Button className='action-btn'>加群交流</Button></View>\n}"),
                vue("<template>\n  <view class=\"ad\">客服微信：haowu_kf01</view>\n</template>"),
                // WeChat Work customer service, in every dialect.
                js("Page({ contact() {\n  tt.openCustomerServiceChat({ extInfo: { url: 'https://work.weixin.qq.com/kfid/kfc123' }, corpId: 'ww123' })\n} })"),
                vue("<script>\nexport default {\n  methods: {\n    kefu() {\n      // #ifdef MP-TOUTIAO\n      uni.openCustomerServiceChat({ corpId: 'ww123', extInfo: { url } })\n      // #endif\n    },\n  },\n}\n</script>"),
                // A dialog is not a logger, whatever its name.
                js("Page({ onLoad() { this.dialog.error('请添加客服微信 star_shop88') } })"),
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
