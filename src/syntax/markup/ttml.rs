//! TTML, the Douyin template language, lowered into the markup model: `tt:if` / `tt:elif` /
//! `tt:else` and `hidden` become guards, `tt:for` marks repeated elements, `bindtap` /
//! `catch:tap` / `capture-bind:tap` become events.

pub use super::model::Parsed;

use super::model::{Element, Event, Guard, Handler, Markup, Node, NodeId, NodeKind, Value};
use super::parser::{self, Dialect};
use super::tree::{self, Document};
use crate::base::intern::Ustr;
use crate::base::source::narrow;
use crate::syntax::js::conditional::Regions;

/// Parses a template that starts at byte `base` of its file, keeping everything (tests and
/// fuzzing: the engine keeps what rules read).
#[cfg(any(test, feature = "fuzzing"))]
pub fn parse(text: &str, base: usize) -> Parsed {
    parse_keeping(text, base, &|_| true)
}

/// Parses a template that starts at byte `base` of its file, keeping of the attributes those
/// `attribute` takes by name and those whose value compares
/// ([`Keep::attribute`](crate::syntax::js::facts::Keep::attribute)).
pub fn parse_keeping(text: &str, base: usize, attribute: &dyn Fn(Ustr) -> bool) -> Parsed {
    let mut doc = parser::parse(text, base, Dialect::Ttml);
    let regions = Regions::from_comments(doc.comments.iter().map(|c| (c.span, c.text.as_str())));
    let comments = std::mem::take(&mut doc.comments);
    let errors = std::mem::take(&mut doc.errors);
    Parsed {
        markup: lower(doc, &regions, attribute),
        comments,
        errors,
    }
}

/// Event-binding prefixes, longest first: `capture-catch:tap`, `bind:tap`, `bindtap`.
const EVENT_PREFIXES: &[&str] = &[
    "capture-catch:",
    "capture-bind:",
    "mut-bind:",
    "catch:",
    "bind:",
    "catch",
    "bind",
];

/// The event an attribute binds: `bindtap` → `tap`.
fn event_name(attr: &str) -> Option<&str> {
    EVENT_PREFIXES
        .iter()
        .find_map(|p| attr.strip_prefix(p))
        .filter(|rest| !rest.is_empty())
}

/// An attribute's name in the model: camelCase as ported templates write it (`openType`,
/// `formType`, the Alipay-style markup of converted projects) in kebab case like every other
/// dialect's (`open-type`). `data-*` names are kept: they name dataset keys as written.
fn attr_name(name: &str) -> Ustr {
    if name.starts_with("data-") {
        name.into()
    } else {
        super::model::hyphenate(name).as_ref().into()
    }
}

/// An attribute's value in the model: its text when it has no `{{ }}`, else its parts, moved.
fn value(raw: Option<tree::Value>) -> Value {
    let Some(raw) = raw else {
        return Value::Empty;
    };
    let span = raw.span;
    match raw.into_static_text() {
        Ok(text) => Value::Static {
            span,
            text: text.into_boxed_str(),
        },
        Err(raw) => Value::Bound {
            span,
            parts: raw.parts.into_boxed_slice(),
        },
    }
}

/// The guard a directive of `element` puts on it: it renders where the directive's `{{ }}`
/// evaluates to `holds`.
fn guard(element: &tree::Element, directive: &str, holds: bool) -> Guard {
    let cond = element
        .attr(directive)
        .and_then(|a| a.value.as_ref())
        .and_then(tree::Value::single_binding)
        .map(|b| b.cond.clone());
    Guard { cond, holds }
}

/// The element siblings before `id`, nearest first.
fn previous_elements<'d, 'a>(
    doc: &'d Document<'a>,
    id: tree::NodeId,
) -> impl Iterator<Item = &'d tree::Element<'a>> {
    let siblings: &[tree::NodeId] = match doc.nodes.get(id).and_then(|n| n.parent) {
        Some(p) => doc.element(p).map_or(&[], |e| e.children.as_slice()),
        None => &doc.roots,
    };
    let at = siblings.iter().position(|&s| s == id).unwrap_or(0);
    siblings[..at].iter().rev().filter_map(|&s| doc.element(s))
}

