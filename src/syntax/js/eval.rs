//! One evaluator for the conditions code runs under: which build target, which device.
//!
//! A condition is worth something only under an [`Environment`]: the build target (Douyin, WeChat…:
//! `process.env.TARO_ENV`, `process.env.UNI_PLATFORM`, `Taro.getEnv()`, which platform globals
//! exist) and, when it matters, the device (`platform` is `'ios'` on an iPhone, `system` reads
//! `'iOS 16.1'`). Names are followed through the values a [`Values`] table knows (`const isIOS = …`,
//! `setData({ isIOS })`).
//!
//! It knows two shapes code uses to stay on its platform:
//! - guards on the platform objects: `typeof wx !== 'undefined'` either way round (and minified,
//!   `"undefined"!=typeof wx&&…`), `env === 'wx' ? wx[x] : …` with `env` computed from them;
//! - feature tests, `tt.pay ? a : b`, `if (tt.requestOrder)`, `typeof tt.pay`: their value is
//!   unknown (an old client may lack the API), so they decide nothing — and the fact extractor
//!   records the API they name as tested, never as used.
//!
//! The evaluator lives with the syntax because the extractor needs it: whether code ships to a
//! Douyin build is decided while a script is read, so facts of code that never ships are
//! recognised at once.

use super::cond::{CmpOp, Cond};
use crate::base::api::Namespace;

/// What a build is for: Douyin, whose code ttlint lints, and WeChat, the platform code is most
/// often ported from (code that runs only there is told apart from Douyin code). A condition
/// naming any other target (`process.env.TARO_ENV === 'alipay'`) is closed under both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Douyin,
    Wechat,
}

impl Platform {
    /// `process.env.TARO_ENV` in a Taro build for this platform.
    fn taro_env(self) -> &'static str {
        match self {
            Self::Douyin => "tt",
            Self::Wechat => "weapp",
        }
    }

    /// `Taro.getEnv()`, compared with `Taro.ENV_TYPE.<NAME>` (whose value is the name).
    fn taro_env_type(self) -> &'static str {
        match self {
            Self::Douyin => "TT",
            Self::Wechat => "WEAPP",
        }
    }

    /// `process.env.UNI_PLATFORM` in a uni-app build for this platform.
    fn uni_platform(self) -> &'static str {
        match self {
            Self::Douyin => "mp-toutiao",
            Self::Wechat => "mp-weixin",
        }
    }

    /// The platform object that exists in this build.
    fn namespace(self) -> Namespace {
        match self {
            Self::Douyin => Namespace::Tt,
            Self::Wechat => Namespace::Wx,
        }
    }
}

/// The device code runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    Ios,
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "the linter asks only what holds on iOS; the guard table checks Android too"
        )
    )]
    Android,
}

impl Device {
    /// `tt.getSystemInfoSync().platform`: lower case on Douyin.
    fn platform(self) -> &'static str {
        match self {
            Self::Ios => "ios",
            Self::Android => "android",
        }
    }

    /// `tt.getSystemInfoSync().system`.
    fn system(self) -> &'static str {
        match self {
            Self::Ios => "iOS 16.1",
            Self::Android => "Android 13",
        }
    }
}

/// Where code is imagined to run: a build target and, when known, a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Environment {
    pub platform: Platform,
    pub device: Option<Device>,
}

impl Environment {
    /// A Douyin build, any device.
    pub const DOUYIN: Self = Self {
        platform: Platform::Douyin,
        device: None,
    };

    /// A WeChat build, any device: what code kept apart for WeChat runs under.
    pub const WECHAT: Self = Self {
        platform: Platform::Wechat,
        device: None,
    };

    /// Douyin on an iPhone.
    pub const DOUYIN_IOS: Self = Self {
        platform: Platform::Douyin,
        device: Some(Device::Ios),
    };
}

/// A value a condition evaluates to.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Str(String),
    Num(f64),
    /// A platform object that exists.
    Object,
    Undefined,
}

impl Value {
    pub fn truthy(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Str(s) => !s.is_empty(),
            Value::Num(n) => *n != 0.0 && !n.is_nan(),
            Value::Object => true,
            Value::Undefined => false,
        }
    }
}

/// The values names take: a script's or a page's assignments.
pub trait Values {
    /// The values assigned to a normalised path (`isIOS`, `globalData.isIOS`).
    fn values(&self, path: &str) -> Vec<&Cond>;
}

/// No values at all.
pub struct NoValues;

impl Values for NoValues {
    fn values(&self, _: &str) -> Vec<&Cond> {
        Vec::new()
    }
}

/// Whether code behind a guard runs in an environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// It runs (or the condition has nothing to do with the environment).
    Open,
    /// It never runs.
    Closed,
    /// A check about the environment that ttlint cannot evaluate (`utils.isIOS()`).
    Unknown,
}

/// Deepest chain of names followed.
const MAX_DEPTH: usize = 16;

