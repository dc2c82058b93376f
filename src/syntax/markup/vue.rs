//! Vue templates (the `<template>` of a uni-app `.vue` file) lowered into the markup model:
//! `v-if` / `v-else-if` / `v-else` and `v-show` become guards, `v-for` marks repeated elements,
//! `@tap` / `v-on:tap` become events with their handler, `:prop` / `v-bind:prop` become bound
//! attributes, and PascalCase components are named in kebab case as TTML names them.
//!
//! Every expression (a directive's value, a `{{ }}` in text) is parsed by oxc at its offset in
//! the `.vue` file, so rules see the same conditions and string literals as in TTML and findings
//! point where the user wrote them.

use oxc_ast::ast::{CallExpression, Expression, Statement};
use oxc_ast_visit::{Visit, walk};

use super::expr::{self, Binding};
use super::model::{
    Attr, Element, Event, Guard, Handler, Markup, Node, NodeId, NodeKind, Parsed, TextPart, Value,
    hyphenate,
};
use super::parser::{self, Dialect};
use super::tree::{self, Document};
use crate::base::intern::Ustr;
use crate::base::source::{FileKind, Span, narrow};
use crate::syntax::js::ast::{RED_ZONE, SEGMENT, unwrap};
use crate::syntax::js::cond::{Cond, raw_path};
use crate::syntax::js::conditional::Regions;
use crate::syntax::js::{nesting, parse as js};
use crate::syntax::syntax_error::SyntaxError;

/// Parses the body of a `<template>` block that starts at byte `base` of its `.vue` file,
/// keeping everything (tests and fuzzing: the engine keeps what rules read).
#[cfg(any(test, feature = "fuzzing"))]
pub fn parse(text: &str, base: usize) -> Parsed {
    parse_keeping(text, base, &|_| true)
}

/// Parses the body of a `<template>` block that starts at byte `base` of its `.vue` file,
/// keeping of the attributes those `attribute` takes by name and those whose value compares
/// ([`Keep::attribute`](crate::syntax::js::facts::Keep::attribute)).
pub fn parse_keeping(text: &str, base: usize, attribute: &dyn Fn(Ustr) -> bool) -> Parsed {
    let mut doc = parser::parse(text, base, Dialect::Vue);
    let errors = std::mem::take(&mut doc.errors);
    let regions = Regions::from_comments(doc.comments.iter().map(|c| (c.span, c.text.as_str())));
    // Text runs move into the model; elements stay in the tree, where a `v-else` finds its
    // siblings.
    let texts = (doc.nodes.iter_mut())
        .map(|node| match &mut node.kind {
            tree::NodeKind::Text(parts) => std::mem::take(parts),
            tree::NodeKind::Element(_) => Vec::new(),
        })
        .collect();
    let mut lowering = Lowering {
        text,
        base,
        doc: &doc,
        texts,
        regions: &regions,
        attribute,
        markup: Markup {
            nodes: Vec::with_capacity(doc.nodes.len()),
            roots: doc.roots.iter().map(|&r| NodeId::new(r)).collect(),
        },
        errors,
    };
    lowering.run();
    let Lowering {
        markup, mut errors, ..
    } = lowering;
    errors.sort_by_key(|e| e.span.start());
    Parsed {
        markup,
        comments: doc.comments,
        errors,
    }
}

/// Directives whose value is an expression that is worth reading: conditions, and `v-html` /
/// `v-text`, whose strings users see. (`v-for`'s `item in list` and `v-slot`'s pattern are not
/// expressions, and `v-model` only names data: they stay as written.)
const EXPRESSION_DIRECTIVES: &[&str] = &["v-if", "v-else-if", "v-show", "v-html", "v-text"];

/// The directives of a `v-if` chain: an element's guards read its earlier siblings' in the model.
const CHAIN_DIRECTIVES: &[&str] = &["v-if", "v-else-if", "v-else"];

/// How many earlier branches of a `v-if` chain an element's guards list. Real chains have a
/// handful; the limit keeps a file of thousands of chained siblings from growing guard lists
/// quadratically. A branch past it only makes the element look reachable in more cases.
const CHAIN_LIMIT: usize = 64;

/// Vue's `camelize`: `open-type` → `openType`, the variable `:open-type` (no value) reads.
fn camelize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A directive's argument without its modifiers: `tap.stop` → `tap`, `[name].once` → `[name]`.
fn without_modifiers(arg: &str) -> &str {
    let from = if arg.starts_with('[') {
        arg.find(']').unwrap_or(arg.len())
    } else {
        0
    };
    match arg[from..].find('.') {
        Some(dot) => &arg[..from + dot],
        None => arg,
    }
}

