//! Where code starts on a page, as [`crate::analysis::virtual_goods`] follows it to a payment: a
//! tap on an element iOS shows, a lifecycle method or hook that runs as the page opens, or the
//! confirm of a drawer or modal that a tap opened — in which case the gate that counts is the one
//! on the opening tap.

use crate::analysis::calls::{FnRef, Graph};
use rustc_hash::FxHashSet;

use crate::analysis::ios::{Env, Gate, Goal, may_be_true, ungated_path};
use crate::base::data::{RuleData, SHOWN_BY};
use crate::base::source::{FileId, LineIndex, Span};
use crate::project::{Rendered, UnitId};
use crate::syntax::js::cond::Cond;
use crate::syntax::js::facts::FnId;
use crate::syntax::markup::{Handler, Markup, NodeId};

/// Lifecycle methods that run as a page or component opens, with nothing for the user to tap.
const OPENING: &[&str] = &[
    "onLoad",
    "onShow",
    "onReady",
    "created",
    "attached",
    "ready",
    "beforeMount",
    "mounted",
    "componentWillMount",
    "componentDidMount",
    "componentDidShow",
];

/// Hooks whose callback runs as a page or component opens (`onLoad(() => …)` in a uni-app
/// `<script setup>`, React's and Taro's effects).
const OPENING_HOOKS: &[&str] = &[
    "onLoad",
    "onShow",
    "onReady",
    "onMounted",
    "useEffect",
    "useLayoutEffect",
    "useLoad",
    "useDidShow",
    "useReady",
];

/// A way a user starts code on a page.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// What the user acts on: an event binding, or the first line of a lifecycle method.
    pub file: FileId,
    pub span: Span,
    pub kind: TriggerKind,
    pub functions: Vec<FnRef>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriggerKind {
    /// A tap (or any event) on an element: its template, node and handler.
    Event {
        template: FileId,
        node: NodeId,
        handler: Handler,
        event: String,
    },
    /// A lifecycle method or an opening hook, by name.
    Opening(String),
}

/// Whether an element is hidden or not rendered on iOS (or behind a platform check ttlint
/// cannot evaluate).
pub fn hidden_on_ios(env: &Env<'_>, doc: &Markup, node: NodeId) -> bool {
    doc.guards(node).any(|g| {
        g.cond
            .as_ref()
            .is_some_and(|c| env.gate(c, g.holds) != Gate::Open)
    })
}

/// The first line of a span: where a finding on a whole function points. Read from the line
/// index: the file's text may be packed away by now.
fn first_line(lines: &LineIndex, span: Span) -> Span {
    let line_break = lines
        .line_start(lines.line_of(span.start()) + 1)
        .map(|next| next - 1);
    let end = line_break.map_or(span.end(), |at| at.min(span.end()));
    Span::new(
        span.start(),
        end.max(span.start() + 1)
            .min(span.end().max(span.start() + 1)),
    )
}

/// The lifecycle methods and opening hooks of a unit's script.
fn openings(graph: &Graph<'_>, unit: UnitId) -> Vec<Trigger> {
    let Some(script) = graph.project().unit(unit).script else {
        return Vec::new();
    };
    let Some(facts) = graph.facts(script) else {
        return Vec::new();
    };
    let lines = graph.files().source(script).lines();
    let mut out = Vec::new();
    for (i, f) in facts.functions.iter().enumerate() {
        let name = match (&f.name, &f.callback) {
            (Some(name), _) if f.parent.is_none() && OPENING.contains(&name.as_str()) => {
                name.to_string()
            }
            (None, Some(callee))
                if OPENING_HOOKS.contains(&callee.rsplit('.').next().unwrap_or_default()) =>
            {
                callee.to_string()
            }
            _ => continue,
        };
        out.push(Trigger {
            file: script,
            span: first_line(lines, f.span),
            kind: TriggerKind::Opening(name),
            functions: vec![FnRef {
                file: script,
                function: FnId::new(i),
            }],
        });
    }
    out
}

/// Every way code starts on a page, in template order, then the openings: each element's events
/// (with whether iOS hides the element) and each lifecycle method or opening hook.
pub fn page_triggers(
    graph: &Graph<'_>,
    env: &Env<'_>,
    rendered: &Rendered,
) -> Vec<(Trigger, bool)> {
    let project = graph.project();
    let mut out = Vec::new();
    for &unit in &rendered.units {
        let Some(script) = project.unit(unit).script else {
            continue;
        };
        for template in project.templates_of(unit) {
            let Some(doc) = graph.files().content(template).markup() else {
                continue;
            };
            for (node, element) in doc.douyin_elements() {
                let hidden = hidden_on_ios(env, doc, node);
                for event in &element.events {
                    let start = Trigger {
                        file: template,
                        span: event.span,
                        kind: TriggerKind::Event {
                            template,
                            node,
                            handler: event.handler.clone(),
                            event: event.name.to_string(),
                        },
                        functions: graph.handler(script, &event.handler),
                    };
                    out.push((start, hidden));
                }
            }
        }
    }
    for &unit in &rendered.units {
        out.extend(openings(graph, unit).into_iter().map(|s| (s, false)));
    }
    out
}

