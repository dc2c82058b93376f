//! The parsed template: an arena of nodes in document order, and the queries rules ask of it.

use super::expr::{Binding, Cond};
use crate::base::source::Span;
use crate::syntax::comment::Comment;
use crate::syntax::js::conditional::{Regions, Target};
use crate::syntax::syntax_error::SyntaxError;

pub type NodeId = usize;

#[derive(Debug, Clone)]
pub struct Document {
    /// Every element and text node, in document order.
    pub nodes: Vec<Node>,
    /// Top-level nodes.
    pub roots: Vec<NodeId>,
    /// `<!-- -->` comments (their text without the delimiters).
    pub comments: Vec<Comment>,
    /// Broken markup and invalid `{{ }}` or inline `<sjs>` code, in source order.
    pub errors: Vec<SyntaxError>,
    /// uni-app conditional regions (`<!-- #ifdef MP-WEIXIN -->`).
    pub regions: Regions,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<NodeId>,
    /// The whole node: from `<` to the end of its closing tag, or the text run.
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Element(Element),
    Text(Vec<Part>),
}

#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub name_span: Span,
    pub attrs: Vec<Attr>,
    pub children: Vec<NodeId>,
}

#[derive(Debug, Clone)]
pub struct Attr {
    pub name: String,
    pub name_span: Span,
    /// `None` for a valueless attribute (`hidden`, `tt:else`).
    pub value: Option<Value>,
}

/// An attribute value: its span inside the quotes and its static and `{{ }}` parts.
#[derive(Debug, Clone)]
pub struct Value {
    pub span: Span,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone)]
pub enum Part {
    /// Literal text, as written (entities are not decoded).
    Static { span: Span, text: String },
    /// A `{{ }}` binding: the span of its body, and the body parsed (`None` if empty or invalid).
    Binding {
        span: Span,
        binding: Option<Binding>,
    },
}

impl Value {
    /// The value when it has no `{{ }}`.
    pub fn static_text(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Static { text, .. } => out.push_str(text),
                Part::Binding { .. } => return None,
            }
        }
        Some(out)
    }

    /// The binding when the whole value is one `{{ }}` (surrounding white space allowed).
    pub fn single_binding(&self) -> Option<&Binding> {
        let mut found = None;
        for part in &self.parts {
            match part {
                Part::Static { text, .. } if text.trim().is_empty() => {}
                Part::Binding { binding, .. } if found.is_none() => found = Some(binding.as_ref()?),
                _ => return None,
            }
        }
        found
    }

    pub fn has_binding(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Binding { .. }))
    }
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    /// The static value of an attribute (`None` when absent or bound).
    pub fn static_attr(&self, name: &str) -> Option<String> {
        self.attr(name)?.value.as_ref()?.static_text()
    }
}

/// A condition that decides whether a node renders: it renders only where `cond` evaluates to
/// `holds`. `tt:if="{{c}}"` on the node or an ancestor holds `c`; a `tt:elif`/`tt:else` branch
/// also needs every earlier branch of its chain not to hold; `hidden="{{c}}"` needs `c` not to
/// hold. `cond` is `None` for a branch or attribute whose value is not a single `{{ }}` (bare
/// `hidden`, a static string): it decides nothing ttlint can evaluate.
#[derive(Debug, Clone, Copy)]
pub struct Guard<'a> {
    /// The element carrying the directive.
    pub element: &'a Element,
    /// The directive: `tt:if`, `tt:elif` or `hidden`.
    pub directive: &'static str,
    pub cond: Option<&'a Cond>,
    pub holds: bool,
}

/// The guard a directive of `element` puts on its content.
fn guard<'a>(element: &'a Element, directive: &'static str, holds: bool) -> Guard<'a> {
    let cond = element
        .attr(directive)
        .and_then(|a| a.value.as_ref())
        .and_then(Value::single_binding)
        .map(|b| &b.cond);
    Guard {
        element,
        directive,
        cond,
        holds,
    }
}

/// Text users see: a text node's static text, or a static part of a user-facing attribute, or
/// a string literal inside a binding.
#[derive(Debug, Clone)]
pub struct VisibleText<'a> {
    pub node: NodeId,
    /// The attribute it belongs to, if any.
    pub attr: Option<&'a str>,
    pub span: Span,
    pub text: &'a str,
}