/// The event an attribute listens to, as written (`@tap.stop` → `tap`, `v-on:click` → `click`).
fn event_argument(attr: &str) -> Option<&str> {
    let arg = attr.strip_prefix('@').or(attr.strip_prefix("v-on:"))?;
    Some(without_modifiers(arg)).filter(|a| !a.is_empty())
}

/// The event name in the model: lower case, with `click` (what Vue on the web calls a tap) as
/// `tap`, the one name mini-programs use.
fn event_name(arg: &str) -> Ustr {
    if arg.eq_ignore_ascii_case("click") {
        return "tap".into();
    }
    if arg.bytes().any(|b| b.is_ascii_uppercase()) {
        arg.to_ascii_lowercase().as_str().into()
    } else {
        arg.into()
    }
}

/// The property an attribute binds and the length of its prefix: `:openType` → `openType`,
/// `v-bind:title.prop` → `title`.
fn bind_argument(attr: &str) -> Option<(usize, &str)> {
    let (prefix, arg) = if let Some(arg) = attr.strip_prefix("v-bind:") {
        ("v-bind:".len(), arg)
    } else {
        (1, attr.strip_prefix(':')?)
    };
    Some((prefix, without_modifiers(arg))).filter(|(_, a)| !a.is_empty())
}

/// The method a handler path names: `this.buy` → `buy` (the component's own method).
fn method_name(path: &str) -> Ustr {
    Ustr::from(path.strip_prefix("this.").unwrap_or(path))
}

/// The functions a piece of handler code calls, by name, in source order, each once.
#[derive(Default)]
struct Callees(Vec<Ustr>);

impl Callees {
    fn push(&mut self, name: Ustr) {
        if !self.0.contains(&name) {
            self.0.push(name);
        }
    }
}

impl<'a> Visit<'a> for Callees {
    fn visit_expression(&mut self, expr: &Expression<'a>) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || walk::walk_expression(self, expr));
    }

    fn visit_statement(&mut self, stmt: &Statement<'a>) {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || walk::walk_statement(self, stmt));
    }

    /// A call through an optional chain (`save?.()`, `this?.buy()`) is a call too, as it is in
    /// scripts.
    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        if let Some(path) = raw_path(&call.callee).or_else(|| optional_method(&call.callee)) {
            self.push(method_name(&path));
        }
        walk::walk_call_expression(self, call);
    }
}

/// `this?.buy`: the method of a call written through `?.`, which has no data path.
fn optional_method(callee: &Expression<'_>) -> Option<String> {
    match unwrap(callee) {
        Expression::StaticMemberExpression(m)
            if matches!(unwrap(&m.object), Expression::ThisExpression(_)) =>
        {
            Some(format!("this.{}", m.property.name))
        }
        _ => None,
    }
}

/// What a handler expression calls: a method by name (`buy`, `this.buy`, `buy(item)`), or the
/// functions called by code written in place (`() => pay(1)`, `open = !open`).
fn expression_handler(expr: &Expression<'_>) -> Handler {
    match unwrap(expr) {
        Expression::CallExpression(call) => {
            if let Some(path) = raw_path(&call.callee) {
                return Handler::Named(method_name(&path));
            }
        }
        other => {
            if let Some(path) = raw_path(other) {
                return Handler::Named(method_name(&path));
            }
        }
    }
    let mut callees = Callees::default();
    callees.visit_expression(expr);
    Handler::Calls(callees.0)
}

struct Lowering<'a> {
    text: &'a str,
    base: usize,
    doc: &'a Document<'a>,
    /// The parts of each text node, by node id, taken out of the tree to move into the model.
    texts: Vec<Vec<TextPart>>,
    regions: &'a Regions,
    /// Which attributes to keep, by name (besides those whose value compares).
    attribute: &'a dyn Fn(Ustr) -> bool,
    markup: Markup,
    errors: Vec<SyntaxError>,
}