/// Whether a path is fixed by the build, whatever the device or the user does: the build
/// environment (`process.env.TARO_ENV`, `Taro.getEnv()`, `Taro.ENV_TYPE.WEAPP`) or a platform
/// global (`wx`, `tt`), whose existence is the build target's.
pub fn build_path(path: &str) -> bool {
    path.starts_with("process.env.")
        || path.starts_with("Taro.ENV_TYPE.")
        || path == "Taro.getEnv()"
        || Namespace::global(path).is_some()
}

/// Conditions under one environment.
pub struct Evaluator<'a> {
    pub env: Environment,
    values: &'a dyn Values,
    /// Words that make a condition ttlint cannot evaluate a probable platform check.
    platform_words: &'a [String],
}

impl<'a> Evaluator<'a> {
    pub fn new(env: Environment, values: &'a dyn Values, platform_words: &'a [String]) -> Self {
        Self {
            env,
            values,
            platform_words,
        }
    }

    /// What a path is in this environment, before any assignment is consulted.
    fn known_path(&self, path: &str) -> Option<Value> {
        match path {
            "process.env.TARO_ENV" => {
                return Some(Value::Str(self.env.platform.taro_env().into()));
            }
            "process.env.UNI_PLATFORM" | "process.env.VUE_APP_PLATFORM" => {
                return Some(Value::Str(self.env.platform.uni_platform().into()));
            }
            _ => {}
        }
        if path == "Taro.getEnv()" {
            return Some(Value::Str(self.env.platform.taro_env_type().into()));
        }
        if let Some(name) = path.strip_prefix("Taro.ENV_TYPE.") {
            return Some(Value::Str(name.into()));
        }
        if let Some(ns) = Namespace::global(path) {
            return Some(if self.env.platform.namespace() == ns {
                Value::Object
            } else {
                Value::Undefined
            });
        }
        let device = self.env.device?;
        match path.rsplit('.').next() {
            Some("platform") => Some(Value::Str(device.platform().into())),
            Some("system") => Some(Value::Str(device.system().into())),
            _ => None,
        }
    }

    pub fn eval(&self, cond: &Cond) -> Option<Value> {
        self.eval_at(cond, 0)
    }

