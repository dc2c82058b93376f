//! Virtual goods on a page, and the payment starts iOS users can reach there.
//!
//! Shared by the `ios-virtual-payment` rule (which reports every ungated start) and the project
//! summary of the HTML report (which shows, per page, whether it sells virtual goods and whether
//! its payments are gated on iOS), so the two can never disagree.

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::analysis::calls::Graph;
use crate::analysis::ios::{Env, Step, ungated_payment};
use crate::analysis::pay_starts::{Shown, TriggerKind, hidden_on_ios, page_triggers, shown_on_ios};
use crate::analysis::service::PageFacts;
use crate::analysis::trade::is_pay_component;
use crate::base::data::{IosData, RuleData};
use crate::base::source::{FileId, Span};
use crate::syntax::markup::Handler;

/// What a page sells and where iOS users can pay for it.
#[derive(Debug, Clone, Default)]
pub struct VirtualGoods {
    /// The virtual-goods words the page shows, sorted; empty when it does not sell virtual goods
    /// (no such words, or physical-goods words outnumber them). A page that trades but names no
    /// goods at all has the app's words ([`pages`]).
    pub words: Vec<String>,
    /// The payment starts no iOS check stops, in template order, then the lifecycle methods;
    /// always empty when `words` is.
    pub ungated: Vec<PaymentStart>,
}

impl VirtualGoods {
    pub fn sells(&self) -> bool {
        !self.words.is_empty()
    }
}

/// Where an iOS user starts a payment: an element of a template, or the first line of a
/// lifecycle method.
#[derive(Debug, Clone)]
pub struct PaymentStart {
    pub file: FileId,
    pub span: Span,
    pub how: StartKind,
    /// For an element inside a drawer or modal shown by a flag: the ungated tap that sets the
    /// flag, which is where iOS users open it.
    pub opened_by: Option<OpenedBy>,
}

/// The tap that shows a drawer or modal, and the flag it sets.
#[derive(Debug, Clone)]
pub struct OpenedBy {
    pub file: FileId,
    pub span: Span,
    pub flag: String,
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
    /// A lifecycle method or opening hook (`onLoad`, `mounted`, `useEffect`) that reaches a
    /// cashier as the page opens, and the steps on the way there.
    Lifecycle { name: String, steps: Vec<Step> },
}

/// The goods words a page shows, as counted over its templates' visible text, its scripts'
/// sentences and its navigation titles.
struct Goods {
    /// The virtual-goods words, sorted; empty when there are none or physical ones outnumber
    /// them.
    words: Vec<String>,
    /// Physical-goods words outnumber the virtual ones.
    physical: bool,
    /// No goods words at all.
    silent: bool,
}