/// The guards of an element: its `tt:if` / `tt:elif` (and, for `tt:elif` / `tt:else`, the
/// earlier branches of its chain not holding), and `hidden`.
fn guards(doc: &Document, id: tree::NodeId, element: &tree::Element) -> Vec<Guard> {
    let mut out = Vec::new();
    let chained = if element.has_attr("tt:if") {
        out.push(guard(element, "tt:if", true));
        false
    } else if element.has_attr("tt:elif") {
        out.push(guard(element, "tt:elif", true));
        true
    } else {
        element.has_attr("tt:else")
    };
    if chained {
        for sibling in previous_elements(doc, id) {
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
    if element.has_attr("hidden") {
        out.push(guard(element, "hidden", false));
    }
    out
}

/// An element in the model, its attributes moved out of the tree (those `attribute` takes by
/// name and those whose value compares); `guards` are read from the tree before (a `tt:else`
/// reads its earlier siblings' attributes).
fn element(raw: tree::Element, guards: Box<[Guard]>, attribute: &dyn Fn(Ustr) -> bool) -> Element {
    let repeated = raw.has_attr("tt:for") || raw.has_attr("tt:for-items");
    let tag = raw.name.into();
    let mut attrs = Vec::with_capacity(raw.attrs.len());
    let mut events = Vec::new();
    for attr in raw.attrs {
        match event_name(attr.name) {
            Some(name) => {
                let handler = match attr.value.as_ref().and_then(|v| v.static_text()) {
                    Some(text) if !text.trim().is_empty() => Handler::Named(text.trim().into()),
                    _ => Handler::Dynamic,
                };
                let end = attr
                    .value
                    .as_ref()
                    .map_or(attr.name_span.end(), |v| v.span.end() + 1);
                events.push(Event {
                    name: name.into(),
                    span: crate::base::source::Span::new(attr.name_span.start(), end),
                    handler,
                });
            }
            // As `model::Attr::kept_by` decides, asked before the value is moved into the model.
            None => {
                let name = attr_name(attr.name);
                if attribute(name) || attr.value.as_ref().is_some_and(tree::Value::compares) {
                    attrs.push(super::model::Attr {
                        name,
                        name_span: attr.name_span,
                        value: value(attr.value),
                    });
                }
            }
        }
    }
    Element {
        tag,
        tag_span: raw.name_span,
        attrs: attrs.into(),
        events: events.into(),
        guards,
        repeated,
        start_tag_end: narrow(raw.start_tag_end),
    }
}

/// The model of a parsed tree: the same nodes in the same order, lowered. The tree is consumed:
/// texts, values and their bindings move into the model rather than being copied.
fn lower(doc: Document, regions: &Regions, attribute: &dyn Fn(Ustr) -> bool) -> Markup {
    let guards: Vec<Box<[Guard]>> = (doc.nodes.iter().enumerate())
        .map(|(id, node)| match &node.kind {
            tree::NodeKind::Element(e) => guards(&doc, id, e).into(),
            tree::NodeKind::Text(_) => Box::default(),
        })
        .collect();
    let nodes = (doc.nodes.into_iter().zip(guards))
        .map(|(node, guards)| Node {
            parent: node.parent.map(NodeId::new),
            span: node.span,
            target: regions.target_at(node.span.start()),
            kind: match node.kind {
                tree::NodeKind::Element(e) => {
                    NodeKind::Element(Box::new(element(e, guards, attribute)))
                }
                tree::NodeKind::Text(parts) => NodeKind::Text(parts.into_boxed_slice()),
            },
        })
        .collect();
    Markup {
        nodes,
        roots: doc.roots.into_iter().map(NodeId::new).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::js::cond::Cond;
    use crate::syntax::js::conditional::Target;

    fn element<'a>(m: &'a Markup, tag: &str) -> (NodeId, &'a Element) {
        m.elements()
            .find(|(_, e)| e.tag == tag)
            .expect("the element")
    }

    fn path(p: &str) -> Option<Cond> {
        Some(Cond::Path(p.into()))
    }

    /// The engine keeps what rules read: `class`, `data-id` and the like go, values that compare
    /// stay, and guards are read before anything is dropped.
    #[test]
    fn attributes_no_rule_reads_are_left_out() {
        let src = "<view tt:if=\"{{a}}\" class=\"box\" data-id=\"{{id}}\" title=\"{{os === 'ios' ? 'a' : 'b'}}\" open-type=\"im\" lazy-load>x</view><text tt:else class=\"c\"/>";
        let keep =
            |name: Ustr| !["class", "data-id", "title", "lazy-load"].contains(&name.as_str());
        let m = parse_keeping(src, 0, &keep).markup;
        let names = |e: &Element| e.attrs.iter().map(|a| a.name.as_str()).collect::<Vec<_>>();
        let (_, view) = element(&m, "view");
        assert_eq!(names(view), ["tt:if", "title", "open-type"]);
        assert_eq!(view.start_tag_end as usize, src.find(">x").unwrap() + 1);
        let (_, text) = element(&m, "text");
        assert_eq!(names(text), ["tt:else"]);
        assert_eq!(
            text.guards.to_vec(),
            vec![Guard {
                cond: path("a"),
                holds: false
            }]
        );
    }

    #[test]
    fn directives_become_guards_and_events() {
        let src = "<view tt:if=\"{{a}}\"><button bindtap=\"buy\" catch:error=\"{{h}}\">x</button></view>\n<view tt:elif=\"{{b}}\"/>\n<text tt:else hidden=\"{{c}}\"/>\n<view tt:for=\"{{list}}\"/>";
        let m = parse(src, 0).markup;
        let (button_id, button) = element(&m, "button");
        assert_eq!(button.events.len(), 2);
        assert_eq!(button.events[0].name, "tap");
        assert_eq!(button.events[0].handler, Handler::Named("buy".into()));
        assert_eq!(
            &src[button.events[0].span.start()..button.events[0].span.end()],
            "bindtap=\"buy\""
        );
        assert_eq!(button.events[1].name, "error");
        assert_eq!(button.events[1].handler, Handler::Dynamic);
        assert!(button.attrs.is_empty(), "events are not attributes");
        let inherited: Vec<&Guard> = m.guards(button_id).collect();
        assert_eq!(
            inherited,
            vec![&Guard {
                cond: path("a"),
                holds: true
            }]
        );
        let (_, text) = element(&m, "text");
        assert_eq!(
            text.guards.to_vec(),
            vec![
                Guard {
                    cond: path("b"),
                    holds: false
                },
                Guard {
                    cond: path("a"),
                    holds: false
                },
                Guard {
                    cond: path("c"),
                    holds: false
                },
            ],
            "tt:else after tt:elif after tt:if, then hidden"
        );
        assert!(m.elements().any(|(_, e)| e.repeated));
        assert!(text.has_attr("tt:else"), "directives stay attributes too");
    }

    #[test]
    fn values_are_static_or_bound() {
        let m = parse(
            "<button open-type=\"im\" data-im-id=\"{{id}}\" title=\"会员{{n}}\" hidden/>",
            0,
        )
        .markup;
        let (_, b) = element(&m, "button");
        assert_eq!(b.static_attr("open-type"), Some("im"));
        assert!(
            b.attr("data-im-id")
                .unwrap()
                .value
                .single_binding()
                .is_some()
        );
        assert!(matches!(
            b.attr("title").unwrap().value,
            Value::Bound { .. }
        ));
        assert!(b.attr("title").unwrap().value.single_binding().is_none());
        assert!(matches!(b.attr("hidden").unwrap().value, Value::Empty));
    }

    #[test]
    fn visible_text_excludes_names_handlers_urls_and_comments() {
        let src = r#"<view class="wechat" bindtap="addWechat"><input placeholder="请输入微信号" /><image src="https://x/wx.png" alt="二维码"/>{{ vip ? '开通会员' : '' }} 文本<!-- 加微信 --></view>"#;
        let m = parse(src, 0).markup;
        let attrs = ["placeholder", "alt"].map(Ustr::from);
        let texts: Vec<&str> = m
            .visible_texts(&attrs)
            .iter()
            .map(|t| t.text.trim())
            .collect();
        assert_eq!(texts, vec!["请输入微信号", "二维码", "开通会员", "文本"]);
    }

    #[test]
    fn deep_markup_lowers_without_recursion() {
        let n = 200_000;
        let src = format!("{}{}", "<view>".repeat(n), "</view>".repeat(n));
        let m = parse(&src, 0).markup;
        assert_eq!(m.nodes.len(), n);
        assert_eq!(m.guards(NodeId::new(n - 1)).count(), 0);
    }

    #[test]
    fn conditional_regions_mark_nodes() {
        let src = "<!-- #ifdef MP-WEIXIN --><view/><!-- #endif --><text/>";
        let m = parse(src, 0).markup;
        assert_eq!(m.target(element(&m, "view").0), Target::Excluded);
        assert_eq!(m.target(element(&m, "text").0), Target::Unconditional);
        let texts = parse(
            "<!-- #ifdef MP-WEIXIN --><view>加微信</view><!-- #endif --><view>ok</view>",
            0,
        )
        .markup
        .visible_texts(&[])
        .iter()
        .map(|t| t.text.to_string())
        .collect::<Vec<_>>();
        assert_eq!(texts, vec!["ok"]);
    }
}
