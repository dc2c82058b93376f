//! The markup parser of TTML and Vue templates: a modal lexer (text / tag / `{{ }}` / raw `<sjs>`
//! body) feeding a tolerant tree builder.
//!
//! It never restructures markup the way HTML parsers do: an element is closed by its own end
//! tag. Broken markup is recovered from and reported where it really is broken — an element
//! never closed, a stray end tag, a tag or comment cut off by the end of the file. `<` and `>`
//! inside `{{ }}` are expression characters, not tags.
//!
//! The two dialects share all of that and differ in a few places only, each named by
//! [`Dialect`]: which elements are void, whether `<sjs>` holds a script, and whether attribute
//! values hold `{{ }}` (TTML) or are left as written for the dialect to read (Vue, where
//! `:class="{a: b}"` is an expression with braces of its own).

use super::expr;
use super::model::TextPart;
use super::tree::{Attr, Document, Element, Node, NodeId, NodeKind, Value};
use crate::base::source::{FileKind, Span};
use crate::syntax::comment::Comment;
use crate::syntax::js::parse as js;
use crate::syntax::syntax_error::SyntaxError;

/// The template language being parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Douyin's `.ttml`: `{{ }}` anywhere, `<import>` and `<include>` void, `<sjs>` a script.
    Ttml,
    /// A Vue `<template>`: `{{ }}` in text only, HTML's void elements.
    Vue,
}

/// TTML elements that never have children: written `<import src="a.ttml">` as often as
/// `<import src="a.ttml"/>`.
const TTML_VOID_ELEMENTS: &[&str] = &["import", "include"];

/// HTML's void elements, which Vue templates may leave unclosed (`<input>`, `<br>`).
const HTML_VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// TTML elements whose content is a script, not markup.
const TTML_RAW_TEXT_ELEMENTS: &[&str] = &["sjs"];

impl Dialect {
    /// Elements that never have children.
    fn void_elements(self) -> &'static [&'static str] {
        match self {
            Dialect::Ttml => TTML_VOID_ELEMENTS,
            Dialect::Vue => HTML_VOID_ELEMENTS,
        }
    }

    /// Elements whose content is not markup. Vue templates have none: a Vue `<template>` may
    /// not hold `<script>`, and uni-app has no `<sjs>`.
    fn raw_text_elements(self) -> &'static [&'static str] {
        match self {
            Dialect::Ttml => TTML_RAW_TEXT_ELEMENTS,
            Dialect::Vue => &[],
        }
    }
}

struct Parser<'a> {
    dialect: Dialect,
    text: &'a str,
    bytes: &'a [u8],
    /// Offset of `text` in its file.
    base: usize,
    pos: usize,
    doc: Document<'a>,
    /// Open elements.
    stack: Vec<NodeId>,
    /// Offset of the last `}}` in the text.
    last_close: Option<usize>,
}

/// Parses a template of `dialect` that starts at byte `base` of its file.
pub fn parse(text: &str, base: usize, dialect: Dialect) -> Document<'_> {
    let mut p = Parser {
        dialect,
        text,
        bytes: text.as_bytes(),
        base,
        pos: 0,
        doc: Document {
            nodes: Vec::new(),
            roots: Vec::new(),
            comments: Vec::new(),
            errors: Vec::new(),
        },
        stack: Vec::new(),
        last_close: text.rfind("}}"),
    };
    p.run();
    let mut doc = p.doc;
    doc.errors.sort_by_key(|e| e.span.start());
    doc
}

/// Where the first two `b` in a row in `bytes` start: `{{` and `}}`. Found by jumping from one
/// `b` to the next rather than with `memmem`, which builds a searcher on every call (a tenth of
/// reading a template went to building them).
fn doubled(bytes: &[u8], b: u8) -> Option<usize> {
    memchr::memchr_iter(b, bytes).find(|&i| bytes.get(i + 1) == Some(&b))
}

