//! Text users see, from every kind of file: TTML text and user-facing attributes, titles in
//! `.json`, and string and template literals in scripts (which reach the UI wherever they flow:
//! `tt.showModal`, `setData`, a custom modal's options). Never comments, `console.*`, object
//! keys, import specifiers, request URLs, or code compiled only for other platforms.

use aho_corasick::AhoCorasick;

use crate::base::data::{Patterns, RuleData};
use crate::base::source::{SourceFile, Span};
use crate::syntax::json::Json;
use crate::syntax::load::Content;
use crate::syntax::markup::{Element, Markup, NodeId, NodeKind, TextPart};

/// A piece of visible text.
#[derive(Clone)]
pub struct Text<'a> {
    /// Where it is: the literal (quotes included) for strings, the text itself otherwise.
    pub span: Span,
    pub text: &'a str,
    /// The file it is in: where a match inside the text lies is read from the source only for
    /// the texts that match (the file's text may be packed, see [`SourceFile::text`]).
    source: &'a SourceFile,
    /// The template node it belongs to, for template text.
    pub node: Option<NodeId>,
    /// The attribute it is the value of (`placeholder`), for attribute text.
    pub attr: Option<&'a str>,
}

impl Text<'_> {
    /// The span of a byte range of `text`: exact when the source holds the text verbatim (no
    /// escapes to decode), else the whole text.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        match verbatim(self.source, self.span, self.text) {
            Some(at) => Span::new(at + range.start, at + range.end),
            None => self.span,
        }
    }
}

/// Names the file rather than printing all of it.
impl std::fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text")
            .field("span", &self.span)
            .field("text", &self.text)
            .field("file", &self.source.display)
            .field("node", &self.node)
            .field("attr", &self.attr)
            .finish()
    }
}

/// Where `text` sits verbatim inside `span` of `source`: at the start, or just inside quotes.
fn verbatim(source: &SourceFile, span: Span, text: &str) -> Option<usize> {
    let raw = source.slice(span);
    if raw == text {
        return Some(span.start());
    }
    let inner = raw.get(1..raw.len().saturating_sub(1))?;
    (inner == text && raw.len() >= 2).then_some(span.start() + 1)
}

fn json_string<'a>(
    source: &'a SourceFile,
    value: &'a Json,
    data: &RuleData,
    out: &mut Vec<Text<'a>>,
) {
    if let Some(text) = value.as_str().filter(|text| data.may_match(text)) {
        out.push(Text {
            span: value.span,
            text,
            source,
            node: None,
            attr: None,
        });
    }
}

/// The visible text of a loaded file that some list of the rule data may match
/// ([`RuleData::may_match`]): rules only ever look in it for their patterns, and most of a
/// file's texts match none. The file pass reads it through
/// [`FileContext::visible`](crate::analysis::context::FileContext::visible), which keeps it.
pub fn visible_in<'a>(
    source: &'a SourceFile,
    content: &'a Content,
    data: &RuleData,
) -> Vec<Text<'a>> {
    let mut out = Vec::new();
    if let Some(markup) = content.markup() {
        for t in markup.visible_texts(&data.drainage.visible_attributes) {
            if !data.may_match(t.text) {
                continue;
            }
            out.push(Text {
                span: t.span,
                text: t.text,
                source,
                node: Some(t.node),
                attr: t.attr,
            });
        }
    }
    if let Some(facts) = content.script() {
        for t in facts.texts.iter().filter(|t| data.may_match(&t.text)) {
            out.push(Text {
                span: t.span,
                text: &t.text,
                source,
                node: None,
                attr: None,
            });
        }
    }
    if let Some(root) = content.json().and_then(|doc| doc.value.as_ref()) {
        for holder in [Some(root), root.get("window")].into_iter().flatten() {
            if let Some(title) = holder.get("navigationBarTitleText") {
                json_string(source, title, data, &mut out);
            }
        }
        let tabs = root
            .get("tabBar")
            .and_then(|t| t.get("list"))
            .and_then(Json::as_array);
        for tab in tabs.unwrap_or_default() {
            if let Some(text) = tab.get("text") {
                json_string(source, text, data, &mut out);
            }
        }
    }
    // A string in JSX is both a script literal and markup text: one text, once.
    out.sort_by_key(|t| (t.span.start(), t.span.end(), t.node.is_none()));
    out.dedup_by_key(|t| t.span);
    out
}

/// Where a pattern matched in visible text.
#[derive(Debug, Clone)]
pub struct Match<'a> {
    /// The matched words, exactly (or the whole text when it is not verbatim in the source).
    pub span: Span,
    pub found: &'a str,
    pub text: &'a Text<'a>,
}

/// The first match of `patterns` in each text (none that overlaps an `allowed` phrase).
pub fn find<'a>(
    texts: &'a [Text<'a>],
    patterns: &Patterns,
    allowed: &AhoCorasick,
) -> Vec<Match<'a>> {
    texts
        .iter()
        .filter_map(|text| {
            let range = patterns.find(text.text, allowed)?;
            Some(Match {
                span: text.span_of(range.clone()),
                found: &text.text[range],
                text,
            })
        })
        .collect()
}

/// Whether an element takes what users type or pick: `input`, `textarea`, `picker`, and
/// component libraries' fields (`u-input`, `uni-easyinput`, `van-field`, `nut-textarea`).
fn is_field(element: &Element) -> bool {
    let tag = element.tag.as_str();
    matches!(tag, "input" | "textarea" | "picker" | "editor")
        || ["input", "textarea", "-field"]
            .iter()
            .any(|suffix| tag.ends_with(suffix))
}

/// Whether `id` or anything inside it is a field users fill in.
fn holds_field(markup: &Markup, id: NodeId) -> bool {
    markup
        .subtree(id)
        .any(|n| markup.element(n).is_some_and(is_field))
}

/// Whether a template text labels a field users fill in: the `placeholder` or `label` of a
/// field (or of a form item holding one), or text in the same group as a field — the text's
/// element, or the group around it, holds an input (`<view class="input-group"><view>微信号</view>
/// <view><input/></view></view>`). Such a label asks users for their own data: it names an
/// account or a number without offering one.
pub fn labels_field(markup: &Markup, text: &Text) -> bool {
    let Some(node) = text.node else { return false };
    if text.attr.is_some() {
        return holds_field(markup, node);
    }
    // The text's element, then the group it sits in.
    markup
        .ancestry(node)
        .skip(1)
        .take(2)
        .any(|group| holds_field(markup, group))
}

/// Whether a template text shows a value bound from data beside it: in the text itself
/// (`客服电话：{{phone}}`), in its element (`<view>客服电话：<text>{{phone}}</text></view>`) or in
/// the group around that element (`<view><text>客服电话</text><text>{{phone}}</text></view>`) —
/// the same reach as [`labels_field`], so a label is read with what it labels and no further.
pub fn beside_bound_value(markup: &Markup, text: &Text) -> bool {
    let Some(node) = text.node else { return false };
    if text.attr.is_some() {
        return false;
    }
    let Some(group) = markup.ancestry(node).skip(1).take(2).last() else {
        return false;
    };
    markup.subtree(group).any(|n| {
        matches!(markup.node(n).map(|n| &n.kind), Some(NodeKind::Text(parts))
            if parts.iter().any(|p| matches!(p, TextPart::Dynamic { .. })))
    })
}
