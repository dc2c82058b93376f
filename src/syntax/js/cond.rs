//! Conditions in the terms the rules reason about: data paths, literals, logic, comparisons and
//! the few method calls platform checks use. One form serves `if (…)` in scripts and
//! `tt:if="{{…}}"` in templates, so a flag set in a script and tested in a template meet.

use swc_ecma_ast::{BinaryOp, Callee, Expr, Lit, MemberExpr, MemberProp, UnaryOp};

use super::ast::{RED_ZONE, SEGMENT, static_string, unwrap};
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
    pub method: String,
    pub args: Vec<Cond>,
}

/// `/pattern/flags.test(arg)`.
#[derive(Debug, Clone, PartialEq)]
pub struct RegexTest {
    pub pattern: String,
    pub flags: String,
    pub arg: Cond,
}

impl Cond {
    /// This condition and every condition inside it, outermost first.
    pub fn walk(&self) -> impl Iterator<Item = &Cond> {
        let mut todo = vec![self];
        std::iter::from_fn(move || {
            let c = todo.pop()?;
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
    // `str::find` sets up a substring searcher per call; memmem's one-shot search does not,
    // and this runs for every member path a condition or assignment reads.
    if let Some(at) = memchr::memmem::find(raw.as_bytes(), b"globalData") {
        let before = &raw[..at];
        if before.is_empty() || before.ends_with('.') {
            raw.drain(..at);
            return raw;
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
        return raw;
    }
    raw
}

/// The raw member path of an expression: `a.b['c']`, `this.x`, `getApp().globalData.y`.
pub fn raw_path(expr: &Expr) -> Option<String> {
    let mut out = String::new();
    write_path(expr, &mut out).then_some(out)
}

/// The raw path of a member expression: `a.b['c']`.
pub fn member_path(m: &MemberExpr) -> Option<String> {
    let mut out = String::new();
    write_member(m, &mut out).then_some(out)
}

/// Room a path's buffer gets when its root is written: most paths (`this.data.isIOS`,
/// `res.platform`) fit, so the chain after the root grows it no more. An expression with no path
/// (the most common case) never allocates.
const PATH_ROOM: usize = 24;

/// Appends the raw path of `expr` to `out`, one buffer for the whole chain (a chain of n members
/// would otherwise be built n times over); false when the expression has no path.
fn write_path(expr: &Expr, out: &mut String) -> bool {
    match unwrap(expr) {
        Expr::Ident(i) => {
            out.reserve(PATH_ROOM);
            out.push_str(&i.sym);
        }
        Expr::This(_) => {
            out.reserve(PATH_ROOM);
            out.push_str("this");
        }
        Expr::Member(m) => return write_member(m, out),
        // `getApp()`, and platform API results: `tt.getSystemInfoSync().platform`.
        Expr::Call(c) => {
            let Callee::Expr(callee) = &c.callee else {
                return false;
            };
            match unwrap(callee) {
                Expr::Ident(i) if &*i.sym == "getApp" && c.args.is_empty() => {
                    out.push_str("getApp()");
                }
                Expr::Member(m) => {
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
                _ => return false,
            }
        }
        _ => return false,
    }
    true
}

fn write_member(m: &MemberExpr, out: &mut String) -> bool {
    if !write_path(&m.obj, out) {
        return false;
    }
    out.push('.');
    match &m.prop {
        MemberProp::Ident(i) => out.push_str(&i.sym),
        MemberProp::Computed(c) => match static_string(&c.expr) {
            Some(key) => out.push_str(&key),
            None => return false,
        },
        MemberProp::PrivateName(_) => return false,
    }
    true
}

/// The normalised data path of an expression.
pub fn path(expr: &Expr) -> Option<String> {
    raw_path(expr).map(normalize_path)
}

pub fn cond(expr: &Expr) -> Cond {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || cond_inner(expr))
}

fn cond_inner(expr: &Expr) -> Cond {
    if let Some(p) = path(expr) {
        return Cond::Path(p.into());
    }
    if let Some(s) = static_string(expr) {
        return Cond::Str(s.into());
    }
    match unwrap(expr) {
        Expr::Lit(Lit::Bool(b)) => Cond::Bool(b.value),
        Expr::Lit(Lit::Num(n)) => Cond::Num(n.value),
        Expr::Unary(u) if u.op == UnaryOp::Bang => Cond::Not(Box::new(cond(&u.arg))),
        Expr::Unary(u) if u.op == UnaryOp::TypeOf => match raw_path(&u.arg) {
            Some(p) => Cond::TypeOf(p.into()),
            None => Cond::Other,
        },
        Expr::Unary(u) if u.op == UnaryOp::Minus => match cond(&u.arg) {
            Cond::Num(n) => Cond::Num(-n),
            _ => Cond::Other,
        },
        Expr::Bin(b) => {
            let (l, r) = (Box::new(cond(&b.left)), Box::new(cond(&b.right)));
            let op = match b.op {
                BinaryOp::LogicalAnd => return Cond::And(l, r),
                BinaryOp::LogicalOr => return Cond::Or(l, r),
                BinaryOp::EqEq | BinaryOp::EqEqEq => CmpOp::Eq,
                BinaryOp::NotEq | BinaryOp::NotEqEq => CmpOp::Ne,
                BinaryOp::Lt => CmpOp::Lt,
                BinaryOp::LtEq => CmpOp::Le,
                BinaryOp::Gt => CmpOp::Gt,
                BinaryOp::GtEq => CmpOp::Ge,
                _ => return Cond::Other,
            };
            Cond::Cmp(op, l, r)
        }
        Expr::Call(c) => {
            let Callee::Expr(callee) = &c.callee else {
                return Cond::Other;
            };
            let args: Vec<Cond> = c.args.iter().map(|a| cond(&a.expr)).collect();
            match unwrap(callee) {
                Expr::Member(m) => {
                    let MemberProp::Ident(method) = &m.prop else {
                        return Cond::Other;
                    };
                    if let Expr::Lit(Lit::Regex(re)) = unwrap(&m.obj)
                        && &*method.sym == "test"
                        && let Some(arg) = args.first()
                    {
                        return Cond::RegexTest(Box::new(RegexTest {
                            pattern: re.exp.to_string(),
                            flags: re.flags.to_string(),
                            arg: arg.clone(),
                        }));
                    }
                    match raw_path(&m.obj) {
                        Some(obj) if PLATFORM_OBJECTS.contains(&obj.as_str()) => {
                            Cond::Call(format!("{obj}.{}", method.sym).into())
                        }
                        _ => Cond::Method(Box::new(MethodCall {
                            receiver: cond(&m.obj),
                            method: method.sym.as_str().to_owned(),
                            args,
                        })),
                    }
                }
                _ => Cond::Other,
            }
        }
        Expr::Cond(c) => Cond::Ternary(Box::new((cond(&c.test), cond(&c.cons), cond(&c.alt)))),
        _ => Cond::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(src: &str) -> Cond {
        cond(&crate::syntax::js::parse::parse_expr(src, 0).unwrap())
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
                    args: vec![Cond::Str("iOS".into())]
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