/// Where the first `{{` in `bytes` starts.
fn open_braces(bytes: &[u8]) -> Option<usize> {
    doubled(bytes, b'{')
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_tag_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
}

/// Whether `bytes[i]` ends an attribute's name: white space, `=`, `>`, `<`, a quote, or `/>`.
fn ends_attribute_name(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'=' | b'>' | b'<' | b'"' | b'\'' => true,
        b'/' => bytes.get(i + 1) == Some(&b'>'),
        b => b.is_ascii_whitespace(),
    }
}

impl<'a> Parser<'a> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    fn error(&mut self, start: usize, end: usize, message: impl Into<String>) {
        let span = self.span(
            start,
            end.max(start + 1).min(self.text.len().max(start + 1)),
        );
        self.doc.errors.push(SyntaxError {
            span,
            message: message.into(),
        });
    }

    fn starts_with(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    fn find(&self, from: usize, needle: &str) -> Option<usize> {
        // `memmem` rather than `str::find`, which sets up a two-way searcher on every call: the
        // needles are short (`}}`, `-->`) and asked for at every tag.
        let rest = self.text.as_bytes().get(from..)?;
        memchr::memmem::find(rest, needle.as_bytes()).map(|i| from + i)
    }

    /// The `}}` closing a `{{` whose body starts at `from`. Searches never run past the last
    /// `}}` of the file, so a template full of unclosed `{{` stays linear.
    fn closing_braces(&self, from: usize) -> Option<usize> {
        if self.last_close.is_none_or(|last| from > last) {
            return None;
        }
        let rest = self.bytes.get(from..)?;
        doubled(rest, b'}').map(|i| from + i)
    }

    fn add(&mut self, span: Span, kind: NodeKind<'a>) -> NodeId {
        let id = self.doc.nodes.len();
        let parent = self.stack.last().copied();
        self.doc.nodes.push(Node { parent, span, kind });
        match parent {
            Some(p) => {
                if let NodeKind::Element(e) = &mut self.doc.nodes[p].kind {
                    e.children.push(id);
                }
            }
            None => self.doc.roots.push(id),
        }
        id
    }

    /// Whether `<` at `pos` starts markup (a tag, an end tag or a comment) rather than text.
    fn at_markup(&self, pos: usize) -> bool {
        let next = self.bytes.get(pos + 1).copied();
        match next {
            Some(b'/') => self.bytes.get(pos + 2).copied().is_some_and(is_name_start),
            Some(b'!') => self.bytes[pos..].starts_with(b"<!--"),
            Some(b) => is_name_start(b),
            None => false,
        }
    }

    fn run(&mut self) {
        while self.pos < self.bytes.len() {
            if self.bytes[self.pos] == b'<' && self.at_markup(self.pos) {
                if self.starts_with("<!--") {
                    self.comment();
                } else if self.starts_with("</") {
                    self.end_tag();
                } else {
                    self.start_tag();
                }
            } else {
                self.text_run();
            }
        }
        while let Some(open) = self.stack.pop() {
            self.unclosed(open);
        }
    }

    fn unclosed(&mut self, id: NodeId) {
        let node = &self.doc.nodes[id];
        if let NodeKind::Element(e) = &node.kind {
            let (start, name) = (node.span.start() - self.base, e.name);
            let end = e.name_span.end() - self.base;
            self.error(start, end, format!("`<{name}>` is never closed"));
        }
    }

    fn comment(&mut self) {
        let start = self.pos;
        let body = start + 4;
        let (end, body_end) = match self.find(body, "-->") {
            Some(i) => (i + 3, i),
            None => {
                self.error(start, start + 4, "comment is never closed (`-->` missing)");
                (self.text.len(), self.text.len())
            }
        };
        self.doc.comments.push(Comment {
            span: self.span(start, end),
            text: self.text[body..body_end].to_string(),
            block: true,
        });
        self.pos = end;
    }

    fn end_tag(&mut self) {
        let start = self.pos;
        let name_start = start + 2;
        let mut i = name_start;
        while i < self.bytes.len() && is_tag_name(self.bytes[i]) {
            i += 1;
        }
        let name = &self.text[name_start..i];
        let mut close = i;
        while close < self.bytes.len() && self.bytes[close].is_ascii_whitespace() {
            close += 1;
        }
        let end = if self.bytes.get(close) == Some(&b'>') {
            close + 1
        } else {
            self.error(start, i, format!("end tag `</{name}` is missing its `>`"));
            i
        };
        self.pos = end;
        let open = self.stack.iter().rposition(
            |&id| matches!(&self.doc.nodes[id].kind, NodeKind::Element(e) if e.name == name),
        );
        match open {
            Some(depth) => {
                while self.stack.len() > depth + 1 {
                    if let Some(inner) = self.stack.pop() {
                        self.close(inner, start);
                        self.unclosed(inner);
                    }
                }
                if let Some(id) = self.stack.pop() {
                    self.close(id, end);
                }
            }
            None if self.dialect.void_elements().contains(&name) => {}
            None => self.error(
                start,
                end,
                format!("`</{name}>` has no matching `<{name}>`"),
            ),
        }
    }

    /// Extends an element's span to `end` (its closing tag, or where it was cut off).
    fn close(&mut self, id: NodeId, end: usize) {
        let end = self.base + end;
        let node = &mut self.doc.nodes[id];
        node.span = Span::new(node.span.start(), end.max(node.span.end()));
    }

    fn start_tag(&mut self) {
        let start = self.pos;
        let name_start = start + 1;
        let mut i = name_start;
        while i < self.bytes.len() && is_tag_name(self.bytes[i]) {
            i += 1;
        }
        let name = &self.text[name_start..i];
        let name_span = self.span(name_start, i);
        self.pos = i;
        let (attrs, self_closing) = self.attributes(start, name);
        let element = Element {
            name,
            name_span,
            attrs,
            start_tag_end: self.base + self.pos,
            children: Vec::new(),
        };
        let head = self.span(start, self.pos);
        let id = self.add(head, NodeKind::Element(element));
        if self_closing || self.dialect.void_elements().contains(&name) {
            return;
        }
        if self.dialect.raw_text_elements().contains(&name) {
            self.raw_body(id, name);
            return;
        }
        self.stack.push(id);
    }

    /// The body of `<sjs>`: script text up to `</sjs>`, checked as a script at its offset.
    fn raw_body(&mut self, id: NodeId, name: &str) {
        let body_start = self.pos;
        let closing = format!("</{name}");
        let (body_end, end) = match self.find(body_start, &closing) {
            Some(i) => {
                let close = self.find(i, ">").map_or(self.text.len(), |c| c + 1);
                (i, close)
            }
            None => {
                self.unclosed(id);
                (self.text.len(), self.text.len())
            }
        };
        let body = &self.text[body_start..body_end];
        if !body.trim().is_empty()
            && let Some(error) = js::with_arena(|arena| {
                js::parse(arena, body, self.base + body_start, FileKind::Sjs).err()
            })
        {
            self.doc.errors.push(SyntaxError {
                span: error.span,
                message: format!("in <sjs>: {}", error.message),
            });
        }
        self.pos = end;
        self.close(id, end);
    }

    /// Attributes up to `>` or `/>`; returns them and whether the tag closed itself.
    fn attributes(&mut self, tag_start: usize, tag: &str) -> (Vec<Attr<'a>>, bool) {
        let mut attrs = Vec::new();
        loop {
            while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            let Some(&b) = self.bytes.get(self.pos) else {
                self.error(
                    tag_start,
                    tag_start + 1 + tag.len(),
                    format!("tag `<{tag}` is cut off by the end of the file"),
                );
                return (attrs, true);
            };
            match b {
                b'>' => {
                    self.pos += 1;
                    return (attrs, false);
                }
                b'/' if self.bytes.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return (attrs, true);
                }
                b'<' => {
                    self.error(
                        tag_start,
                        tag_start + 1 + tag.len(),
                        format!("tag `<{tag}` is missing its `>`"),
                    );
                    return (attrs, false);
                }
                _ => {}
            }
            let name_start = self.pos;
            while self.pos < self.bytes.len() && !ends_attribute_name(self.bytes, self.pos) {
                self.pos += 1;
            }
            if self.pos == name_start {
                // A stray `=`, quote or `/`: skip it.
                self.error(
                    self.pos,
                    self.pos + 1,
                    format!("unexpected `{}` in tag `<{tag}>`", b as char),
                );
                self.pos += 1;
                continue;
            }
            let name = &self.text[name_start..self.pos];
            let name_span = self.span(name_start, self.pos);
            let mut look = self.pos;
            while look < self.bytes.len() && self.bytes[look].is_ascii_whitespace() {
                look += 1;
            }
            let value = if self.bytes.get(look) == Some(&b'=') {
                self.pos = look + 1;
                while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
                    self.pos += 1;
                }
                Some(self.attribute_value(tag, name))
            } else {
                None
            };
            attrs.push(Attr {
                name,
                name_span,
                value,
            });
        }
    }

    fn attribute_value(&mut self, tag: &str, attr: &str) -> Value {
        let quote = self
            .bytes
            .get(self.pos)
            .copied()
            .filter(|b| matches!(b, b'"' | b'\''));
        let start = if quote.is_some() {
            self.pos + 1
        } else {
            self.pos
        };
        let mut i = start;
        let end = loop {
            if let Some(q) = quote {
                // Inside quotes only the closing quote and `{{` matter: jump to the next of either.
                i = memchr::memchr2(q, b'{', &self.bytes[i.min(self.bytes.len())..])
                    .map_or(self.bytes.len(), |skip| i + skip);
            }
            if i >= self.bytes.len() {
                if quote.is_some() {
                    self.error(
                        start - 1,
                        start,
                        format!("value of `{attr}` is never closed"),
                    );
                }
                break self.bytes.len();
            }
            let b = self.bytes[i];
            if b == b'{'
                && self.bytes.get(i + 1) == Some(&b'{')
                && self.dialect == Dialect::Ttml
                && let Some(close) = self.closing_braces(i + 2)
            {
                // Quotes inside `{{ }}` belong to the expression.
                i = close + 2;
                continue;
            }
            match quote {
                Some(q) if b == q => break i,
                None if b.is_ascii_whitespace()
                    || b == b'>'
                    || (b == b'/' && self.bytes.get(i + 1) == Some(&b'>')) =>
                {
                    break i;
                }
                _ => i += 1,
            }
        };
        self.pos = if quote.is_some() && end < self.bytes.len() {
            end + 1
        } else {
            end
        };
        let parts = match self.dialect {
            Dialect::Ttml => {
                let object = tag == "template" && attr == "data";
                self.parts(start, end, object)
            }
            // Vue values are read by the dialect, which knows `:prop` from `prop`.
            Dialect::Vue if start < end => vec![TextPart::Static {
                span: self.span(start, end),
                text: self.text[start..end].to_string(),
            }],
            Dialect::Vue => Vec::new(),
        };
        Value {
            span: self.span(start, end),
            parts,
        }
    }

    /// Text up to the next markup, as a text node unless it is only white space.
    fn text_run(&mut self) {
        let start = self.pos;
        let mut i = start;
        while i < self.bytes.len() {
            // Only `{` and `<` can end a run or start a binding: jump to the next of either.
            match memchr::memchr2(b'{', b'<', &self.bytes[i..]) {
                Some(skip) => i += skip,
                None => {
                    i = self.bytes.len();
                    break;
                }
            }
            if self.bytes[i..].starts_with(b"{{") {
                i = self.closing_braces(i + 2).map_or(i + 2, |close| close + 2);
                continue;
            }
            // `run` only calls this where no markup starts, so `i == start` never breaks.
            if self.bytes[i] == b'<' && self.at_markup(i) {
                break;
            }
            i += 1;
        }
        self.pos = i;
        if self.text[start..i].trim().is_empty() {
            return;
        }
        let parts = self.parts(start, i, false);
        let span = self.span(start, i);
        self.add(span, NodeKind::Text(parts));
    }

    /// Splits `text[start..end]` into static text and `{{ }}` bindings.
    fn parts(&mut self, start: usize, end: usize, object: bool) -> Vec<TextPart> {
        // Room for one: nearly every value and text is a single part, and its list is then made
        // a boxed slice without being shrunk (a list that grew on its first push had room for
        // four).
        let mut parts = Vec::with_capacity(1);
        let mut i = start;
        let mut static_from = start;
        while let Some(open) = open_braces(&self.bytes[i..end]) {
            i += open;
            let Some(close) = self.closing_braces(i + 2).filter(|&c| c + 2 <= end) else {
                self.error(i, i + 2, "`{{` is never closed with `}}`");
                break;
            };
            if static_from < i {
                parts.push(TextPart::Static {
                    span: self.span(static_from, i),
                    text: self.text[static_from..i].to_string(),
                });
            }
            let body = &self.text[i + 2..close];
            let binding = if body.trim().is_empty() {
                None
            } else {
                let reserved = match self.dialect {
                    Dialect::Ttml => expr::Reserved::AreNames,
                    Dialect::Vue => expr::Reserved::AreKeywords,
                };
                match expr::parse(body, self.base + i + 2, object, reserved) {
                    Ok(b) => Some(b),
                    Err(e) => {
                        self.doc.errors.push(SyntaxError {
                            span: e.span,
                            message: format!("in {{{{ }}}}: {}", e.message),
                        });
                        None
                    }
                }
            };
            parts.push(TextPart::Dynamic {
                span: self.span(i + 2, close),
                binding,
            });
            i = close + 2;
            static_from = i;
        }
        if static_from < end {
            parts.push(TextPart::Static {
                span: self.span(static_from, end),
                text: self.text[static_from..end].to_string(),
            });
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::tree::NodeKind;
    use super::*;

    fn parse(text: &str, base: usize) -> Document<'_> {
        super::parse(text, base, Dialect::Ttml)
    }

    fn errors(src: &str) -> Vec<(usize, String)> {
        parse(src, 0)
            .errors
            .into_iter()
            .map(|e| (e.span.start(), e.message))
            .collect()
    }

    fn names<'a>(doc: &Document<'a>) -> Vec<&'a str> {
        doc.elements().map(|(_, e)| e.name).collect()
    }

    #[test]
    fn elements_attributes_and_text() {
        let src = r#"<view class="a" hidden data-x='1' id=plain><text>支付 {{price}} 元</text><image src="a.png" /></view>"#;
        let doc = parse(src, 0);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        assert_eq!(names(&doc), vec!["view", "text", "image"]);
        let (_, view) = doc.elements().next().unwrap();
        let attrs: Vec<_> = view
            .attrs
            .iter()
            .map(|a| (a.name, a.value.as_ref().and_then(|v| v.static_text())))
            .collect();
        assert_eq!(
            attrs,
            vec![
                ("class", Some("a".into())),
                ("hidden", None),
                ("data-x", Some("1".into())),
                ("id", Some("plain".into()))
            ]
        );
        assert_eq!(view.children.len(), 2);
        let text = doc.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::Text(parts) => Some(parts),
            _ => None,
        });
        let parts = text.unwrap();
        assert_eq!(parts.len(), 3);
        assert!(
            matches!(&parts[1], TextPart::Dynamic { span, binding: Some(_) } if &src[span.start()..span.end()] == "price")
        );
    }

    #[test]
    fn values_end_at_their_own_quote_and_names_at_a_self_closing_slash() {
        let src = r#"<view title="{{ a ? "x" : 'y' }} z" alt="{ b }" hidden/><image src=a.png/><text id="{{c}}"/>"#;
        let doc = parse(src, 0);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let values: Vec<(&str, Option<String>)> = doc
            .elements()
            .flat_map(|(_, e)| &e.attrs)
            .map(|a| {
                let value = a
                    .value
                    .as_ref()
                    .map(|v| src[v.span.start()..v.span.end()].to_string());
                (a.name, value)
            })
            .collect();
        assert_eq!(
            values,
            vec![
                ("title", Some(r#"{{ a ? "x" : 'y' }} z"#.to_string())),
                ("alt", Some("{ b }".to_string())),
                ("hidden", None),
                ("src", Some("a.png".to_string())),
                ("id", Some("{{c}}".to_string())),
            ]
        );
        assert_eq!(names(&doc), vec!["view", "image", "text"]);
        assert_eq!(
            errors(r#"<view title="{{a}} open"#),
            vec![
                (
                    0,
                    "tag `<view` is cut off by the end of the file".to_string()
                ),
                (12, "value of `title` is never closed".to_string())
            ]
        );
    }

    #[test]
    fn angle_brackets_inside_bindings_are_expressions() {
        let src = r#"<view tt:if="{{a < b && c > d}}">{{ x<y ? "<view>" : '>' }}</view>"#;
        let doc = parse(src, 0);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        assert_eq!(names(&doc), vec!["view"]);
    }

    #[test]
    fn binding_spans_point_into_the_file() {
        let src = "<view>\n  <text bindtap=\"go\" data-id=\"{{ item.id }}\">x</text>\n</view>";
        let doc = parse(src, 100);
        let (_, text) = doc.elements().nth(1).unwrap();
        let value = text.attr("data-id").unwrap().value.as_ref().unwrap();
        match &value.parts[0] {
            TextPart::Dynamic { span, .. } => {
                assert_eq!(&src[span.start() - 100..span.end() - 100], " item.id ")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_bindings_are_reported_where_they_are() {
        let src = "<view>\n  {{ a + }}\n</view>";
        let errs = errors(src);
        assert_eq!(errs.len(), 1);
        assert!(errs[0].0 >= src.find("a +").unwrap(), "{errs:?}");
        assert!(errs[0].1.starts_with("in {{ }}"), "{errs:?}");
    }

    #[test]
    fn recovery_from_broken_markup() {
        let errs = errors("<view><text>a</view>");
        assert_eq!(errs, vec![(6, "`<text>` is never closed".into())]);
        let errs = errors("<view>a</text></view>");
        assert_eq!(errs, vec![(7, "`</text>` has no matching `<text>`".into())]);
        let errs = errors("<view>");
        assert_eq!(errs, vec![(0, "`<view>` is never closed".into())]);
        assert_eq!(
            errors("<view class=\"a").len(),
            2,
            "unclosed value, cut-off tag"
        );
        assert_eq!(errors("<!-- never closed").len(), 1);
        assert!(errors("a < b and 3 > 2").is_empty(), "a lone < is text");
        assert!(
            errors("<import src=\"a.ttml\"><view/></import>").is_empty(),
            "void elements may be closed"
        );
    }

    #[test]
    fn comments_hide_their_content() {
        let doc = parse(
            "<!-- <button open-type=\"im\">加微信</button> --><view/>",
            0,
        );
        assert_eq!(names(&doc), vec!["view"]);
        assert_eq!(doc.comments.len(), 1);
    }

    #[test]
    fn sjs_bodies_are_scripts_at_their_offset() {
        let src =
            "<sjs module=\"m\">\nmodule.exports = { a: function( };\n</sjs><view>{{m.a()}}</view>";
        let doc = parse(src, 0);
        assert_eq!(names(&doc), vec!["sjs", "view"]);
        assert_eq!(doc.errors.len(), 1);
        let at = doc.errors[0].span.start();
        assert!(
            at > src.find("function").unwrap() && at < src.find("</sjs>").unwrap(),
            "{:?}",
            doc.errors
        );
        let ok = parse(
            "<sjs module=\"m\">var a = '<view>'; module.exports = a < 2;</sjs>",
            0,
        );
        assert!(ok.errors.is_empty());
        assert_eq!(names(&ok), vec!["sjs"]);
    }

    #[test]
    fn deep_markup_does_not_recurse() {
        let n = 200_000;
        let src = format!("{}{}", "<view>".repeat(n), "</view>".repeat(n));
        let doc = parse(&src, 0);
        assert!(doc.errors.is_empty());
        assert_eq!(doc.nodes.len(), n);
    }

    #[test]
    fn vue_attribute_values_are_left_as_written() {
        let src = r#"<view :class="{a: b, 'c': d > 1}" title="会员{{n}}" @tap='go("}}")'>{{ a < b ? '<x>' : "" }}</view>"#;
        let doc = super::parse(src, 0, Dialect::Vue);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        assert_eq!(names(&doc), vec!["view"]);
        let (_, view) = doc.elements().next().unwrap();
        let values: Vec<Option<String>> = view
            .attrs
            .iter()
            .map(|a| {
                a.value
                    .as_ref()
                    .and_then(|v| v.static_text())
                    .map(Cow::into_owned)
            })
            .collect();
        assert_eq!(
            values,
            vec![
                Some("{a: b, 'c': d > 1}".into()),
                Some("会员{{n}}".into()),
                Some("go(\"}}\")".into())
            ]
        );
        let text = doc.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::Text(parts) => Some(parts),
            _ => None,
        });
        assert!(
            matches!(
                text.unwrap()[..],
                [TextPart::Dynamic {
                    binding: Some(_),
                    ..
                }]
            ),
            "`{{{{ }}}}` in text is an interpolation"
        );
    }

    #[test]
    fn vue_void_elements_and_no_raw_text() {
        let src = "<view><input placeholder=\"a\"><img src=\"b\"><br></view><sjs><text>{{a}}</text></sjs>";
        let doc = super::parse(src, 0, Dialect::Vue);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        assert_eq!(
            names(&doc),
            vec!["view", "input", "img", "br", "sjs", "text"]
        );
        let (_, view) = doc.elements().next().unwrap();
        assert_eq!(view.children.len(), 3, "void elements hold nothing");
        assert!(
            super::parse("<input></input>", 0, Dialect::Vue)
                .errors
                .is_empty()
        );
        assert_eq!(
            super::parse("<import src=\"a\"><view/>", 0, Dialect::Vue)
                .errors
                .len(),
            1,
            "TTML's void elements are not Vue's"
        );
        assert_eq!(
            parse("<input><view/>", 0).errors.len(),
            1,
            "HTML's void elements are not TTML's"
        );
    }

    #[test]
    fn unclosed_braces_stay_linear() {
        let src = "{{ ".repeat(200_000);
        let doc = parse(&src, 0);
        assert!(!doc.errors.is_empty());
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn check(src: &str) {
        let doc = parse(src, 0, Dialect::Ttml);
        let on_boundary = |s: Span| {
            s.start() <= s.end()
                && s.end() <= src.len()
                && src.is_char_boundary(s.start())
                && src.is_char_boundary(s.end())
        };
        for node in &doc.nodes {
            assert!(on_boundary(node.span), "{:?} in {src:?}", node.span);
            if let Some(parent) = node.parent {
                assert!(parent < doc.nodes.len());
            }
        }
        for error in &doc.errors {
            assert!(error.span.start() <= src.len(), "{error:?} in {src:?}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(src in any::<String>()) {
            check(&src);
        }

        #[test]
        fn tag_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
            "<view", "<text", ">", "/>", "</view>", "</text>", "<!--", "-->", "{{", "}}", "\"", "'", "=",
            " hidden", " tt:if=", "<sjs>", "</sjs>", "a < b", "支付", "\n", "<import src=\"x\">", "</", "<",
        ]), 0..60)) {
            check(&parts.concat());
        }
    }
}
