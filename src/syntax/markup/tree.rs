//! The tag tree as written: what the markup parser builds before a dialect lowers it into the
//! model (`tt:if` is still an attribute named `tt:if` here).

use std::borrow::Cow;

use super::expr::Binding;
use super::model::TextPart;
use crate::base::source::Span;
use crate::syntax::comment::Comment;
use crate::syntax::syntax_error::SyntaxError;

pub type NodeId = usize;

#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// Every element and text node, in document order.
    pub nodes: Vec<Node<'a>>,
    /// Top-level nodes.
    pub roots: Vec<NodeId>,
    /// `<!-- -->` comments (their text without the delimiters).
    pub comments: Vec<Comment>,
    /// Broken markup and invalid `{{ }}` or inline `<sjs>` code, in source order.
    pub errors: Vec<SyntaxError>,
}

#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub parent: Option<NodeId>,
    /// The whole node: from `<` to the end of its closing tag, or the text run.
    pub span: Span,
    pub kind: NodeKind<'a>,
}

#[derive(Debug, Clone)]
pub enum NodeKind<'a> {
    Element(Element<'a>),
    Text(Vec<TextPart>),
}

#[derive(Debug, Clone)]
pub struct Element<'a> {
    /// As written, borrowed from the template's text: the model interns what it keeps.
    pub name: &'a str,
    pub name_span: Span,
    pub attrs: Vec<Attr<'a>>,
    /// Where the start tag ends: after its `>` or `/>`, or where it was cut off.
    pub start_tag_end: usize,
    pub children: Vec<NodeId>,
}

#[derive(Debug, Clone)]
pub struct Attr<'a> {
    /// As written, borrowed from the template's text.
    pub name: &'a str,
    pub name_span: Span,
    /// `None` for a valueless attribute (`hidden`, `tt:else`).
    pub value: Option<Value>,
}

/// An attribute value: its span inside the quotes and its static and `{{ }}` parts.
#[derive(Debug, Clone)]
pub struct Value {
    pub span: Span,
    pub parts: Vec<TextPart>,
}

impl Value {
    /// Whether some `{{ }}` part compares ([`TextPart::compares`]).
    pub fn compares(&self) -> bool {
        self.parts.iter().any(TextPart::compares)
    }

    /// The value when it has no `{{ }}`: borrowed, as the parser writes a value without one as a
    /// single part (or none, when it is empty).
    pub fn static_text(&self) -> Option<Cow<'_, str>> {
        match self.parts.as_slice() {
            [] => Some(Cow::Borrowed("")),
            [TextPart::Static { text, .. }] => Some(Cow::Borrowed(text)),
            parts => {
                let mut out = String::new();
                for part in parts {
                    match part {
                        TextPart::Static { text, .. } => out.push_str(text),
                        TextPart::Dynamic { .. } => return None,
                    }
                }
                Some(Cow::Owned(out))
            }
        }
    }

    /// [`Value::static_text`], moved out of the value; the value back when it has a `{{ }}`.
    pub fn into_static_text(mut self) -> Result<String, Self> {
        if let [TextPart::Static { text, .. }] = self.parts.as_mut_slice() {
            return Ok(std::mem::take(text));
        }
        match self.static_text() {
            Some(text) => Ok(text.into_owned()),
            None => Err(self),
        }
    }

    /// The binding when the whole value is one `{{ }}` (surrounding white space allowed).
    pub fn single_binding(&self) -> Option<&Binding> {
        let mut found = None;
        for part in &self.parts {
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

impl<'a> Element<'a> {
    pub fn attr(&self, name: &str) -> Option<&Attr<'a>> {
        self.attrs.iter().find(|a| a.name == name)
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }
}

impl<'a> Document<'a> {
    /// Every element, in document order.
    #[cfg(test)]
    pub fn elements(&self) -> impl Iterator<Item = (NodeId, &Element<'a>)> {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Element(e) => Some((i, e)),
                NodeKind::Text(_) => None,
            })
    }

    pub fn element(&self, id: NodeId) -> Option<&Element<'a>> {
        match &self.nodes.get(id)?.kind {
            NodeKind::Element(e) => Some(e),
            NodeKind::Text(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parser::{Dialect, parse};
    use super::*;

    /// The attribute values of the first element of `src`, as `into_static_text` gives them.
    fn moved(src: &str) -> Vec<Result<String, usize>> {
        let doc = parse(src, 0, Dialect::Ttml);
        let Some(NodeKind::Element(element)) = doc.nodes.into_iter().next().map(|n| n.kind) else {
            panic!("no element in {src}");
        };
        element
            .attrs
            .into_iter()
            .filter_map(|a| a.value)
            .map(|v| v.into_static_text().map_err(|v| v.parts.len()))
            .collect()
    }

    #[test]
    fn a_value_without_bindings_moves_out_whole_and_one_with_them_comes_back() {
        assert_eq!(
            moved(r#"<view class="btn primary" title="" data-id="{{id}}" alt="会员{{n}}级"/>"#),
            vec![
                Ok("btn primary".to_string()),
                Ok(String::new()),
                Err(1),
                Err(3)
            ]
        );
    }
}