fn goods(graph: &Graph<'_>, data: &RuleData, page: &PageFacts) -> Goods {
    let (project, files) = (graph.project(), graph.files());
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
        if let Some(facts) = project.unit(unit).script.and_then(|s| graph.facts(s)) {
            texts.extend(
                facts
                    .texts
                    .iter()
                    .map(|t| &*t.text)
                    .filter(|t| IosData::counts_goods_in_literal(t)),
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
    let physical = physical_count > virtual_count;
    Goods {
        silent: virtual_count == 0 && physical_count == 0,
        words: if virtual_count == 0 || physical {
            Vec::new()
        } else {
            seen.into_iter().collect()
        },
        physical,
    }
}

/// The virtual-goods words of each page, in the order of `pages`. An order page or a payment
/// page (a relay page opened with an order id) that trades but names no goods of its own — its
/// orders load at run time — sells what the app sells, when some page sells virtual goods and
/// none names physical ones: its "continue paying" pays for a virtual order. Any other page that
/// names nothing (a goods detail page whose goods load at run time) is left alone.
fn words(graph: &Graph<'_>, data: &RuleData, pages: &[PageFacts]) -> Vec<Vec<String>> {
    // Across the threads: every page's visible text is searched for goods words, and the rules
    // of the project pass that wait for this have nothing else left to run beside it.
    let own: Vec<Goods> = pages.par_iter().map(|p| goods(graph, data, p)).collect();
    let shop = own.iter().any(|g| g.physical);
    let app: BTreeSet<String> = own.iter().flat_map(|g| g.words.iter().cloned()).collect();
    pages
        .iter()
        .zip(own)
        .map(|(page, goods)| {
            if goods.silent && !page.trade.is_empty() && !shop && (page.order || page.payment) {
                app.iter().cloned().collect()
            } else {
                goods.words
            }
        })
        .collect()
}

/// Conditions as on an iPhone, with the values of the page's scripts and the app's.
fn page_env<'a>(graph: &Graph<'a>, data: &'a RuleData, page: &PageFacts) -> Env<'a> {
    let mut env = Env::new(data);
    for &file in page
        .rendered
        .scripts
        .iter()
        .chain(graph.project().app_script.iter())
    {
        if let Some(facts) = graph.facts(file) {
            env.add(facts);
        }
    }
    env
}

/// The payment starts on a page that no iOS check stops: pay components shown on iOS; taps,
/// lifecycle methods and opening hooks from which a cashier is reachable with every condition on
/// the way open on an iPhone. A tap inside a drawer or modal counts only when an ungated tap
/// opens it ([`shown_on_ios`]).
pub fn ungated_starts(graph: &Graph<'_>, data: &RuleData, page: &PageFacts) -> Vec<PaymentStart> {
    let project = graph.project();
    let env = page_env(graph, data, page);
    let mut out = Vec::new();
    let mut seen: FxHashSet<(FileId, Span)> = FxHashSet::default();
    for &unit in &page.rendered.units {
        for template in project.templates_of(unit) {
            let Some(doc) = graph.files().content(template).markup() else {
                continue;
            };
            for (node, element) in doc.douyin_elements() {
                if !hidden_on_ios(&env, doc, node)
                    && is_pay_component(project, unit, &element.tag, data)
                    && seen.insert((template, element.tag_span))
                {
                    out.push(PaymentStart {
                        file: template,
                        span: element.tag_span,
                        how: StartKind::Component {
                            tag: element.tag.to_string(),
                        },
                        opened_by: None,
                    });
                }
            }
        }
    }
    let triggers = page_triggers(graph, &env, &page.rendered);
    for (trigger, hidden) in &triggers {
        if *hidden || seen.contains(&(trigger.file, trigger.span)) {
            continue;
        }
        let Some(steps) = trigger
            .functions
            .iter()
            .find_map(|&f| ungated_payment(graph, data, &env, f))
        else {
            continue;
        };
        let (how, opened_by) = match &trigger.kind {
            TriggerKind::Event {
                template,
                node,
                handler,
                event,
            } => {
                let Some(doc) = graph.files().content(*template).markup() else {
                    continue;
                };
                let opened_by =
                    match shown_on_ios(graph, data, &env, &page.rendered, &triggers, doc, *node) {
                        Shown::Never => continue,
                        Shown::OpenedBy(by, flag) => Some(OpenedBy {
                            file: by.file,
                            span: by.span,
                            flag,
                        }),
                        Shown::Always => None,
                    };
                let handler = match handler {
                    Handler::Named(name) => Some(name.to_string()),
                    _ => None,
                };
                (
                    StartKind::Handler {
                        handler,
                        event: event.clone(),
                        steps,
                    },
                    opened_by,
                )
            }
            TriggerKind::Opening(name) => (
                StartKind::Lifecycle {
                    name: name.clone(),
                    steps,
                },
                None,
            ),
        };
        seen.insert((trigger.file, trigger.span));
        out.push(PaymentStart {
            file: trigger.file,
            span: trigger.span,
            how,
            opened_by,
        });
    }
    out
}

/// What each page sells and its ungated payment starts, in the order of `pages` (none are looked
/// for on a page that sells no virtual goods).
pub fn pages(graph: &Graph<'_>, data: &RuleData, pages: &[PageFacts]) -> Vec<VirtualGoods> {
    pages
        .par_iter()
        .zip(words(graph, data, pages))
        .map(|(page, words)| {
            let ungated = if words.is_empty() {
                Vec::new()
            } else {
                ungated_starts(graph, data, page)
            };
            VirtualGoods { words, ungated }
        })
        .collect()
}
