//! iOS reasoning for the virtual-payment rules: what a condition is worth on an iPhone, and
//! whether a payment is reachable there from a tap.
//!
//! Conditions are evaluated by the shared evaluator as on Douyin on an iPhone (`platform` is
//! `'ios'`, `system` reads like `'iOS 16.1'`), following the names they read through the
//! assignments of the page's scripts and the app's (`const isIOS = …`, `setData({ isIOS })`,
//! `data: { isIOS }`, `getApp().globalData.isIOS = …`).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::calls::{FnRef, Graph};
use crate::analysis::trade::opens_cashier;
use crate::base::data::RuleData;
use crate::base::message::Message;
use crate::base::messages;
use crate::base::source::{FileId, Span};
use crate::syntax::js::cond::Cond;
pub use crate::syntax::js::eval::Gate;
use crate::syntax::js::eval::{Environment, Evaluator, Values};
use crate::syntax::js::facts::{FnId, GuardId, Imported, JsFacts};

/// The values names take on a page, gathered from its scripts and the app's.
#[derive(Debug, Default)]
struct PageValues<'a> {
    values: FxHashMap<&'a str, Vec<&'a Cond>>,
    /// Local names bound to whole modules (`const device = require('…')`).
    namespaces: FxHashSet<&'a str>,
}

impl Values for PageValues<'_> {
    fn values(&self, path: &str) -> Vec<&Cond> {
        if let Some(found) = self.values.get(path) {
            return found.clone();
        }
        // `device.isIOS` where `device` is a module: its own `isIOS`.
        match path.split_once('.') {
            Some((first, rest)) if self.namespaces.contains(first) => {
                self.values.get(rest).cloned().unwrap_or_default()
            }
            _ => Vec::new(),
        }
    }
}

/// Conditions as on an iPhone, with the values of a page's scripts.
#[derive(Debug)]
pub struct Env<'a> {
    values: PageValues<'a>,
    platform_words: &'a [String],
}

impl<'a> Env<'a> {
    pub fn new(data: &'a RuleData) -> Self {
        Self {
            values: PageValues::default(),
            platform_words: &data.ios.platform_words,
        }
    }

    /// Adds a script's assignments.
    pub fn add(&mut self, facts: &'a JsFacts) {
        for a in &facts.assignments {
            self.values
                .values
                .entry(a.path.as_str())
                .or_default()
                .push(&a.value);
        }
        for i in &facts.imports {
            if matches!(i.imported, Imported::Namespace | Imported::Default) {
                self.values.namespaces.insert(i.local.as_str());
            }
        }
    }

    /// Whether code behind `cond` (running where it evaluates to `holds`) runs on iOS.
    pub fn gate(&self, cond: &Cond, holds: bool) -> Gate {
        Evaluator::new(Environment::DOUYIN_IOS, &self.values, self.platform_words).gate(cond, holds)
    }

    /// Whether every condition of a chain lets the code run on iOS.
    pub fn open(&self, facts: &JsFacts, chain: Option<GuardId>) -> bool {
        facts
            .guard_chain(chain)
            .all(|(cond, holds)| self.gate(cond, holds) == Gate::Open)
    }
}

/// A step on the way from a tap to a payment: the place, and what happens there.
#[derive(Debug, Clone)]
pub struct Step {
    pub file: FileId,
    pub span: Span,
    pub label: Message,
}

/// Whether the guards between `function` (where the code is) and `top` (the handler) all let it
/// run on iOS: its own guards, and those around every function nested in between.
fn path_open(
    env: &Env<'_>,
    facts: &JsFacts,
    guards: Option<GuardId>,
    function: Option<FnId>,
    top: FnId,
) -> bool {
    if !env.open(facts, guards) {
        return false;
    }
    let mut current = function;
    while let Some(f) = current {
        if f == top {
            return true;
        }
        let Some(fact) = facts.function(f) else {
            return true;
        };
        if !env.open(facts, fact.guards) {
            return false;
        }
        current = fact.parent;
    }
    true
}

/// What a path from a tap looks for.
#[derive(Debug, Clone, Copy)]
pub enum Goal<'g> {
    /// A cashier that takes cash ([`opens_cashier`]).
    Cashier,
    /// A value that may be true given to a data flag (`this.setData({ showPay: true })`): what
    /// shows a drawer or modal rendered under that flag.
    Shows(&'g str),
}

/// Whether a value given to a flag may make it true: anything but `false`, `0` and `''`.
pub fn may_be_true(value: &Cond) -> bool {
    match value {
        Cond::Bool(b) => *b,
        Cond::Str(s) => !s.is_empty(),
        Cond::Num(n) => *n != 0.0,
        _ => true,
    }
}

