use crate::analysis::context::FileContext;
use crate::analysis::text;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;
use crate::syntax::markup::NodeId;

pub struct DrainageQrcode;

pub static META: RuleMeta = RuleMeta {
    id: "drainage-qrcode",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "scan / long-press QR-code prompts (扫码关注, 长按识别二维码) and long-pressable images beside them",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage",
    docs: r#"## What it does
Finds prompts to scan or long-press a QR code to follow or add someone — 扫码关注, 长按识别二维码,
扫描二维码添加, 识别图中二维码 — in text users see, and `<image show-menu-by-longpress>` (the
long-press menu that recognises a QR code) next to such text or to a contact lure.

A prompt to save a QR code (长按保存二维码) only keeps a code — a voucher, a poster — and is
reported only when the same file tells users to scan it elsewhere (用微信扫一扫, 从相册识别).

Not reported: prompts about the app's own codes — its mini-program code (小程序码), referral and
share codes (推广码, 邀请码), posters and redemption codes (核销码) — which keep users on Douyin.

## Why is this bad?
A QR code that users are told to scan or long-press takes them to WeChat, a group or an official
account: third-party drainage (第三方引流), which review rejects.

## Example
```html
<view class="join">
  <image src="{{qrcode}}" show-menu-by-longpress />
  <text>长按识别二维码，加入会员群</text>
</view>
```

## Use instead
Offer what the QR code led to inside the mini-program (a coupon, a membership, Douyin IM
customer service).

## References
- Third-party drainage rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/drainage
"#,
};

impl Rule for DrainageQrcode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let texts = cx.visible();
        let mut prompts = text::find(texts, &d.qrcode, &d.allowed);
        // The app's own mini-program, referral or poster code keeps users on Douyin.
        prompts.retain(|m| d.own_code.find(m.text.text, &d.allowed).is_none());
        for m in &prompts {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::drainage_qrcode_text(m.found),
                )
                .with_help(messages::drainage_qrcode_help()),
            );
        }
        // 长按保存二维码 only keeps a code (a voucher, a poster) unless the same file tells users to
        // scan it somewhere else (`微信扫一扫`).
        let scan = text::find(texts, &d.scan_elsewhere, &d.allowed);
        if let Some(scan) = scan.first() {
            for m in text::find(texts, &d.qrcode_save, &d.allowed) {
                if d.own_code.find(m.text.text, &d.allowed).is_some() {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &META,
                        cx.id,
                        m.span,
                        messages::drainage_qrcode_save(m.found, scan.found),
                    )
                    .with_help(messages::drainage_qrcode_help()),
                );
            }
        }
        let contacts = text::find(texts, &d.contact, &d.allowed);
        let lure_nodes: Vec<NodeId> = prompts
            .iter()
            .chain(&contacts)
            .filter_map(|m| m.text.node)
            .collect();
        let Some(doc) = cx.markup() else { return };
        for (id, element) in doc.elements() {
            if element.tag != "image"
                || !element.has_attr("show-menu-by-longpress")
                || !doc.target(id).ships_to_douyin()
            {
                continue;
            }
            // Next to the text: the text is in the subtree of the image's parent.
            let parent = doc.node(id).and_then(|n| n.parent);
            let near = lure_nodes.iter().any(|&n| match parent {
                Some(p) => doc.ancestry(n).any(|a| a == p),
                None => true,
            });
            if near {
                out.push(
                    Diagnostic::new(
                        &META,
                        cx.id,
                        element.tag_span,
                        messages::drainage_qrcode_image(),
                    )
                    .with_help(messages::drainage_qrcode_help()),
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
        Tester::new(&DrainageQrcode)
            .pass([
                ttml("<image src=\"{{banner}}\" show-menu-by-longpress />\n<view>精选好物</view>"),
                // The prompt is elsewhere in the page, not next to the image.
                ttml("<view><image src=\"{{qr}}\" show-menu-by-longpress /></view><view><text>精选好物</text></view>"),
                // Redeeming a voucher by scanning happens inside Douyin.
                ttml("<view>请在抖音内扫码核销</view>"),
                ttml("<!-- 长按识别二维码 -->"),
                ttml("<!-- #ifdef MP-WEIXIN -->\n<view><image src=\"{{qr}}\" show-menu-by-longpress /><text>长按识别二维码</text></view>\n<!-- #endif -->"),
                js("console.log('扫码关注');\n// 长按识别二维码\n// #ifdef MP-WEIXIN\nwx.showModal({ content: '扫码关注公众号' })\n// #endif"),
                vue("<template>\n  <view>扫码核销请出示此页</view>\n  <!-- 长按识别二维码 -->\n</template>"),
                tsx("import { Image } from '@tarojs/components'\nexport default function Page() {\n  return <Image src={banner} showMenuByLongpress />\n}"),
                // Saving a QR code keeps it (a voucher); nothing says to scan it elsewhere.
                vue("<template>\n  <view class=\"mask\">\n    <image src=\"../../static/kefu.png\" />\n    <view class=\"mask-inner-btn\" @click=\"saveBtn\">保存二维码</view>\n  </view>\n</template>"),
                // The app's own referral code, share poster and mini-program code.
                ttml("<view class=\"profile\">扫码关注您的专属推广码，或者转发邀请好友</view>\n<button open-type=\"share\">转发</button>"),
                js("Page({ draw(ctx) { ctx.fillText('长按识别二维码，进入小程序查看详情', 20, 400) } })"),
                vue("<template>\n  <view class=\"poster\">\n    <image :src=\"poster\" show-menu-by-longpress />\n    <text>长按识别图中二维码，生成我的分享海报</text>\n  </view>\n</template>"),
            ])
            .fail([
                ttml("<view class=\"join\">\n  <image src=\"{{qrcode}}\" show-menu-by-longpress />\n  <text>长按识别二维码，加入会员群</text>\n</view>"),
                js("tt.showModal({ content: '扫码关注公众号领取福利' })"),
                ttml("<view class=\"kefu\">\n  <image src=\"{{kefuQr}}\" />\n  <text>长按保存二维码</text>\n  <text>打开微信扫一扫，从相册选取即可添加</text>\n</view>"),
                vue("<template>\n  <view class=\"join\">\n    <image :src=\"qrcode\" show-menu-by-longpress />\n    <text>长按识别二维码关注</text>\n  </view>\n</template>"),
                tsx("import { View, Image, Text } from '@tarojs/components'\nexport default function Page() {\n  return (\n    <View className=\"join\">\n      <Image src={qr} showMenuByLongpress />\n      <Text>扫码添加客服领取优惠</Text>\n    </View>\n  )\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&DrainageQrcode);
    }
}
