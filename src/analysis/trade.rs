//! What makes a mini-program trade: the payment and trade API uses and the pay components that the
//! payment, customer-service and iOS rules share one definition of.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet;

use crate::analysis::calls::Graph;
use crate::analysis::reach::Reach;
use crate::base::data::RuleData;
use crate::base::source::{FileId, Span};
use crate::project::files::Files;
use crate::project::{Project, UnitId, Using, UsingTarget};
use crate::syntax::js::conditional::Target;
use crate::syntax::js::facts::{Access, ApiUse};

/// A place where a trade starts or is handled.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TradeSite {
    pub file: FileId,
    pub span: Span,
    /// What it is, for messages: `tt.requestOrder`, `<pay-button>`.
    pub what: String,
}

/// Whether code is compiled only for Douyin: inside `#ifdef MP-TOUTIAO`, behind a Douyin build
/// check, or a uni-app call with `provider: 'toutiao'`.
pub fn compiled_for_douyin(api: &ApiUse) -> bool {
    api.target == Target::Douyin
        || api
            .options
            .as_ref()
            .and_then(|o| o.get("provider"))
            .and_then(|p| p.string.as_deref())
            == Some("toutiao")
}

/// Whether a call's options carry enough WeChat JSAPI payment keys to be one.
pub fn wechat_shaped(api: &ApiUse, keys: &[String]) -> bool {
    api.options
        .as_ref()
        .is_some_and(|o| keys.iter().filter(|k| o.has(k)).count() >= 3)
}

/// Whether an API is used (called, passed, destructured) in code that ships to Douyin — not
/// merely tested for.
fn used_on_douyin(api: &ApiUse) -> bool {
    api.target.ships_to_douyin() && api.access != Access::FeatureTest
}

/// Whether an API use pays or trades on Douyin: what it becomes there is the offline `tt.pay`, a
/// payment API Douyin does not have, a general-trade-system API, or a deprecated trade API.
pub fn is_trade_api(data: &RuleData, api: &ApiUse) -> bool {
    if !used_on_douyin(api) {
        return false;
    }
    let payment = &data.payment;
    let on_douyin = data.on_douyin(api.api);
    payment.offline_payment_apis.contains(&on_douyin)
        || payment.foreign_payment_apis.contains(&api.api)
        || payment.foreign_payment_apis.contains(&on_douyin)
        || payment.trade_apis.contains(&on_douyin)
        || data.deprecated_api(on_douyin).is_some()
}

/// Whether an API use opens a cashier that takes cash: the offline `tt.pay` (however it is
/// reached), payment APIs that do not exist on Douyin, and the cashier APIs of the trade system —
/// unless its options route it through Douyin IM payment (`imId`), the path iOS allows.
pub fn opens_cashier(data: &RuleData, api: &ApiUse) -> bool {
    if !used_on_douyin(api) {
        return false;
    }
    let payment = &data.payment;
    let on_douyin = data.on_douyin(api.api);
    let im = api
        .options
        .as_ref()
        .is_some_and(|o| payment.im_payment_keys.iter().any(|k| o.has(k)));
    !im && (payment.offline_payment_apis.contains(&on_douyin)
        || payment.foreign_payment_apis.contains(&api.api)
        || payment.foreign_payment_apis.contains(&on_douyin)
        || payment.cashier_apis.contains(&on_douyin))
}

/// The scripts with a trade API use, through aliases too: the only files [`reached_sites`] can
/// find a site in.
pub fn trading_scripts(graph: &Graph<'_>, data: &RuleData) -> FxHashSet<FileId> {
    (graph.project().files.iter().copied())
        .filter(|&file| graph.api_uses(file).any(|api| is_trade_api(data, api)))
        .collect()
}

/// The trade API uses that run ([`Reach`]), through aliases too.
pub fn reached_sites(graph: &Graph<'_>, reach: &Reach, data: &RuleData) -> Vec<TradeSite> {
    let mut out = Vec::new();
    for file in reach.files() {
        for api in graph.api_uses(file) {
            if is_trade_api(data, api) && reach.runs(file, api.function) {
                out.push(TradeSite {
                    file,
                    span: api.span,
                    what: api.api.to_string(),
                });
            }
        }
    }
    out
}

/// Whether a tag renders a pay component on a unit: the built-in `<pay-button>` (no
/// `usingComponents` entry), or a tag mapped to a pay component path.
pub fn is_pay_component(project: &Project, unit: UnitId, tag: &str, data: &RuleData) -> bool {
    match project.component_for(unit, tag) {
        None => tag == "pay-button",
        Some(Using { entry, target, .. }) => {
            !matches!(target, UsingTarget::Unit(_))
                && data
                    .payment
                    .pay_components
                    .iter()
                    .any(|p| entry.path.contains(p.as_str()))
        }
    }
}

/// The pay components rendered by a unit's templates (its own and the ones they import or
/// include), in code compiled for Douyin.
pub fn component_sites(
    project: &Project,
    unit: UnitId,
    files: &Files,
    data: &RuleData,
) -> Vec<TradeSite> {
    let mut out = Vec::new();
    for template in project.templates_of(unit) {
        let Some(doc) = files.content(template).markup() else {
            continue;
        };
        for (node, element) in doc.elements() {
            if doc.target(node).ships_to_douyin()
                && is_pay_component(project, unit, &element.tag, data)
            {
                out.push(TradeSite {
                    file: template,
                    span: element.tag_span,
                    what: format!("<{}>", element.tag),
                });
            }
        }
    }
    out
}

/// Every trade site of a project that runs — on a page, or in the app script — in file order,
/// without duplicates.
pub fn project_sites<'s>(
    graph: &Graph<'_>,
    page_sites: impl IntoIterator<Item = &'s TradeSite>,
    app: &Reach,
    data: &RuleData,
) -> Vec<TradeSite> {
    let mut sites: BTreeSet<TradeSite> = page_sites.into_iter().cloned().collect();
    sites.extend(reached_sites(graph, app, data));
    sites.into_iter().collect()
}
