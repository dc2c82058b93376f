//! Virtual goods on a page, and the payment starts iOS users can reach there.
//!
//! Shared by the `ios-virtual-payment` rule (which reports every ungated start) and the project
//! summary of the HTML report (which shows, per page, whether it sells virtual goods and whether
//! its payments are gated on iOS), so the two can never disagree.

use std::collections::{BTreeSet, HashSet};

use crate::analysis::calls::{FnRef, handler_functions};
use crate::analysis::ios::{Env, Gate, Step, ungated_payment};
use crate::analysis::service::PageFacts;
use crate::analysis::trade::is_pay_component;
use crate::base::data::RuleData;
use crate::base::source::{FileId, Span};
use crate::project::Project;
use crate::project::files::Files;
use crate::syntax::markup::{Handler, Markup, NodeId};

/// What a page sells and where iOS users can pay for it.
#[derive(Debug, Clone, Default)]
pub struct VirtualGoods {
    /// The virtual-goods words the page shows, sorted; empty when it does not sell virtual goods
    /// (no such words, or physical-goods words outnumber them).
    pub words: Vec<String>,
    /// The payment starts no iOS check stops, in template order; always empty when `words` is.
    pub ungated: Vec<PaymentStart>,
}

impl VirtualGoods {
    pub fn sells(&self) -> bool {
        !self.words.is_empty()
    }
}

/// An element that starts a payment on iOS.
#[derive(Debug, Clone)]
pub struct PaymentStart {
    /// The template the element is in.
    pub file: FileId,
    pub span: Span,
    pub how: StartKind,
}

#[derive(Debug, Clone)]
pub enum StartKind {
    /// A pay component (`<pay-button>`, a mapped pay component): the element's tag.
    Component { tag: String },
    /// A handler that reaches a cashier, and the steps on the way there. `handler` is the
    /// method's name, `None` when the handler is written inline (`@tap="() => pay()"`,
    /// `onClick={() => …}`); `event` is the event it answers (`tap`).
    Handler {
        handler: Option<String>,
        event: String,
        steps: Vec<Step>,
    },
}

/// The virtual-goods words a page shows, when it sells virtual goods: its templates' visible
/// text, its scripts' sentences and its navigation titles.
pub fn words(project: &Project, files: &Files, data: &RuleData, page: &PageFacts) -> Vec<String> {
    let ios = &data.ios;
    let mut texts: Vec<&str> = Vec::new();
    for &template in &page.rendered.templates {
        if let Some(doc) = files.content(template).markup() {
            texts.extend(
                doc.visible_texts(&data.drainage.visible_attributes)
                    .into_iter()
                    .map(|t| t.text),
            );
        }
    }
    for &unit in &page.rendered.units {
        if let Some(facts) = project
            .unit(unit)
            .script
            .and_then(|s| files.content(s).script())
        {
            // Sentences, not identifiers: `payOrder('vip-monthly')` sells nothing.
            texts.extend(
                facts
                    .texts
                    .iter()
                    .map(|t| t.text.as_str())
                    .filter(|t| !t.is_ascii()),
            );
        }
        texts.extend(project.title(unit, files));
    }
    let mut seen = BTreeSet::new();
    let (mut virtual_count, mut physical_count) = (0, 0);
    for text in texts {
        for m in ios.virtual_goods.find_iter(text) {
            virtual_count += 1;
            seen.insert(ios.virtual_words[m.pattern().as_usize()].clone());
        }
        physical_count += ios.physical_goods.find_iter(text).count();
    }
    if virtual_count == 0 || physical_count > virtual_count {
        return Vec::new();
    }
    seen.into_iter().collect()
}

/// Whether an element is hidden or not rendered on iOS (or behind a platform check ttlint
/// cannot evaluate).
fn hidden_on_ios(env: &Env<'_>, doc: &Markup, node: NodeId) -> bool {
    doc.guards(node).any(|g| {
        g.cond
            .as_ref()
            .is_some_and(|c| env.gate(c, g.holds) != Gate::Open)
    })
}

/// The payment starts on a page that no iOS check stops: pay components shown on iOS, and tap
/// handlers from which a cashier is reachable with every condition on the way open on an iPhone.
pub fn ungated_starts(
    project: &Project,
    files: &Files,
    data: &RuleData,
    page: &PageFacts,
) -> Vec<PaymentStart> {
    let mut env = Env::new(data);
    for &file in page
        .rendered
        .scripts
        .iter()
        .chain(project.app_script.iter())
    {
        if let Some(facts) = files.content(file).script() {
            env.add(facts);
        }
    }
    let mut out = Vec::new();
    let mut seen: HashSet<(FileId, Span)> = HashSet::new();
    for &unit in &page.rendered.units {
        let script = project.unit(unit).script;
        let facts = script.and_then(|s| files.content(s).script());
        for template in project.templates_of(unit) {
            let Some(doc) = files.content(template).markup() else {
                continue;
            };
            for (node, element) in doc.elements() {
                if !doc.target(node).ships_to_douyin() || hidden_on_ios(&env, doc, node) {
                    continue;
                }
                if is_pay_component(project, unit, &element.tag, data) {
                    if seen.insert((template, element.tag_span)) {
                        out.push(PaymentStart {
                            file: template,
                            span: element.tag_span,
                            how: StartKind::Component {
                                tag: element.tag.clone(),
                            },
                        });
                    }
                    continue;
                }
                let (Some(script), Some(facts)) = (script, facts) else {
                    continue;
                };
                for event in &element.events {
                    let path = handler_functions(facts, &event.handler)
                        .into_iter()
                        .find_map(|function| {
                            ungated_payment(
                                project,
                                files,
                                data,
                                &env,
                                FnRef {
                                    file: script,
                                    function,
                                },
                                &mut HashSet::new(),
                            )
                        });
                    if let Some(steps) = path
                        && seen.insert((template, event.span))
                    {
                        out.push(PaymentStart {
                            file: template,
                            span: event.span,
                            how: StartKind::Handler {
                                handler: match &event.handler {
                                    Handler::Named(name) => Some(name.to_string()),
                                    _ => None,
                                },
                                event: event.name.to_string(),
                                steps,
                            },
                        });
                    }
                }
            }
        }
    }
    out
}

/// What a page sells and its ungated payment starts (none are looked for on a page that sells
/// no virtual goods).
pub fn page(project: &Project, files: &Files, data: &RuleData, page: &PageFacts) -> VirtualGoods {
    let words = words(project, files, data, page);
    let ungated = if words.is_empty() {
        Vec::new()
    } else {
        ungated_starts(project, files, data, page)
    };
    VirtualGoods { words, ungated }
}
