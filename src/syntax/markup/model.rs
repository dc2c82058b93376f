//! The markup model every dialect lowers into: TTML templates, Vue `<template>`s and JSX.
//!
//! Names are normalised (`WebView` → `web-view`, `openType` → `open-type`), directives become
//! guards (`tt:if`, `v-if`, `cond && <X/>`), event bindings become events with a handler
//! (`bindtap="buy"`, `@tap="buy"`, `onClick={this.buy}`), and every span points into the file the
//! user wrote. Rules ask this model and never a dialect.
//!
//! Nodes live in an arena in document order with parent links: no query recurses, so markup
//! nested a hundred thousand levels deep costs time, never the stack.

use super::expr::Binding;
pub use crate::base::case::hyphenate;
use crate::base::index::compact_index;
use crate::base::intern::Ustr;
use crate::base::source::Span;
use crate::syntax::comment::Comment;
use crate::syntax::js::cond::Cond;
use crate::syntax::js::conditional::Target;
use crate::syntax::syntax_error::SyntaxError;

/// A template parsed in any dialect: its model, and what the loader needs beside it.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub markup: Markup,
    /// `<!-- -->` comments (their text without the delimiters): suppressions and `#ifdef`
    /// regions are read from them.
    pub comments: Vec<Comment>,
    /// Broken markup and invalid expressions (`{{ }}`, inline `<sjs>`, Vue directives), in
    /// source order.
    pub errors: Vec<SyntaxError>,
}

compact_index! {
    /// Index of a node in [`Markup::nodes`].
    pub struct NodeId;
}

/// The markup of one file.
#[derive(Debug, Clone, Default)]
pub struct Markup {
    /// Every element and text node, in document order.
    pub nodes: Vec<Node>,
    /// Top-level nodes.
    pub roots: Vec<NodeId>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    /// The whole node: from `<` to the end of its closing tag, or the text run.
    pub span: Span,
    /// Whether the node is compiled for Douyin (uni-app `#ifdef` regions).
    pub target: Target,
    pub kind: NodeKind,
}

/// Boxed: a node holds an element or a text, and text nodes (nearly half of a template's nodes)
/// should not carry an element's room; the node list stays a quarter of the size.
#[derive(Debug, Clone)]
pub enum NodeKind {
    Element(Box<Element>),
    Text(Box<[TextPart]>),
}

/// A piece of text or of an attribute value.
#[derive(Debug, Clone)]
pub enum TextPart {
    /// Literal text, as written (entities are not decoded).
    Static { span: Span, text: String },
    /// An expression: a `{{ }}` body, a JSX `{…}`. `None` when it could not be parsed.
    Dynamic {
        span: Span,
        binding: Option<Binding>,
    },
}

