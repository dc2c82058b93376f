//! The facts ttlint reads from a script, collected in one traversal of its syntax tree
//! ([`extract`]).
//!
//! Facts are plain data: which platform APIs the script uses, how and under which conditions;
//! which functions it defines and calls; which text it holds; which modules it loads and what it
//! exports; which values it assigns to data. Rules match against facts, never against the tree,
//! so adding a rule never adds a traversal.

mod extract;

use swc_ecma_ast::{Expr, ObjectLit, Prop, PropOrSpread};

use super::ast::{prop_name, span_of, static_string};
pub use super::cond::Cond;
use super::conditional::{Regions, Target};
use crate::base::source::Span;

pub use super::scope::Global;
pub use extract::{Extracted, extract};

/// Index of a function in [`JsFacts::functions`].
pub type FnId = usize;

/// How a platform API is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Called: `tt.pay({...})`, `tt?.pay()`, `tt['pay']()`.
    Call,
    /// Referenced without being called: `promisify(tt.pay)`, `const p = tt.pay`.
    Value,
    /// Taken out of the object by destructuring: `const { pay } = tt`.
    Destructure,
}

/// A condition that holds (or does not) wherever a piece of code runs inside its function:
/// `if (c) { here }` is `c` holding; after `if (c) return;` is `c` not holding.
#[derive(Debug, Clone, PartialEq)]
pub struct Guard {
    pub cond: Cond,
    pub holds: bool,
}

/// A use of `tt.<name>`, `wx.<name>` or `uni.<name>`, through the global itself or an alias of it.
#[derive(Debug, Clone)]
pub struct ApiUse {
    pub global: Global,
    pub name: String,
    /// The reference: `tt.pay` in `tt.pay({...})`, the key `pay` in `const { pay } = tt`.
    pub span: Span,
    pub access: Access,
    /// For a call whose first argument is an object literal: that object.
    pub options: Option<ObjectFacts>,
    /// Whether the code ships to Douyin (uni-app conditional compilation).
    pub target: Target,
    /// The innermost function it is in.
    pub function: Option<FnId>,
    /// The conditions under which it runs, within that function.
    pub guards: Vec<Guard>,
}

/// The shape of an object literal passed to an API: its keys and literal string values.
#[derive(Debug, Clone, Default)]
pub struct ObjectFacts {
    pub span: Span,
    pub props: Vec<PropFacts>,
}

#[derive(Debug, Clone)]
pub struct PropFacts {
    pub key: String,
    pub key_span: Span,
    /// The value when it is a string literal (or a template literal without substitutions).
    pub string: Option<String>,
    pub value_span: Span,
}

impl ObjectFacts {
    pub fn get(&self, key: &str) -> Option<&PropFacts> {
        self.props.iter().find(|p| p.key == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// How a script loads another module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleRefKind {
    Require,
    Import,
}

/// `require('./x')`, `import … from './x'`, `import('./x')`, `export … from './x'`.
#[derive(Debug, Clone)]
pub struct ModuleRef {
    pub specifier: String,
    /// The string literal naming the module.
    pub span: Span,
    pub kind: ModuleRefKind,
    pub target: Target,
}

/// A function: a declaration, a method, or a function expression or arrow with a name to call
/// it by (its variable, its property key).
#[derive(Debug, Clone)]
pub struct FunctionFact {
    pub name: Option<String>,
    pub span: Span,
    pub parent: Option<FnId>,
    /// A method of the object passed to `Page()`, `Component()` (directly or in `methods`) or
    /// `App()`: what `bindtap="name"` in a template calls.
    pub method: bool,
    /// The guards in force where the function is written (in its parent): a callback created
    /// after `if (isIOS) return;` only ever runs off iOS.
    pub guards: Vec<Guard>,
}

/// What a call inside the script calls, as far as one file can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callee {
    /// `this.name()` (or `that.name()`): a method of the page or component.
    Method(String),
    /// `name()`: a function of this file or an imported binding.
    Local(String),
    /// `object.name()`: a member of a module bound to `object` (`util.pay()`).
    Member(String, String),
}

/// A call of the project's own code.
#[derive(Debug, Clone)]
pub struct CallFact {
    pub callee: Callee,
    pub span: Span,
    pub function: Option<FnId>,
    pub guards: Vec<Guard>,
    pub target: Target,
}

/// A string literal or a piece of a template literal: text that may reach users.
#[derive(Debug, Clone)]
pub struct JsText {
    pub span: Span,
    pub text: String,
    /// The innermost call it is an argument of (at any depth): `tt.showModal`, `this.setData`.
    pub call: Option<String>,
    /// The innermost object key it is the value of: `content`, `title`.
    pub key: Option<String>,
    pub function: Option<FnId>,
}

/// A piece of a request URL: literal text, or a name to look up among the file's constants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlPart {
    Text(String),
    Name(String),
}

