//! What a rule says about itself, in the run's language: its one-line summary and its full
//! documentation (`ttlint rules`, `ttlint explain`, SARIF's rule descriptions).
//!
//! English stays in each rule's `META`, next to the code it describes. Summaries in other
//! languages are catalogue messages `rule-<id>-summary`; documentation in Chinese is Markdown in
//! `locales/zh-CN/rules/<id>.md`, embedded here. Tests keep both complete: every rule has both,
//! the English summary in `en.ftl` is `META.summary`, and the Chinese docs have the English
//! headings' counterparts and the very same code blocks (examples are code, not prose).

use crate::base::message::{Catalogue, Lang};
use crate::base::meta::RuleMeta;

/// Chinese documentation, by rule id.
static ZH_CN: &[(&str, &str)] = &[
    (
        "deprecated-tt-pay",
        include_str!("../../locales/zh-CN/rules/deprecated-tt-pay.md"),
    ),
    (
        "non-douyin-payment-api",
        include_str!("../../locales/zh-CN/rules/non-douyin-payment-api.md"),
    ),
    (
        "deprecated-trade-api",
        include_str!("../../locales/zh-CN/rules/deprecated-trade-api.md"),
    ),
    (
        "ios-virtual-payment",
        include_str!("../../locales/zh-CN/rules/ios-virtual-payment.md"),
    ),
    (
        "ios-payment-redirect",
        include_str!("../../locales/zh-CN/rules/ios-payment-redirect.md"),
    ),
    (
        "ios-platform-value",
        include_str!("../../locales/zh-CN/rules/ios-platform-value.md"),
    ),
    (
        "drainage-contact",
        include_str!("../../locales/zh-CN/rules/drainage-contact.md"),
    ),
    (
        "drainage-qrcode",
        include_str!("../../locales/zh-CN/rules/drainage-qrcode.md"),
    ),
    (
        "drainage-external-link",
        include_str!("../../locales/zh-CN/rules/drainage-external-link.md"),
    ),
    (
        "navigate-to-mini-program",
        include_str!("../../locales/zh-CN/rules/navigate-to-mini-program.md"),
    ),
    (
        "wechat-only-feature",
        include_str!("../../locales/zh-CN/rules/wechat-only-feature.md"),
    ),
    (
        "drainage-phone",
        include_str!("../../locales/zh-CN/rules/drainage-phone.md"),
    ),
    (
        "induced-share",
        include_str!("../../locales/zh-CN/rules/induced-share.md"),
    ),
    (
        "trade-missing-customer-service",
        include_str!("../../locales/zh-CN/rules/trade-missing-customer-service.md"),
    ),
    (
        "trade-page-missing-customer-service",
        include_str!("../../locales/zh-CN/rules/trade-page-missing-customer-service.md"),
    ),
    (
        "im-button-invalid",
        include_str!("../../locales/zh-CN/rules/im-button-invalid.md"),
    ),
    (
        "trade-prerequisites",
        include_str!("../../locales/zh-CN/rules/trade-prerequisites.md"),
    ),
    (
        "parse-error",
        include_str!("../../locales/zh-CN/rules/parse-error.md"),
    ),
    (
        "missing-file",
        include_str!("../../locales/zh-CN/rules/missing-file.md"),
    ),
    (
        "internal-error",
        include_str!("../../locales/zh-CN/rules/internal-error.md"),
    ),
    (
        "unused-suppression",
        include_str!("../../locales/zh-CN/rules/unused-suppression.md"),
    ),
];

/// The headings every rule's documentation has, in this order, per language.
#[cfg(test)]
const HEADINGS: [(Lang, [&str; 5]); 2] = [
    (
        Lang::En,
        [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## References",
        ],
    ),
    (
        Lang::ZhCn,
        [
            "## 检查内容",
            "## 为什么有问题",
            "## 示例",
            "## 正确做法",
            "## 参考",
        ],
    ),
];

/// The rule's one-line summary in `lang`. English is `META.summary`; a language whose
/// catalogue lacks the rule (a test forbids it) falls back to it.
pub fn summary(meta: &RuleMeta, lang: Lang) -> String {
    if lang == Lang::En {
        return meta.summary.to_string();
    }
    Catalogue::shared(lang)
        .lookup(&format!("rule-{}-summary", meta.id))
        .unwrap_or_else(|| meta.summary.to_string())
}