impl TextPart {
    /// Whether the part is an expression holding a comparison (`{{platform === 'ios'}}`):
    /// `ios-platform-value` reads every one, whatever attribute holds it.
    pub fn compares(&self) -> bool {
        match self {
            TextPart::Dynamic {
                binding: Some(binding),
                ..
            } => (binding.cond.walk()).any(|c| matches!(c, Cond::Cmp(..))),
            TextPart::Static { .. } | TextPart::Dynamic { .. } => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Element {
    /// The tag, normalised: built-in components in kebab case (`button`, `web-view`), custom
    /// components as written in kebab case (`u-button`, `pay-panel`). Tags, attribute and event
    /// names are interned: a few dozen names make up nearly all of them.
    pub tag: Ustr,
    pub tag_span: Span,
    /// Boxed slices, here and below: a template's lists never grow once parsed, and a
    /// `Vec`'s capacity is a word more in each of the run's hundred thousand elements.
    pub attrs: Box<[Attr]>,
    pub events: Box<[Event]>,
    /// The conditions this element renders under, beyond its ancestors'.
    pub guards: Box<[Guard]>,
    /// Rendered once per item of a list (`tt:for`, `v-for`, `.map()`).
    pub repeated: bool,
    /// Where the start tag ends (after its `>`, or where it was cut off), in 32 bits as spans
    /// are: the attributes kept do not tell, as those no rule reads are dropped.
    pub start_tag_end: u32,
}

/// An attribute (a property in JSX), name normalised: `open-type`, `data-im-id`,
/// `show-menu-by-longpress`.
#[derive(Debug, Clone)]
pub struct Attr {
    pub name: Ustr,
    pub name_span: Span,
    pub value: Value,
}

impl Attr {
    /// Whether a file's markup keeps this attribute: `attribute` takes its name
    /// ([`Keep::attribute`](crate::syntax::js::facts::Keep::attribute)), or its value compares.
    pub fn kept_by(&self, attribute: &dyn Fn(Ustr) -> bool) -> bool {
        attribute(self.name) || self.value.compares()
    }
}

#[derive(Debug, Clone)]
pub enum Value {
    /// No value: `hidden`, `show-menu-by-longpress`.
    Empty,
    /// A literal value: `open-type="im"`. `span` is the text inside the quotes.
    Static { span: Span, text: Box<str> },
    /// A value computed at run time, in parts: `data-im-id="{{imId}}"`, `:data-im-id="imId"`,
    /// `title="会员{{level}}"`.
    Bound { span: Span, parts: Box<[TextPart]> },
}

impl Value {
    /// The value when it is literal.
    pub fn static_text(&self) -> Option<&str> {
        match self {
            Value::Static { text, .. } => Some(text),
            Value::Empty | Value::Bound { .. } => None,
        }
    }

    /// Whether some part of a computed value compares ([`TextPart::compares`]).
    pub fn compares(&self) -> bool {
        match self {
            Value::Bound { parts, .. } => parts.iter().any(TextPart::compares),
            Value::Empty | Value::Static { .. } => false,
        }
    }

    /// Where the value is written; `None` for an attribute without a value.
    pub fn span(&self) -> Option<Span> {
        match self {
            Value::Static { span, .. } | Value::Bound { span, .. } => Some(*span),
            Value::Empty => None,
        }
    }

    /// The binding when the whole value is one expression.
    pub fn single_binding(&self) -> Option<&Binding> {
        let Value::Bound { parts, .. } = self else {
            return None;
        };
        let mut found = None;
        for part in parts {
            match part {
                TextPart::Static { text, .. } if text.trim().is_empty() => {}
                TextPart::Dynamic { binding, .. } if found.is_none() => {
                    found = Some(binding.as_ref()?)
                }
                _ => return None,
            }
        }
        found
    }
}

/// An event binding: `bindtap="buy"`, `catch:tap`, `@tap="buy(item)"`, `onClick={this.buy}`.
#[derive(Debug, Clone)]
pub struct Event {
    /// The event, normalised: `tap` (also for `click`), `error`, `im`, `longpress`.
    pub name: Ustr,
    /// The whole binding, name and value.
    pub span: Span,
    pub handler: Handler,
}

/// What an event calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handler {
    /// A method of the page or component, or a function in scope, by name: `bindtap="buy"`,
    /// `@tap="buy"`, `@tap="buy(item)"`, `onClick={this.buy}`, `onClick={buy}`. Interned, as the
    /// functions' names it is looked up among are.
    Named(Ustr),
    /// A function written in place in the file's script (a JSX arrow), by its index in the
    /// script's facts.
    Inline(u32),
    /// Statements written in place (`@tap="open = true; track('x')"`): the functions they call.
    Calls(Vec<Ustr>),
    /// Decided at run time (`bindtap="{{handler}}"`).
    Dynamic,
}

/// A condition an element renders under: it renders only where `cond` evaluates to `holds`.
/// `cond` is `None` when the condition is not an expression ttlint can evaluate.
#[derive(Debug, Clone, PartialEq)]
pub struct Guard {
    pub cond: Option<Cond>,
    pub holds: bool,
}

/// Text users see: static text of a text node or of a user-facing attribute, or a string
/// literal inside an expression of either.
#[derive(Debug, Clone)]
pub struct VisibleText<'a> {
    pub node: NodeId,
    /// The attribute it belongs to, if any.
    pub attr: Option<&'a str>,
    pub span: Span,
    pub text: &'a str,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    /// The literal value of an attribute (`None` when absent or computed).
    pub fn static_attr(&self, name: &str) -> Option<&str> {
        self.attr(name)?.value.static_text()
    }

    pub fn event(&self, name: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.name == name)
    }
}