/// The `url` of a `tt.request` / `uploadFile` / `downloadFile` / `connectSocket` call.
#[derive(Debug, Clone)]
pub struct RequestUrl {
    pub span: Span,
    pub parts: Vec<UrlPart>,
}

/// What an imported binding stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// `const { pay } = require('x')`, `import { pay } from 'x'`.
    Named(String),
    /// `import pay from 'x'`.
    Default,
    /// `const util = require('x')`, `import * as util from 'x'`.
    Namespace,
}

/// A local name bound to something another module exports.
#[derive(Debug, Clone)]
pub struct ImportBinding {
    pub local: String,
    pub specifier: String,
    /// The specifier's string literal (the same span as its [`ModuleRef`]).
    pub span: Span,
    pub imported: Imported,
}

/// Something the module exports: `module.exports = { pay }`, `exports.pay = …`,
/// `export function pay`.
#[derive(Debug, Clone)]
pub struct ExportFact {
    /// The exported name; `default` for `module.exports = fn` and `export default`.
    pub name: String,
    /// The local name it stands for: the variable or function exported
    /// (`module.exports = { pay: payOrder }` gives `payOrder`), or the export's own name for a
    /// function written in place (which takes that name).
    pub local: String,
}

/// A value given to a name: `const isIOS = …`, `this.setData({ isIOS: … })`,
/// `Page({ data: { isIOS: … } })`, `getApp().globalData.isIOS = …`; destructuring
/// (`const { platform } = tt.getSystemInfoSync()`) and API callbacks
/// (`success(res)` of `tt.getSystemInfo`) too.
#[derive(Debug, Clone)]
pub struct Assignment {
    /// The normalised path assigned (see [`super::cond::normalize_path`]).
    pub path: String,
    pub value: Cond,
    pub span: Span,
}

/// `left === 'text'` (or `!=`, `==`, `!==`, either way round).
#[derive(Debug, Clone)]
pub struct Comparison {
    pub span: Span,
    /// The side that is not the string literal.
    pub other: Cond,
    pub literal: String,
    pub literal_span: Span,
    pub target: Target,
}

/// Everything the rules need from one script.
#[derive(Debug, Clone, Default)]
pub struct JsFacts {
    pub api_uses: Vec<ApiUse>,
    pub module_refs: Vec<ModuleRef>,
    pub functions: Vec<FunctionFact>,
    pub calls: Vec<CallFact>,
    pub texts: Vec<JsText>,
    pub requests: Vec<RequestUrl>,
    /// Top-level `const NAME = 'text'` declarations, for resolving request URLs.
    pub constants: Vec<(String, String)>,
    pub imports: Vec<ImportBinding>,
    pub exports: Vec<ExportFact>,
    pub assignments: Vec<Assignment>,
    pub comparisons: Vec<Comparison>,
    /// uni-app conditional-compilation regions, for rules that ask about other offsets.
    pub regions: Regions,
}

