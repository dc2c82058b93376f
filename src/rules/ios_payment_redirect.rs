use crate::analysis::context::FileContext;
use crate::analysis::text;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::rules::rule::Rule;

pub struct IosPaymentRedirect;

pub static META: RuleMeta = RuleMeta {
    id: "ios-payment-redirect",
    default_severity: Severity::Error,
    category: Category::Ios,
    fix: FixKind::None,
    summary: "text sending iOS users to pay elsewhere (安卓, the app, 官网, 公众号, QR code, 客服转账)",
    url: "https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment",
    docs: r#"## What it does
Finds text users see that sends iOS users to pay somewhere else: iOS or 苹果 users told to buy,
recharge, pay or 开通 on Android (安卓), in the app, on the website or H5, through a 公众号 or
WeChat, with a QR code, or through customer service; and "联系客服充值" / "客服转账" on any
platform. It reads template text, user-facing attributes, page titles and script strings
(`tt.showModal` content…); never comments or `console.*`.

## Why is this bad?
Douyin bans cash payment for virtual goods on iOS, and treats steering iOS users to pay outside
the mini-program as evading that ban: the submission is rejected and the payment capability can
be withdrawn.

## Example
```html
<view class="tip">iOS 用户请到安卓手机或官网开通会员</view>
```

## Use instead
On iOS, hide the purchase and say nothing about paying elsewhere (for example
"iOS 暂不支持开通"), or use the platform's own iOS payment where it is offered.

## References
- iOS virtual payment rules: https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/operation/management/specification/ios-virtual-payment
"#,
};

impl Rule for IosPaymentRedirect {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_file(&self, cx: &FileContext<'_>, out: &mut Vec<Diagnostic>) {
        let texts = cx.visible();
        for m in text::find(texts, &cx.data.ios.redirect, &cx.data.drainage.allowed) {
            out.push(
                Diagnostic::new(
                    &META,
                    cx.id,
                    m.span,
                    messages::ios_payment_redirect(m.found),
                )
                .with_help(messages::ios_payment_redirect_help()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tester::{Tester, check_docs, js, tsx, ttml, vue};

    #[test]
    fn cases() {
        Tester::new(&IosPaymentRedirect)
            .pass([
                ttml("<view>iOS 暂不支持开通会员</view>"),
                ttml("<view>支持安卓和iOS</view>\n<view>联系客服咨询售后</view>"),
                ttml("<!-- iOS 用户请到安卓手机开通 -->"),
                ttml("<!-- #ifdef APP-PLUS -->\n<view>iOS 用户请到安卓手机开通会员</view>\n<!-- #endif -->"),
                js("console.log('iOS 用户请到安卓手机开通')"),
                js("// #ifdef H5\nalert('iOS 用户请到安卓手机开通会员')\n// #endif\nconst key = { 'iOS用户请到官网购买': 1 };"),
                vue("<template>\n  <view>iOS 暂不支持开通</view>\n</template>"),
                tsx("import { View } from '@tarojs/components'\nexport default () => <View>{/* iOS 用户请到安卓手机开通 */}iOS 暂不支持</View>"),
            ])
            .fail([
                ttml("<view>\n  iOS 用户请到安卓手机或官网开通会员\n</view>"),
                ttml("<view>苹果手机暂不支持购买，请使用安卓手机</view>"),
                ttml("<view>充值请联系客服转账</view>"),
                js("tt.showModal({ content: 'iPhone用户请关注公众号充值' })"),
                vue("<template>\n  <view class=\"tip\">iOS用户请前往安卓手机或官网开通会员</view>\n</template>"),
                tsx("import { View } from '@tarojs/components'\nexport default () => <View className=\"tip\">iOS用户请前往官网开通会员</View>"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&IosPaymentRedirect);
    }
}