impl Attr {
    /// The attribute as written: name and value.
    pub fn span(&self) -> Span {
        match self.value.span() {
            Some(value) => Span::new(self.name_span.start(), value.end()),
            None => self.name_span,
        }
    }
}

impl Markup {
    /// Gives back the room the node list grew into while the parser pushed onto it: the markup
    /// of every file stays in memory until the project pass ends.
    pub fn shrink_to_fit(&mut self) {
        self.nodes.shrink_to_fit();
        self.roots.shrink_to_fit();
    }

    /// Adds a node under `parent` (or at the top) and returns its id.
    pub fn push(
        &mut self,
        parent: Option<NodeId>,
        span: Span,
        target: Target,
        kind: NodeKind,
    ) -> NodeId {
        let id = NodeId::new(self.nodes.len());
        self.nodes.push(Node {
            parent,
            span,
            target,
            kind,
        });
        if parent.is_none() {
            self.roots.push(id);
        }
        id
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.index())
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id)?.kind {
            NodeKind::Element(e) => Some(e),
            NodeKind::Text(_) => None,
        }
    }

    /// Every element, in document order.
    pub fn elements(&self) -> impl Iterator<Item = (NodeId, &Element)> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Element(e) => Some((NodeId::new(i), &**e)),
                NodeKind::Text(_) => None,
            })
    }

    /// Every element compiled for Douyin, in document order.
    pub fn douyin_elements(&self) -> impl Iterator<Item = (NodeId, &Element)> {
        self.elements()
            .filter(|(id, _)| self.target(*id).ships_to_douyin())
    }

    /// A node and everything inside it, in document order. Nodes are in document order and each
    /// is added under an element still open, so what is inside a node comes right after it: the
    /// nodes whose parent is it or a node after it. No list of children is kept per element.
    /// Nothing for an id with no node.
    pub fn subtree(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let len = match self.nodes.get(id.index()..) {
            Some([_, after @ ..]) => {
                1 + (after.iter())
                    .take_while(|n| n.parent.is_some_and(|p| p >= id))
                    .count()
            }
            _ => 0,
        };
        (id.index()..id.index() + len).map(NodeId::new)
    }

    /// Checks [`Markup::subtree`] against its definition, the nodes whose ancestry reaches the
    /// node: it holds only if nodes are in document order.
    #[cfg(test)]
    pub fn check_subtrees(&self) {
        let ids = || (0..self.nodes.len()).map(NodeId::new);
        for id in ids() {
            let inside: Vec<NodeId> = ids()
                .filter(|&n| self.ancestry(n).any(|a| a == id))
                .collect();
            assert_eq!(
                self.subtree(id).collect::<Vec<_>>(),
                inside,
                "inside {id:?}"
            );
        }
        assert_eq!(self.subtree(NodeId::new(self.nodes.len())).count(), 0);
    }

    /// Each node as its tag (or its first text) and how many nodes its subtree holds, for tests
    /// to state a tree's shape exactly.
    #[cfg(test)]
    pub fn outline(&self) -> Vec<String> {
        (0..self.nodes.len())
            .map(NodeId::new)
            .map(|id| {
                let label = match self.node(id).map(|n| &n.kind) {
                    Some(NodeKind::Element(e)) => e.tag.to_string(),
                    Some(NodeKind::Text(parts)) => match parts.first() {
                        Some(TextPart::Static { text, .. }) => format!("{text:?}"),
                        _ => "{}".to_string(),
                    },
                    None => "?".to_string(),
                };
                format!("{label} {}", self.subtree(id).count())
            })
            .collect()
    }

    /// The node and its ancestors, innermost first.
    pub fn ancestry(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&i| self.node(i).and_then(|n| n.parent))
    }

    /// The conditions a node renders under: its own and its ancestors', innermost first.
    pub fn guards(&self, id: NodeId) -> impl Iterator<Item = &Guard> + '_ {
        self.ancestry(id)
            .filter_map(|n| self.element(n))
            .flat_map(|e| e.guards.iter())
    }

    /// Whether the node is compiled for Douyin.
    pub fn target(&self, id: NodeId) -> Target {
        self.node(id).map_or(Target::Unconditional, |n| n.target)
    }

    /// `src` attributes of `<import>`, `<include>` and `<sjs>`, with the tag.
    pub fn references(&self) -> impl Iterator<Item = (&str, &Attr)> {
        self.elements()
            .filter(|(_, e)| matches!(e.tag.as_str(), "import" | "include" | "sjs"))
            .filter_map(|(_, e)| e.attr("src").map(|a| (e.tag.as_str(), a)))
    }

    /// Text users see: text nodes, static parts of `attributes` (user-facing ones such as
    /// `placeholder`), and string literals inside expressions of both. Nothing in comments,
    /// scripts, or code never compiled for Douyin.
    pub fn visible_texts<'a>(&'a self, attributes: &[Ustr]) -> Vec<VisibleText<'a>> {
        let mut out = Vec::new();
        let push_parts = |out: &mut Vec<VisibleText<'a>>,
                          node: NodeId,
                          attr: Option<&'a str>,
                          parts: &'a [TextPart]| {
            for part in parts {
                match part {
                    TextPart::Static { span, text } if !text.trim().is_empty() => {
                        out.push(VisibleText {
                            node,
                            attr,
                            span: *span,
                            text,
                        })
                    }
                    TextPart::Dynamic {
                        binding: Some(binding),
                        ..
                    } => {
                        for (span, text) in &binding.strings {
                            if !text.trim().is_empty() {
                                out.push(VisibleText {
                                    node,
                                    attr,
                                    span: *span,
                                    text,
                                });
                            }
                        }
                    }
                    _ => {}
                }
            }
        };
        for (i, node) in self.nodes.iter().enumerate() {
            let id = NodeId::new(i);
            if !node.target.ships_to_douyin() {
                continue;
            }
            match &node.kind {
                NodeKind::Text(parts) => push_parts(&mut out, id, None, parts),
                NodeKind::Element(e) => {
                    for attr in &e.attrs {
                        if !attributes.contains(&attr.name) {
                            continue;
                        }
                        match &attr.value {
                            Value::Static { span, text } if !text.trim().is_empty() => {
                                out.push(VisibleText {
                                    node: id,
                                    attr: Some(&attr.name),
                                    span: *span,
                                    text,
                                })
                            }
                            Value::Bound { parts, .. } => {
                                push_parts(&mut out, id, Some(&attr.name), parts)
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ttml, vue};

    #[test]
    fn a_subtree_is_the_nodes_inside() {
        let templates = [
            ttml::parse(
                "<view><text>a</text><view tt:if=\"{{x}}\"><button>b</button></view>c</view><view/>\n<view><view><view/></view></view>",
                0,
            ),
            // Broken markup: an end tag closing an element still open inside, one never closed.
            ttml::parse("<view><text>a</view><view><text>b</text>c", 0),
            vue::parse(
                "<view><text v-if=\"a\">a</text><text v-else>b</text><view><u-button/></view></view><view/>",
                0,
            ),
        ];
        let mut outlines = Vec::new();
        for parsed in &templates {
            parsed.markup.check_subtrees();
            outlines.push(parsed.markup.outline());
        }
        let expected: [&[&str]; 3] = [
            &[
                "view 7", "text 2", "\"a\" 1", "view 3", "button 2", "\"b\" 1", "\"c\" 1",
                "view 1", "view 3", "view 2", "view 1",
            ],
            // `</view>` closes the `<text>` inside it too; the second `<view>` runs to the end.
            &[
                "view 3", "text 2", "\"a\" 1", "view 4", "text 2", "\"b\" 1", "\"c\" 1",
            ],
            &[
                "view 7",
                "text 2",
                "\"a\" 1",
                "text 2",
                "\"b\" 1",
                "view 2",
                "u-button 1",
                "view 1",
            ],
        ];
        assert_eq!(outlines, expected.map(|o| o.to_vec()));
    }
}