/// The rule's full documentation (Markdown) in `lang`, falling back to English.
pub fn docs(meta: &RuleMeta, lang: Lang) -> &'static str {
    match lang {
        Lang::En => meta.docs,
        Lang::ZhCn => ZH_CN
            .iter()
            .find(|(id, _)| *id == meta.id)
            .map_or(meta.docs, |(_, docs)| docs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::locale_check::{allowlist, chinese_problems, ftl_messages};
    use crate::base::messages::is_rule_summary;
    use crate::rules;

    /// The `## ` headings of a Markdown text, in order.
    fn headings(markdown: &str) -> Vec<&str> {
        let mut fenced = false;
        markdown
            .lines()
            .filter(|line| {
                if line.starts_with("```") {
                    fenced = !fenced;
                }
                !fenced && line.starts_with("## ")
            })
            .collect()
    }

    /// The fenced code blocks of a Markdown text, with their info strings, in order.
    fn code_blocks(markdown: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut current: Option<String> = None;
        for line in markdown.lines() {
            if line.trim_start().starts_with("```") {
                match current.take() {
                    Some(mut block) => {
                        block.push_str(line);
                        blocks.push(block);
                    }
                    None => current = Some(format!("{line}\n")),
                }
            } else if let Some(block) = &mut current {
                block.push_str(line);
                block.push('\n');
            }
        }
        blocks
    }

    #[test]
    fn every_rule_has_its_summary_in_every_language() {
        let mut problems = Vec::new();
        let allow = allowlist();
        let ids: Vec<&str> = rules::all().iter().map(|r| r.meta().id).collect();
        for lang in Lang::ALL {
            let file = format!("locales/{}.ftl", lang.tag());
            let ftl = ftl_messages(&file, lang.source());
            for rule in rules::all() {
                let meta = rule.meta();
                let id = format!("rule-{}-summary", meta.id);
                let Some(message) = ftl.get(&id) else {
                    problems.push(format!(
                        "`{id}` has no {} text: add it to {file}",
                        lang.tag()
                    ));
                    continue;
                };
                match lang {
                    Lang::En if message.text != meta.summary => problems.push(format!(
                        "`{id}` in {file} differs from META.summary of `{}`: keep them equal",
                        meta.id
                    )),
                    Lang::ZhCn => {
                        if message.text == meta.summary {
                            problems.push(format!("`{id}`: the zh-CN text is the English one"));
                        }
                        for problem in chinese_problems(&message.text, &allow) {
                            problems.push(format!("`{id}` in {file}: {problem}"));
                        }
                    }
                    _ => {}
                }
            }
            for id in ftl.keys().filter(|id| is_rule_summary(id)) {
                let rule = &id["rule-".len()..id.len() - "-summary".len()];
                if !ids.contains(&rule) {
                    problems.push(format!("`{id}` in {file} names no rule"));
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    #[test]
    fn every_rule_has_chinese_docs_with_the_same_structure_and_code() {
        let english_headings = HEADINGS[0].1;
        let chinese_headings = HEADINGS[1].1;
        let allow = allowlist();
        let mut problems = Vec::new();
        for rule in rules::all() {
            let meta = rule.meta();
            let file = format!("locales/zh-CN/rules/{}.md", meta.id);
            let Some((_, zh)) = ZH_CN.iter().find(|(id, _)| *id == meta.id) else {
                problems.push(format!(
                    "`{}` has no Chinese docs: write {file} and list it in src/rules/docs.rs",
                    meta.id
                ));
                continue;
            };
            assert_eq!(
                headings(meta.docs),
                english_headings,
                "the English docs of `{}`",
                meta.id
            );
            if headings(zh) != chinese_headings {
                problems.push(format!(
                    "{file}: the headings must be {chinese_headings:?}, found {:?}",
                    headings(zh)
                ));
            }
            if code_blocks(zh) != code_blocks(meta.docs) {
                problems.push(format!(
                    "{file}: the code blocks must be the English docs' own, in the same order"
                ));
            }
            if zh.trim() == meta.docs.trim() {
                problems.push(format!("{file} is the English text"));
            }
            for problem in chinese_problems(zh, &allow) {
                problems.push(format!("{file}: {problem}"));
            }
        }
        for (id, _) in ZH_CN {
            if rules::find(id).is_none() {
                problems.push(format!("src/rules/docs.rs lists `{id}`, which is no rule"));
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    /// The words `docs/glossary.md` says to avoid appear in no Chinese text: the platform's
    /// own terms are used, the same way everywhere.
    #[test]
    fn glossary_terms_are_used_consistently() {
        let glossary = include_str!("../../docs/glossary.md");
        let avoided: Vec<(&str, &str)> = glossary
            .lines()
            .filter(|line| line.starts_with('|') && !line.starts_with("|---"))
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                // | English | 中文 | avoid | … |: cells[0] is empty.
                let (term, avoid) = (cells.get(2)?, cells.get(3)?);
                (*avoid != "avoid").then_some((*term, *avoid))
            })
            .flat_map(|(term, avoid)| {
                avoid
                    .split('、')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .map(move |w| (term, w))
            })
            .collect();
        assert!(avoided.len() > 10, "the glossary's avoid column is read");
        let mut texts: Vec<(String, &str)> = ZH_CN
            .iter()
            .map(|(id, docs)| (format!("locales/zh-CN/rules/{id}.md"), *docs))
            .collect();
        texts.push(("locales/zh-CN.ftl".into(), Lang::ZhCn.source()));
        texts.push((
            "rules/deprecated-trade.json".into(),
            include_str!("../../rules/deprecated-trade.json"),
        ));
        let mut problems = Vec::new();
        for (file, text) in &texts {
            for (term, word) in &avoided {
                if text.contains(word) {
                    problems.push(format!(
                        "{file} writes `{word}`: the glossary's term is {term}"
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    #[test]
    fn summaries_and_docs_follow_the_language() {
        let meta = rules::find("deprecated-tt-pay").unwrap();
        assert_eq!(summary(meta, Lang::En), meta.summary);
        assert!(summary(meta, Lang::ZhCn).contains("担保支付"));
        assert!(docs(meta, Lang::ZhCn).starts_with("## 检查内容"));
        assert_eq!(docs(meta, Lang::En), meta.docs);
    }
}