    fn eval_at(&self, cond: &Cond, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let eval = |c: &Cond| self.eval_at(c, depth + 1);
        match cond {
            Cond::Path(path) => {
                if let Some(value) = self.known_path(path) {
                    return Some(value);
                }
                let values = self.values.values(path);
                if values.is_empty() {
                    return None;
                }
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
            Cond::Str(s) => Some(Value::Str(s.to_string())),
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
            Cond::Ternary(t) => {
                let (test, yes, no) = &**t;
                match eval(test).map(|v| v.truthy()) {
                    Some(true) => eval(yes),
                    Some(false) => eval(no),
                    None => {
                        let (a, b) = (eval(yes)?, eval(no)?);
                        (a == b).then_some(a)
                    }
                }
            }
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
            Cond::Method(call) => {
                let Value::Str(s) = eval(&call.receiver)? else {
                    return None;
                };
                let arg = match call.args.first().map(eval) {
                    Some(Some(Value::Str(a))) => Some(a),
                    _ => None,
                };
                match (call.method.as_str(), arg) {
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
            Cond::RegexTest(test) => {
                let Value::Str(s) = eval(&test.arg)? else {
                    return None;
                };
                regex_test(&test.pattern, &test.flags, &s).map(Value::Bool)
            }
            // `typeof wx`: whether the platform object exists here. `typeof tt.pay` is a feature
            // test: unknown.
            Cond::TypeOf(path) => Namespace::global(path).map(|_| {
                let kind = match self.known_path(path) {
                    Some(Value::Object) => "object",
                    _ => "undefined",
                };
                Value::Str(kind.into())
            }),
            Cond::Call(_) => None,
            Cond::Other => None,
        }
    }

    /// Whether a condition mentions the platform (a name or text with `ios`, `platform`…).
    fn about_platform(&self, cond: &Cond) -> bool {
        let mentions = |s: &str| {
            let s = s.to_lowercase();
            self.platform_words
                .iter()
                .any(|w| s.contains(w.to_lowercase().as_str()))
        };
        cond.walk().any(|c| match c {
            Cond::Path(p) | Cond::Call(p) | Cond::TypeOf(p) => mentions(p),
            Cond::Str(s) => mentions(s),
            Cond::Method(call) => mentions(call.method.as_str()),
            Cond::RegexTest(test) => mentions(&test.pattern),
            _ => false,
        })
    }

    /// Whether code behind `cond` (running where it evaluates to `holds`) runs here.
    pub fn gate(&self, cond: &Cond, holds: bool) -> Gate {
        match self.eval(cond).map(|v| v.truthy()) {
            Some(v) if v != holds => Gate::Closed,
            Some(_) => Gate::Open,
            // A check ttlint cannot evaluate matters only when asking about a device.
            None if self.env.device.is_some() && self.about_platform(cond) => Gate::Unknown,
            None => Gate::Open,
        }
    }
}

fn same(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x == y),
        (Value::Num(x), Value::Num(y)) => Some(x == y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Undefined, Value::Undefined) | (Value::Object, Value::Object) => Some(true),
        (Value::Undefined, Value::Object) | (Value::Object, Value::Undefined) => Some(false),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::js::cond::cond;
    use crate::syntax::js::parse::{parse_expr, with_arena};

    /// A table of values for the tests: `name = expression` lines.
    struct Table(Vec<(String, Cond)>);

    impl Values for Table {
        fn values(&self, path: &str) -> Vec<&Cond> {
            self.0
                .iter()
                .filter(|(p, _)| p == path)
                .map(|(_, c)| c)
                .collect()
        }
    }

    fn c(src: &str) -> Cond {
        with_arena(|arena| cond(&parse_expr(arena, src, 0).expect("an expression")))
    }

    const PLATFORM_WORDS: &[&str] = &["ios", "iphone", "platform"];

    fn gate(env: Environment, setup: &[(&str, &str)], condition: &str, holds: bool) -> Gate {
        let table = Table(setup.iter().map(|(n, e)| (n.to_string(), c(e))).collect());
        let words: Vec<String> = PLATFORM_WORDS.iter().map(|w| w.to_string()).collect();
        Evaluator::new(env, &table, &words).gate(&c(condition), holds)
    }

    const ANDROID: Environment = Environment {
        platform: Platform::Douyin,
        device: Some(Device::Android),
    };

    /// Every guard shape, under each environment: (condition, the code runs where it holds?,
    /// Douyin, WeChat, Douyin on iOS, Douyin on Android).
    #[test]
    fn every_guard_shape_under_every_environment() {
        use Gate::{Closed as C, Open as O, Unknown as U};
        let envs = [
            Environment::DOUYIN,
            Environment::WECHAT,
            Environment::DOUYIN_IOS,
            ANDROID,
        ];
        let table: &[(&str, bool, [Gate; 4])] = &[
            // Platform objects.
            ("typeof wx !== 'undefined'", true, [C, O, C, C]),
            ("'undefined' != typeof wx", true, [C, O, C, C]),
            ("typeof wx === 'undefined'", false, [C, O, C, C]),
            ("\"undefined\"!=typeof wx&&wx.request", true, [C, O, C, C]),
            ("typeof tt !== 'undefined'", true, [O, C, O, O]),
            ("typeof tt === 'object'", true, [O, C, O, O]),
            ("env === 'wx'", true, [C, O, C, C]),
            // Build targets.
            ("process.env.TARO_ENV === 'tt'", true, [O, C, O, O]),
            ("process.env.TARO_ENV === 'weapp'", true, [C, O, C, C]),
            ("process.env.TARO_ENV !== 'tt'", true, [C, O, C, C]),
            (
                "process.env.UNI_PLATFORM === 'mp-toutiao'",
                true,
                [O, C, O, O],
            ),
            ("Taro.getEnv() === Taro.ENV_TYPE.TT", true, [O, C, O, O]),
            ("Taro.getEnv() === Taro.ENV_TYPE.WEAPP", true, [C, O, C, C]),
            ("Taro.getEnv() == 'WEAPP'", false, [O, C, O, O]),
            // Feature tests decide nothing.
            ("tt.pay", true, [O, O, O, O]),
            ("typeof tt.pay === 'function'", true, [O, O, O, O]),
            ("!!tt.requestOrder", false, [O, O, O, O]),
            // Devices.
            ("sys.platform === 'ios'", true, [O, O, O, C]),
            ("sys.platform === 'ios'", false, [O, O, C, O]),
            ("platform !== 'ios'", true, [O, O, C, O]),
            ("platform === 'iOS'", false, [O, O, O, O]),
            ("system.indexOf('iOS') > -1", false, [O, O, C, O]),
            ("/ios/i.test(res.system)", false, [O, O, C, O]),
            ("platform.toLowerCase() == 'ios'", true, [O, O, O, C]),
            ("isIOS", false, [O, O, C, O]),
            ("utils.isIOS()", false, [O, O, U, U]),
            // Unrelated conditions leave code running.
            ("loggedIn && cart.length > 0", true, [O, O, O, O]),
        ];
        let setup = [
            ("env", "typeof wx !== 'undefined' ? 'wx' : 'tt'"),
            ("isIOS", "sys.platform === 'ios'"),
            ("isIOS", "false"),
        ];
        for (condition, holds, expected) in table {
            for (env, want) in envs.iter().zip(expected) {
                assert_eq!(
                    gate(*env, &setup, condition, *holds),
                    *want,
                    "`{condition}` holding={holds} under {env:?}"
                );
            }
        }
    }

    #[test]
    fn literal_defaults_give_way_to_computed_values() {
        let setup = [("ios", "false"), ("ios", "platform === 'ios'")];
        assert_eq!(
            gate(Environment::DOUYIN_IOS, &setup, "ios", false),
            Gate::Closed
        );
        let unknown = [("ios", "true"), ("ios", "false")];
        assert_eq!(
            gate(Environment::DOUYIN_IOS, &unknown, "ios", false),
            Gate::Unknown,
            "two literal values disagree: a platform check ttlint cannot evaluate"
        );
    }
}
