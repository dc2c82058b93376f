//! iOS reasoning for the virtual-payment rules: what a condition is worth on an iPhone, and
//! whether a payment is reachable there from a tap.
//!
//! On iOS `tt.getSystemInfoSync().platform` is `'ios'` (lower case) and `system` reads like
//! `'iOS 16.1'`. Conditions are evaluated with those values, following the names they read
//! through the assignments of the page's scripts and the app's (`const isIOS = …`,
//! `setData({ isIOS })`, `data: { isIOS }`, `getApp().globalData.isIOS = …`).

use std::collections::{HashMap, HashSet};

use crate::analysis::calls::{self, FnRef};
use crate::analysis::trade::opens_cashier;
use crate::base::data::RuleData;
use crate::base::message::Message;
use crate::base::messages;
use crate::base::source::{FileId, Span};
use crate::project::Project;
use crate::project::files::Files;
use crate::syntax::js::cond::{CmpOp, Cond};
use crate::syntax::js::facts::{FnId, Guard, Imported, JsFacts};

/// What the platform reports on iOS.
const PLATFORM: &str = "ios";
const SYSTEM: &str = "iOS 16.1";

/// Deepest chain of names or calls followed.
const MAX_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Bool(bool),
    Str(String),
    Num(f64),
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Str(s) => !s.is_empty(),
            Value::Num(n) => *n != 0.0 && !n.is_nan(),
        }
    }
}

/// Whether a guard lets code run on iOS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// The code runs on iOS (or the condition has nothing to do with the platform).
    Open,
    /// The code never runs on iOS.
    Closed,
    /// A platform check ttlint cannot evaluate (`utils.isIOS()`): assumed to close.
    Unknown,
}

/// The values names take, gathered from a page's scripts.
#[derive(Debug, Default)]
pub struct Env<'a> {
    values: HashMap<&'a str, Vec<&'a Cond>>,
    /// Local names bound to whole modules (`const device = require('…')`).
    namespaces: HashSet<&'a str>,
    platform_words: Vec<String>,
}

impl<'a> Env<'a> {
    pub fn new(data: &RuleData) -> Self {
        Self {
            platform_words: data
                .ios
                .platform_words
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            ..Self::default()
        }
    }

    /// Adds a script's assignments.
    pub fn add(&mut self, facts: &'a JsFacts) {
        for a in &facts.assignments {
            self.values
                .entry(a.path.as_str())
                .or_default()
                .push(&a.value);
        }
        for i in &facts.imports {
            if matches!(i.imported, Imported::Namespace | Imported::Default) {
                self.namespaces.insert(i.local.as_str());
            }
        }
    }