/// The data flags an element renders under (`tt:if="{{showPay}}"`, `v-if="visible"`), and those
/// a drawer or popup around it (or it itself) is shown by.
fn flags(doc: &Markup, node: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    for guard in doc.guards(node) {
        match (&guard.cond, guard.holds) {
            (Some(Cond::Path(p)), true) => out.push(p.to_string()),
            (Some(Cond::Not(inner)), false) => {
                if let Cond::Path(p) = &**inner {
                    out.push(p.to_string());
                }
            }
            _ => {}
        }
    }
    for id in doc.ancestry(node) {
        let Some(element) = doc.element(id) else {
            continue;
        };
        for attr in element
            .attrs
            .iter()
            .filter(|a| SHOWN_BY.contains(&a.name.as_str()))
        {
            if attr.name == "v-model" {
                out.extend(attr.value.static_text().map(|t| t.trim().to_string()));
            } else if let Some(Cond::Path(p)) = attr.value.single_binding().map(|b| &b.cond) {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// How a page's scripts set a flag: whether at all, and whether it may be true from the start —
/// in `data`, a Vue `data()` or `computed`, `useState(…)`, top-level code — rather than only
/// once a method or a closure runs (which a start must reach).
fn flag_setting(graph: &Graph<'_>, rendered: &Rendered, flag: &str) -> (bool, bool) {
    let (mut set, mut from_start) = (false, false);
    for facts in rendered.scripts.iter().filter_map(|&s| graph.facts(s)) {
        for a in facts.assignments.iter().filter(|a| a.path == flag) {
            set = true;
            let at_start = a.function.and_then(|f| facts.function(f)).is_none_or(|f| {
                f.parent.is_none() && (!f.method || f.name.as_deref() == Some("data"))
            });
            from_start |= at_start && may_be_true(&a.value);
        }
    }
    (set, from_start)
}

/// How an element that starts a payment comes to show on iOS.
#[derive(Debug)]
pub enum Shown {
    /// Nothing ttlint can follow keeps it from showing.
    Always,
    /// Behind a flag (named) that this trigger sets, on iOS too.
    OpenedBy(Trigger, String),
    /// Behind a flag that only triggers iOS hides (or gates) ever set: it never shows there.
    Never,
}

/// How the element at `node` of `doc` comes to show on iOS, given every trigger of its page: a
/// drawer or modal opened by a gated button never shows, and one opened by an ungated button
/// shows through that button.
pub fn shown_on_ios(
    graph: &Graph<'_>,
    data: &RuleData,
    env: &Env<'_>,
    rendered: &Rendered,
    triggers: &[(Trigger, bool)],
    doc: &Markup,
    node: NodeId,
) -> Shown {
    let mut opened = None;
    for flag in flags(doc, node) {
        let (set, from_start) = flag_setting(graph, rendered, &flag);
        if !set || from_start {
            continue;
        }
        let by = triggers
            .iter()
            .filter(|(_, hidden)| !hidden)
            .find(|(start, _)| {
                start.functions.iter().any(|&f| {
                    ungated_path(
                        graph,
                        data,
                        env,
                        Goal::Shows(&flag),
                        f,
                        &mut FxHashSet::default(),
                    )
                    .is_some()
                })
            });
        match by {
            Some((start, _)) => {
                opened.get_or_insert((start.clone(), flag));
            }
            None => return Shown::Never,
        }
    }
    match opened {
        Some((start, path)) => Shown::OpenedBy(start, path),
        None => Shown::Always,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_is_pointed_at_by_its_first_line() {
        fn at(text: &str, start: usize, end: usize) -> &str {
            let span = first_line(&LineIndex::new(text), Span::new(start, end));
            &text[span.start()..span.end()]
        }
        let lf = "x\nonLoad() {\n  tt.pay();\n}\n";
        assert_eq!(at(lf, 2, lf.len() - 1), "onLoad() {");
        let crlf = "onLoad() {\r\n  tt.pay();\r\n}";
        assert_eq!(
            at(crlf, 0, crlf.len()),
            "onLoad() {\r",
            "up to the line feed, as before"
        );
        let cr = "onLoad() {\r  tt.pay();\r}";
        assert_eq!(at(cr, 0, cr.len()), "onLoad() {", "a lone CR ends a line");
        let last = "a\nonShow() {}";
        assert_eq!(
            at(last, 2, last.len()),
            "onShow() {}",
            "the last line ends the file"
        );
        assert_eq!(
            at("f() {}", 0, 0),
            "f",
            "an empty span still points at a character"
        );
    }
}
