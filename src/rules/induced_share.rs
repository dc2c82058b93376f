//! `induced-share`: rewards promised for sharing or inviting (诱导分享), on pages users share
//! from — a project rule, since the share entry and the reward copy are often in different files.

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::context::ProjectContext;
use crate::analysis::text;
use crate::base::data::DrainageData;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::messages;
use crate::base::meta::{Category, FixKind, RuleMeta};
use crate::base::source::{FileId, Span};
use crate::project::files::Files;
use crate::project::{Project, Rendered};
use crate::rules::rule::Rule;
use crate::syntax::js::facts::{Access, Callee};

pub struct InducedShare;

pub static META: RuleMeta = RuleMeta {
    id: "induced-share",
    default_severity: Severity::Warning,
    category: Category::Drainage,
    fix: FixKind::None,
    summary: "诱导分享: rewards promised for sharing or inviting (分享得, 分享领取, 转发解锁, 邀请好友得, 集赞得) on a page with a share button or share handler",
    url: "https://developer.open-douyin.com/docs/resource/zh-cn/dop/ability/opensdk/share/forward",
    docs: r#"## What it does
Finds rewards promised for sharing or inviting — 分享得红包, 分享领取, 分享赚佣金, 分享有赏,
邀请有礼, 转发解锁, 邀请好友得, 邀请3人领会员, 邀请好友来拆红包, 集赞得, 助力领, 帮我砍一刀拿红包 —
and sharing made a condition
(分享后才能查看), in text users see on a page they can share from: a page that renders a share
button (`open-type="share"`, Taro's `openType='share'`) or runs a share handler
(`onShareAppMessage`, `onShareTimeline`, Taro's `useShareAppMessage`). The text is read in the
templates that render on the page and in the scripts of the page and its components; the share
card's own title counts, as the friends it is sent to see it.

Not reported: a share button with no reward (分享给好友), invitations without a reward
(邀请好友一起拼团), 分享心得, liking for points (点赞得积分: no sharing), reward copy on a page
nobody shares from or in a helper module the page loads, comments, `console.*` calls, and share
buttons, handlers or copy compiled only for other platforms. The patterns are in
`rules/drainage.json`.

## Why is this bad?
The platform's capability-usage rules name 诱导分享 — a page or pop-up that leads users to share the
mini-program for a commission or to obtain something — among the violations for which it
withdraws a mini-program's general mounting rights (通用挂载权限); once found, the mini-program
is also forced offline for 7 days.

## Example
```html
<view class="activity">分享给好友即可领取 5 元红包</view>
<button open-type="share">立即分享</button>
```

## Use instead
```html
<view class="activity">好物推荐给好友</view>
<button open-type="share">分享</button>
```

## References
- Capability-usage rules, 诱导分享 under 关联小程序建议: https://developer.open-douyin.com/docs/resource/zh-cn/dop/ability/opensdk/share/forward
- Sharing a mini-program page (`open-type="share"`, `onShareAppMessage`): https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/open-interface/share/retweet
"#,
};

/// Where users share from on a page: a share button in a template that renders there, else a share
/// handler compiled for Douyin in a script that runs there (a page method, a mixin's method,
/// Taro's `useShareAppMessage`, uni-app's `onShareAppMessage()` in `<script setup>`).
fn share_entry(rendered: &Rendered, files: &Files, d: &DrainageData) -> Option<(FileId, Span)> {
    for &template in &rendered.templates {
        let Some(doc) = files.content(template).markup() else {
            continue;
        };
        let button = doc.douyin_elements().find_map(|(_, e)| {
            let open_type = e.static_attr("open-type")?.trim();
            (e.tag == "button" && d.share_open_types.iter().any(|t| t == open_type))
                .then_some(e.tag_span)
        });
        if let Some(span) = button {
            return Some((template, span));
        }
    }
    let handler = |name: &str| d.share_handlers.iter().any(|h| h == name);
    for &script in &rendered.scripts {
        let Some(facts) = files.content(script).script() else {
            continue;
        };
        let method = facts
            .functions
            .iter()
            .find(|f| f.target.ships_to_douyin() && f.name.as_deref().is_some_and(handler))
            .map(|f| f.span);
        let hook = facts
            .api_uses
            .iter()
            .find(|a| {
                a.access == Access::Call
                    && a.target.ships_to_douyin()
                    && handler(a.api.member.as_str())
            })
            .map(|a| a.span);
        let call = facts
            .calls
            .iter()
            .find(|c| {
                c.target.ships_to_douyin() && matches!(&c.callee, Callee::Local(n) if handler(n))
            })
            .map(|c| c.span);
        if let Some(span) = method.or(hook).or(call) {
            return Some((script, span));
        }
    }
    None
}

/// The files whose text is on the page: the templates that render there and the scripts of the
/// page and its components. Modules they load are left out: a string in a shared helper is not
/// next to this page's share entry.
fn on_page(project: &Project, rendered: &Rendered) -> BTreeSet<FileId> {
    rendered
        .units
        .iter()
        .filter_map(|&u| project.unit(u).script)
        .chain(rendered.templates.iter().copied())
        .collect()
}

impl Rule for InducedShare {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_project(&self, cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
        let d = &cx.data.drainage;
        let shared: Vec<(BTreeSet<FileId>, (FileId, Span))> = cx
            .pages()
            .iter()
            .filter_map(|page| {
                let entry = share_entry(&page.rendered, cx.files, d)?;
                Some((on_page(cx.project, &page.rendered), entry))
            })
            .collect();
        // Each file's reward copy is found once, however many pages render it, and across the
        // run's threads: this was the project pass's longest wait.
        let mut files: Vec<FileId> = shared.iter().flat_map(|(on, _)| on).copied().collect();
        files.sort_unstable();
        files.dedup();
        let copy: FxHashMap<FileId, Vec<(Span, String)>> = files
            .into_par_iter()
            .map(|file| {
                let texts = cx.visible(file);
                let found = text::find(&texts, &d.share_reward, &d.allowed)
                    .into_iter()
                    .map(|m| (m.span, m.found.to_string()))
                    .collect();
                (file, found)
            })
            .collect();
        // A component on several pages is reported once, with the first page's share entry.
        let mut reported: BTreeSet<(FileId, Span)> = BTreeSet::new();
        for (on, (entry_file, entry_span)) in &shared {
            for file in on {
                for (span, found) in copy.get(file).into_iter().flatten() {
                    if !reported.insert((*file, *span)) {
                        continue;
                    }
                    out.push(
                        Diagnostic::new(&META, *file, *span, messages::induced_share_text(found))
                            .with_help(messages::induced_share_help())
                            .with_related(*entry_file, *entry_span, messages::label_shares_here()),
                    );
                }
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
        Tester::new(&InducedShare)
            .pass([
                // Sharing without a reward; an invitation without one; 分享心得.
                ttml("<view>分享给好友，一起变美</view>\n<view>邀请好友一起拼团</view>\n<view>分享心得</view>\n<button open-type=\"share\">分享</button>"),
                // A reward, but nobody shares from this page.
                ttml("<view>邀请好友得 10 元券</view>\n<button bindtap=\"invite\">去邀请</button>"),
                // Comments, logs, other platforms, a dynamic open-type.
                ttml("<!-- 分享得红包 -->\n<!-- #ifdef MP-WEIXIN -->\n<view>分享得红包</view>\n<!-- #endif -->\n<button open-type=\"share\">分享</button>"),
                js("Page({\n  onShareAppMessage() {\n    console.log('分享得红包')\n    return { title: '推荐一家好店', path: '/pages/index/index' }\n  },\n})"),
                ttml("<view>分享领红包</view>\n<button open-type=\"{{item.openType}}\">{{item.text}}</button>"),
                vue("<template>\n  <view>\n    <!-- 转发解锁 -->\n    <button open-type=\"share\">分享</button>\n  </view>\n</template>"),
                tsx("import { View, Button } from '@tarojs/components'\nexport default function Page() {\n  return (\n    <View>\n      {process.env.TARO_ENV === 'weapp' && <View>分享得红包</View>}\n      <Button openType='share'>分享</Button>\n    </View>\n  )\n}"),
                // Liking for points involves no sharing.
                ttml("<view>点赞得积分，积分可兑换好礼</view>\n<button open-type=\"share\">分享</button>"),
                // A share handler compiled for WeChat only makes no Douyin page shareable.
                vue("<template>\n  <view>邀请好友得积分</view>\n</template>\n<script>\nexport default {\n  // #ifdef MP-WEIXIN\n  onShareAppMessage() {\n    return { title: '好物推荐' }\n  },\n  // #endif\n}\n</script>"),
                // Copy in a helper module the page loads is not next to its share entry; a page no
                // one reaches is not in the app.
                project(&[
                    ("app.json", r#"{ "pages": ["pages/index/index"] }"#),
                    ("pages/index/index.ttml", "<view>{{title}}</view>"),
                    ("pages/index/index.js", "const copy = require('../../utils/copy')\nPage({ onShareAppMessage() { return { title: '好店推荐' } } })"),
                    ("utils/copy.js", "module.exports = { inviteTip: '邀请好友得积分' }"),
                    ("pages/old/old.ttml", "<view>分享得红包</view>\n<button open-type=\"share\">分享</button>"),
                ]),
            ])
            .fail([
                ttml("<view class=\"activity\">分享给好友即可领取 5 元红包</view>\n<button open-type=\"share\">立即分享</button>"),
                ttml("<view class=\"goods-share\">分享有赏，好友下单后可得 {{goods.commission}} 积分奖励</view>\n<button open-type=\"share\">邀请朋友帮忙</button>"),
                js("Page({\n  onShareAppMessage() {\n    return { title: '帮我点赞你拿红包！我正在参与集赞得千金活动', path: '/pages/market/detail' }\n  },\n})"),
                project(&[
                    ("app.json", r#"{ "pages": ["pages/book/book"] }"#),
                    ("pages/book/book.json", r#"{ "usingComponents": { "lock-tip": "/components/lock-tip/lock-tip" } }"#),
                    ("pages/book/book.ttml", "<view class=\"chapter\">{{content}}</view>\n<lock-tip />"),
                    ("pages/book/book.js", "Page({ onShareAppMessage() { return { title: '这本书太好看了' } } })"),
                    ("components/lock-tip/lock-tip.json", r#"{ "component": true }"#),
                    ("components/lock-tip/lock-tip.ttml", "<view class=\"lock\">转发解锁后续章节</view>"),
                    ("components/lock-tip/lock-tip.js", "Component({})"),
                ]),
                // A component on two share pages: one finding, beside the first page's entry.
                project(&[
                    ("app.json", r#"{ "pages": ["pages/a/a", "pages/b/b"] }"#),
                    ("pages/a/a.json", r#"{ "usingComponents": { "reward-tip": "/components/reward-tip/reward-tip" } }"#),
                    ("pages/a/a.ttml", "<reward-tip />\n<button open-type=\"share\">分享</button>"),
                    ("pages/b/b.json", r#"{ "usingComponents": { "reward-tip": "/components/reward-tip/reward-tip" } }"#),
                    ("pages/b/b.ttml", "<view>活动</view>\n<reward-tip />"),
                    ("pages/b/b.js", "Page({ onShareAppMessage() { return { title: '活动' } } })"),
                    ("components/reward-tip/reward-tip.json", r#"{ "component": true }"#),
                    ("components/reward-tip/reward-tip.ttml", "<view>分享得红包</view>"),
                ]),
                vue("<template>\n  <view class=\"invite\">\n    <text>邀请3位好友即可领取7天会员</text>\n    <button open-type=\"share\">去邀请</button>\n  </view>\n</template>"),
                vue("<template>\n  <view>邀请好友得积分</view>\n</template>\n<script setup>\nimport { onShareAppMessage } from '@dcloudio/uni-app'\nonShareAppMessage(() => ({ title: '好物推荐' }))\n</script>"),
                tsx("import { View, Text, Button } from '@tarojs/components'\nexport default function Novel() {\n  return (\n    <View>\n      <Text>转发解锁全文</Text>\n      <Button openType='share'>转发</Button>\n    </View>\n  )\n}"),
                tsx("import { View, Text } from '@tarojs/components'\nimport { useShareAppMessage } from '@tarojs/taro'\nexport default function Lottery() {\n  useShareAppMessage(() => ({ title: '一起抽奖' }))\n  return (\n    <View>\n      <Text>分享后可获得一次抽奖机会</Text>\n    </View>\n  )\n}"),
            ])
            .test_and_snapshot();
    }

    #[test]
    fn docs_examples() {
        check_docs(&InducedShare);
    }
}
