//! Customer service definitions the three customer-service rules share: what an IM entry is,
//! which pages are trade, order, personal and prominent pages, and where entries render.

use rayon::prelude::*;

use crate::analysis::calls::Graph;
use crate::analysis::reach;
use crate::analysis::trade::{self, TradeSite};
use crate::base::data::{CustomerServiceData, RuleData};
use crate::base::source::{FileId, Span};
use crate::project::Rendered;
use crate::project::files::Files;
use crate::project::framework::Framework;
use crate::syntax::markup::{Element, hyphenate};

/// Whether an element is meant to open Douyin IM customer service: `<button open-type="im">`
/// (or `platformIm`, `lifeIm`), `<web-view type="im">`, or a UI library's button asked for an
/// IM open type. Whether a library button actually works is `im-button-invalid`'s question: a
/// page that has one is not also reported as lacking customer service.
pub fn is_im_entry(element: &Element, data: &CustomerServiceData, framework: Framework) -> bool {
    let im = |t: &str| data.im_open_types.iter().any(|o| o == t.trim());
    match element.tag.as_str() {
        "button" => element.static_attr("open-type").is_some_and(im),
        "web-view" => element
            .static_attr("type")
            .is_some_and(|t| t.trim() == "im"),
        tag => data.wrapper_button(tag, framework.id()).is_some_and(|w| {
            w.open_type_prop
                .as_deref()
                .and_then(|prop| element.static_attr(&hyphenate(prop)))
                .is_some_and(im)
        }),
    }
}

/// An IM entry: the template it is in and its tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub file: FileId,
    pub span: Span,
}

/// The IM entries in these templates, in code compiled for Douyin.
pub fn entries_in(
    templates: &[FileId],
    files: &Files,
    data: &CustomerServiceData,
    framework: Framework,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for &template in templates {
        let Some(doc) = files.content(template).markup() else {
            continue;
        };
        for (node, element) in doc.elements() {
            if doc.target(node).ships_to_douyin() && is_im_entry(element, data, framework) {
                out.push(Entry {
                    file: template,
                    span: element.tag_span,
                });
            }
        }
    }
    out
}

/// Words of a route: split at `/`, `-`, `_`, `.` and camelCase humps, lower-cased.
fn route_words(route: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in route.split(['/', '-', '_', '.']) {
        let mut word = String::new();
        let mut prev_lower = false;
        for c in part.chars() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase();
            word.extend(c.to_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// What a page is, for the customer-service rules.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    pub route: String,
    pub home: bool,
    pub tab: bool,
    pub order: bool,
    pub personal: bool,
    /// A payment page by its route or title (`pages/pay/pay`, 支付): a cashier or relay page.
    pub payment: bool,
    /// Where a trade starts on the page: the payment and trade API uses that run there
    /// ([`reach::page`]) and the pay components it renders.
    pub trade: Vec<TradeSite>,
    /// The IM entries rendered on it.
    pub entries: Vec<Entry>,
    /// The page's own template.
    pub template: Option<FileId>,
    /// What renders and runs on the page.
    pub rendered: Rendered,
}

impl PageFacts {
    /// Home, tab, order and personal pages: where users look for customer service.
    pub fn prominent(&self) -> bool {
        self.home || self.tab || self.order || self.personal
    }
}

/// Whether a route or title has one of `words` (route words whole, title words as substrings).
fn says(words: &[String], route: &[String], title: &str) -> bool {
    words.iter().any(|w| {
        if w.is_ascii() {
            route.iter().any(|r| r == w)
        } else {
            title.contains(w.as_str()) || route.iter().any(|r| r.contains(w.as_str()))
        }
    })
}

/// The facts of every page of a project, in `app.json` order. Pages are independent of each
/// other, so they are found across the run's threads: several rules wait for them.
pub fn pages(graph: &Graph<'_>, data: &RuleData) -> Vec<PageFacts> {
    let (project, files) = (graph.project(), graph.files());
    let cs = &data.customer_service;
    let home = project.home().map(|p| p.unit);
    // What runs on a page is followed only where it could find a trade: the code a page runs is
    // in its scripts (and the modules they load) and, through `getApp()`, the app's. Most pages of
    // an app have no trade API in either: on the benchmark's 5,000 pages, following theirs was
    // 1.5% of a run's instructions.
    let trading = trade::trading_scripts(graph, data);
    let app_trades = reach::app_scripts(project)
        .iter()
        .any(|f| trading.contains(f));
    project
        .pages
        .par_iter()
        .map(|page| {
            let route = route_words(&page.entry.route);
            let title = project.title(page.unit, files).unwrap_or_default();
            let rendered = project.rendered(page.unit, files);
            let may_trade = app_trades || rendered.scripts.iter().any(|f| trading.contains(f));
            let mut trade = if may_trade {
                trade::reached_sites(graph, &reach::page(graph, &rendered), data)
            } else {
                Vec::new()
            };
            for &unit in &rendered.units {
                trade.extend(trade::component_sites(project, unit, files, data));
            }
            trade.sort();
            trade.dedup();
            PageFacts {
                route: page.entry.route.clone(),
                home: home == Some(page.unit),
                tab: project.is_tab_page(page),
                order: says(&cs.order_words, &route, title),
                personal: says(&cs.personal_words, &route, title),
                payment: says(&data.ios.payment_page_words, &route, title),
                trade,
                entries: entries_in(&rendered.templates, files, cs, project.framework),
                template: project.units[page.unit].template,
                rendered,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_words_split_like_a_reader_would() {
        assert_eq!(
            route_words("pages/orderList/orderList"),
            vec!["pages", "order", "list", "order", "list"]
        );
        assert_eq!(
            route_words("pkg/my-orders/index"),
            vec!["pkg", "my", "orders", "index"]
        );
        assert_eq!(
            route_words("pages/user_center/main"),
            vec!["pages", "user", "center", "main"]
        );
    }

    #[test]
    fn order_and_personal_pages() {
        let data = RuleData::default();
        let cs = &data.customer_service;
        let check = |route: &str, title: &str| {
            let words = route_words(route);
            (
                says(&cs.order_words, &words, title),
                says(&cs.personal_words, &words, title),
            )
        };
        assert_eq!(check("pages/order/detail", ""), (true, false));
        assert_eq!(check("pages/mine/mine", ""), (false, true));
        assert_eq!(check("pages/tab3/index", "我的"), (false, true));
        assert_eq!(check("pages/list/list", "订单列表"), (true, false));
        assert_eq!(
            check("pages/recorder/recorder", "录音"),
            (false, false),
            "whole words only"
        );
        assert_eq!(check("pages/memory/memory", ""), (false, false));
    }
}
