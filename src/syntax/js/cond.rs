//! Conditions in the terms the rules reason about: data paths, literals, logic, comparisons and
//! the few method calls platform checks use. One form serves `if (…)` in scripts and
//! `tt:if="{{…}}"` in templates, so a flag set in a script and tested in a template meet.

use std::cell::RefCell;
use std::sync::LazyLock;

use memchr::memmem;
use oxc_ast::ast::{
    BinaryOperator, Expression, LogicalOperator, MemberExpression, RegExpLiteral, UnaryOperator,
};

use super::ast::{RED_ZONE, SEGMENT, argument, static_str, unwrap};
use crate::base::intern::Ustr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==` or `===`.
    Eq,
    /// `!=` or `!==`.
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A condition. Every script's conditions and assignments stay in memory until the project pass
/// ends, so the rare wide variants are boxed and a condition takes three words.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// A data path, normalised: `isIOS` (a local, or page data: `this.data.isIOS`),
    /// `globalData.isIOS` (however the app was reached), `sys.platform`.
    Path(Ustr),
    Str(Box<str>),
    Num(f64),
    Bool(bool),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    Cmp(CmpOp, Box<Cond>, Box<Cond>),
    /// `receiver.method(args)`: `system.indexOf('iOS')`, `platform.toLowerCase()`.
    Method(Box<MethodCall>),
    /// `/pattern/flags.test(arg)`.
    RegexTest(Box<RegexTest>),
    /// A call of an API by its path: `tt.getSystemInfoSync()`, `Taro.getEnv()`.
    Call(Ustr),
    /// `typeof path`: how code tells which platform's globals exist (`typeof wx !== 'undefined'`).
    TypeOf(Ustr),
    /// `test ? a : b`.
    Ternary(Box<(Cond, Cond, Cond)>),
    /// Anything else.
    Other,
}

/// `receiver.method(args)`.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodCall {
    pub receiver: Cond,
    /// Interned, and the arguments a boxed slice: an assignment's value is a method call often
    /// (`list.map(…)`, `str.trim()`), and every script's values stay in memory for the run.
    pub method: Ustr,
    pub args: Box<[Cond]>,
}

/// `/pattern/flags.test(arg)`.
#[derive(Debug, Clone, PartialEq)]
pub struct RegexTest {
    pub pattern: String,
    pub flags: String,
    pub arg: Cond,
}

impl Cond {
    /// This condition and every condition inside it, outermost first. A condition without
    /// parts (most assignments' values: a path, a literal) is walked without allocating.
    pub fn walk(&self) -> impl Iterator<Item = &Cond> {
        let mut first = Some(self);
        let mut todo = Vec::new();
        std::iter::from_fn(move || {
            let c = first.take().or_else(|| todo.pop())?;
            match c {
                Cond::Not(a) => todo.push(a),
                Cond::And(a, b) | Cond::Or(a, b) | Cond::Cmp(_, a, b) => {
                    todo.push(b);
                    todo.push(a);
                }
                Cond::Method(call) => {
                    todo.extend(call.args.iter().rev());
                    todo.push(&call.receiver);
                }
                Cond::RegexTest(test) => todo.push(&test.arg),
                Cond::Ternary(t) => {
                    todo.push(&t.2);
                    todo.push(&t.1);
                    todo.push(&t.0);
                }
                Cond::Path(_)
                | Cond::Str(_)
                | Cond::Num(_)
                | Cond::Bool(_)
                | Cond::Call(_)
                | Cond::TypeOf(_)
                | Cond::Other => {}
            }
            Some(c)
        })
    }

    /// The data paths the condition reads, in the order they are written.
    pub fn paths(&self) -> Vec<&str> {
        self.walk()
            .filter_map(|c| match c {
                Cond::Path(p) => Some(p.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// The names platform checks call methods on: `tt.getSystemInfoSync()`, `Taro.getEnv()`.
const PLATFORM_OBJECTS: &[&str] = &["tt", "wx", "uni", "Taro"];

/// Receivers that stand for the page instance in mini-program code (`const that = this`).
const PAGE_SELVES: &[&str] = &["this", "that", "self", "_this"];

/// Normalises a raw member path: page data read through the page instance becomes the bare key
/// (`this.data.isIOS` → `isIOS`, as templates write it); anything under `globalData` becomes
/// `globalData.…` however the app object was reached (`getApp().globalData`, `app.globalData`,
/// `this.globalData` inside `App({})`).
pub fn normalize_path(mut raw: String) -> String {
    normalize_in_place(&mut raw);
    raw
}

/// [`normalize_path`], on the path where it is written.
fn normalize_in_place(raw: &mut String) {
    // This runs for every member path a condition or assignment reads: the searcher is built
    // once, not per path as `str::find` and memmem's one-shot `find` build theirs.
    static GLOBAL_DATA: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("globalData"));
    if let Some(at) = GLOBAL_DATA.find(raw.as_bytes()) {
        let before = &raw[..at];
        if before.is_empty() || before.ends_with('.') {
            raw.drain(..at);
            return;
        }
    }
    for me in PAGE_SELVES {
        let Some(rest) = raw.strip_prefix(me).and_then(|r| r.strip_prefix('.')) else {
            continue;
        };
        // Mini-program page data (`this.data.isIOS`), and a Vue or React component's own
        // state and properties (`this.isIOS`), are what templates name bare.
        let key = rest.strip_prefix("data.").unwrap_or(rest);
        let at = raw.len() - key.len();
        raw.drain(..at);
        return;
    }
}

thread_local! {
    /// Where a condition's paths are written before they are interned. A condition has a path
    /// at nearly every leaf, and a string allocated for each, only to be interned and dropped,
    /// was the most frequent allocation of the whole extraction.
    static PATH_BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The raw path of `expr`, written in the thread's buffer and handed to `f` (normalised first
/// when `normalize` is set); `None` when the expression has no path. `f` must not ask for a
/// path itself: the buffer is lent to it.
fn with_path<R>(expr: &Expression<'_>, normalize: bool, f: impl FnOnce(&str) -> R) -> Option<R> {
    PATH_BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        if !write_path(expr, buffer) {
            return None;
        }
        if normalize {
            normalize_in_place(buffer);
        }
        Some(f(buffer))
    })
}

/// The raw member path of an expression: `a.b['c']`, `this.x`, `getApp().globalData.y`.
pub fn raw_path(expr: &Expression<'_>) -> Option<String> {
    let mut out = String::new();
    write_path(expr, &mut out).then_some(out)
}

/// [`raw_path`], written in `out` (cleared first); false when the expression has no path.
pub fn write_raw_path(expr: &Expression<'_>, out: &mut String) -> bool {
    out.clear();
    write_path(expr, out)
}

/// The raw path of a member expression: `a.b['c']`. A member taken from inside an optional chain
/// has one only when no link before it is written `?.`: `a?.b` reads `a.b`, `a?.b.c` has none
/// (what it reads depends on whether `a` exists).
pub fn member_path(m: &MemberExpression<'_>) -> Option<String> {
    let mut out = String::new();
    write_member(m, &mut out).then_some(out)
}

/// Room a path's buffer gets when its root is written: most paths (`this.data.isIOS`,
/// `res.platform`) fit, so the chain after the root grows it no more. An expression with no path
/// (the most common case) never allocates.
const PATH_ROOM: usize = 24;

/// Appends the raw path of `expr` to `out`, one buffer for the whole chain (a chain of n members
/// would otherwise be built n times over); false when the expression has no path. Nor has a link
/// of an optional chain written `?.` or after one: the walk down the chain meets the `?.`.
fn write_path(expr: &Expression<'_>, out: &mut String) -> bool {
    match unwrap(expr) {
        Expression::Identifier(i) => {
            out.reserve(PATH_ROOM);
            out.push_str(&i.name);
        }
        Expression::ThisExpression(_) => {
            out.reserve(PATH_ROOM);
            out.push_str("this");
        }
        // `getApp()`, and platform API results: `tt.getSystemInfoSync().platform`.
        Expression::CallExpression(c) if !c.optional => match unwrap(&c.callee) {
            Expression::Identifier(i) if i.name == "getApp" && c.arguments.is_empty() => {
                out.push_str("getApp()");
            }
            callee => {
                let Some(m) = callee.as_member_expression().filter(|m| !m.optional()) else {
                    return false;
                };
                let start = out.len();
                if !write_member(m, out) {
                    return false;
                }
                let root = out[start..].split('.').next().unwrap_or_default();
                if !PLATFORM_OBJECTS.contains(&root) {
                    return false;
                }
                out.push_str("()");
            }
        },
        other => {
            return other
                .as_member_expression()
                .is_some_and(|m| !m.optional() && write_member(m, out));
        }
    }
    true
}

fn write_member(m: &MemberExpression<'_>, out: &mut String) -> bool {
    if !write_path(m.object(), out) {
        return false;
    }
    out.push('.');
    match m {
        MemberExpression::StaticMemberExpression(s) => out.push_str(&s.property.name),
        MemberExpression::ComputedMemberExpression(c) => match static_str(&c.expression) {
            Some(key) => out.push_str(&key),
            None => return false,
        },
        MemberExpression::PrivateFieldExpression(_) => return false,
    }
    true
}

/// The normalised data path of an expression.
pub fn path(expr: &Expression<'_>) -> Option<String> {
    raw_path(expr).map(normalize_path)
}

pub fn cond(expr: &Expression<'_>) -> Cond {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || cond_inner(expr))
}

fn cond_inner(expr: &Expression<'_>) -> Cond {
    if let Some(p) = with_path(expr, true, Ustr::from) {
        return Cond::Path(p);
    }
    if let Some(s) = static_str(expr) {
        return Cond::Str(s.into());
    }
    match unwrap(expr) {
        Expression::BooleanLiteral(b) => Cond::Bool(b.value),
        Expression::NumericLiteral(n) => Cond::Num(n.value),
        Expression::UnaryExpression(u) => match u.operator {
            UnaryOperator::LogicalNot => Cond::Not(Box::new(cond(&u.argument))),
            UnaryOperator::Typeof => match with_path(&u.argument, false, Ustr::from) {
                Some(p) => Cond::TypeOf(p),
                None => Cond::Other,
            },
            UnaryOperator::UnaryNegation => match cond(&u.argument) {
                Cond::Num(n) => Cond::Num(-n),
                _ => Cond::Other,
            },
            _ => Cond::Other,
        },
        Expression::LogicalExpression(l) => {
            let (left, right) = (Box::new(cond(&l.left)), Box::new(cond(&l.right)));
            match l.operator {
                LogicalOperator::And => Cond::And(left, right),
                LogicalOperator::Or => Cond::Or(left, right),
                LogicalOperator::Coalesce => Cond::Other,
            }
        }
        Expression::BinaryExpression(b) => {
            let op = match b.operator {
                BinaryOperator::Equality | BinaryOperator::StrictEquality => CmpOp::Eq,
                BinaryOperator::Inequality | BinaryOperator::StrictInequality => CmpOp::Ne,
                BinaryOperator::LessThan => CmpOp::Lt,
                BinaryOperator::LessEqualThan => CmpOp::Le,
                BinaryOperator::GreaterThan => CmpOp::Gt,
                BinaryOperator::GreaterEqualThan => CmpOp::Ge,
                _ => return Cond::Other,
            };
            Cond::Cmp(op, Box::new(cond(&b.left)), Box::new(cond(&b.right)))
        }
        Expression::CallExpression(c) => {
            // A method is named (`a.indexOf`, not `a['indexOf']`) on anything but `super`: a
            // condition reads data, never the parent class.
            let Expression::StaticMemberExpression(m) = unwrap(&c.callee) else {
                return Cond::Other;
            };
            if matches!(m.object, Expression::Super(_)) {
                return Cond::Other;
            }
            let method = m.property.name.as_str();
            let args: Vec<Cond> = c.arguments.iter().map(|a| cond(argument(a))).collect();
            if let Expression::RegExpLiteral(re) = unwrap(&m.object)
                && method == "test"
                && let Some(arg) = args.first()
            {
                return Cond::RegexTest(Box::new(RegexTest {
                    pattern: re.regex.pattern.text.as_str().to_owned(),
                    flags: regex_flags(re),
                    arg: arg.clone(),
                }));
            }
            let platform_call = with_path(&m.object, false, |obj| {
                PLATFORM_OBJECTS
                    .contains(&obj)
                    .then(|| Ustr::from(&format!("{obj}.{method}")))
            });
            match platform_call.flatten() {
                Some(call) => Cond::Call(call),
                None => Cond::Method(Box::new(MethodCall {
                    receiver: cond(&m.object),
                    method: method.into(),
                    args: args.into_boxed_slice(),
                })),
            }
        }
        Expression::ConditionalExpression(c) => Cond::Ternary(Box::new((
            cond(&c.test),
            cond(&c.consequent),
            cond(&c.alternate),
        ))),
        _ => Cond::Other,
    }
}

/// A regular expression's flags as written (`/x/ig` has `ig`): oxc keeps them as a set, which
/// prints in its own order.
fn regex_flags(re: &RegExpLiteral<'_>) -> String {
    match re.raw.as_ref().and_then(|raw| raw.rsplit_once('/')) {
        Some((_, flags)) => flags.to_owned(),
        None => re.regex.flags.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::js::parse::{parse_expr, with_arena};

    fn c(src: &str) -> Cond {
        with_arena(|arena| cond(&parse_expr(arena, src, 0).unwrap()))
    }

    fn p(s: &str) -> Box<Cond> {
        Box::new(Cond::Path(s.into()))
    }

    #[test]
    fn conditions_reduce_to_paths_logic_and_comparisons() {
        assert_eq!(
            c("!isIOS && canPay"),
            Cond::And(Box::new(Cond::Not(p("isIOS"))), p("canPay"))
        );
        assert_eq!(
            c("sys.platform === 'ios'"),
            Cond::Cmp(
                CmpOp::Eq,
                p("sys.platform"),
                Box::new(Cond::Str("ios".into()))
            )
        );
        assert_eq!(c("a['b'] != c"), Cond::Cmp(CmpOp::Ne, p("a.b"), p("c")));
        assert_eq!(
            c("system.indexOf('iOS') > -1"),
            Cond::Cmp(
                CmpOp::Gt,
                Box::new(Cond::Method(Box::new(MethodCall {
                    receiver: *p("system"),
                    method: "indexOf".into(),
                    args: Box::new([Cond::Str("iOS".into())])
                }))),
                Box::new(Cond::Num(-1.0))
            )
        );
        assert_eq!(
            c("/ios/i.test(res.system)"),
            Cond::RegexTest(Box::new(RegexTest {
                pattern: "ios".into(),
                flags: "i".into(),
                arg: *p("res.system")
            }))
        );
        assert_eq!(
            c("tt.getSystemInfoSync()"),
            Cond::Path("tt.getSystemInfoSync()".into())
        );
        assert_eq!(
            c("tt.getSystemInfoSync().platform"),
            Cond::Path("tt.getSystemInfoSync().platform".into())
        );
        assert_eq!(c("(flag)"), Cond::Path("flag".into()));
        assert_eq!(
            c("typeof wx !== 'undefined'"),
            Cond::Cmp(
                CmpOp::Ne,
                Box::new(Cond::TypeOf("wx".into())),
                Box::new(Cond::Str("undefined".into()))
            )
        );
        assert_eq!(c("a + 1").paths(), Vec::<&str>::new());
    }

    #[test]
    fn page_and_global_data_paths_are_normalised() {
        assert_eq!(c("this.data.isIOS"), Cond::Path("isIOS".into()));
        assert_eq!(c("that.data.platform"), Cond::Path("platform".into()));
        assert_eq!(
            c("getApp().globalData.isIOS"),
            Cond::Path("globalData.isIOS".into())
        );
        assert_eq!(
            c("app.globalData.isIOS"),
            Cond::Path("globalData.isIOS".into())
        );
        assert_eq!(
            c("this.globalData.isIOS"),
            Cond::Path("globalData.isIOS".into())
        );
        assert_eq!(c("myglobalData.x"), Cond::Path("myglobalData.x".into()));
        assert_eq!(
            c("this.isIOS"),
            Cond::Path("isIOS".into()),
            "a component's own state"
        );
        assert_eq!(c("thatx.isIOS"), Cond::Path("thatx.isIOS".into()));
    }
}