impl Lowering<'_> {
    /// Lowers every node in document order: an element's earlier siblings are lowered before
    /// it, so a `v-else` reads their conditions from the model.
    fn run(&mut self) {
        let doc = self.doc;
        for (id, node) in doc.nodes.iter().enumerate() {
            let kind = match &node.kind {
                tree::NodeKind::Element(e) => NodeKind::Element(Box::new(self.element(id, e))),
                tree::NodeKind::Text(_) => {
                    let parts = self.texts.get_mut(id).map(std::mem::take);
                    NodeKind::Text(parts.unwrap_or_default().into_boxed_slice())
                }
            };
            self.markup.nodes.push(Node {
                parent: node.parent.map(NodeId::new),
                span: node.span,
                target: self.regions.target_at(node.span.start()),
                kind,
            });
        }
    }

    fn syntax_error(&mut self, error: SyntaxError, attr: &str) {
        self.errors.push(SyntaxError {
            span: error.span,
            message: format!("in {attr}: {}", error.message),
        });
    }

    /// An expression written as an attribute value, parsed where it is written; a syntax error
    /// is reported as being in `attr` (the attribute as written).
    fn binding(&mut self, raw: &tree::Value, attr: &str) -> Option<Binding> {
        let text = raw.static_text().unwrap_or_default();
        if text.trim().is_empty() {
            return None;
        }
        match expr::parse(&text, raw.span.start(), false, expr::Reserved::AreKeywords) {
            Ok(binding) => Some(binding),
            Err(error) => {
                self.syntax_error(error, attr);
                None
            }
        }
    }

    /// A value that is one expression.
    fn bound(&mut self, raw: &tree::Value, attr: &str) -> Value {
        let binding = self.binding(raw, attr);
        Value::Bound {
            span: raw.span,
            parts: Box::new([TextPart::Dynamic {
                span: raw.span,
                binding,
            }]),
        }
    }

    /// Where an attribute ends: after its value's closing quote, if it has one.
    fn attr_end(&self, attr: &tree::Attr) -> usize {
        let Some(value) = &attr.value else {
            return attr.name_span.end();
        };
        let bytes = self.text.as_bytes();
        let (start, end) = (value.span.start() - self.base, value.span.end() - self.base);
        let quote = start.checked_sub(1).and_then(|at| bytes.get(at));
        match (quote, bytes.get(end)) {
            (Some(open @ (b'"' | b'\'')), Some(close)) if open == close => value.span.end() + 1,
            _ => value.span.end(),
        }
    }

    /// The handler of an event binding: its value parsed as an expression and, failing that,
    /// as statements (`open = true; track('x')`), both where the value is written.
    fn handler(&mut self, attr: &tree::Attr) -> Handler {
        let Some(value) = &attr.value else {
            return Handler::Dynamic;
        };
        let text = value.static_text().unwrap_or_default();
        if text.trim().is_empty() {
            return Handler::Dynamic;
        }
        // A method named as a path (`@tap="buy"`, the common case) is what parsing it would
        // give, without a parser of its own.
        if let Some(path) = expr::plain_path(&text) {
            return Handler::Named(method_name(path));
        }
        let start = value.span.start();
        if let Some(at) = nesting::too_deep(&text) {
            let error = SyntaxError {
                span: Span::new(start + at, start + at + 1),
                message: format!("expression nested more than {} levels deep", nesting::LIMIT),
            };
            self.syntax_error(error, attr.name);
            return Handler::Dynamic;
        }
        let read = js::with_arena(|arena| {
            if let Ok(expr) = expr::js_expr(arena, &text, start) {
                return Ok((expression_handler(&expr), None));
            }
            js::parse(arena, &text, start, FileKind::Script).map(|parsed| {
                let mut callees = Callees::default();
                callees.visit_program(&parsed.program);
                (Handler::Calls(callees.0), parsed.recovered)
            })
        });
        match read {
            Ok((handler, recovered)) => {
                if let Some(error) = recovered {
                    self.syntax_error(error, attr.name);
                }
                handler
            }
            Err(error) => {
                self.syntax_error(error, attr.name);
                Handler::Dynamic
            }
        }
    }

    fn attr(&mut self, raw: &tree::Attr) -> Attr {
        let name = raw.name;
        let Some(value) = &raw.value else {
            if let Some((prefix, arg)) = bind_argument(name) {
                // Vue 3.4's same-name shorthand: `:title` binds the variable `title`.
                let start = raw.name_span.start() + prefix;
                let span = Span::new(start, start + arg.len());
                let binding = Binding {
                    cond: Cond::Path(camelize(arg).into()),
                    strings: Box::default(),
                };
                return Attr {
                    name: hyphenate(arg).as_ref().into(),
                    name_span: raw.name_span,
                    value: Value::Bound {
                        span,
                        parts: Box::new([TextPart::Dynamic {
                            span,
                            binding: Some(binding),
                        }]),
                    },
                };
            }
            return Attr {
                name: name.into(),
                name_span: raw.name_span,
                value: Value::Empty,
            };
        };
        let (name, value) = if let Some((_, arg)) = bind_argument(name) {
            (hyphenate(arg).as_ref().into(), self.bound(value, name))
        } else if EXPRESSION_DIRECTIVES.contains(&name) {
            (name.into(), self.bound(value, name))
        } else {
            let value = Value::Static {
                span: value.span,
                text: value.static_text().unwrap_or_default().into(),
            };
            (name.into(), value)
        };
        Attr {
            name,
            name_span: raw.name_span,
            value,
        }
    }

    fn element(&mut self, id: tree::NodeId, raw: &tree::Element) -> Element {
        let mut attrs = Vec::new();
        let mut events = Vec::new();
        for attr in &raw.attrs {
            match event_argument(attr.name) {
                Some(arg) => {
                    let handler = self.handler(attr);
                    events.push(Event {
                        name: event_name(arg),
                        span: Span::new(attr.name_span.start(), self.attr_end(attr)),
                        handler,
                    });
                }
                None if self.drops(attr) => {}
                None => attrs.push(self.attr(attr)),
            }
        }
        let mut element = Element {
            tag: hyphenate(raw.name).as_ref().into(),
            tag_span: raw.name_span,
            attrs: attrs.into(),
            events: events.into(),
            guards: Box::default(),
            repeated: raw.has_attr("v-for"),
            start_tag_end: narrow(raw.start_tag_end),
        };
        element.guards = self.guards(id, &element).into();
        // The guards are read: the computed values no rule reads go too.
        if element.attrs.iter().any(|a| !self.keeps(a)) {
            element.attrs = (element.attrs.into_iter())
                .filter(|a| self.keeps(a))
                .collect();
        }
        element
    }

    /// Whether an attribute lowers to a value that `attribute` does not take and that cannot
    /// compare: left out before it is lowered. That is a literal value or none, and a bound
    /// value that only names data (`:key="item.id"`, the `:title` shorthand). The directives
    /// guards are read from are lowered whatever it says.
    fn drops(&self, raw: &tree::Attr) -> bool {
        match bind_argument(raw.name) {
            Some((_, arg)) => {
                let names_data = raw.value.as_ref().is_none_or(|value| {
                    value
                        .static_text()
                        .is_some_and(|text| expr::plain_path(&text).is_some())
                });
                names_data && !(self.attribute)(hyphenate(arg).as_ref().into())
            }
            None => {
                !EXPRESSION_DIRECTIVES.contains(&raw.name)
                    && !CHAIN_DIRECTIVES.contains(&raw.name)
                    && !(self.attribute)(raw.name.into())
            }
        }
    }

    /// Whether a lowered attribute stays: `attribute` takes it, its value compares, or a later
    /// sibling reads it to continue its `v-if` chain.
    fn keeps(&self, attr: &Attr) -> bool {
        attr.kept_by(self.attribute) || CHAIN_DIRECTIVES.contains(&attr.name.as_str())
    }

    /// The guards of an element: its `v-if` / `v-else-if` (and, for `v-else-if` / `v-else`, the
    /// earlier branches of its chain not holding), then `v-show`.
    fn guards(&self, id: tree::NodeId, element: &Element) -> Vec<Guard> {
        let mut out = Vec::new();
        let chained = if element.has_attr("v-if") {
            out.push(guard(element, "v-if", true));
            false
        } else if element.has_attr("v-else-if") {
            out.push(guard(element, "v-else-if", true));
            true
        } else {
            element.has_attr("v-else")
        };
        if chained {
            for sibling in self.chain_before(id).take(CHAIN_LIMIT) {
                if sibling.has_attr("v-else-if") {
                    out.push(guard(sibling, "v-else-if", false));
                } else {
                    out.push(guard(sibling, "v-if", false));
                    break;
                }
            }
        }
        if element.has_attr("v-show") {
            out.push(guard(element, "v-show", true));
        }
        out
    }

    /// The earlier branches of the `v-if` chain `id` continues, nearest first: the element
    /// siblings right before it that carry `v-else-if` or `v-if` (the caller stops at the
    /// `v-if`). Only white space and comments may separate branches (neither is a node); text
    /// or another element ends the chain. A sibling never compiled for Douyin (`#ifdef
    /// MP-WEIXIN`) is not part of the chain a Douyin build runs.
    fn chain_before(&self, id: tree::NodeId) -> impl Iterator<Item = &Element> {
        let doc = self.doc;
        let siblings: &[tree::NodeId] = match doc.nodes.get(id).and_then(|n| n.parent) {
            Some(p) => doc.element(p).map_or(&[], |e| e.children.as_slice()),
            None => &doc.roots,
        };
        let excluded = doc
            .nodes
            .get(id)
            .is_some_and(|n| !self.regions.target_at(n.span.start()).ships_to_douyin());
        // Children are pushed in document order, so ids are sorted.
        let at = siblings.partition_point(|&s| s < id);
        siblings[..at]
            .iter()
            .rev()
            .filter_map(|&s| self.markup.nodes.get(s))
            .filter(move |n| excluded || n.target.ships_to_douyin())
            .map_while(|n| match &n.kind {
                NodeKind::Element(e) if e.has_attr("v-else-if") || e.has_attr("v-if") => Some(&**e),
                _ => None,
            })
    }
}

