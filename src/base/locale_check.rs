//! Test support: reading `locales/*.ftl` as Fluent's own parser does, and the checks every
//! Chinese text must pass — the catalogue's messages (in `messages.rs`) and the rules' one-line
//! summaries and documentation (in `rules::docs`) share them.
//!
//! A Chinese text must read as Chinese to a Chinese front-end developer: outside code spans
//! (`` `tt.pay` ``), placeables (`{ $api }`), fenced code blocks and URLs, every Latin word must
//! be a term listed in `locales/zh-CN-allowlist.txt` (product names, platform names, file names,
//! abbreviations people say as they are), and there must be at least as many Chinese characters
//! as Latin letters. A sentence left in English, or half translated, fails with its words named.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Where a variable stood in a flattened text: removed before the text is checked.
const VARIABLE: char = '\u{FFFC}';

/// One message of an `.ftl` file: the variables it uses, and its text with every variant of
/// every selection written out one after another (variables replaced by a marker).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlMessage {
    pub variables: BTreeSet<String>,
    pub text: String,
}

/// The messages of an `.ftl` file, by id. Panics on a syntax error: the file is ours.
pub fn ftl_messages(name: &str, source: &str) -> BTreeMap<String, FtlMessage> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                let mut text = String::new();
                if let Some(value) = &message.value {
                    flatten(value, &mut variables, &mut text);
                }
                let id = message.id.name.to_string();
                assert!(
                    out.insert(id.clone(), FtlMessage { variables, text })
                        .is_none(),
                    "{name} defines `{id}` twice"
                );
            }
            Entry::Junk { content } => panic!("{name}: cannot parse `{content}`"),
            _ => {}
        }
    }
    out
}

fn flatten(pattern: &Pattern<&str>, variables: &mut BTreeSet<String>, text: &mut String) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                expression_text(expression, variables, text)
            }
        }
    }
}

fn expression_text(
    expression: &Expression<&str>,
    variables: &mut BTreeSet<String>,
    text: &mut String,
) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_text(selector, variables, &mut String::new());
            for variant in variants {
                text.push(' ');
                flatten(&variant.value, variables, text);
            }
        }
        Expression::Inline(inline) => inline_text(inline, variables, text),
    }
}

fn inline_text(
    inline: &InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    text: &mut String,
) {
    match inline {
        InlineExpression::StringLiteral { value } => text.push_str(value),
        InlineExpression::NumberLiteral { value } => text.push_str(value),
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
            text.push(VARIABLE);
        }
        InlineExpression::Placeable { expression } => expression_text(expression, variables, text),
        other => panic!("ttlint's catalogues use no functions or references: {other:?}"),
    }
}

/// The terms a Chinese text may keep in Latin letters, from `locales/zh-CN-allowlist.txt`.
pub fn allowlist() -> BTreeSet<&'static str> {
    include_str!("../../locales/zh-CN-allowlist.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// Removes what is code rather than prose: fenced code blocks, `` `code` `` spans, URLs and
/// variable markers.
pub fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Between an odd and the next even backtick is code.
        for part in line.split('`').step_by(2) {
            out.push_str(part);
            out.push(' ');
        }
        out.push('\n');
    }
    let url = regex::Regex::new(r"https?://\S+").expect("a valid regex");
    url.replace_all(&out, " ").replace(VARIABLE, " ")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// What is wrong with a Chinese text, in words a contributor can act on; empty when it passes.
pub fn chinese_problems(text: &str, allowlist: &BTreeSet<&str>) -> Vec<String> {
    let prose = prose(text);
    let word =
        regex::Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[._+/-][A-Za-z0-9]+)*").expect("a valid regex");
    let mut problems = Vec::new();
    let mut latin = 0;
    let mut unknown = BTreeSet::new();
    for m in word.find_iter(&prose) {
        latin += 1;
        if !allowlist.contains(m.as_str()) {
            unknown.insert(m.as_str());
        }
    }
    if !unknown.is_empty() {
        problems.push(format!(
            "English words outside `code` spans: {} (translate them, put code in backticks, or \
             add a term that stays in Latin letters to locales/zh-CN-allowlist.txt)",
            unknown.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    let cjk = prose.chars().filter(|&c| is_cjk(c)).count();
    if prose.trim().is_empty() {
        return problems;
    }
    // A Chinese character carries about as much as a Latin word: fewer characters than words
    // is a text that is mostly not Chinese, even if every word is an allowed term.
    if cjk == 0 || cjk < latin {
        problems.push(format!(
            "not mostly Chinese: {cjk} Chinese characters, {latin} Latin words outside code"
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_placeables_and_selections_are_read_apart() {
        let messages = ftl_messages(
            "test.ftl",
            "a = `{ $api }` 已下线：{ $n ->\n    [one] 一处\n   *[other] { $n } 处\n  }\n",
        );
        let a = &messages["a"];
        assert_eq!(
            a.variables,
            BTreeSet::from(["api".to_string(), "n".to_string()])
        );
        assert!(
            a.text.contains("一处") && a.text.contains("处"),
            "{}",
            a.text
        );
        assert!(chinese_problems(&a.text, &BTreeSet::new()).is_empty());
    }

    #[test]
    fn english_left_in_chinese_is_named() {
        let allow = BTreeSet::from(["iOS"]);
        assert!(chinese_problems("在 iOS 上隐藏 `tt.pay`", &allow).is_empty());
        let problems = chinese_problems("请 remove the hint", &allow);
        assert!(problems[0].contains("hint, remove, the"), "{problems:?}");
        assert!(
            problems[1].starts_with("not mostly Chinese"),
            "{problems:?}"
        );
        assert!(chinese_problems("```js\ntt.pay()\n```\n见 https://a.b/c", &allow).is_empty());
    }
}