impl JsFacts {
    /// The functions named `name`, outermost first.
    pub fn functions_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = FnId> + 'a {
        self.functions
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.name.as_deref() == Some(name))
            .map(|(i, _)| i)
    }

    /// The text of a request URL with its constants resolved (`${BASE}/pay` with
    /// `const BASE = 'https://api.shop.cn'` gives `https://api.shop.cn/pay`); `None` when a part
    /// cannot be resolved.
    pub fn request_url(&self, request: &RequestUrl) -> Option<String> {
        let mut out = String::new();
        for part in &request.parts {
            match part {
                UrlPart::Text(t) => out.push_str(t),
                UrlPart::Name(n) => out.push_str(&self.constants.iter().find(|(k, _)| k == n)?.1),
            }
        }
        Some(out)
    }

    /// Whether `function` is `ancestor` or nested in it.
    pub fn within(&self, function: Option<FnId>, ancestor: FnId) -> bool {
        let mut current = function;
        while let Some(f) = current {
            if f == ancestor {
                return true;
            }
            current = self.functions.get(f).and_then(|f| f.parent);
        }
        false
    }
}

fn object_facts(object: &ObjectLit) -> ObjectFacts {
    let mut props = Vec::new();
    for prop in &object.props {
        let PropOrSpread::Prop(prop) = prop else {
            continue;
        };
        let (key, key_span, value): (Option<String>, Span, Option<&Expr>) = match &**prop {
            Prop::KeyValue(kv) => (
                prop_name(&kv.key),
                span_of(swc_common::Spanned::span(&kv.key)),
                Some(&kv.value),
            ),
            Prop::Shorthand(id) => (Some(id.sym.to_string()), span_of(id.span), None),
            Prop::Method(m) => (
                prop_name(&m.key),
                span_of(swc_common::Spanned::span(&m.key)),
                None,
            ),
            _ => continue,
        };
        let Some(key) = key else { continue };
        props.push(PropFacts {
            key,
            key_span,
            string: value.and_then(static_string),
            value_span: value.map_or(key_span, |v| span_of(swc_common::Spanned::span(v))),
        });
    }
    ObjectFacts {
        span: span_of(object.span),
        props,
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;

    fn facts(src: &str) -> JsFacts {
        let parsed = super::super::parse::parse(src, 0, FileKind::Script).expect("parses");
        extract(&parsed.program, &parsed.comments).facts
    }

    fn uses(src: &str) -> Vec<(String, Access, &str)> {
        let f = facts(src);
        f.api_uses
            .iter()
            .map(|u| {
                let text = &src[u.span.start..u.span.end];
                (format!("{}.{}", u.global.name(), u.name), u.access, text)
            })
            .map(|(a, b, c)| (a, b, &*Box::leak(c.to_string().into_boxed_str())))
            .collect()
    }

    #[test]
    fn every_form_of_a_platform_api_is_seen() {
        let src = "tt.pay({}); tt['pay'](); tt?.pay(); tt.pay?.(); promisify(tt.pay);\nconst { pay, request: r } = tt;\nconst t = tt; t.login();";
        let got = uses(src);
        let names: Vec<_> = got.iter().map(|(n, a, _)| (n.as_str(), *a)).collect();
        assert_eq!(
            names,
            vec![
                ("tt.pay", Access::Call),
                ("tt.pay", Access::Call),
                ("tt.pay", Access::Call),
                ("tt.pay", Access::Call),
                ("tt.pay", Access::Value),
                ("tt.pay", Access::Destructure),
                ("tt.request", Access::Destructure),
                ("tt.login", Access::Call),
            ]
        );
        assert_eq!(got[0].2, "tt.pay");
        assert_eq!(got[5].2, "pay");
    }

    #[test]
    fn shadowed_globals_and_lookalikes_are_not_platform_apis() {
        let src = "function f(tt) { tt.pay(); }\nconst g = () => { const tt = mock; tt.pay(); };\n{ let wx = 1; wx.pay(); }\nfunction h() { tt2.pay(); obj.tt.pay(); ttx.pay(); var tt; tt.pay(); }\nconst s = 'tt.pay()'; // tt.pay()\ntry {} catch (tt) { tt.pay(); }\nfor (const uni of list) { uni.requestPayment(); }";
        assert!(uses(src).is_empty(), "{:?}", uses(src));
    }

    #[test]
    fn call_options_are_recorded() {
        let f = facts("tt.requestPayment({ timeStamp: '1', nonceStr, package: `p`, paySign: x })");
        let options = f.api_uses[0].options.as_ref().unwrap();
        let keys: Vec<_> = options.props.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, vec!["timeStamp", "nonceStr", "package", "paySign"]);
        assert_eq!(options.get("package").unwrap().string.as_deref(), Some("p"));
        assert_eq!(options.get("paySign").unwrap().string, None);
    }

    #[test]
    fn module_references_are_recorded() {
        let f = facts(
            "const a = require('./a'); import b from '../b'; export * from './c'; import('./d'); function r(require) { require('./no'); }",
        );
        let specs: Vec<_> = f.module_refs.iter().map(|m| m.specifier.as_str()).collect();
        assert_eq!(specs, vec!["./a", "../b", "./c", "./d"]);
    }

    #[test]
    fn functions_methods_and_calls() {
        let f = facts(
            "const { payOrder } = require('../../utils/pay');\nconst util = require('../../utils/util');\nfunction helper() { payOrder(); }\nPage({\n  data: { vip: false },\n  buy() { this.check(); helper(); util.track('buy'); },\n  check: function () {},\n  later: () => {},\n});\nComponent({ methods: { tap() {} } });",
        );
        let names: Vec<(Option<&str>, bool)> = f
            .functions
            .iter()
            .map(|x| (x.name.as_deref(), x.method))
            .collect();
        assert_eq!(
            names,
            vec![
                (Some("helper"), false),
                (Some("buy"), true),
                (Some("check"), true),
                (Some("later"), true),
                (Some("tap"), true)
            ]
        );
        let calls: Vec<&Callee> = f.calls.iter().map(|c| &c.callee).collect();
        assert!(calls.contains(&&Callee::Method("check".into())));
        assert!(calls.contains(&&Callee::Local("helper".into())));
        assert!(calls.contains(&&Callee::Local("payOrder".into())));
        assert!(calls.contains(&&Callee::Member("util".into(), "track".into())));
        let imports: Vec<(&str, &Imported)> = f
            .imports
            .iter()
            .map(|i| (i.local.as_str(), &i.imported))
            .collect();
        assert_eq!(
            imports,
            vec![
                ("payOrder", &Imported::Named("payOrder".into())),
                ("util", &Imported::Namespace)
            ]
        );
    }

    #[test]
    fn guards_follow_branches_and_early_returns() {
        let f = facts(
            "function buy(isIOS) {\n  if (isIOS) { return; }\n  tt.requestOrder({});\n}\nfunction other(p) {\n  if (p !== 'ios') tt.getOrderPayment({}); else tt.showToast({});\n  p && tt.login();\n}",
        );
        let guards = |name: &str| {
            f.api_uses
                .iter()
                .find(|u| u.name == name)
                .unwrap()
                .guards
                .clone()
        };
        assert_eq!(
            guards("requestOrder"),
            vec![Guard {
                cond: Cond::Path("isIOS".into()),
                holds: false
            }]
        );
        assert_eq!(guards("getOrderPayment").len(), 1);
        assert!(guards("getOrderPayment")[0].holds);
        assert!(!guards("showToast")[0].holds);
        assert_eq!(
            guards("login"),
            vec![Guard {
                cond: Cond::Path("p".into()),
                holds: true
            }]
        );
    }

    #[test]
    fn texts_with_their_context() {
        let f = facts(
            "console.log('加微信 debug');\ntt.showModal({ title: '提示', content: `添加客服微信 ${id}` });\nconst o = { '加微信': 1 };\nimport x from './加微信';",
        );
        let texts: Vec<(&str, Option<&str>, Option<&str>)> = f
            .texts
            .iter()
            .map(|t| (t.text.as_str(), t.call.as_deref(), t.key.as_deref()))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("提示", Some("tt.showModal"), Some("title")),
                ("添加客服微信 ", Some("tt.showModal"), Some("content")),
                ("", Some("tt.showModal"), Some("content"))
            ],
            "no console text, no object key, no import specifier"
        );
    }

    #[test]
    fn request_urls_resolve_constants() {
        let f = facts(
            "const BASE = 'https://api.shop.cn';\nfunction get(p) { return tt.request({ url: `${BASE}/v1${p}`, data: { note: 'https://x.cn' } }); }\ntt.uploadFile({ url: BASE + '/upload' });",
        );
        let urls: Vec<Option<String>> = f.requests.iter().map(|r| f.request_url(r)).collect();
        assert_eq!(
            urls,
            vec![None, Some("https://api.shop.cn/upload".into())],
            "an unresolvable part (p) leaves the URL unknown"
        );
        assert_eq!(
            f.texts
                .iter()
                .filter(|t| t.text.contains("api.shop.cn"))
                .count(),
            1,
            "only the constant's own text; URL pieces are not text"
        );
    }

    #[test]
    fn exports() {
        let f = facts(
            "function payOrder() {}\nmodule.exports = { payOrder, refund: () => {}, cancel: doCancel };\nexports.extra = function () {};",
        );
        let exports: Vec<(&str, &str)> = f
            .exports
            .iter()
            .map(|e| (e.name.as_str(), e.local.as_str()))
            .collect();
        assert_eq!(
            exports,
            vec![
                ("payOrder", "payOrder"),
                ("refund", "refund"),
                ("cancel", "doCancel"),
                ("extra", "extra")
            ]
        );
        assert!(
            f.functions_named("extra").next().is_some(),
            "a function written in place takes the export's name"
        );
    }

    #[test]
    fn assignments_connect_platform_and_flags() {
        let f = facts(
            "const sys = tt.getSystemInfoSync();\nconst { platform } = tt.getSystemInfoSync();\nPage({\n  data: { isIOS: false },\n  onLoad() {\n    this.setData({ isIOS: sys.platform === 'ios', platform });\n    getApp().globalData.ios = platform === 'ios';\n    tt.getSystemInfo({ success(res) { this.setData({ p: res.platform }); } });\n  },\n});",
        );
        let a: Vec<(&str, String)> = f
            .assignments
            .iter()
            .map(|a| (a.path.as_str(), format!("{:?}", a.value)))
            .collect();
        let get = |p: &str| {
            a.iter()
                .filter(|(k, _)| *k == p)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("sys"), vec!["Path(\"tt.getSystemInfoSync()\")"]);
        assert_eq!(
            get("platform"),
            vec![
                "Path(\"tt.getSystemInfoSync().platform\")",
                "Path(\"platform\")"
            ]
        );
        assert_eq!(get("isIOS").len(), 2, "the data initialiser and setData");
        assert_eq!(get("globalData.ios").len(), 1);
        assert_eq!(get("res"), vec!["Call(\"tt.getSystemInfo\")"]);
        assert_eq!(get("p"), vec!["Path(\"res.platform\")"]);
    }

    #[test]
    fn comparisons_with_string_literals() {
        let f = facts("if (sys.platform === 'iOS') {}\nif ('android' == p) {}\nif (a === b) {}");
        let found: Vec<&str> = f.comparisons.iter().map(|c| c.literal.as_str()).collect();
        assert_eq!(found, vec!["iOS", "android"]);
    }

    #[test]
    fn build_environment_checks_decide_the_target() {
        let f = facts(
            "if (process.env.TARO_ENV === 'weapp') { wx.login({ success() { wx.getUserInfo() } }) }\nif (process.env.TARO_ENV !== 'tt') { wx.a() } else { tt.b() }\nprocess.env.UNI_PLATFORM === 'mp-toutiao' && uni.requestPayment({});\nif (process.env.TARO_ENV === 'tt') { tt.c() }",
        );
        let targets: Vec<(&str, Target)> = f
            .api_uses
            .iter()
            .map(|u| (u.name.as_str(), u.target))
            .collect();
        assert_eq!(
            targets,
            vec![
                ("login", Target::Excluded),
                ("getUserInfo", Target::Excluded),
                ("a", Target::Excluded),
                ("b", Target::Douyin),
                ("requestPayment", Target::Douyin),
                ("c", Target::Douyin),
            ]
        );
    }

    #[test]
    fn conditional_regions_are_attached() {
        let f = facts(
            "// #ifdef MP-WEIXIN\nwx.requestPayment({});\n// #endif\n// #ifdef MP-TOUTIAO\nuni.requestPayment({});\n// #endif\n",
        );
        assert_eq!(f.api_uses[0].target, Target::Excluded);
        assert_eq!(f.api_uses[1].target, Target::Douyin);
    }
}