    fn lookup(&self, path: &str) -> Option<&Vec<&'a Cond>> {
        if let Some(found) = self.values.get(path) {
            return Some(found);
        }
        // `device.isIOS` where `device` is a module: its own `isIOS`.
        let (first, rest) = path.split_once('.')?;
        if self.namespaces.contains(first) {
            self.values.get(rest)
        } else {
            None
        }
    }

    fn eval(&self, cond: &Cond, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let eval = |c: &Cond| self.eval(c, depth + 1);
        match cond {
            Cond::Path(path) => {
                match path.rsplit('.').next() {
                    Some("platform") => return Some(Value::Str(PLATFORM.into())),
                    Some("system") => return Some(Value::Str(SYSTEM.into())),
                    _ => {}
                }
                let values = self.lookup(path)?;
                // A computed value (`platform === 'ios'`) says more than a literal default
                // (`data: { isIOS: false }`), which it replaces at run time.
                let computed: Vec<&&Cond> = values
                    .iter()
                    .filter(|c| !matches!(c, Cond::Bool(_) | Cond::Str(_) | Cond::Num(_)))
                    .collect();
                let chosen: Vec<&&Cond> = if computed.is_empty() {
                    values.iter().collect()
                } else {
                    computed
                };
                let mut result: Option<Value> = None;
                for c in chosen {
                    let v = eval(c)?;
                    match &result {
                        Some(r) if *r != v => return None,
                        _ => result = Some(v),
                    }
                }
                result
            }
            Cond::Str(s) => Some(Value::Str(s.clone())),
            Cond::Num(n) => Some(Value::Num(*n)),
            Cond::Bool(b) => Some(Value::Bool(*b)),
            Cond::Not(a) => eval(a).map(|v| Value::Bool(!v.truthy())),
            Cond::And(a, b) => match eval(a).map(|v| v.truthy()) {
                Some(false) => Some(Value::Bool(false)),
                Some(true) => eval(b).map(|v| Value::Bool(v.truthy())),
                None => match eval(b).map(|v| v.truthy()) {
                    Some(false) => Some(Value::Bool(false)),
                    _ => None,
                },
            },
            Cond::Or(a, b) => match eval(a).map(|v| v.truthy()) {
                Some(true) => Some(Value::Bool(true)),
                Some(false) => eval(b).map(|v| Value::Bool(v.truthy())),
                None => match eval(b).map(|v| v.truthy()) {
                    Some(true) => Some(Value::Bool(true)),
                    _ => None,
                },
            },
            Cond::Cmp(op, a, b) => {
                let (a, b) = (eval(a)?, eval(b)?);
                let result = match (op, &a, &b) {
                    (CmpOp::Eq, ..) => same(&a, &b)?,
                    (CmpOp::Ne, ..) => !same(&a, &b)?,
                    (_, Value::Num(x), Value::Num(y)) => match op {
                        CmpOp::Lt => x < y,
                        CmpOp::Le => x <= y,
                        CmpOp::Gt => x > y,
                        CmpOp::Ge => x >= y,
                        CmpOp::Eq | CmpOp::Ne => return None,
                    },
                    _ => return None,
                };
                Some(Value::Bool(result))
            }
            Cond::Method(receiver, method, args) => {
                let Value::Str(s) = eval(receiver)? else {
                    return None;
                };
                let arg = match args.first().map(eval) {
                    Some(Some(Value::Str(a))) => Some(a),
                    _ => None,
                };
                match (method.as_str(), arg) {
                    ("toLowerCase", _) => Some(Value::Str(s.to_lowercase())),
                    ("toUpperCase", _) => Some(Value::Str(s.to_uppercase())),
                    ("indexOf", Some(a)) => Some(Value::Num(
                        s.find(&a).map_or(-1.0, |i| s[..i].chars().count() as f64),
                    )),
                    ("includes", Some(a)) => Some(Value::Bool(s.contains(&a))),
                    ("startsWith", Some(a)) => Some(Value::Bool(s.starts_with(&a))),
                    ("endsWith", Some(a)) => Some(Value::Bool(s.ends_with(&a))),
                    _ => None,
                }
            }
            Cond::RegexTest {
                pattern,
                flags,
                arg,
            } => {
                let Value::Str(s) = eval(arg)? else {
                    return None;
                };
                regex_test(pattern, flags, &s).map(Value::Bool)
            }
            Cond::Call(_) | Cond::TypeOf(_) | Cond::Other => None,
        }
    }

    /// Whether a condition mentions the platform (a name or text with `ios`, `platform`…).
    fn about_platform(&self, cond: &Cond) -> bool {
        let mentions = |s: &str| {
            let s = s.to_lowercase();
            self.platform_words.iter().any(|w| s.contains(w.as_str()))
        };
        let mut todo = vec![cond];
        while let Some(c) = todo.pop() {
            match c {
                Cond::Path(p) | Cond::Call(p) | Cond::Str(p) => {
                    if mentions(p) {
                        return true;
                    }
                }
                Cond::Method(r, m, args) => {
                    if mentions(m) {
                        return true;
                    }
                    todo.push(r);
                    todo.extend(args);
                }
                Cond::RegexTest { pattern, arg, .. } => {
                    if mentions(pattern) {
                        return true;
                    }
                    todo.push(arg);
                }
                Cond::Not(a) => todo.push(a),
                Cond::And(a, b) | Cond::Or(a, b) | Cond::Cmp(_, a, b) => {
                    todo.push(a);
                    todo.push(b);
                }
                Cond::Num(_) | Cond::Bool(_) | Cond::TypeOf(_) | Cond::Other => {}
            }
        }
        false
    }

    /// Whether code behind `cond` (running where it evaluates to `holds`) runs on iOS.
    pub fn gate(&self, cond: &Cond, holds: bool) -> Gate {
        match self.eval(cond, 0).map(|v| v.truthy()) {
            Some(v) if v != holds => Gate::Closed,
            Some(_) => Gate::Open,
            None if self.about_platform(cond) => Gate::Unknown,
            None => Gate::Open,
        }
    }

    /// Whether every guard lets the code run on iOS.
    pub fn open(&self, guards: &[Guard]) -> bool {
        guards
            .iter()
            .all(|g| self.gate(&g.cond, g.holds) == Gate::Open)
    }
}

