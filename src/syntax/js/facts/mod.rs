//! The facts ttlint reads from a script, collected in one traversal of its syntax tree
//! ([`extract`]).
//!
//! Facts are plain data: which platform APIs the script uses, how and under which conditions;
//! which functions it defines and calls; which text it holds; which modules it loads and what it
//! exports; which values it assigns to data. Rules match against facts, never against the tree,
//! so adding a rule never adds a traversal.

mod dynamic;
mod extract;
mod model;

pub use extract::{Keep, Part, extract, extract_parts};
pub use model::*;

/// Parses `src` as a whole file of `kind` and extracts its facts: what tests of the passes over
/// facts start from.
#[cfg(test)]
pub(crate) fn extract_source(
    src: &str,
    kind: crate::base::source::FileKind,
    keep: Keep<'_>,
) -> extract::Extracted {
    super::parse::with_arena(|arena| {
        let parsed = super::parse::parse(arena, src, 0, kind).expect("parses");
        extract(&parsed, keep)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;
    use crate::syntax::js::conditional::Target;

    /// Each platform API used, by member, with the build target it ships to.
    fn targets(f: &JsFacts) -> Vec<(&str, Target)> {
        f.api_uses
            .iter()
            .map(|u| (u.api.member.as_str(), u.target))
            .collect()
    }

    fn facts(src: &str) -> JsFacts {
        extract_source(src, FileKind::Script, Keep::EVERYTHING).facts
    }

    /// The conditions a fact with innermost link `id` runs under, innermost first.
    fn chain(f: &JsFacts, id: Option<GuardId>) -> Vec<(Cond, bool)> {
        f.guard_chain(id)
            .map(|(cond, holds)| (cond.clone(), holds))
            .collect()
    }

    fn uses(src: &str) -> Vec<(String, Access, &str)> {
        let f = facts(src);
        f.api_uses
            .iter()
            .map(|u| {
                let text = &src[u.span.start()..u.span.end()];
                (u.api.to_string(), u.access, text)
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
    fn feature_tests_are_not_uses() {
        let src = "const p = { name: tt.pay ? 'pay' : 'requestPayment' };\nif (tt.requestOrder) {}\nconst ok = !!tt.pay || typeof tt.getOrderPayment === 'function';\ntt.pay && tt.pay({});\npromisify(tt.pay);\nif (check(tt.pay)) {}\nconst has = tt.requestOrder != null && Boolean(tt.getOrderPayment);";
        let got: Vec<(String, Access)> = facts(src)
            .api_uses
            .iter()
            .map(|u| (u.api.to_string(), u.access))
            .collect();
        let test = |a: &str| (a.to_string(), Access::FeatureTest);
        assert_eq!(
            got,
            vec![
                test("tt.pay"),
                test("tt.requestOrder"),
                test("tt.pay"),
                test("tt.getOrderPayment"),
                test("tt.pay"),
                ("tt.pay".into(), Access::Call),
                ("tt.pay".into(), Access::Value),
                ("tt.pay".into(), Access::Value),
                test("tt.requestOrder"),
                test("tt.getOrderPayment"),
            ],
            "a call inside a guarded branch, and a value passed to a function, are uses"
        );
    }

    #[test]
    fn taro_apis_follow_imports() {
        let src = "import Taro, { requestPayment as rp, setClipboardData } from '@tarojs/taro';\nimport * as T from '@tarojs/taro';\nconst R = require('@tarojs/taro').default;\nTaro.pay({});\nrp({ timeStamp });\nsetClipboardData({ data: 'x' });\nT.login();\nR.navigateToMiniProgram({});\nfunction f(Taro) { Taro.pay(); }";
        let got: Vec<String> = facts(src)
            .api_uses
            .iter()
            .map(|u| u.api.to_string())
            .collect();
        assert_eq!(
            got,
            vec![
                "Taro.pay",
                "Taro.requestPayment",
                "Taro.setClipboardData",
                "Taro.login",
                "Taro.navigateToMiniProgram"
            ],
            "any local name, named imports, require; a parameter named Taro is not the API"
        );
        assert!(
            facts("Taro.pay({})").api_uses.is_empty(),
            "Taro is not a global"
        );
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
    fn calls_through_optional_chains_are_calls() {
        let f = facts("Page({ buy() { this?.pay(); util?.track(); this.check?.(); } });");
        let calls: Vec<&Callee> = f.calls.iter().map(|c| &c.callee).collect();
        assert_eq!(
            calls,
            [
                &Callee::Local("Page".into()),
                &Callee::Method("pay".into()),
                &Callee::Member("util".into(), "track".into()),
                &Callee::Method("check".into()),
            ]
        );
    }

    #[test]
    fn a_method_starts_at_its_name() {
        let src = "Page({ async onLoad(options) {} });
class A { static go() {} constructor(x) {} }
function pay() {}";
        let f = facts(src);
        let starts: Vec<&str> = f
            .functions
            .iter()
            .map(|x| &src[x.span.start()..x.span.start() + 8])
            .collect();
        assert_eq!(starts, ["async on", "static g", "construc", "function"]);
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

    /// Taro's `getApp` is the app instance too: `Taro.getApp()`, or imported from
    /// `@tarojs/taro`. A look-alike (`store.getApp()`, a `getApp` of the file's own) is not.
    #[test]
    fn taro_get_app_is_the_app_instance() {
        let calls = |src: &str| -> Vec<Callee> {
            let facts = extract_source(src, FileKind::TypeScript, Keep::EVERYTHING).facts;
            facts.calls.into_iter().map(|c| c.callee).collect()
        };
        let app = |name: &str| Callee::App(name.into());
        assert!(
            calls("import Taro from '@tarojs/taro'\nTaro.getApp().buy()").contains(&app("buy"))
        );
        assert!(
            calls("import Taro from '@tarojs/taro'\nconst a = Taro.getApp<Shop>()\na.pay()")
                .contains(&app("pay"))
        );
        assert!(
            calls("import { getApp } from '@tarojs/taro'\ngetApp().buy()").contains(&app("buy"))
        );
        for look_alike in [
            "import store from './store'\nstore.getApp().buy()",
            "const getApp = () => shop\ngetApp().buy()",
            "import { getApp } from './shop'\ngetApp().buy()",
        ] {
            let found = calls(look_alike);
            assert!(!found.contains(&app("buy")), "{look_alike}: {found:?}");
        }
    }

    #[test]
    fn callbacks_references_and_second_names() {
        let f = facts(
            "const app = getApp();\nonMounted(() => { app.track() });\nPage({\n  buy: pay,\n  later: debounce(function () { getApp().pay() }, 300),\n  onLoad() { setTimeout(this.buy, 10); tt.showModal({ success: onOk }); this.go.bind(this) },\n});",
        );
        let callbacks: Vec<(Option<&str>, Option<&str>)> = f
            .functions
            .iter()
            .map(|x| (x.name.as_deref(), x.callback.as_deref()))
            .collect();
        assert_eq!(
            callbacks,
            vec![
                (None, Some("onMounted")),
                (Some("later"), None),
                (Some("onLoad"), None)
            ],
            "a wrapped handler takes the name it is stored under and is no callback"
        );
        assert!(f.functions[1].method);
        let calls: Vec<(&Callee, bool)> =
            f.calls.iter().map(|c| (&c.callee, c.reference)).collect();
        for expected in [
            (&Callee::App("track".into()), false),
            (&Callee::App("pay".into()), false),
            (&Callee::Method("buy".into()), true),
            (&Callee::Local("onOk".into()), true),
            (&Callee::Method("go".into()), true),
        ] {
            assert!(calls.contains(&expected), "{expected:?} in {calls:?}");
        }
        assert_eq!(
            f.handler_aliases,
            vec![HandlerAlias {
                name: "buy".into(),
                method: true,
                callee: Callee::Local("pay".into())
            }]
        );
    }

    #[test]
    fn wrapped_references_are_second_names() {
        let f = facts(
            "import { useThrottleFn } from 'ahooks';\nconst next = useThrottleFn(pay, 300);\nPage({\n  buy: debounce(this.pay, 500),\n  later: throttle(() => pay(), 500),\n});",
        );
        assert_eq!(
            f.handler_aliases,
            vec![
                HandlerAlias {
                    name: "next".into(),
                    method: false,
                    callee: Callee::Local("pay".into())
                },
                HandlerAlias {
                    name: "buy".into(),
                    method: true,
                    callee: Callee::Method("pay".into())
                },
            ],
            "a function written in place is no second name: it is the handler itself"
        );
    }

    #[test]
    fn react_state_is_data() {
        let f = facts(
            "function Vip() {\n  const [open, setOpen] = useState(false);\n  const [plan] = React.useState('month');\n  const show = () => setOpen(true);\n  return null;\n}\nclass Pay extends Component {\n  confirm() { this.setState({ visible: true }) }\n}",
        );
        let got: Vec<(&str, &Cond, bool)> = f
            .assignments
            .iter()
            .map(|a| {
                let nested = a
                    .function
                    .and_then(|id| f.function(id))
                    .is_some_and(|x| x.parent.is_some());
                (a.path.as_str(), &a.value, nested)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("open", &Cond::Bool(false), false),
                ("plan", &Cond::Str("month".into()), false),
                ("open", &Cond::Bool(true), true),
                ("visible", &Cond::Bool(true), false),
            ],
            "the initial value where the component runs, the setter's where it is called"
        );
    }

    #[test]
    fn aliases_of_the_platform_object() {
        let f = facts(
            "Page({\n  onLoad() { this.api = tt },\n  buy() { this.api.pay({ orderInfo }); this.data.list.push(1) },\n});",
        );
        let got: Vec<(String, Access)> = f
            .api_uses
            .iter()
            .map(|u| (u.api.to_string(), u.access))
            .collect();
        assert_eq!(got, vec![("tt.pay".to_string(), Access::Call)]);
        let app = facts(
            "var hj = null;\nif (typeof tt != 'undefined') hj = tt; else hj = my;\nmodule.exports = hj;\ngetApp().core = tt;\nApp({ api: require('./core/core'), onLaunch() { this.sdk = tt } });",
        );
        assert_eq!(
            app.namespace_exports,
            vec![("default".to_string(), crate::base::api::Namespace::Tt)],
            "the branch taken off Douyin does not count"
        );
        for (src, expected) in [
            (
                "const api = process.env.TARO_ENV === 'tt' ? tt : wx;\nexport default api;",
                vec![("default".to_string(), crate::base::api::Namespace::Tt)],
            ),
            (
                "const api = typeof tt === 'undefined' ? my : tt;\nmodule.exports = api;",
                vec![("default".to_string(), crate::base::api::Namespace::Tt)],
            ),
            (
                "const api = debug ? tt : wx;\nmodule.exports = api;",
                vec![],
            ),
        ] {
            assert_eq!(
                facts(src).namespace_exports,
                expected,
                "the branch a Douyin build takes, when the test decides it: {src}"
            );
        }
        let names: Vec<&str> = app.app_aliases.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["core", "api", "sdk"]);
        let page = facts(
            "const app = getApp();\nconst core = require('../../core/core');\napp.core.requestPayment({ timeStamp });\ngetApp().core.pay({});\ncore.pay({});",
        );
        let bases: Vec<(&AliasBase, String)> = page
            .aliased_uses
            .iter()
            .map(|a| (&a.base, a.used.api.member.to_string()))
            .collect();
        assert_eq!(
            bases,
            vec![
                (&AliasBase::App("core".into()), "requestPayment".into()),
                (&AliasBase::App("core".into()), "pay".into()),
                (&AliasBase::Module("core".into()), "pay".into()),
            ]
        );
        assert!(page.aliased_uses[0].used.options.is_some());
    }

    #[test]
    fn module_paths_built_at_run_time() {
        let f = facts(
            "const DIR = './api/';\nconst a = require(`./pay/${name}.js`);\nconst b = require(DIR + name);\nrequire('' + file);\nconst c = require(DIR + 'pay');",
        );
        let refs: Vec<(&str, Option<(&str, &str)>)> = f
            .module_refs
            .iter()
            .map(|m| {
                (
                    m.specifier.as_str(),
                    m.pattern
                        .as_ref()
                        .map(|p| (p.prefix.as_str(), p.suffix.as_str())),
                )
            })
            .collect();
        assert_eq!(
            refs,
            vec![
                ("./pay/", Some(("", ".js"))),
                ("./api/", Some(("", ""))),
                ("./api/pay", None)
            ],
            "a path of known pieces is an ordinary specifier"
        );
        assert_eq!(f.imports.len(), 3);
    }

    #[test]
    fn guards_follow_branches_and_early_returns() {
        let f = facts(
            "function buy(isIOS) {\n  if (isIOS) { return; }\n  tt.requestOrder({});\n}\nfunction other(p) {\n  if (p !== 'ios') tt.getOrderPayment({}); else tt.showToast({});\n  p && tt.login();\n}",
        );
        let guards = |name: &str| {
            let api = f.api_uses.iter().find(|u| u.api.member == name).unwrap();
            chain(&f, api.guards)
        };
        assert_eq!(
            guards("requestOrder"),
            vec![(Cond::Path("isIOS".into()), false)]
        );
        let pay = guards("getOrderPayment");
        assert!(pay.len() == 1 && pay[0].1, "{pay:?}");
        assert_eq!(
            guards("showToast"),
            vec![(pay[0].0.clone(), false)],
            "the else branch: the same condition, not holding"
        );
        assert_eq!(guards("login"), vec![(Cond::Path("p".into()), true)]);
        assert_eq!(
            f.conds.len(),
            3,
            "each condition stored once: isIOS, p !== 'ios', p"
        );
        assert_eq!(
            f.guards.len(),
            4,
            "a link per branch a fact runs under; the branch that only returns holds none"
        );
    }

    #[test]
    fn a_platform_api_read_after_and_or_keeps_its_condition() {
        let f = facts(
            "const t = tt;\nfunction f(ok, e) {\n  const a = ok || tt.pay;\n  const b = e && e.detail && t.requestOrder;\n  const c = (e.data || {}).pay;\n}",
        );
        let chains: Vec<(String, Vec<(Cond, bool)>)> = f
            .api_uses
            .iter()
            .map(|u| (u.api.to_string(), chain(&f, u.guards)))
            .collect();
        let path = |p: &str| Cond::Path(p.into());
        assert_eq!(
            chains,
            vec![
                ("tt.pay".to_string(), vec![(path("ok"), false)]),
                (
                    "tt.requestOrder".to_string(),
                    vec![(
                        Cond::And(Box::new(path("e")), Box::new(path("e.detail"))),
                        true
                    )]
                ),
            ],
            "an API read, through its object or an alias, is not a plain value"
        );
    }

    #[test]
    fn uses_through_app_aliases_keep_their_conditions() {
        let f = facts(
            "const t = a ? 'x' : 'y';\nfunction f(ok) {\n  if (ok) { getApp().core.pay({}); }\n}",
        );
        assert_eq!(
            chain(&f, f.aliased_uses[0].used.guards),
            vec![(Cond::Path("ok".into()), true)],
            "renumbered with the links before it dropped"
        );
    }

    #[test]
    fn branches_without_facts_leave_no_links() {
        let f = facts(
            "function f(res, e) {\n  const d = (res && res.data) || {};\n  const id = e && e.id ? e.id : '';\n  if (!id) { return; }\n  if (d.ok) { tt.login(); }\n}",
        );
        let login = f.api_uses.iter().find(|u| u.api.member == "login").unwrap();
        assert_eq!(
            chain(&f, login.guards),
            vec![
                (Cond::Path("d.ok".into()), true),
                (Cond::Not(Box::new(Cond::Path("id".into()))), false),
            ]
        );
        assert_eq!(
            (f.guards.len(), f.conds.len()),
            (2, 2),
            "the `&&`, `||` and `?:` branches hold no fact"
        );
    }

    #[test]
    fn texts_leave_out_logs_keys_and_specifiers() {
        let f = facts(
            "console.log('加微信 debug');\ntt.showModal({ title: '提示', content: `添加客服微信 ${id}` });\nconst o = { '加微信': 1 };\nimport x from './加微信';",
        );
        let texts: Vec<&str> = f.texts.iter().map(|t| &*t.text).collect();
        assert_eq!(
            texts,
            vec!["提示", "添加客服微信 ", ""],
            "no console text, no object key, no import specifier"
        );
    }

    #[test]
    fn request_urls_resolve_constants() {
        let f = facts(
            "const BASE = 'https://api.shop.cn';\nfunction get(p) { return tt.request({ url: `https://a.cn/v1${p}`, data: { note: 'https://x.cn' } }); }\ntt.uploadFile({ url: BASE + '/upload' });\ntt.request({ url: 'https://cdn.shop.cn:8443/a' });\ntt.downloadFile({ url: `${BASE}/file` });",
        );
        assert_eq!(
            f.request_hosts,
            ["api.shop.cn".into(), "cdn.shop.cn".into()],
            "an unresolvable part (p) leaves the URL unknown; each host once"
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
        let get = |p: &str| -> Vec<&Cond> {
            f.assignments
                .iter()
                .filter(|a| a.path == p)
                .map(|a| &a.value)
                .collect()
        };
        let path = |p: &str| Cond::Path(p.into());
        assert_eq!(get("sys"), vec![&path("tt.getSystemInfoSync()")]);
        assert_eq!(
            get("platform"),
            vec![&path("tt.getSystemInfoSync().platform"), &path("platform")]
        );
        assert_eq!(get("isIOS").len(), 2, "the data initialiser and setData");
        assert_eq!(get("globalData.ios").len(), 1);
        assert_eq!(get("res"), vec![&Cond::Call("tt.getSystemInfo".into())]);
        assert_eq!(get("p"), vec![&path("res.platform")]);
    }

    #[test]
    fn uses_left_out_still_tell_what_their_options_hold() {
        let src = "tt.getSystemInfo({ success(res) { this.setData({ p: res.platform }); } });\ntt.request({ url: 'https://example.com/a' });\ntt.pay({ orderInfo: {} });";
        let only_pay = |api: crate::base::api::Api| api.member == "pay";
        let keep = Keep {
            api: &only_pay,
            ..Keep::EVERYTHING
        };
        let f = extract_source(src, FileKind::Script, keep).facts;
        assert_eq!(targets(&f), [("pay", Target::Unconditional)]);
        assert_eq!(f.request_hosts, ["example.com".into()]);
        let res: Vec<&Cond> = (f.assignments.iter())
            .filter(|a| a.path == "res")
            .map(|a| &a.value)
            .collect();
        assert_eq!(res, [&Cond::Call("tt.getSystemInfo".into())]);
    }

    #[test]
    fn literals_left_out_are_not_kept() {
        let src = "tt.request({ method: 'POST' });\ntt.showModal({ content: `加微信 ${id}` });";
        let keep = Keep {
            text: &|text: &str| !text.is_ascii(),
            ..Keep::EVERYTHING
        };
        let f = extract_source(src, FileKind::Script, keep).facts;
        let all = extract_source(src, FileKind::Script, Keep::EVERYTHING).facts;
        let texts: Vec<&str> = f.texts.iter().map(|t| &*t.text).collect();
        assert_eq!(texts, ["加微信 "]);
        let texts: Vec<&str> = all.texts.iter().map(|t| &*t.text).collect();
        assert_eq!(texts, ["POST", "加微信 ", ""]);
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
        let targets = targets(&f);
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
    fn only_values_the_build_decides_decide_the_target() {
        let f = facts(
            "const env = typeof wx !== 'undefined' ? 'wx' : 'tt';\nconst isWx = env === 'wx';\nif (isWx) { wx.login() }\nPage({\n  data: { agree: false },\n  buy() {\n    if (this.data.agree == false) { tt.showToast({}) } else { tt.pay({}) }\n  },\n  agreeProtocol() { this.setData({ agree: true }) },\n});",
        );
        let targets = targets(&f);
        assert_eq!(
            targets,
            vec![
                ("login", Target::Excluded),
                ("showToast", Target::Unconditional),
                ("pay", Target::Unconditional),
            ],
            "a name computed from the platform globals decides; a data flag the user sets does not"
        );
    }

    /// Minified code reassigns a few names thousands of times: whether a value is the build's
    /// is decided once, as it is assigned, never by walking every earlier value again.
    #[test]
    fn names_reassigned_thousands_of_times_stay_linear() {
        let mut src = String::from("var e = 0, t = 1;\n");
        for _ in 0..3000 {
            src.push_str("var e = e || t; var t = t && e; if (e) { wx.login() }\n");
        }
        let f = facts(&src);
        assert_eq!(f.assignments.len(), 2 + 3000 * 2);
        assert!(
            f.api_uses.iter().all(|u| u.target == Target::Unconditional),
            "no value here is the build's: every branch may run"
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

    #[test]
    fn functions_know_whether_they_ship_to_douyin() {
        let f = facts(
            "Page({\n  // #ifdef MP-WEIXIN\n  onShareAppMessage() {},\n  // #endif\n  onShareTimeline() {},\n})\nif (process.env.TARO_ENV === 'weapp') { function share() {} }",
        );
        let targets: Vec<(&str, Target)> = f
            .functions
            .iter()
            .map(|g| (g.name.as_deref().unwrap_or(""), g.target))
            .collect();
        assert_eq!(
            targets,
            vec![
                ("onShareAppMessage", Target::Excluded),
                ("onShareTimeline", Target::Unconditional),
                ("share", Target::Excluded),
            ]
        );
    }

    /// The engine keeps what rules read: `className`, `style` and the like go, props that
    /// compare stay.
    #[test]
    fn jsx_attributes_no_rule_reads_are_left_out() {
        use crate::syntax::markup::NodeKind;
        let src = "const A = () => <View className=\"box\" style={s} title={os === 'ios' ? 'a' : 'b'} openType=\"im\" hidden>x</View>;";
        let keep = Keep {
            attribute: &|name| !["class", "style", "title", "hidden"].contains(&name.as_str()),
            ..Keep::EVERYTHING
        };
        let markup = extract_source(src, FileKind::Tsx, keep)
            .markup
            .expect("markup");
        let Some(NodeKind::Element(view)) = markup.nodes.first().map(|n| &n.kind) else {
            panic!("an element first");
        };
        let names: Vec<&str> = view.attrs.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["title", "open-type"]);
        assert_eq!(view.start_tag_end as usize, src.find(">x").unwrap() + 1);
    }

    #[test]
    fn jsx_subtrees_are_the_elements_inside() {
        let src = "const A = () => <View><Text>a</Text>{list.map((i) => <Item key={i}>{i}</Item>)}<Icon render={() => <Inner><b/></Inner>} /></View>;\nconst B = <><Other/>{ok && <Then/>}</>;";
        let extracted = extract_source(src, FileKind::Tsx, Keep::EVERYTHING);
        let markup = extracted.markup.expect("markup");
        markup.check_subtrees();
        // What a render prop returns is inside the element it is given to; a fragment is no node.
        assert_eq!(
            markup.outline(),
            [
                "view 8", "text 2", "\"a\" 1", "item 2", "{} 1", "icon 3", "inner 2", "b 1",
                "other 1", "then 1",
            ]
        );
    }

    #[test]
    fn inline_handlers_name_their_own_functions() {
        use crate::syntax::markup::{Handler, NodeKind};
        let src = "const A = () => <View renderItem={() => 1} onClick={() => { list.map((i) => i); }} onLongPress={function () {}} />";
        let extracted = extract_source(src, FileKind::Tsx, Keep::EVERYTHING);
        let markup = extracted.markup.expect("markup");
        let NodeKind::Element(element) = &markup.nodes[0].kind else {
            panic!("an element");
        };
        let handlers: Vec<(&str, &str)> = element
            .events
            .iter()
            .map(|e| {
                let Handler::Inline(id) = e.handler else {
                    panic!("an inline handler: {:?}", e.handler);
                };
                let span = extracted.facts.functions[id as usize].span;
                (e.name.as_str(), &src[span.start()..span.start() + 12])
            })
            .collect();
        assert_eq!(
            handlers,
            [("tap", "() => { list"), ("longpress", "function () ")]
        );
    }

    /// `this.pay` reads a property and an `accessor` alike: both name the function they hold and
    /// record the value they are given.
    #[test]
    fn class_properties_and_accessors_are_read_alike() {
        let f = facts(
            "class P {\n  pay = () => {};\n  accessor refund = () => {};\n  isIOS = false;\n  accessor vip = true;\n}",
        );
        let names: Vec<Option<&str>> = f.functions.iter().map(|x| x.name.as_deref()).collect();
        assert_eq!(names, [Some("pay"), Some("refund")]);
        let assigned: Vec<&str> = f.assignments.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(assigned, ["isIOS", "vip"]);
    }

    #[test]
    fn decorators_static_blocks_and_directives_are_read() {
        let f = facts(
            "'请加微信';\nclass A {\n  @Watch('去微信') go() {}\n  static { const tt = other; tt.pay({}); }\n  accessor '联系客服' = 1;\n}\n({ '客服': x } = res);",
        );
        let texts: Vec<(&str, Option<FnId>)> =
            f.texts.iter().map(|t| (&*t.text, t.function)).collect();
        assert_eq!(
            texts,
            [("请加微信", None), ("去微信", Some(FnId::new(0)))],
            "the directive is text, the decorator is read inside its method, a key is a name"
        );
        assert!(
            f.api_uses.is_empty(),
            "`tt` declared in the static block is local"
        );
    }

    #[test]
    fn jsx_values_shown_in_place_are_dynamic_text() {
        use crate::syntax::markup::{NodeKind, TextPart};
        let src = "const A = () => <View>电话：{order.mobile}{list.map((i) => <Text>{i}</Text>)}{ok && <Text>好</Text>}</View>";
        let markup = extract_source(src, FileKind::Tsx, Keep::EVERYTHING)
            .markup
            .expect("markup");
        let dynamic: Vec<&str> = markup
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Text(parts) => parts.iter().find_map(|p| match p {
                    TextPart::Dynamic { span, .. } => Some(&src[span.start()..span.end()]),
                    TextPart::Static { .. } => None,
                }),
                NodeKind::Element(_) => None,
            })
            .collect();
        assert_eq!(dynamic, vec!["order.mobile", "i"]);
    }
}