/// Elements whose content is not markup.
pub(crate) const RAW_TEXT_ELEMENTS: &[&str] = &["sjs"];

impl Document {
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id)?.kind {
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
                NodeKind::Element(e) => Some((i, e)),
                NodeKind::Text(_) => None,
            })
    }

    /// The node and its ancestors, innermost first.
    pub fn ancestry(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&i| self.nodes.get(i).and_then(|n| n.parent))
    }

    /// The element siblings before `id`, nearest first.
    fn previous_elements(&self, id: NodeId) -> impl Iterator<Item = &Element> + '_ {
        let siblings: &[NodeId] = match self.nodes.get(id).and_then(|n| n.parent) {
            Some(p) => self.element(p).map_or(&[], |e| e.children.as_slice()),
            None => &self.roots,
        };
        let at = siblings.iter().position(|&s| s == id).unwrap_or(0);
        siblings[..at].iter().rev().filter_map(|&s| self.element(s))
    }

    /// The conditions guarding a node: its own and its ancestors', innermost first.
    pub fn guards(&self, id: NodeId) -> Vec<Guard<'_>> {
        let mut out = Vec::new();
        for node in self.ancestry(id) {
            let Some(element) = self.element(node) else {
                continue;
            };
            if element.has_attr("tt:if") {
                out.push(guard(element, "tt:if", true));
            } else if element.has_attr("tt:elif") {
                out.push(guard(element, "tt:elif", true));
                self.earlier_branches(node, &mut out);
            } else if element.has_attr("tt:else") {
                self.earlier_branches(node, &mut out);
            }
            if element.has_attr("hidden") {
                out.push(guard(element, "hidden", false));
            }
        }
        out
    }

    /// For a `tt:elif`/`tt:else` node: the earlier branches of its chain, which must not hold.
    fn earlier_branches<'a>(&'a self, id: NodeId, out: &mut Vec<Guard<'a>>) {
        for sibling in self.previous_elements(id) {
            if sibling.has_attr("tt:elif") {
                out.push(guard(sibling, "tt:elif", false));
            } else if sibling.has_attr("tt:if") {
                out.push(guard(sibling, "tt:if", false));
                break;
            } else {
                break;
            }
        }
    }

    /// Whether the node is in a region compiled for Douyin (uni-app `<!-- #ifdef -->`).
    pub fn target(&self, id: NodeId) -> Target {
        self.nodes.get(id).map_or(Target::Unconditional, |n| {
            self.regions.target_at(n.span.start)
        })
    }

    /// Text users see: text nodes, static parts of `attributes` (user-facing ones such as
    /// `placeholder`), and string literals inside bindings of both. Nothing in comments, inline
    /// `<sjs>`, or regions never compiled for Douyin.
    pub fn visible_texts<'a>(&'a self, attributes: &[String]) -> Vec<VisibleText<'a>> {
        let mut out = Vec::new();
        let push_parts = |out: &mut Vec<VisibleText<'a>>,
                          node: NodeId,
                          attr: Option<&'a str>,
                          parts: &'a [Part]| {
            for part in parts {
                match part {
                    Part::Static { span, text } if !text.trim().is_empty() => {
                        out.push(VisibleText {
                            node,
                            attr,
                            span: *span,
                            text,
                        })
                    }
                    Part::Binding {
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
        for (id, node) in self.nodes.iter().enumerate() {
            if !self.target(id).ships_to_douyin() {
                continue;
            }
            match &node.kind {
                NodeKind::Text(parts) => push_parts(&mut out, id, None, parts),
                NodeKind::Element(e) => {
                    for attr in &e.attrs {
                        if let Some(value) = &attr.value
                            && attributes.iter().any(|a| a == &attr.name)
                        {
                            push_parts(&mut out, id, Some(&attr.name), &value.parts);
                        }
                    }
                }
            }
        }
        out
    }

    /// `src` values of `<import>`, `<include>` and `<sjs src>`, with the element name.
    pub fn references(&self) -> Vec<(&str, &Attr)> {
        self.elements()
            .filter(|(_, e)| matches!(e.name.as_str(), "import" | "include" | "sjs"))
            .filter_map(|(_, e)| e.attr("src").map(|a| (e.name.as_str(), a)))
            .collect()
    }
}