/// Where `goal` is met inside `start`, on a path no iOS check closes.
fn goal_here(
    graph: &Graph<'_>,
    data: &RuleData,
    env: &Env<'_>,
    goal: Goal<'_>,
    start: FnRef,
    facts: &JsFacts,
) -> Option<Step> {
    let reached = |function: Option<FnId>, guards: Option<GuardId>| {
        facts.within(function, start.function)
            && path_open(env, facts, guards, function, start.function)
    };
    match goal {
        Goal::Cashier => graph
            .api_uses(start.file)
            .find(|api| opens_cashier(data, api) && reached(api.function, api.guards))
            .map(|api| Step {
                file: start.file,
                span: api.span,
                label: messages::label_pays_here(api.api.to_string()),
            }),
        Goal::Shows(flag) => facts
            .assignments
            .iter()
            .find(|a| a.path == flag && may_be_true(&a.value) && reached(a.function, a.guards))
            .map(|a| Step {
                file: start.file,
                span: a.span,
                label: messages::label_shows_payment(flag),
            }),
    }
}

/// The first path from `start` to `goal` that no iOS check closes, through the project's own
/// calls and the functions handed over to be called (`success: this.pay`); `None` when every
/// path is gated (or there is none).
pub fn ungated_path(
    graph: &Graph<'_>,
    data: &RuleData,
    env: &Env<'_>,
    goal: Goal<'_>,
    start: FnRef,
    visited: &mut FxHashSet<FnRef>,
) -> Option<Vec<Step>> {
    if visited.len() > 256 || !visited.insert(start) {
        return None;
    }
    let facts = graph.facts(start.file)?;
    if let Some(step) = goal_here(graph, data, env, goal, start, facts) {
        return Some(vec![step]);
    }
    for call in &facts.calls {
        if !facts.within(call.function, start.function)
            || !call.target.ships_to_douyin()
            || !path_open(env, facts, call.guards, call.function, start.function)
        {
            continue;
        }
        for callee in graph.resolve(start.file, &call.callee) {
            if let Some(mut rest) = ungated_path(graph, data, env, goal, callee, visited) {
                let label = if call.reference {
                    messages::label_hands_over_payment()
                } else {
                    messages::label_calls_payment()
                };
                rest.insert(
                    0,
                    Step {
                        file: start.file,
                        span: call.span,
                        label,
                    },
                );
                return Some(rest);
            }
        }
    }
    None
}

/// The first path from `start` to a cashier that no iOS check closes.
pub fn ungated_payment(
    graph: &Graph<'_>,
    data: &RuleData,
    env: &Env<'_>,
    start: FnRef,
) -> Option<Vec<Step>> {
    ungated_path(
        graph,
        data,
        env,
        Goal::Cashier,
        start,
        &mut FxHashSet::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;
    use crate::syntax::js::facts::{Keep, extract_source};
    use crate::syntax::js::parse::{parse_expr, with_arena};

    fn facts(src: &str) -> JsFacts {
        extract_source(src, FileKind::Script, Keep::EVERYTHING).facts
    }

    fn gate(setup: &str, cond: &str, holds: bool) -> Gate {
        let data = RuleData::default();
        let f = facts(setup);
        let mut env = Env::new(&data);
        env.add(&f);
        let c =
            with_arena(|arena| crate::syntax::js::cond::cond(&parse_expr(arena, cond, 0).unwrap()));
        env.gate(&c, holds)
    }

    #[test]
    fn platform_checks_evaluate_as_on_an_iphone() {
        assert_eq!(
            gate("", "sys.platform === 'ios'", false),
            Gate::Closed,
            "the else branch of an iOS test"
        );
        assert_eq!(gate("", "sys.platform === 'ios'", true), Gate::Open);
        assert_eq!(gate("", "sys.platform !== 'ios'", true), Gate::Closed);
        assert_eq!(gate("", "platform === 'android'", true), Gate::Closed);
        assert_eq!(
            gate("", "platform === 'iOS'", false),
            Gate::Open,
            "'iOS' never equals the platform: a broken gate"
        );
        assert_eq!(gate("", "system.indexOf('iOS') > -1", false), Gate::Closed);
        assert_eq!(gate("", "/ios/i.test(res.system)", false), Gate::Closed);
        assert_eq!(
            gate("", "platform.toLowerCase() == 'ios'", false),
            Gate::Closed
        );
    }

    #[test]
    fn flags_are_followed_through_assignments() {
        let setup = "const sys = tt.getSystemInfoSync();\nPage({ data: { isIOS: false }, onLoad() { this.setData({ isIOS: sys.platform === 'ios' }) } })";
        assert_eq!(gate(setup, "isIOS", false), Gate::Closed);
        assert_eq!(gate(setup, "!isIOS", true), Gate::Closed);
        assert_eq!(gate(setup, "this.data.isIOS", true), Gate::Open);
        let app = "App({ onLaunch() { this.globalData.isIOS = tt.getSystemInfoSync().platform === 'ios' } })";
        assert_eq!(gate(app, "getApp().globalData.isIOS", false), Gate::Closed);
    }

    #[test]
    fn unknown_platform_checks_count_as_gates() {
        assert_eq!(gate("", "utils.isIOS()", false), Gate::Unknown);
        assert_eq!(
            gate("", "canPay", true),
            Gate::Open,
            "nothing to do with the platform"
        );
        assert_eq!(gate("", "a && b", true), Gate::Open);
    }
}