fn same(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x == y),
        (Value::Num(x), Value::Num(y)) => Some(x == y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        _ => None,
    }
}

/// `/ios|ipad/i.test(s)` for patterns made of plain words, `|` and a leading `^`.
fn regex_test(pattern: &str, flags: &str, s: &str) -> Option<bool> {
    let fold = flags.contains('i');
    let text = if fold {
        s.to_lowercase()
    } else {
        s.to_string()
    };
    let mut any = false;
    for alt in pattern.split('|') {
        let (anchored, word) = match alt.strip_prefix('^') {
            Some(w) => (true, w),
            None => (false, alt),
        };
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == ' ') {
            return None;
        }
        let word = if fold {
            word.to_lowercase()
        } else {
            word.to_string()
        };
        any |= if anchored {
            text.starts_with(&word)
        } else {
            text.contains(&word)
        };
    }
    Some(any)
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
    guards: &[Guard],
    function: Option<FnId>,
    top: FnId,
) -> bool {
    if !env.open(guards) {
        return false;
    }
    let mut current = function;
    while let Some(f) = current {
        if f == top {
            return true;
        }
        let Some(fact) = facts.functions.get(f) else {
            return true;
        };
        if !env.open(&fact.guards) {
            return false;
        }
        current = fact.parent;
    }
    true
}

/// The first path from `start` to a cashier ([`opens_cashier`]) that no iOS check closes,
/// through the project's own calls; `None` when every path is gated (or there is no payment).
pub fn ungated_payment(
    project: &Project,
    files: &Files,
    data: &RuleData,
    env: &Env<'_>,
    start: FnRef,
    visited: &mut HashSet<FnRef>,
) -> Option<Vec<Step>> {
    if visited.len() > 256 || !visited.insert(start) {
        return None;
    }
    let facts = files.content(start.file).script()?;
    let inside = |function: Option<FnId>| facts.within(function, start.function);
    for api in &facts.api_uses {
        if inside(api.function)
            && opens_cashier(data, api)
            && path_open(env, facts, &api.guards, api.function, start.function)
        {
            return Some(vec![Step {
                file: start.file,
                span: api.span,
                label: messages::label_pays_here(format!("{}.{}", api.global.name(), api.name)),
            }]);
        }
    }
    for call in &facts.calls {
        if !inside(call.function)
            || !call.target.ships_to_douyin()
            || !path_open(env, facts, &call.guards, call.function, start.function)
        {
            continue;
        }
        for callee in calls::resolve(project, files, start.file, facts, &call.callee) {
            if let Some(mut rest) = ungated_payment(project, files, data, env, callee, visited) {
                rest.insert(
                    0,
                    Step {
                        file: start.file,
                        span: call.span,
                        label: messages::label_calls_payment(),
                    },
                );
                return Some(rest);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;
    use crate::syntax::js::facts::extract;

    fn facts(src: &str) -> JsFacts {
        let parsed = crate::syntax::js::parse::parse(src, 0, FileKind::Script).unwrap();
        extract(&parsed.program, &parsed.comments).facts
    }

    fn gate(setup: &str, cond: &str, holds: bool) -> Gate {
        let data = crate::rules::test_support::data();
        let f = facts(setup);
        let mut env = Env::new(data);
        env.add(&f);
        let c =
            crate::syntax::js::cond::cond(&crate::syntax::js::parse::parse_expr(cond, 0).unwrap());
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
