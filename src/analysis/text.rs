//! Text users see, from every kind of file: TTML text and user-facing attributes, titles in
//! `.json`, and string and template literals in scripts (which reach the UI wherever they flow:
//! `tt.showModal`, `setData`, a custom modal's options). Never comments, `console.*`, object
//! keys, import specifiers, request URLs, or code compiled only for other platforms.

use aho_corasick::AhoCorasick;

use crate::analysis::context::FileContext;
use crate::base::data::Patterns;
use crate::base::source::{SourceFile, Span};
use crate::syntax::json::Json;
use crate::syntax::markup::NodeId;

/// A piece of visible text.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    /// Where it is: the literal (quotes included) for strings, the text itself otherwise.
    pub span: Span,
    pub text: &'a str,
    /// Where `text` starts in the file when the source holds it verbatim (no escapes to decode),
    /// so a match inside it can be pointed at exactly.
    pub verbatim_at: Option<usize>,
    /// The template node it belongs to, for template text.
    pub node: Option<NodeId>,
}

impl Text<'_> {
    /// The span of a byte range of `text`: exact when the text is verbatim, else the whole text.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        match self.verbatim_at {
            Some(at) => Span::new(at + range.start, at + range.end),
            None => self.span,
        }
    }
}

/// Where `text` sits verbatim inside `span` of `source`: at the start, or just inside quotes.
fn verbatim(source: &SourceFile, span: Span, text: &str) -> Option<usize> {
    let raw = source.slice(span);
    if raw == text {
        return Some(span.start);
    }
    let inner = raw.get(1..raw.len().saturating_sub(1))?;
    (inner == text && raw.len() >= 2).then_some(span.start + 1)
}

fn json_string<'a>(source: &SourceFile, value: &'a Json, out: &mut Vec<Text<'a>>) {
    if let Some(text) = value.as_str() {
        out.push(Text {
            span: value.span,
            text,
            verbatim_at: verbatim(source, value.span, text),
            node: None,
        });
    }
}

/// The visible text of a file.
pub fn visible<'a>(cx: &FileContext<'a>) -> Vec<Text<'a>> {
    let mut out = Vec::new();
    if let Some(markup) = cx.content.markup() {
        for t in markup.visible_texts(&cx.data.drainage.visible_attributes) {
            out.push(Text {
                span: t.span,
                text: t.text,
                verbatim_at: verbatim(cx.source, t.span, t.text),
                node: Some(t.node),
            });
        }
    }
    if let Some(facts) = cx.content.script() {
        for t in &facts.texts {
            out.push(Text {
                span: t.span,
                text: &t.text,
                verbatim_at: verbatim(cx.source, t.span, &t.text),
                node: None,
            });
        }
    }
    if let Some(root) = cx.content.json().and_then(|doc| doc.value.as_ref()) {
        for holder in [Some(root), root.get("window")].into_iter().flatten() {
            if let Some(title) = holder.get("navigationBarTitleText") {
                json_string(cx.source, title, &mut out);
            }
        }
        let tabs = root
            .get("tabBar")
            .and_then(|t| t.get("list"))
            .and_then(Json::as_array);
        for tab in tabs.unwrap_or_default() {
            if let Some(text) = tab.get("text") {
                json_string(cx.source, text, &mut out);
            }
        }
    }
    // A string in JSX is both a script literal and markup text: one text, once.
    out.sort_by_key(|t| (t.span.start, t.span.end, t.node.is_none()));
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