/// The guard a directive of `element` puts on it.
fn guard(element: &Element, directive: &str, holds: bool) -> Guard {
    let cond = element
        .attr(directive)
        .and_then(|a| a.value.single_binding())
        .map(|b| b.cond.clone());
    Guard { cond, holds }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::js::conditional::Target;

    fn element<'a>(m: &'a Markup, tag: &str) -> (NodeId, &'a Element) {
        m.elements()
            .find(|(_, e)| e.tag == tag)
            .expect("the element")
    }

    fn path(p: &str) -> Option<Cond> {
        Some(Cond::Path(p.into()))
    }

    fn guard(p: &str, holds: bool) -> Guard {
        Guard {
            cond: path(p),
            holds,
        }
    }

    fn at(src: &str, span: Span, base: usize) -> &str {
        &src[span.start() - base..span.end() - base]
    }

    #[test]
    fn v_if_chains_become_guards() {
        let src = r#"<view v-if="a"><text class="in-a">x</text></view>
<view v-else-if="b" id="b"/>
<!-- a comment between branches -->
<view v-else-if="c.d" id="c" v-show="shown"/>

<text v-else>none</text>
<image v-show="!hidden" src="a.png"/>"#;
        let parsed = parse(src, 0);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let m = parsed.markup;
        let (a, view_a) = element(&m, "view");
        assert_eq!(view_a.guards.to_vec(), vec![guard("a", true)]);
        let (inner, _) = m
            .elements()
            .find(|(_, e)| e.static_attr("class") == Some("in-a"))
            .unwrap();
        assert_eq!(m.guards(inner).collect::<Vec<_>>(), vec![&guard("a", true)]);
        let by_id = |id: &str| m.elements().find(|(_, e)| e.static_attr("id") == Some(id));
        assert_eq!(
            by_id("b").unwrap().1.guards.to_vec(),
            vec![guard("b", true), guard("a", false)]
        );
        assert_eq!(
            by_id("c").unwrap().1.guards.to_vec(),
            vec![
                guard("c.d", true),
                guard("b", false),
                guard("a", false),
                guard("shown", true)
            ],
            "v-else-if, the earlier branches not holding, then v-show"
        );
        let (_, text) = element(&m, "text");
        assert_eq!(text.static_attr("class"), Some("in-a"));
        let (_, none) = m
            .elements()
            .filter(|(_, e)| e.tag == "text")
            .nth(1)
            .unwrap();
        assert_eq!(
            none.guards.to_vec(),
            vec![guard("c.d", false), guard("b", false), guard("a", false)]
        );
        let (_, image) = element(&m, "image");
        assert_eq!(
            image.guards.to_vec(),
            vec![Guard {
                cond: Some(Cond::Not(Box::new(Cond::Path("hidden".into())))),
                holds: true
            }]
        );
        let v_if = view_a.attr("v-if").expect("directives stay attributes");
        assert!(v_if.value.single_binding().is_some());
        assert!(matches!(none.attr("v-else").unwrap().value, Value::Empty));
        assert_ne!(a, inner);
    }

    #[test]
    fn text_between_branches_ends_the_chain() {
        let src = "<view v-if=\"a\"/>tip<view v-else id=\"x\"/><view v-if=\"b\"/><view id=\"plain\"/><view v-else id=\"y\"/>";
        let m = parse(src, 0).markup;
        let by_id = |id: &str| {
            m.elements()
                .find(|(_, e)| e.static_attr("id") == Some(id))
                .unwrap()
                .1
        };
        assert!(by_id("x").guards.is_empty(), "text separates the branches");
        assert!(by_id("y").guards.is_empty(), "an element without v-if does");
    }

    /// The engine keeps what rules read: `class`, `:data-id` and the like go, values that compare
    /// stay, and guards are read before anything is dropped.
    #[test]
    fn attributes_no_rule_reads_are_left_out() {
        let src = "<view v-if=\"a\" class=\"box\" :data-id=\"id\" :title=\"os === 'ios' ? 'a' : 'b'\" open-type=\"im\" lazy-load :class :data-im-id=\"imId\">x</view><text v-else-if=\"b\" class=\"c\"/><text v-else/>";
        // The chain's directives stay all the same: later siblings read them.
        let keep = |name: Ustr| {
            let dropped = [
                "class",
                "data-id",
                "title",
                "lazy-load",
                "v-if",
                "v-else-if",
                "v-else",
            ];
            !dropped.contains(&name.as_str())
        };
        let m = parse_keeping(src, 0, &keep).markup;
        let names = |e: &Element| e.attrs.iter().map(|a| a.name.as_str()).collect::<Vec<_>>();
        let (_, view) = element(&m, "view");
        assert_eq!(names(view), ["v-if", "title", "open-type", "data-im-id"]);
        assert_eq!(view.start_tag_end as usize, src.find(">x").unwrap() + 1);
        let texts: Vec<&Element> = m
            .elements()
            .map(|(_, e)| e)
            .filter(|e| e.tag == "text")
            .collect();
        assert_eq!(
            (names(texts[0]), names(texts[1])),
            (vec!["v-else-if"], vec!["v-else"])
        );
        assert_eq!(
            texts[1].guards.to_vec(),
            vec![guard("b", false), guard("a", false)]
        );
    }

    #[test]
    fn branches_not_built_for_douyin_are_not_in_the_chain() {
        let src = "<view v-if=\"a\"/>\n<!-- #ifdef MP-WEIXIN -->\n<view v-else-if=\"wx\"/>\n<!-- #endif -->\n<view v-else id=\"rest\"/>";
        let m = parse(src, 0).markup;
        let (_, rest) = m
            .elements()
            .find(|(_, e)| e.static_attr("id") == Some("rest"))
            .unwrap();
        assert_eq!(rest.guards.to_vec(), vec![guard("a", false)]);
    }

    #[test]
    fn v_for_marks_repeated_elements() {
        let src = "<view v-for=\"(item, index) in list\" :key=\"item.id\"><text>{{ item.name }}</text></view>";
        let parsed = parse(src, 0);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let (_, view) = element(&parsed.markup, "view");
        assert!(view.repeated);
        assert_eq!(
            view.static_attr("v-for"),
            Some("(item, index) in list"),
            "kept as written: `item of list` is not an expression"
        );
        assert!(view.attr("key").unwrap().value.single_binding().is_some());
        assert!(!element(&parsed.markup, "text").1.repeated);
    }

    /// A handler that names a method as a plain path reads as parsing it reads.
    #[test]
    fn plain_handler_paths_read_as_parsed() {
        for body in ["buy", " cart.add ", "$m._x", "a.class"] {
            let parsed = js::with_arena(|arena| {
                expr::js_expr(arena, body, 0).map(|e| expression_handler(&e))
            });
            let src = format!("<button @tap=\"{body}\">x</button>");
            let lowered = parse(&src, 0);
            let (_, button) = element(&lowered.markup, "button");
            assert_eq!(Ok(&button.events[0].handler), parsed.as_ref(), "{body}");
        }
    }

    #[test]
    fn events_and_their_handlers() {
        let src = r#"<button @tap="buy" @click.stop="this.pay" v-on:longpress="onLong($event, item)" @error='open = true; track("x")' @im="() => contact(1)" @getphonenumber="function (e) { save(e); save(e) }" @touchmove.stop.prevent @Tap="{{h}}" @tap="save?.()" @longpress="this?.buy()" @error="() => this.track?.()" @input="save(" @getuserinfo="  ">x</button>"#;
        let parsed = parse(src, 50);
        let (_, b) = element(&parsed.markup, "button");
        let events: Vec<(&str, &str, &Handler)> = b
            .events
            .iter()
            .map(|e| (e.name.as_str(), at(src, e.span, 50), &e.handler))
            .collect();
        let named = |n: &str| Handler::Named(n.into());
        let calls = |c: &[&str]| Handler::Calls(c.iter().map(|&s| Ustr::from(s)).collect());
        assert_eq!(
            events,
            vec![
                ("tap", r#"@tap="buy""#, &named("buy")),
                ("tap", r#"@click.stop="this.pay""#, &named("pay")),
                (
                    "longpress",
                    r#"v-on:longpress="onLong($event, item)""#,
                    &named("onLong")
                ),
                (
                    "error",
                    r#"@error='open = true; track("x")'"#,
                    &calls(&["track"])
                ),
                ("im", r#"@im="() => contact(1)""#, &calls(&["contact"])),
                (
                    "getphonenumber",
                    r#"@getphonenumber="function (e) { save(e); save(e) }""#,
                    &calls(&["save"])
                ),
                ("touchmove", "@touchmove.stop.prevent", &Handler::Dynamic),
                // Statements, as Vue compiles them: a block holding a block.
                ("tap", r#"@Tap="{{h}}""#, &calls(&[])),
                ("tap", r#"@tap="save?.()""#, &calls(&["save"])),
                ("longpress", r#"@longpress="this?.buy()""#, &calls(&["buy"])),
                (
                    "error",
                    r#"@error="() => this.track?.()""#,
                    &calls(&["track"])
                ),
                ("input", r#"@input="save(""#, &Handler::Dynamic),
                ("getuserinfo", r#"@getuserinfo="  ""#, &Handler::Dynamic),
            ]
        );
        assert!(b.attrs.is_empty(), "events are not attributes");
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        assert!(parsed.errors[0].message.starts_with("in @input: "));
        let at_error = parsed.errors[0].span.start() - 50;
        assert!(
            at_error > src.find("save(\"").unwrap()
                && at_error <= src.find(" @getuserinfo").unwrap(),
            "{:?}",
            parsed.errors
        );
        assert_eq!(
            b.event("im").map(|e| &e.handler),
            Some(&calls(&["contact"]))
        );
        let unquoted = "<view @tap=buy></view>";
        let m = parse(unquoted, 0).markup;
        let span = element(&m, "view").1.events[0].span;
        assert_eq!(at(unquoted, span, 0), "@tap=buy");
    }

    #[test]
    fn bound_and_static_attributes() {
        let src = r#"<button :openType="type" v-bind:data-im-id="imId" :class="{ active: on, 'is-vip': vip }" :dataImId="id2" title="会员{{n}}" open-type="contact" hidden :disabled v-model="phone" ref="btn" #default="{ item }">x</button>"#;
        let parsed = parse(src, 0);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let (_, b) = element(&parsed.markup, "button");
        let names: Vec<&str> = b.attrs.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "open-type",
                "data-im-id",
                "class",
                "data-im-id",
                "title",
                "open-type",
                "hidden",
                "disabled",
                "v-model",
                "ref",
                "#default"
            ]
        );
        let open_type = &b.attrs[0];
        assert_eq!(at(src, open_type.name_span, 0), ":openType");
        assert_eq!(
            open_type.value.single_binding().map(|b| &b.cond),
            Some(&Cond::Path("type".into()))
        );
        assert_eq!(at(src, open_type.value.span().unwrap(), 0), "type");
        assert_eq!(
            b.attrs[1].value.single_binding().map(|b| &b.cond),
            Some(&Cond::Path("imId".into()))
        );
        assert!(
            b.attrs[2].value.single_binding().is_some(),
            "braces of an object literal are not `{{{{ }}}}`"
        );
        assert_eq!(
            b.attrs[4].value.static_text(),
            Some("会员{{n}}"),
            "Vue reads no `{{{{ }}}}` in attributes"
        );
        assert_eq!(
            b.static_attr("open-type"),
            None,
            "the bound one comes first"
        );
        assert_eq!(b.attrs[5].value.static_text(), Some("contact"));
        assert!(matches!(b.attrs[6].value, Value::Empty));
        let disabled = &b.attrs[7];
        assert_eq!(
            disabled.value.single_binding().map(|b| &b.cond),
            Some(&Cond::Path("disabled".into())),
            "`:disabled` alone binds the variable `disabled`"
        );
        assert_eq!(at(src, disabled.value.span().unwrap(), 0), "disabled");
        assert_eq!(b.static_attr("v-model"), Some("phone"));
        assert_eq!(b.static_attr("#default"), Some("{ item }"));
    }

    #[test]
    fn component_tags_are_named_in_kebab_case() {
        let src = "<UButton/><PayPanel></PayPanel><uni-popup/><web-view/><view/><button/><image/><text/><template v-if=\"a\"><block/></template><myCard/>";
        let m = parse(src, 0).markup;
        let tags: Vec<&str> = m.elements().map(|(_, e)| e.tag.as_str()).collect();
        assert_eq!(
            tags,
            vec![
                "u-button",
                "pay-panel",
                "uni-popup",
                "web-view",
                "view",
                "button",
                "image",
                "text",
                "template",
                "block",
                "my-card"
            ]
        );
        let (_, pay) = element(&m, "pay-panel");
        assert_eq!(at(src, pay.tag_span, 0), "PayPanel");
        assert_eq!(hyphenate("URL"), "u-r-l", "as Vue's own hyphenate");
    }

    #[test]
    fn interpolations_and_text_directives_are_visible_text() {
        let src = r#"<view><input placeholder="请输入微信号" :placeholder="vip ? '会员' : ''"/>{{ vip ? '开通会员' : '' }} 文本 <text v-text="'加微信'"/><rich-text v-html="'<b>二维码</b>'"/><!-- 加微信 --></view>"#;
        let m = parse(src, 0).markup;
        let attrs = ["placeholder", "v-text", "v-html"].map(Ustr::from);
        let texts: Vec<&str> = m
            .visible_texts(&attrs)
            .iter()
            .map(|t| t.text.trim())
            .collect();
        assert_eq!(
            texts,
            vec![
                "请输入微信号",
                "会员",
                "开通会员",
                "文本",
                "加微信",
                "<b>二维码</b>"
            ]
        );
        let first = &m.visible_texts(&[])[0];
        assert_eq!(first.text, "开通会员");
        assert_eq!(&src[first.span.start()..first.span.end()], "'开通会员'");
    }

    #[test]
    fn conditional_regions_mark_nodes() {
        let src = "<!-- #ifdef MP-WEIXIN --><view/><!-- #endif --><!-- #ifdef MP-TOUTIAO --><text/><!-- #endif --><image/>";
        let parsed = parse(src, 0);
        let m = &parsed.markup;
        assert_eq!(m.target(element(m, "view").0), Target::Excluded);
        assert_eq!(m.target(element(m, "text").0), Target::Douyin);
        assert_eq!(m.target(element(m, "image").0), Target::Unconditional);
        assert_eq!(parsed.comments.len(), 4);
        let texts: Vec<String> = parse(
            "<!-- #ifdef MP-WEIXIN --><view>加微信</view><!-- #endif --><view>ok</view>",
            0,
        )
        .markup
        .visible_texts(&[])
        .iter()
        .map(|t| t.text.to_string())
        .collect();
        assert_eq!(texts, vec!["ok"]);
    }

    #[test]
    fn syntax_errors_point_into_the_file() {
        let src = "<view>\n  <button :data-im-id=\"a +\" v-if=\"x y\">{{ b + }}</button>\n</view>";
        let base = 120;
        let parsed = parse(src, base);
        let errors: Vec<(usize, &str)> = parsed
            .errors
            .iter()
            .map(|e| (e.span.start() - base, e.message.as_str()))
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        let prop = src.find("a +").unwrap();
        assert!(errors[0].0 >= prop && errors[0].0 <= prop + 3, "{errors:?}");
        assert!(errors[0].1.starts_with("in :data-im-id: "), "{errors:?}");
        assert_eq!(errors[1].0, src.find("y\"").unwrap(), "{errors:?}");
        assert!(errors[1].1.starts_with("in v-if: "), "{errors:?}");
        let interpolation = src.find("b +").unwrap();
        assert!(
            errors[2].0 >= interpolation && errors[2].0 <= interpolation + 4,
            "{errors:?}"
        );
        assert!(errors[2].1.starts_with("in {{ }}: "), "{errors:?}");
        let (_, button) = element(&parsed.markup, "button");
        assert!(matches!(
            &button.attr("data-im-id").unwrap().value,
            Value::Bound { parts, .. } if matches!(parts[..], [TextPart::Dynamic { binding: None, .. }])
        ));
        assert_eq!(
            button.guards.to_vec(),
            vec![Guard {
                cond: None,
                holds: true
            }]
        );
    }

    #[test]
    fn deep_markup_lowers_without_recursion() {
        let n = 200_000;
        let src = format!("{}{}", "<view v-if=\"a\">".repeat(n), "</view>".repeat(n));
        let m = parse(&src, 0).markup;
        assert_eq!(m.nodes.len(), n);
        assert_eq!(m.guards(NodeId::new(n - 1)).count(), n);
    }

    #[test]
    fn long_chains_stay_bounded() {
        let n = 20_000;
        let src = format!(
            "<view v-if=\"a\"/>{}<view v-else/>",
            "<view v-else-if=\"b\"/>".repeat(n)
        );
        let m = parse(&src, 0).markup;
        let last = m.elements().last().unwrap().1;
        assert_eq!(last.guards.len(), CHAIN_LIMIT);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn check(src: &str) {
        let parsed = parse(src, 0);
        let on_boundary = |s: Span| {
            s.start() <= s.end()
                && s.end() <= src.len()
                && src.is_char_boundary(s.start())
                && src.is_char_boundary(s.end())
        };
        for node in &parsed.markup.nodes {
            assert!(on_boundary(node.span), "{:?} in {src:?}", node.span);
            if let NodeKind::Element(e) = &node.kind {
                for event in &e.events {
                    assert!(on_boundary(event.span), "{event:?} in {src:?}");
                }
                for attr in &e.attrs {
                    assert!(on_boundary(attr.span()), "{attr:?} in {src:?}");
                }
            }
        }
        for error in &parsed.errors {
            assert!(error.span.start() <= src.len(), "{error:?} in {src:?}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(src in any::<String>()) {
            check(&src);
        }

        #[test]
        fn template_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
            "<view", "<UButton", "<input", "<template", ">", "/>", "</view>", "</template>",
            "</input>", "<!--", "-->", "{{", "}}", "\"", "'", "=", " v-if=", " v-else-if=",
            " v-else", " v-show=", " v-for=", " @tap", "@click.stop=", " :class=", " v-bind:a=",
            " :", " @", "{a: b}", "() => pay(1)", "a; b(", "支付", "\n", "<sjs>", "#ifdef MP-WEIXIN",
            "#endif", "</", "<",
        ]), 0..60)) {
            check(&parts.concat());
        }
    }
}
