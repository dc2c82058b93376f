//! The one traversal that turns a script's syntax tree into [`JsFacts`].

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};
use swc_ecma_ast::{
    ArrowExpr, AssignExpr, AssignTarget, BinExpr, BinaryOp, BlockStmt, CallExpr,
    Callee as SwcCallee, CatchClause, ClassMethod, CondExpr, Constructor, Decl, DefaultDecl,
    ExportSpecifier, Expr, ExprOrSpread, FnDecl, ForInStmt, ForOfStmt, ForStmt, Function, IfStmt,
    ImportDecl, ImportSpecifier, KeyValueProp, Lit, MemberExpr, MemberProp, MethodProp, Module,
    ModuleDecl, ModuleExportName, ObjectLit, ObjectPatProp, OptChainBase, OptChainExpr, Pat, Prop,
    PropOrSpread, Script, SimpleAssignTarget, Stmt, TsType, VarDeclarator,
};

use swc_ecma_visit::{Visit, VisitWith};

use super::dynamic::{ModulePath, module_path, wrapped_function, wrapped_reference};
use super::model::{
    Access, AliasBase, AliasTarget, AliasedUse, ApiUse, AppAlias, Assignment, CallFact, Callee,
    Comparison, CondId, ExportFact, FnId, FunctionFact, GuardId, GuardLink, HandlerAlias,
    ImportBinding, Imported, JsFacts, JsText, ModuleRef, ModuleRefKind, NamePattern, object_facts,
};
use crate::base::api::{Api, Namespace};
use crate::base::data::DrainageData;
use crate::base::intern::Ustr;
use crate::base::source::Span;
use crate::syntax::comment::Comment;
use crate::syntax::js::ast::{RED_ZONE, SEGMENT, prop_name, span_of, static_string, unwrap};
use crate::syntax::js::cond::{Cond, cond, member_path, normalize_path, path, raw_path};
use crate::syntax::js::conditional::{Regions, Target};
use crate::syntax::js::eval::{Environment, Evaluator, Gate, Values, build_path};
use crate::syntax::js::scope::{
    Binding, Scopes, declared_in, declared_in_module, for_head_lexical, pattern_names,
};
use crate::syntax::markup::expr;
use crate::syntax::markup::{
    Attr, Element, Event, Guard, Handler, Markup, NodeId, NodeKind, TextPart, Value, hyphenate,
};

/// APIs whose `url` names the app's own servers.
const REQUEST_APIS: &[&str] = &["request", "uploadFile", "downloadFile", "connectSocket"];
/// Receivers that stand for the page or component instance.
const SELVES: &[&str] = &["this", "that", "self", "_this"];
/// Constructors whose object argument holds the page's methods and data.
/// (`defineComponent` and `Vue.extend` wrap a Vue component's options the same way.)
const CONSTRUCTORS: &[&str] = &["Page", "Component", "App", "defineComponent"];
/// The module Taro's API object comes from.
const TARO_MODULE: &str = "@tarojs/taro";

/// What one traversal yields: the facts, the markup of the script's JSX, and how deep the tree
/// was.
pub struct Extracted {
    pub facts: JsFacts,
    /// JSX elements lowered into the markup model (`None` when the script has none).
    pub markup: Option<Markup>,
    /// The deepest nesting of expressions, statements and patterns met.
    pub depth: usize,
}

/// A script to extract from: one program, or one `<script>` block of a `.vue` file.
pub struct Part<'a> {
    pub program: &'a swc_ecma_ast::Program,
    /// A Vue `<script setup>` block: its top-level functions are what the template calls.
    pub setup: bool,
}

/// What the facts of a script keep. Every file's facts stay in memory until the project pass
/// ends, so the engine keeps only what some rule reads ([`RuleData::reads_api`],
/// [`RuleData::reads_text`]).
///
/// [`RuleData::reads_api`]: crate::base::data::RuleData::reads_api
/// [`RuleData::reads_text`]: crate::base::data::RuleData::reads_text
#[derive(Clone, Copy)]
pub struct Keep<'a> {
    /// Which platform API uses ([`JsFacts::api_uses`]); options are built only for those.
    pub api: &'a dyn Fn(Api) -> bool,
    /// Which string and template literals ([`JsFacts::texts`]), by their text.
    pub text: &'a dyn Fn(&str) -> bool,
}

impl Keep<'static> {
    /// Keeps every API use and every literal.
    pub const EVERYTHING: Self = Self {
        api: &|_| true,
        text: &|_| true,
    };
}

/// Extracts the facts of a parsed program in one traversal, keeping what `keep` takes.
pub fn extract(program: &swc_ecma_ast::Program, comments: &[Comment], keep: Keep<'_>) -> Extracted {
    extract_parts(
        &[Part {
            program,
            setup: false,
        }],
        comments,
        keep,
    )
}

/// Extracts the facts of a file's script parts into one set of facts (a `.vue` file's
/// `<script>` and `<script setup>`), each part traversed once, keeping what `keep` takes.
/// `comments` are the whole file's, in source order: its `#ifdef` regions apply to every part.
pub fn extract_parts(parts: &[Part<'_>], comments: &[Comment], keep: Keep<'_>) -> Extracted {
    let regions = Regions::from_comments(comments.iter().map(|c| (c.span, c.text.as_str())));
    let mut extractor = Extractor {
        keep,
        facts: JsFacts::default(),
        scopes: Scopes::default(),
        regions,
        depth: 0,
        max_depth: 0,
        fns: Vec::new(),
        guard: None,
        testing: false,
        last_if: None,
        setup: false,
        pending_name: None,
        objects: Vec::new(),
        method_objects: Vec::new(),
        data_objects: Vec::new(),
        computed_objects: Vec::new(),
        computed_fns: Vec::new(),
        data_fns: Vec::new(),
        url_spans: Vec::new(),
        request_urls: Vec::new(),
        constants: Vec::new(),
        outer_target: Target::Unconditional,
        unseen: 0,
        markup: Markup::default(),
        jsx: Vec::new(),
        chain_targets: Vec::new(),
        values: FxHashMap::default(),
        callback_spans: FxHashMap::default(),
        app_vars: FxHashSet::default(),
        app_objects: Vec::new(),
        calls_app: false,
        self_aliases: FxHashMap::default(),
        self_uses: Vec::new(),
        state_setters: FxHashMap::default(),
    };
    for part in parts {
        extractor.setup = part.setup;
        part.program.visit_with(&mut extractor);
    }
    extractor.resolve_self_aliases();
    let mut facts = extractor.facts;
    facts.request_hosts = request_hosts(&extractor.request_urls, &extractor.constants);
    facts.keep_read_guards();
    let urls = extractor.url_spans;
    facts
        .texts
        .retain(|t| !urls.iter().any(|u| u.contains(t.span)));
    facts.regions = extractor.regions;
    let markup = (!extractor.markup.nodes.is_empty()).then_some(extractor.markup);
    Extracted {
        facts,
        markup,
        depth: extractor.max_depth,
    }
}

struct Extractor<'k> {
    /// Which API uses and literals to keep.
    keep: Keep<'k>,
    facts: JsFacts,
    scopes: Scopes,
    regions: Regions,
    depth: usize,
    max_depth: usize,
    /// The functions around the current node, innermost last.
    fns: Vec<FnId>,
    /// The innermost condition in force, within the current function (reset at each function
    /// boundary).
    guard: Option<GuardId>,
    /// Inside the test of an `if`, a ternary, `&&`/`||` or `!`/`typeof`: a platform API named
    /// here without being called is tested for, not used.
    testing: bool,
    /// The condition of the `if` statement visited last (its early return guards what follows).
    last_if: Option<CondId>,
    /// In a Vue `<script setup>` block: top-level functions are what the template calls.
    setup: bool,
    /// The name (and method-ness) the next function visited takes.
    pending_name: Option<(String, bool)>,
    /// Spans of the object literals around the current node, innermost last.
    objects: Vec<Span>,
    /// Object literals whose properties are page/component/app methods.
    method_objects: Vec<Span>,
    /// Object literals whose properties are data, with the path prefix of their keys.
    data_objects: Vec<(Span, String)>,
    /// Vue `computed: {…}` objects: each property is a value the template reads by name.
    computed_objects: Vec<Span>,
    /// Functions computing a Vue computed value: what they return is that value.
    computed_fns: Vec<FnId>,
    /// Vue `data()` functions: the object they return holds the component's data.
    data_fns: Vec<FnId>,
    /// `url` values of request calls: their strings are addresses, not text.
    url_spans: Vec<Span>,
    /// The same values in parts, resolved into [`JsFacts::request_hosts`] once the file's
    /// constants are all known.
    request_urls: Vec<Vec<UrlPart>>,
    /// Top-level `const NAME = 'text'` declarations: what request URLs and module paths are
    /// built from.
    constants: Vec<(String, String)>,
    /// The build-environment target of the code around the current function (callbacks written
    /// inside `if (process.env.TARO_ENV === 'weapp')` are WeChat code too).
    outer_target: Target,
    /// How many `throw` statements and error constructors (`new Error(…)`) enclose the current
    /// node: their strings are messages for developers and logs, not text users see.
    unseen: usize,
    /// JSX elements lowered so far.
    markup: Markup,
    /// What each guard chain (by its innermost link) means for a Douyin build.
    chain_targets: Vec<Target>,
    /// The assignments the build decides ([`from_build`]) by path, for evaluating conditions
    /// while reading.
    values: FxHashMap<String, Vec<usize>>,
    /// The JSX elements around the current node, innermost last, with the condition in force
    /// where each was written.
    jsx: Vec<(NodeId, Option<GuardId>)>,
    /// Functions written in place as call arguments, with the callee they are passed to.
    callback_spans: FxHashMap<Span, Ustr>,
    /// Names holding the app instance (`const app = getApp()`).
    app_vars: FxHashSet<String>,
    /// The object literals passed to `App()`: their properties are the app instance's.
    app_objects: Vec<Span>,
    /// Whether the script calls `App()`: `this` in its methods is the app instance.
    calls_app: bool,
    /// React state setters and the state they set (`setVisible` → `visible`).
    state_setters: FxHashMap<String, String>,
    /// Properties of `this` set to a platform object (`this.api = tt`).
    self_aliases: FxHashMap<String, Namespace>,
    /// Calls through a property of `this` (`this.api.pay()`), resolved once every assignment of
    /// the script has been read.
    self_uses: Vec<(String, ApiUse)>,
}

/// `Error`, `TypeError`, `BizError`, `UnauthorizedException`: classes of thrown errors.
fn is_error_class(name: &str) -> bool {
    name.ends_with("Error") || name.ends_with("Exception")
}

/// A logger's level method (`logger.error(…)`, `this.log.warn(…)`, `this.$log.info(…)`): what it
/// is given goes to logs. A receiver merely containing "log" (`dialog.error`) is no logger.
fn is_logger_call(path: &str) -> bool {
    // Every call's path comes here: the method is checked first, and the receiver without
    // allocating a lowercase copy.
    let Some((receiver, method)) = path.rsplit_once('.') else {
        return false;
    };
    if !matches!(
        method,
        "log" | "info" | "warn" | "error" | "debug" | "trace" | "fatal"
    ) {
        return false;
    }
    let receiver = receiver.rsplit('.').next().unwrap_or(receiver);
    let receiver = receiver.trim_start_matches(['$', '_']).as_bytes();
    let suffix = b"logger";
    receiver.eq_ignore_ascii_case(b"log")
        || receiver.len() >= suffix.len()
            && receiver[receiver.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn is_function(expr: &Expr) -> bool {
    matches!(unwrap(expr), Expr::Fn(_) | Expr::Arrow(_))
}

/// `this`, or a name code keeps it in (`const that = this`).
fn is_self(expr: &Expr) -> bool {
    match unwrap(expr) {
        Expr::This(_) => true,
        Expr::Ident(id) => SELVES.contains(&&*id.sym),
        _ => false,
    }
}

/// The object literal a call's first argument is.
fn first_object(args: &[ExprOrSpread]) -> Option<&ObjectLit> {
    match args.first() {
        Some(ExprOrSpread { spread: None, expr }) => match unwrap(expr) {
            Expr::Object(object) => Some(object),
            _ => None,
        },
        _ => None,
    }
}

/// A module as a script names it.
struct Specifier {
    /// The path, or the folder of a path built at run time.
    path: String,
    span: Span,
    pattern: Option<NamePattern>,
}

/// What code behind a condition is, for a Douyin build: never built for Douyin (the condition
/// cannot hold there: `process.env.TARO_ENV === 'weapp'`, `typeof wx !== 'undefined'`), only for
/// Douyin (it holds on Douyin and not on WeChat: `process.env.TARO_ENV === 'tt'`), or either.
fn build_target(cond: &Cond, holds: bool, values: &dyn Values) -> Target {
    let douyin = Evaluator::new(Environment::DOUYIN, values, &[]);
    if douyin.gate(cond, holds) == Gate::Closed {
        return Target::Excluded;
    }
    let wechat = Evaluator::new(Environment::WECHAT, values, &[]);
    if wechat.gate(cond, holds) == Gate::Closed && douyin.eval(cond).is_some() {
        return Target::Douyin;
    }
    Target::Unconditional
}

/// The values a script has assigned so far that the build decides, by path ([`from_build`]).
struct ScriptValues<'a> {
    assignments: &'a [Assignment],
    index: &'a FxHashMap<String, Vec<usize>>,
}

impl Values for ScriptValues<'_> {
    fn values(&self, path: &str) -> Vec<&Cond> {
        self.index
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.assignments.get(i).map(|a| &a.value))
            .collect()
    }
}

/// Whether a value is one the build decides: it reads a build path, tests which platform
/// globals exist, or reads a name already holding such a value (`build_names`): `const env =
/// typeof wx !== 'undefined' ? 'wx' : 'tt'`, then `const isTT = env === 'tt'`. A value the user
/// changes is no build constant: with `data() { return { agree: false } }`, the `else` of
/// `if (this.agree == false)` runs once the user agrees, although no assignment after it has
/// been read yet.
fn from_build(cond: &Cond, build_names: &FxHashMap<String, Vec<usize>>) -> bool {
    cond.walk().any(|c| match c {
        Cond::TypeOf(_) => true,
        Cond::Call(path) => build_path(path),
        Cond::Path(path) => build_path(path) || build_names.contains_key(path.as_str()),
        _ => false,
    })
}

/// `if (c) return;` / `if (c) { …; throw e }`: the branch always leaves the function.
fn exits(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(_) | Stmt::Throw(_) => true,
        Stmt::Block(b) => b.stmts.last().is_some_and(exits),
        _ => false,
    }
}

/// The path a destructuring or member read starts from: a data path, or `tt.getSystemInfoSync()`
/// for an API call.
fn source_path(expr: &Expr) -> Option<String> {
    if let Some(p) = path(expr) {
        return Some(p);
    }
    match cond(expr) {
        Cond::Call(api) => Some(format!("{api}()")),
        _ => None,
    }
}

/// A piece of a request URL: literal text, or a name to look up among the file's constants.
enum UrlPart {
    Text(String),
    Name(String),
}

/// The distinct hosts of the request URLs whose every part resolves, in order of first use.
fn request_hosts(urls: &[Vec<UrlPart>], constants: &[(String, String)]) -> Vec<Box<str>> {
    let resolve = |parts: &[UrlPart]| {
        let mut url = String::new();
        for part in parts {
            match part {
                UrlPart::Text(t) => url.push_str(t),
                UrlPart::Name(n) => url.push_str(&constants.iter().find(|(k, _)| k == n)?.1),
            }
        }
        Some(url)
    };
    let mut hosts: Vec<Box<str>> = Vec::new();
    for url in urls.iter().filter_map(|parts| resolve(parts)) {
        if let Some(host) = DrainageData::url_host(&url)
            && !hosts.iter().any(|h| **h == *host)
        {
            hosts.push(host.into());
        }
    }
    hosts
}

/// The pieces of a URL expression: literals, template pieces, `a + b`, names.
fn url_parts(expr: &Expr, out: &mut Vec<UrlPart>) {
    match unwrap(expr) {
        Expr::Lit(Lit::Str(s)) => out.push(UrlPart::Text(s.value.to_string_lossy().into_owned())),
        Expr::Tpl(t) => {
            for (i, quasi) in t.quasis.iter().enumerate() {
                if let Some(cooked) = &quasi.cooked {
                    out.push(UrlPart::Text(cooked.to_string_lossy().into_owned()));
                }
                if let Some(e) = t.exprs.get(i) {
                    url_parts(e, out);
                }
            }
        }
        Expr::Bin(b) if b.op == BinaryOp::Add => {
            url_parts(&b.left, out);
            url_parts(&b.right, out);
        }
        other => out.push(UrlPart::Name(raw_path(other).unwrap_or_default())),
    }
}

impl Extractor<'_> {
    /// Recurses into a node on a stack that grows on the heap when it runs low. Syntax nests
    /// without brackets (`1+1+1+…` and `else if` chains are trees as deep as they are long), so no
    /// limit on the text bounds the recursion; growing the stack does.
    fn deeper(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        stacker::maybe_grow(RED_ZONE, SEGMENT, || f(self));
        self.depth -= 1;
    }

    fn with_scope(&mut self, names: Vec<String>, f: impl FnOnce(&mut Self)) {
        self.scopes.push(names);
        f(self);
        self.scopes.pop();
    }

    /// Stores a condition once.
    fn store(&mut self, cond: Cond) -> CondId {
        let id = CondId(self.facts.conds.len() as u32);
        self.facts.conds.push(cond);
        id
    }

    /// Adds a condition to the current chain and makes it the innermost one. What the chain
    /// means for a Douyin build is decided here, once per link, with the values assigned so far
    /// (`const env = typeof wx !== 'undefined' ? 'wx' : 'tt'` before `if (env === 'wx')`).
    fn push_guard(&mut self, cond: CondId, holds: bool) {
        let id = GuardId::new(self.facts.guards.len());
        let outer = self
            .guard
            .and_then(|g| self.chain_targets.get(g.index()).copied())
            .unwrap_or(Target::Unconditional);
        let own = match self.facts.conds.get(cond.0 as usize) {
            Some(c) => build_target(
                c,
                holds,
                &ScriptValues {
                    assignments: &self.facts.assignments,
                    index: &self.values,
                },
            ),
            None => Target::Unconditional,
        };
        self.chain_targets.push(own.within(outer));
        self.facts.guards.push(GuardLink {
            cond,
            holds,
            parent: self.guard,
        });
        self.guard = Some(id);
    }

    fn with_guard(&mut self, cond: CondId, holds: bool, f: impl FnOnce(&mut Self)) {
        let outer = self.guard;
        self.push_guard(cond, holds);
        f(self);
        self.guard = outer;
    }

    /// Visits the test of a condition: platform APIs named there are tested for.
    fn test(&mut self, f: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.testing, true);
        f(self);
        self.testing = outer;
    }

    /// Visits values (call arguments, function bodies): names there are used, not tested.
    fn values(&mut self, f: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.testing, false);
        f(self);
        self.testing = outer;
    }

    fn function(&self) -> Option<FnId> {
        self.fns.last().copied()
    }

    /// Whether the code at `offset` ships to Douyin: its uni-app `#ifdef` region, and the
    /// build-environment checks around it (`process.env.TARO_ENV === 'weapp'` in Taro,
    /// `process.env.UNI_PLATFORM` in uni-app).
    fn target_at(&self, offset: usize) -> Target {
        let chain = self
            .guard
            .and_then(|g| self.chain_targets.get(g.index()).copied())
            .unwrap_or(Target::Unconditional);
        self.regions
            .target_at(offset)
            .within(self.outer_target)
            .within(chain)
    }

    /// Records a value given to a name where the code is, and indexes it for the build-target
    /// evaluation.
    fn assign(&mut self, path: String, value: Cond, span: Span) {
        let assignment = Assignment {
            path: Ustr::from(&path),
            value,
            span,
            function: self.function(),
            guards: self.guard,
        };
        let index = self.facts.assignments.len();
        if from_build(&assignment.value, &self.values) {
            self.values.entry(path).or_default().push(index);
        }
        self.facts.assignments.push(assignment);
    }

    /// Enters a function: registers it, gives it its own scope and guards.
    fn enter_function(&mut self, span: Span, names: Vec<String>, f: impl FnOnce(&mut Self)) {
        let (name, method) = self.pending_name.take().unzip();
        // In `<script setup>`, a function the template can call is a top-level one.
        let method =
            method.unwrap_or(false) || (self.setup && self.fns.is_empty() && name.is_some());
        let id = FnId::new(self.facts.functions.len());
        let callback = name
            .is_none()
            .then(|| self.callback_spans.get(&span).copied())
            .flatten();
        let target = self.target_at(span.start());
        self.facts.functions.push(FunctionFact {
            name: name.as_deref().map(Ustr::from),
            span,
            parent: self.function(),
            method,
            guards: self.guard,
            callback,
            target,
        });
        let outer = self.outer_target;
        self.outer_target = target;
        let guard = self.guard.take();
        let testing = std::mem::replace(&mut self.testing, false);
        self.fns.push(id);
        self.with_scope(names, f);
        self.fns.pop();
        self.guard = guard;
        self.testing = testing;
        self.outer_target = outer;
    }

    /// `tt.pay`, `tt['pay']`, `t.pay` (t an alias of tt), `Taro.pay` (Taro imported): the API.
    /// Whether visiting `expr` records nothing, whatever conditions it is under: a number, a
    /// name, `this`, an empty `{}` or `[]`, and member reads of those that name no platform API
    /// (`res.data`, `e.currentTarget.dataset`). No text (a string's target depends on the
    /// conditions around it), no call, no function. Most `&&` and `||` in real code guard such
    /// a value (`res.data || {}`, `e && e.detail`), and a condition built for them is dropped
    /// unread.
    fn inert(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Lit(lit) => !matches!(lit, Lit::Str(_) | Lit::JSXText(_)),
            Expr::This(_) | Expr::Ident(_) => true,
            Expr::Paren(paren) => self.inert(&paren.expr),
            Expr::Object(object) => object.props.is_empty(),
            Expr::Array(array) => array.elems.is_empty(),
            Expr::Member(member) => {
                matches!(member.prop, MemberProp::Ident(_))
                    && self.api_member(member).is_none()
                    && self.inert(&member.obj)
            }
            _ => false,
        }
    }

    fn api_member(&self, member: &MemberExpr) -> Option<Api> {
        let Expr::Ident(object) = unwrap(&member.obj) else {
            return None;
        };
        let ns = self.scopes.namespace(&object.sym)?;
        let name = match &member.prop {
            MemberProp::Ident(i) => i.sym.as_str().to_owned(),
            MemberProp::Computed(c) => static_string(&c.expr)?,
            MemberProp::PrivateName(_) => return None,
        };
        Some(Api::new(ns, &name))
    }

    /// A name bound to one API: `requestPayment` after `import { requestPayment } from
    /// '@tarojs/taro'`.
    fn api_ident(&self, expr: &Expr) -> Option<Api> {
        let Expr::Ident(id) = unwrap(expr) else {
            return None;
        };
        match self.scopes.resolve(&id.sym) {
            Binding::Api(api) => Some(api),
            Binding::Local | Binding::Namespace(_) => None,
        }
    }

    /// The member expression a callee resolves to, through parentheses and optional chains.
    fn callee_member<'a>(&self, callee: &'a Expr) -> Option<&'a MemberExpr> {
        match unwrap(callee) {
            Expr::Member(m) => Some(m),
            Expr::OptChain(OptChainExpr { base, .. }) => match &**base {
                OptChainBase::Member(m) => Some(m),
                OptChainBase::Call(_) => None,
            },
            _ => None,
        }
    }

    fn record(&mut self, api: Api, span: Span, access: Access, args: &[ExprOrSpread]) {
        if let Some(object) = first_object(args) {
            self.api_options(api, object);
        }
        if (self.keep.api)(api) {
            let used = self.api_use(api, span, access, args);
            self.facts.api_uses.push(used);
        }
    }

    /// A use of `api` here, with the options object of its call.
    fn api_use(&self, api: Api, span: Span, access: Access, args: &[ExprOrSpread]) -> ApiUse {
        ApiUse {
            api,
            span,
            access,
            options: first_object(args).map(object_facts),
            target: self.target_at(span.start()),
            function: self.function(),
            guards: self.guard,
        }
    }

    /// What an API's options tell beyond their shape: request URLs, and the result a `success`
    /// callback receives (`tt.getSystemInfo({ success(res) { res.platform } })`).
    fn api_options(&mut self, api: Api, object: &ObjectLit) {
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            match &**prop {
                Prop::KeyValue(kv) => match prop_name(&kv.key).as_deref() {
                    Some("url") if REQUEST_APIS.contains(&api.member.as_str()) => {
                        let mut parts = Vec::new();
                        url_parts(&kv.value, &mut parts);
                        self.url_spans
                            .push(span_of(swc_common::Spanned::span(&*kv.value)));
                        self.request_urls.push(parts);
                    }
                    Some("success") => {
                        let first = match unwrap(&kv.value) {
                            Expr::Fn(f) => f.function.params.first().map(|p| &p.pat),
                            Expr::Arrow(a) => a.params.first(),
                            _ => None,
                        };
                        self.callback_result(api, first);
                    }
                    _ => {}
                },
                Prop::Method(m) if prop_name(&m.key).as_deref() == Some("success") => {
                    let first = m.function.params.first().map(|p| &p.pat);
                    self.callback_result(api, first);
                }
                _ => {}
            }
        }
    }

    fn callback_result(&mut self, api: Api, param: Option<&Pat>) {
        if let Some(Pat::Ident(id)) = param {
            self.assign(
                id.id.sym.as_str().to_owned(),
                Cond::Call(api.to_string().into()),
                span_of(id.id.span),
            );
        }
    }

    fn module_ref(&mut self, specifier: Specifier, kind: ModuleRefKind) {
        let target = self.target_at(specifier.span.start());
        self.facts.module_refs.push(ModuleRef {
            specifier: specifier.path,
            span: specifier.span,
            kind,
            target,
            pattern: specifier.pattern,
        });
    }

    /// The module a path expression names: known text, or a folder and the names a path built
    /// at run time can take there (with the script's top-level constants resolved).
    fn specifier(&self, expr: &Expr) -> Option<Specifier> {
        let span = span_of(swc_common::Spanned::span(expr));
        if let Some(path) = static_string(expr) {
            return Some(Specifier {
                path,
                span,
                pattern: None,
            });
        }
        let constant = |name: &str| {
            self.constants
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let (path, pattern) = match module_path(expr, &constant)? {
            ModulePath::Known(path) => (path, None),
            ModulePath::Built(folder, pattern) => (folder, Some(pattern)),
        };
        Some(Specifier {
            path,
            span,
            pattern,
        })
    }

    /// `require('x')`, `` require(`./api/${name}`) ``: the module it names.
    fn require_spec(&self, callee: &Expr, args: &[ExprOrSpread]) -> Option<Specifier> {
        let Expr::Ident(id) = unwrap(callee) else {
            return None;
        };
        if &*id.sym != "require" || self.scopes.is_bound("require") {
            return None;
        }
        let ExprOrSpread { spread: None, expr } = args.first()? else {
            return None;
        };
        self.specifier(expr)
    }

    fn is_require(&self, expr: &Expr) -> Option<Specifier> {
        let Expr::Call(call) = unwrap(expr) else {
            return None;
        };
        let SwcCallee::Expr(callee) = &call.callee else {
            return None;
        };
        self.require_spec(callee, &call.args)
    }

    /// `getApp()`, where `getApp` is the framework's.
    fn is_get_app(&self, expr: &Expr) -> bool {
        let Expr::Call(call) = unwrap(expr) else {
            return false;
        };
        matches!(&call.callee, SwcCallee::Expr(c)
            if matches!(unwrap(c), Expr::Ident(id) if &*id.sym == "getApp" && !self.scopes.is_bound("getApp")))
    }

    /// Whether an expression is the app instance: `getApp()`, or a name holding it.
    fn is_app(&self, expr: &Expr) -> bool {
        match unwrap(expr) {
            Expr::Ident(id) => self.app_vars.contains(&*id.sym) && self.scopes.is_bound(&id.sym),
            other => self.is_get_app(other),
        }
    }

    /// The project function an expression names: `pay`, `this.pay`, `util.pay`,
    /// `getApp().pay`, `app.pay`.
    fn callee_of(&self, expr: &Expr) -> Option<Callee> {
        match unwrap(expr) {
            Expr::Ident(id) => Some(Callee::Local(Ustr::from(&id.sym))),
            Expr::Member(m) => {
                let MemberProp::Ident(prop) = &m.prop else {
                    return None;
                };
                let name = || Ustr::from(&prop.sym);
                match unwrap(&m.obj) {
                    obj if is_self(obj) => Some(Callee::Method(name())),
                    obj if self.is_app(obj) => Some(Callee::App(name())),
                    Expr::Ident(obj) => Some(Callee::Member(Ustr::from(&obj.sym), name())),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The platform object a value is in a Douyin build: `tt`, a name holding it, or the branch
    /// of `process.env.TARO_ENV === 'tt' ? tt : wx` (or `typeof tt !== 'undefined' ? tt : my`)
    /// that build takes.
    fn platform_object(&self, value: &Expr) -> Option<Namespace> {
        match unwrap(value) {
            Expr::Ident(id) => self.scopes.namespace(&id.sym),
            Expr::Cond(c) => {
                let test = cond(&c.test);
                let values = ScriptValues {
                    assignments: &self.facts.assignments,
                    index: &self.values,
                };
                if build_target(&test, false, &values) == Target::Excluded {
                    self.platform_object(&c.cons)
                } else if build_target(&test, true, &values) == Target::Excluded {
                    self.platform_object(&c.alt)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// What a platform object alias is set to: `tt` (or a name holding it, or the branch a
    /// Douyin build takes), Taro's module, or a module that may export one.
    fn alias_target(&self, value: &Expr) -> Option<AliasTarget> {
        if let Some(ns) = self.platform_object(value) {
            return Some(AliasTarget::Namespace(ns));
        }
        if let Some(Binding::Namespace(ns)) = self.taro_require(value) {
            return Some(AliasTarget::Namespace(ns));
        }
        self.is_require(value)
            .filter(|s| s.pattern.is_none())
            .map(|s| AliasTarget::Module(s.span))
    }

    /// `this.api = tt`, `getApp().core = tt`: a property set to a platform object.
    fn alias_assignment(&mut self, member: &MemberExpr, value: &Expr) {
        let MemberProp::Ident(prop) = &member.prop else {
            return;
        };
        let Some(target) = self.alias_target(value) else {
            return;
        };
        if !self
            .target_at(span_of(member.span).start())
            .ships_to_douyin()
        {
            return;
        }
        let name = prop.sym.as_str().to_owned();
        let object = unwrap(&member.obj);
        if is_self(object) {
            if let AliasTarget::Namespace(ns) = target {
                self.self_aliases.entry(name.clone()).or_insert(ns);
            }
            // In `App()`'s methods `this` is the app: `this.core = tt` is `getApp().core`.
            self.self_app_alias(name, target);
        } else if self.is_app(object) {
            self.facts.app_aliases.push(AppAlias { name, target });
        }
    }

    /// A property of `this` set to a platform object: the app's, when the script makes the app.
    fn self_app_alias(&mut self, name: String, target: AliasTarget) {
        if self.calls_app {
            self.facts.app_aliases.push(AppAlias { name, target });
        }
    }

    /// A call through an object that may be a platform object: `this.api.pay()`,
    /// `getApp().core.pay()`, `core.pay()` with `core` a module.
    fn aliased_call(&mut self, member: &MemberExpr, args: &[ExprOrSpread]) {
        let MemberProp::Ident(prop) = &member.prop else {
            return;
        };
        let api = Api::new(Namespace::Tt, &prop.sym);
        let span = span_of(member.span);
        match unwrap(&member.obj) {
            Expr::Member(inner) => {
                let MemberProp::Ident(name) = &inner.prop else {
                    return;
                };
                let name = name.sym.as_str().to_owned();
                let object = unwrap(&inner.obj);
                if is_self(object) {
                    let used = self.api_use(api, span, Access::Call, args);
                    self.self_uses.push((name, used));
                } else if self.is_app(object) {
                    let used = self.api_use(api, span, Access::Call, args);
                    self.facts.aliased_uses.push(AliasedUse {
                        base: AliasBase::App(name),
                        used,
                    });
                }
            }
            Expr::Ident(id) if self.facts.imports.iter().any(|i| i.local == *id.sym) => {
                let used = self.api_use(api, span, Access::Call, args);
                self.facts.aliased_uses.push(AliasedUse {
                    base: AliasBase::Module(id.sym.as_str().to_owned()),
                    used,
                });
            }
            _ => {}
        }
    }

    /// `const [visible, setVisible] = useState(false)`: the state starts with its initial value,
    /// and calls of the setter give it others.
    fn use_state(&mut self, name: &Pat, init: &Expr) {
        let Pat::Array(array) = name else {
            return;
        };
        let Expr::Call(call) = unwrap(init) else {
            return;
        };
        let hook = match &call.callee {
            SwcCallee::Expr(callee) => raw_path(callee),
            _ => None,
        };
        if !hook.is_some_and(|h| h == "useState" || h.ends_with(".useState")) {
            return;
        }
        let Some(Some(Pat::Ident(state))) = array.elems.first() else {
            return;
        };
        let state = state.id.sym.as_str().to_owned();
        if let Some(Some(Pat::Ident(setter))) = array.elems.get(1) {
            self.state_setters
                .insert(setter.id.sym.as_str().to_owned(), state.clone());
        }
        let initial = match call.args.first() {
            Some(ExprOrSpread { spread: None, expr }) => cond(expr),
            _ => Cond::Other,
        };
        self.assign(state, initial, span_of(call.span));
    }

    /// Calls through `this.api` once every `this.api = tt` of the script is known.
    fn resolve_self_aliases(&mut self) {
        for (name, used) in std::mem::take(&mut self.self_uses) {
            if let Some(&ns) = self.self_aliases.get(&name) {
                let mut used = used;
                used.api = used.api.on(ns);
                if (self.keep.api)(used.api) {
                    self.facts.api_uses.push(used);
                }
            }
        }
    }

    /// Functions and project functions handed to a call: callbacks it runs (`setTimeout(() =>
    /// …)`) and references it may call (`setTimeout(this.pay)`, `{ success: onPaid }`).
    fn hand_over(&mut self, callee: Option<&str>, expr: &Expr, in_object: bool) {
        match unwrap(expr) {
            e @ (Expr::Fn(_) | Expr::Arrow(_)) if !in_object => {
                self.callback_spans.insert(
                    span_of(swc_common::Spanned::span(e)),
                    callee.unwrap_or_default().into(),
                );
            }
            Expr::Object(object)
                if !in_object && !self.method_objects.contains(&span_of(object.span)) =>
            {
                for prop in &object.props {
                    if let PropOrSpread::Prop(prop) = prop
                        && let Prop::KeyValue(kv) = &**prop
                    {
                        self.hand_over(callee, &kv.value, true);
                    }
                }
            }
            e @ (Expr::Ident(_) | Expr::Member(_)) => self.reference(e),
            _ => {}
        }
    }

    /// The project function a value names, unless it is a platform API or object.
    fn value_callee(&self, expr: &Expr) -> Option<Callee> {
        let is_api = match unwrap(expr) {
            Expr::Member(m) => self.api_member(m).is_some(),
            Expr::Ident(id) => self.scopes.resolve(&id.sym) != Binding::Local,
            _ => false,
        };
        if is_api {
            return None;
        }
        self.callee_of(expr)
    }

    /// A project function named as a value here: whoever receives it may call it.
    fn reference(&mut self, expr: &Expr) {
        if let Some(callee) = self.value_callee(expr) {
            let span = span_of(swc_common::Spanned::span(expr));
            self.push_call(callee, span, true);
        }
    }

    fn push_call(&mut self, callee: Callee, span: Span, reference: bool) {
        let target = self.target_at(span.start());
        self.facts.calls.push(CallFact {
            callee,
            span,
            function: self.function(),
            guards: self.guard,
            target,
            reference,
        });
    }

    /// Records a call of the project's own code: `pay()`, `this.pay()`, `util.pay()`,
    /// `getApp().pay()`; through `this.pay.call(this)`, and handed on by `this.pay.bind(this)`.
    fn own_call(&mut self, callee: &Expr, span: Span) {
        if let Expr::Member(m) = unwrap(callee)
            && let MemberProp::Ident(prop) = &m.prop
            && matches!(&*prop.sym, "bind" | "call" | "apply")
            && let Some(bound) = self.callee_of(&m.obj)
        {
            self.push_call(bound, span, &*prop.sym == "bind");
            return;
        }
        if let Some(callee) = self.callee_of(callee) {
            self.push_call(callee, span, false);
        }
    }

    /// `this.setData({ k: v })`: page data assignments.
    fn set_data(&mut self, object: &ObjectLit) {
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            match &**prop {
                Prop::KeyValue(kv) => {
                    if let Some(key) = prop_name(&kv.key) {
                        self.assign(
                            key,
                            cond(&kv.value),
                            span_of(swc_common::Spanned::span(&kv.key)),
                        );
                    }
                }
                Prop::Shorthand(id) => self.assign(
                    id.sym.as_str().to_owned(),
                    Cond::Path(id.sym.as_str().into()),
                    span_of(id.span),
                ),
                _ => {}
            }
        }
    }

    /// Handles a call's callee, whose path is `path`; returns the API it calls, if any: then the
    /// callee is consumed (it must not be visited again as a plain reference).
    fn call(
        &mut self,
        callee: &Expr,
        path: Option<&str>,
        args: &[ExprOrSpread],
        span: Span,
    ) -> Option<Api> {
        if let Some(member) = self.callee_member(callee)
            && let Some(api) = self.api_member(member)
        {
            self.record(api, span_of(member.span), Access::Call, args);
            return Some(api);
        }
        if let Some(api) = self.api_ident(callee) {
            self.record(
                api,
                span_of(swc_common::Spanned::span(callee)),
                Access::Call,
                args,
            );
            return Some(api);
        }
        if let Some(member) = self.callee_member(callee) {
            self.aliased_call(member, args);
        }
        let first_object = first_object(args);
        match unwrap(callee) {
            Expr::Ident(id)
                if CONSTRUCTORS.contains(&&*id.sym) && !self.scopes.is_bound(&id.sym) =>
            {
                if &*id.sym == "App" {
                    self.calls_app = true;
                }
                if let Some(object) = first_object {
                    self.method_objects.push(span_of(object.span));
                    if &*id.sym == "App" {
                        self.app_objects.push(span_of(object.span));
                    }
                }
            }
            Expr::Member(_) if path == Some("Vue.extend") && !self.scopes.is_bound("Vue") => {
                if let Some(object) = first_object {
                    self.method_objects.push(span_of(object.span));
                }
            }
            // A page's `this.setData({…})`, a React class component's `this.setState({…})`.
            Expr::Member(m)
                if matches!(&m.prop, MemberProp::Ident(p) if matches!(&*p.sym, "setData" | "setState"))
                    && raw_path(&m.obj).is_some_and(|p| SELVES.contains(&p.as_str())) =>
            {
                if let Some(object) = first_object {
                    self.set_data(object);
                }
            }
            // `setVisible(true)` with `const [visible, setVisible] = useState(false)`.
            Expr::Ident(id) if self.state_setters.contains_key(&*id.sym) => {
                if let (Some(state), Some(ExprOrSpread { spread: None, expr })) =
                    (self.state_setters.get(&*id.sym).cloned(), args.first())
                {
                    self.assign(state, cond(expr), span);
                }
            }
            _ => {}
        }
        self.own_call(callee, span);
        None
    }

    fn visit_call_parts(&mut self, callee: &Expr, args: &[ExprOrSpread], span: Span) {
        // The callee's path, found once for the several questions below.
        let path = raw_path(callee);
        if let Some(path) = &path
            && (path.starts_with("console.") && !self.scopes.is_bound("console")
                || is_logger_call(path))
        {
            // Logging is not UI: nothing inside it is text users see.
            return;
        }
        if let Some(specifier) = self.require_spec(callee, args) {
            self.module_ref(specifier, ModuleRefKind::Require);
            return;
        }
        let api = self.call(callee, path.as_deref(), args, span);
        if api.is_none() {
            callee.visit_with(self);
        }
        for arg in args.iter().filter(|a| a.spread.is_none()) {
            self.hand_over(path.as_deref(), &arg.expr, false);
        }
        // `Boolean(tt.pay)` tests for the API; any other call's arguments are values.
        let boolean = matches!(unwrap(callee), Expr::Ident(id)
            if &*id.sym == "Boolean" && !self.scopes.is_bound("Boolean"));
        if boolean {
            self.test(|this| args.visit_with(this));
        } else {
            self.values(|this| args.visit_with(this));
        }
    }

    fn text(&mut self, span: Span, text: Cow<'_, str>) {
        if self.unseen > 0
            || !(self.keep.text)(&text)
            || !self.target_at(span.start()).ships_to_douyin()
        {
            return;
        }
        self.facts.texts.push(JsText {
            span,
            text: text.into_owned().into_boxed_str(),
            function: self.function(),
        });
    }

    fn export(&mut self, name: String, local: String) {
        self.facts.exports.push(ExportFact { name, local });
    }

    /// `module.exports = api` where `api` holds a platform object: the module is that object.
    fn namespace_export(&mut self, name: &str, value: &swc_ecma_ast::Ident) {
        if let Some(ns) = self.scopes.namespace(&value.sym) {
            self.facts.namespace_exports.push((name.to_string(), ns));
        }
    }

    /// `module.exports = { a, b: fn }` / `module.exports = fn`.
    fn module_exports(&mut self, value: &Expr) {
        match unwrap(value) {
            Expr::Object(object) => {
                for prop in &object.props {
                    let PropOrSpread::Prop(prop) = prop else {
                        continue;
                    };
                    match &**prop {
                        Prop::Shorthand(id) => {
                            self.export(id.sym.as_str().to_owned(), id.sym.as_str().to_owned())
                        }
                        Prop::KeyValue(kv) => {
                            let Some(key) = prop_name(&kv.key) else {
                                continue;
                            };
                            let local = match unwrap(&kv.value) {
                                Expr::Ident(id) => {
                                    self.namespace_export(&key, id);
                                    id.sym.as_str().to_owned()
                                }
                                _ => key.clone(),
                            };
                            self.export(key, local);
                        }
                        Prop::Method(m) => {
                            if let Some(key) = prop_name(&m.key) {
                                self.export(key.clone(), key);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Expr::Ident(id) => {
                self.namespace_export("default", id);
                self.export("default".into(), id.sym.as_str().to_owned())
            }
            Expr::Fn(f) => {
                let local = f
                    .ident
                    .as_ref()
                    .map_or("default".to_string(), |i| i.sym.as_str().to_owned());
                self.export("default".into(), local);
            }
            _ => {}
        }
    }
}

impl Visit for Extractor<'_> {
    fn visit_jsx_element(&mut self, element: &swc_ecma_ast::JSXElement) {
        self.deeper(|this| this.jsx_element(element));
    }

    fn visit_jsx_fragment(&mut self, fragment: &swc_ecma_ast::JSXFragment) {
        // A fragment renders its children where it stands.
        self.deeper(|this| this.jsx_children(&fragment.children));
    }

    fn visit_expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Lit(Lit::Str(s)) => self.text(span_of(s.span), s.value.to_string_lossy()),
            Expr::Tpl(t) => {
                for quasi in &t.quasis {
                    if let Some(cooked) = &quasi.cooked {
                        self.text(span_of(quasi.span), cooked.to_string_lossy());
                    }
                }
            }
            _ => {}
        }
        self.deeper(|this| expr.visit_children_with(this));
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        let unseen = matches!(stmt, Stmt::Throw(_));
        self.unseen += usize::from(unseen);
        self.deeper(|this| stmt.visit_children_with(this));
        self.unseen -= usize::from(unseen);
    }

    /// `new Error('…')`: the message of an error is for developers and logs.
    fn visit_new_expr(&mut self, new: &swc_ecma_ast::NewExpr) {
        let unseen = matches!(unwrap(&new.callee), Expr::Ident(id) if is_error_class(&id.sym));
        new.callee.visit_with(self);
        self.unseen += usize::from(unseen);
        self.values(|this| new.args.visit_with(this));
        self.unseen -= usize::from(unseen);
    }

    /// A statement list: after `if (c) return;` the rest runs only when `c` does not hold.
    fn visit_stmts(&mut self, stmts: &[Stmt]) {
        let outer = self.guard;
        for stmt in stmts {
            stmt.visit_with(self);
            if let Stmt::If(i) = stmt
                && i.alt.is_none()
                && exits(&i.cons)
            {
                // The condition the `if` just visited stored.
                let test = match self.last_if.take() {
                    Some(test) => test,
                    None => self.store(cond(&i.test)),
                };
                self.push_guard(test, false);
            }
        }
        self.guard = outer;
    }

    fn visit_pat(&mut self, pat: &Pat) {
        self.deeper(|this| pat.visit_children_with(this));
    }

    fn visit_ts_type(&mut self, ty: &TsType) {
        self.deeper(|this| ty.visit_children_with(this));
    }

    fn visit_module(&mut self, module: &Module) {
        let names = declared_in_module(&module.body);
        self.with_scope(names, |this| module.visit_children_with(this));
    }

    fn visit_script(&mut self, script: &Script) {
        let names = declared_in(&script.body, true);
        self.with_scope(names, |this| script.visit_children_with(this));
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        self.pending_name = Some((decl.ident.sym.as_str().to_owned(), false));
        decl.function.visit_with(self);
    }

    fn visit_function(&mut self, function: &Function) {
        let mut names = Vec::new();
        for param in &function.params {
            pattern_names(&param.pat, &mut names);
        }
        if let Some(body) = &function.body {
            names.extend(declared_in(&body.stmts, true));
        }
        names.push("arguments".into());
        self.enter_function(span_of(function.span), names, |this| {
            function.visit_children_with(this)
        });
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let mut names = Vec::new();
        for param in &arrow.params {
            pattern_names(param, &mut names);
        }
        if let swc_ecma_ast::ArrowFunctionBody::FunctionBody(body) = &*arrow.body {
            names.extend(declared_in(&body.stmts, true));
        }
        self.enter_function(span_of(arrow.span), names, |this| {
            arrow.visit_children_with(this)
        });
    }

    fn visit_constructor(&mut self, constructor: &Constructor) {
        let mut names = Vec::new();
        for param in &constructor.params {
            if let swc_ecma_ast::ParamOrTsParamProp::Param(p) = param {
                pattern_names(&p.pat, &mut names);
            }
        }
        if let Some(body) = &constructor.body {
            names.extend(declared_in(&body.stmts, true));
        }
        self.enter_function(span_of(constructor.span), names, |this| {
            constructor.visit_children_with(this)
        });
    }

    /// `isIOS = Taro.getSystemInfoSync().platform === 'ios'` in a class component: its state.
    fn visit_class_prop(&mut self, prop: &swc_ecma_ast::ClassProp) {
        if let (Some(key), Some(value)) = (prop_name(&prop.key), &prop.value) {
            let value_cond = cond(value);
            if value_cond != Cond::Other {
                self.assign(
                    key.clone(),
                    value_cond,
                    span_of(swc_common::Spanned::span(&prop.key)),
                );
            }
            if is_function(value) || wrapped_function(value) {
                self.pending_name = Some((key, false));
            }
        }
        prop.visit_children_with(self);
    }

    fn visit_class_method(&mut self, method: &ClassMethod) {
        self.pending_name = prop_name(&method.key).map(|k| (k, false));
        method.function.visit_with(self);
    }

    fn visit_object_lit(&mut self, object: &ObjectLit) {
        self.objects.push(span_of(object.span));
        object.visit_children_with(self);
        self.objects.pop();
    }

    fn visit_method_prop(&mut self, method: &MethodProp) {
        let here = self.objects.last().copied();
        let is_method = here.is_some_and(|o| self.method_objects.contains(&o));
        let computed = here.is_some_and(|o| self.computed_objects.contains(&o));
        let name = prop_name(&method.key);
        let next = FnId::new(self.facts.functions.len());
        if computed {
            self.computed_fns.push(next);
        } else if is_method && name.as_deref() == Some("data") {
            self.data_fns.push(next);
        }
        self.pending_name = name.map(|k| (k, is_method && !computed));
        method.function.visit_with(self);
    }

    /// `return {…}` from a Vue `data()`: the component's data; `return x` from a computed value's
    /// function: that value.
    fn visit_return_stmt(&mut self, stmt: &swc_ecma_ast::ReturnStmt) {
        if let (Some(function), Some(arg)) = (self.function(), &stmt.arg) {
            if self.data_fns.contains(&function)
                && let Expr::Object(object) = unwrap(arg)
            {
                self.data_objects
                    .push((span_of(object.span), String::new()));
            } else if self.computed_fns.contains(&function)
                && let Some(name) = self.facts.function(function).and_then(|f| f.name)
            {
                let value = cond(arg);
                self.assign(name.to_string(), value, span_of(stmt.span));
            }
        }
        stmt.visit_children_with(self);
    }

    fn visit_key_value_prop(&mut self, prop: &KeyValueProp) {
        let key = prop_name(&prop.key);
        let here = self.objects.last().copied();
        let in_methods = here.is_some_and(|o| self.method_objects.contains(&o));
        if let (Some(key), Some(here)) = (&key, here) {
            if let Some((_, prefix)) = self.data_objects.iter().find(|(o, _)| *o == here) {
                let path = format!("{prefix}{key}");
                self.assign(
                    path,
                    cond(&prop.value),
                    span_of(swc_common::Spanned::span(&prop.key)),
                );
            }
            if let Expr::Object(inner) = unwrap(&prop.value) {
                let inner = span_of(inner.span);
                match key.as_str() {
                    "data" if in_methods => self.data_objects.push((inner, String::new())),
                    "globalData" if in_methods => {
                        self.data_objects.push((inner, "globalData.".into()))
                    }
                    "methods" if in_methods => self.method_objects.push(inner),
                    "computed" if in_methods => self.computed_objects.push(inner),
                    _ => {}
                }
            }
            if self.app_objects.contains(&here)
                && let Some(target) = self.alias_target(&prop.value)
            {
                self.facts.app_aliases.push(AppAlias {
                    name: key.clone(),
                    target,
                });
            }
            let named = match unwrap(&prop.value) {
                e @ (Expr::Ident(_) | Expr::Member(_)) => Some(e),
                other => wrapped_reference(other),
            };
            if in_methods && let Some(callee) = named.and_then(|value| self.value_callee(value)) {
                self.facts.handler_aliases.push(HandlerAlias {
                    name: key.clone(),
                    method: true,
                    callee,
                });
            }
            if is_function(&prop.value) || wrapped_function(&prop.value) {
                let computed = self.computed_objects.contains(&here);
                let next = FnId::new(self.facts.functions.len());
                if computed {
                    self.computed_fns.push(next);
                } else if in_methods && key == "data" {
                    self.data_fns.push(next);
                }
                self.pending_name = Some((key.clone(), in_methods && !computed));
            }
        }
        prop.key.visit_with(self);
        prop.value.visit_with(self);
    }

    fn visit_block_stmt(&mut self, block: &BlockStmt) {
        let names = declared_in(&block.stmts, false);
        self.with_scope(names, |this| block.visit_children_with(this));
    }

    fn visit_catch_clause(&mut self, clause: &CatchClause) {
        let mut names = Vec::new();
        if let Some(param) = &clause.param {
            pattern_names(param, &mut names);
        }
        self.with_scope(names, |this| clause.visit_children_with(this));
    }

    fn visit_for_stmt(&mut self, stmt: &ForStmt) {
        let names = match &stmt.init {
            Some(swc_ecma_ast::VarDeclOrExpr::VarDecl(v))
                if v.kind != swc_ecma_ast::VarDeclKind::Var =>
            {
                let mut names = Vec::new();
                v.decls
                    .iter()
                    .for_each(|d| pattern_names(&d.name, &mut names));
                names
            }
            _ => Vec::new(),
        };
        self.with_scope(names, |this| stmt.visit_children_with(this));
    }

    fn visit_for_in_stmt(&mut self, stmt: &ForInStmt) {
        let names = for_head_lexical(&stmt.left);
        self.with_scope(names, |this| stmt.visit_children_with(this));
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        let names = for_head_lexical(&stmt.left);
        self.with_scope(names, |this| stmt.visit_children_with(this));
    }

    fn visit_if_stmt(&mut self, stmt: &IfStmt) {
        self.test(|this| stmt.test.visit_with(this));
        let test = self.store(cond(&stmt.test));
        self.with_guard(test, true, |this| stmt.cons.visit_with(this));
        if let Some(alt) = &stmt.alt {
            self.with_guard(test, false, |this| alt.visit_with(this));
        }
        self.last_if = Some(test);
    }

    fn visit_cond_expr(&mut self, expr: &CondExpr) {
        self.test(|this| expr.test.visit_with(this));
        let test = self.store(cond(&expr.test));
        self.with_guard(test, true, |this| expr.cons.visit_with(this));
        self.with_guard(test, false, |this| expr.alt.visit_with(this));
    }

    fn visit_bin_expr(&mut self, expr: &BinExpr) {
        match expr.op {
            BinaryOp::LogicalAnd | BinaryOp::LogicalOr => {
                self.test(|this| expr.left.visit_with(this));
                if self.inert(&expr.right) {
                    expr.right.visit_with(self);
                    return;
                }
                let holds = expr.op == BinaryOp::LogicalAnd;
                let test = self.store(cond(&expr.left));
                self.with_guard(test, holds, |this| expr.right.visit_with(this));
            }
            BinaryOp::EqEq | BinaryOp::EqEqEq | BinaryOp::NotEq | BinaryOp::NotEqEq => {
                let sides = [(&expr.left, &expr.right), (&expr.right, &expr.left)];
                if let Some((literal, other)) = sides
                    .iter()
                    .find_map(|(a, b)| static_string(a).map(|s| ((s, *a), *b)))
                {
                    let target = self.target_at(span_of(expr.span).start());
                    self.facts.comparisons.push(Comparison {
                        span: span_of(expr.span),
                        other: cond(other),
                        literal: literal.0,
                        literal_span: span_of(swc_common::Spanned::span(&**literal.1)),
                        target,
                    });
                }
                // `tt.pay !== undefined`, `tt.pay == null`: an API compared is tested for.
                self.test(|this| expr.visit_children_with(this));
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_var_declarator(&mut self, decl: &VarDeclarator) {
        if let Some(init) = &decl.init {
            if let Some(binding) = self.taro_require(init) {
                if let Pat::Ident(local) = &decl.name {
                    self.scopes.bind(&local.id.sym, binding);
                }
            } else if let Some(global) = self.platform_object(init) {
                match &decl.name {
                    // `const t = tt`: later `t.pay()` is `tt.pay()`.
                    Pat::Ident(alias) => {
                        self.scopes.bind(&alias.id.sym, Binding::Namespace(global))
                    }
                    // `const { pay, request: req } = tt`.
                    Pat::Object(object) => {
                        for prop in &object.props {
                            let (name, span) = match prop {
                                ObjectPatProp::KeyValue(kv) => (
                                    prop_name(&kv.key),
                                    span_of(swc_common::Spanned::span(&kv.key)),
                                ),
                                ObjectPatProp::Assign(a) => (
                                    Some(a.key.id.sym.as_str().to_owned()),
                                    span_of(a.key.id.span),
                                ),
                                ObjectPatProp::Rest(_) => (None, Span::default()),
                            };
                            if let Some(name) = name {
                                let api = Api::new(global, &name);
                                self.record(api, span, Access::Destructure, &[]);
                            }
                        }
                    }
                    _ => {}
                }
            }
            self.declaration(&decl.name, init);
            self.use_state(&decl.name, init);
            if let Pat::Ident(name) = &decl.name {
                if self.is_get_app(init) {
                    self.app_vars.insert(name.id.sym.as_str().to_owned());
                }
                // `const buy = pay`, `const buy = this.pay`, `const buy = useThrottleFn(pay,
                // 300)`: a function under a second name.
                let named = match unwrap(init) {
                    Expr::Ident(_) => Some(&**init),
                    Expr::Member(m) if is_self(&m.obj) => Some(&**init),
                    other => wrapped_reference(other),
                };
                if let Some(callee) = named.and_then(|value| self.value_callee(value)) {
                    self.facts.handler_aliases.push(HandlerAlias {
                        name: name.id.sym.as_str().to_owned(),
                        method: false,
                        callee,
                    });
                }
                let anonymous = match unwrap(init) {
                    Expr::Fn(f) => f.ident.is_none(),
                    Expr::Arrow(_) => true,
                    other => wrapped_function(other),
                };
                if anonymous {
                    self.pending_name = Some((name.id.sym.as_str().to_owned(), false));
                }
            }
        }
        decl.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, expr: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &expr.left {
            self.alias_assignment(member, &expr.right);
        }
        // `hj = tt` (in code that ships to Douyin): `hj` holds the platform object from here on.
        if let AssignTarget::Simple(SimpleAssignTarget::Ident(target)) = &expr.left
            && let Some(ns) = self.platform_object(&expr.right)
            && self.scopes.is_bound(&target.id.sym)
            && self.target_at(span_of(expr.span).start()).ships_to_douyin()
            && self.scopes.namespace(&target.id.sym) != Some(Namespace::Tt)
        {
            self.scopes.bind(&target.id.sym, Binding::Namespace(ns));
        }
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &expr.left
            && let Some(raw) = member_path(member)
        {
            let export = raw
                .strip_prefix("module.exports.")
                .or_else(|| raw.strip_prefix("exports."))
                .map(str::to_string);
            if raw == "module.exports" {
                self.module_exports(&expr.right);
            } else if let Some(name) = export {
                let local = match unwrap(&expr.right) {
                    Expr::Ident(id) => {
                        self.namespace_export(&name, id);
                        id.sym.as_str().to_owned()
                    }
                    _ => name.clone(),
                };
                self.export(name.clone(), local);
                if is_function(&expr.right) {
                    self.pending_name = Some((name, false));
                }
            } else {
                self.assign(normalize_path(raw), cond(&expr.right), span_of(member.span));
            }
        }
        expr.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        match &call.callee {
            SwcCallee::Expr(callee) => {
                self.visit_call_parts(callee, &call.args, span_of(call.span))
            }
            SwcCallee::Import(_) => {
                if let Some(ExprOrSpread { spread: None, expr }) = call.args.first()
                    && let Some(specifier) = self.specifier(expr)
                {
                    self.module_ref(specifier, ModuleRefKind::Import);
                }
            }
            SwcCallee::Super(_) => call.args.visit_with(self),
        }
    }

    fn visit_opt_chain_expr(&mut self, chain: &OptChainExpr) {
        match &*chain.base {
            OptChainBase::Call(call) => {
                self.visit_call_parts(&call.callee, &call.args, span_of(call.span))
            }
            OptChainBase::Member(member) => self.visit_member_expr(member),
        }
    }

    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if let Some(api) = self.api_member(member) {
            let access = if self.testing {
                Access::FeatureTest
            } else {
                Access::Value
            };
            self.record(api, span_of(member.span), access, &[]);
            return;
        }
        member.visit_children_with(self);
    }

    fn visit_unary_expr(&mut self, expr: &swc_ecma_ast::UnaryExpr) {
        match expr.op {
            swc_ecma_ast::UnaryOp::Bang | swc_ecma_ast::UnaryOp::TypeOf => {
                self.test(|this| expr.arg.visit_with(this))
            }
            _ => expr.visit_children_with(self),
        }
    }

    fn visit_import_decl(&mut self, import: &ImportDecl) {
        if import.type_only {
            return;
        }
        let specifier = import.src.value.to_string_lossy().into_owned();
        if specifier == TARO_MODULE {
            self.taro_import(import);
        }
        self.module_ref(
            Specifier {
                path: specifier.clone(),
                span: span_of(import.src.span),
                pattern: None,
            },
            ModuleRefKind::Import,
        );
        for spec in &import.specifiers {
            let (local, imported) = match spec {
                ImportSpecifier::Named(n) => {
                    let imported = match &n.imported {
                        Some(ModuleExportName::Ident(i)) => i.sym.as_str().to_owned(),
                        Some(ModuleExportName::Str(s)) => s.value.to_string_lossy().into_owned(),
                        None => n.local.sym.as_str().to_owned(),
                    };
                    (n.local.sym.as_str().to_owned(), Imported::Named(imported))
                }
                ImportSpecifier::Default(d) => (d.local.sym.as_str().to_owned(), Imported::Default),
                ImportSpecifier::Namespace(n) => {
                    (n.local.sym.as_str().to_owned(), Imported::Namespace)
                }
            };
            self.facts.imports.push(ImportBinding {
                local,
                specifier: specifier.clone(),
                span: span_of(import.src.span),
                imported,
            });
        }
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        match decl {
            ModuleDecl::ExportAll(e) if !e.type_only => {
                let specifier = Specifier {
                    path: e.src.value.to_string_lossy().into_owned(),
                    span: span_of(e.src.span),
                    pattern: None,
                };
                self.module_ref(specifier, ModuleRefKind::Import);
            }
            ModuleDecl::ExportNamed(e) if !e.type_only => {
                if let Some(src) = &e.src {
                    let specifier = Specifier {
                        path: src.value.to_string_lossy().into_owned(),
                        span: span_of(src.span),
                        pattern: None,
                    };
                    self.module_ref(specifier, ModuleRefKind::Import);
                } else {
                    for spec in &e.specifiers {
                        if let ExportSpecifier::Named(n) = spec {
                            let name = |n: &ModuleExportName| match n {
                                ModuleExportName::Ident(i) => i.sym.as_str().to_owned(),
                                ModuleExportName::Str(s) => s.value.to_string_lossy().into_owned(),
                            };
                            let local = name(&n.orig);
                            let exported = n.exported.as_ref().map_or(local.clone(), name);
                            self.export(exported, local);
                        }
                    }
                }
            }
            ModuleDecl::ExportDecl(e) => match &e.decl {
                Decl::Fn(f) => self.export(
                    f.ident.sym.as_str().to_owned(),
                    f.ident.sym.as_str().to_owned(),
                ),
                Decl::Var(v) => {
                    for d in &v.decls {
                        if let Pat::Ident(id) = &d.name {
                            self.export(
                                id.id.sym.as_str().to_owned(),
                                id.id.sym.as_str().to_owned(),
                            );
                        }
                    }
                }
                _ => {}
            },
            ModuleDecl::ExportDefaultDecl(e) => {
                if let DefaultDecl::Fn(f) = &e.decl {
                    let local = f
                        .ident
                        .as_ref()
                        .map_or("default".to_string(), |i| i.sym.as_str().to_owned());
                    self.export("default".into(), local.clone());
                    if f.ident.is_none() {
                        self.pending_name = Some((local, false));
                    }
                }
            }
            ModuleDecl::ExportDefaultExpr(e) => match unwrap(&e.expr) {
                Expr::Ident(id) => {
                    self.namespace_export("default", id);
                    self.export("default".into(), id.sym.as_str().to_owned())
                }
                // A Vue component's options: `export default { data() {…}, methods: {…} }`.
                Expr::Object(object) => self.method_objects.push(span_of(object.span)),
                _ => {}
            },
            _ => {}
        }
        decl.visit_children_with(self);
    }
}

/// JSX, lowered into the markup model while the script is read: tags and props are normalised
/// like the other dialects' (`WebView` → `web-view`, `openType` → `open-type`), `onClick` and
/// `onTap` become `tap` events whose handlers name a method (`this.buy`), a function in scope
/// (`buy`) or the arrow written in place, and the conditions in force where an element is written
/// (`cond && <X/>`, ternary branches, `if (!x) return null`) are its guards.
impl Extractor<'_> {
    fn jsx_element(&mut self, element: &swc_ecma_ast::JSXElement) {
        let opening = &element.opening;
        let span = span_of(element.span);
        let (parent, parent_guard) = match self.jsx.last() {
            Some(&(node, guard)) => (Some(node), guard),
            None => (None, None),
        };
        let mut attrs = Vec::new();
        let mut events = Vec::new();
        for attr in &opening.attrs {
            let swc_ecma_ast::JSXAttrOrSpread::JSXAttr(attr) = attr else {
                continue;
            };
            let name = match &attr.name {
                swc_ecma_ast::JSXAttrName::Ident(i) => i.sym.as_str().to_owned(),
                swc_ecma_ast::JSXAttrName::JSXNamespacedName(n) => {
                    format!("{}:{}", n.ns.sym, n.name.sym)
                }
            };
            let name_span = span_of(swc_common::Spanned::span(&attr.name));
            let expr = match &attr.value {
                Some(swc_ecma_ast::JSXAttrValue::JSXExprContainer(c)) => match &c.expr {
                    swc_ecma_ast::JSXExpr::Expr(e) => Some(&**e),
                    swc_ecma_ast::JSXExpr::JSXEmptyExpr(_) => None,
                },
                _ => None,
            };
            if let Some(event) = jsx_event(&name) {
                events.push(Event {
                    name: event.into(),
                    span: span_of(attr.span),
                    handler: expr.map_or(Handler::Dynamic, |e| self.jsx_handler(e)),
                });
                continue;
            }
            let value = match (&attr.value, expr) {
                (Some(swc_ecma_ast::JSXAttrValue::Str(lit)), _) => {
                    let outer = span_of(lit.span);
                    Value::Static {
                        span: Span::new(outer.start() + 1, outer.end().saturating_sub(1)),
                        text: lit.value.to_string_lossy().into(),
                    }
                }
                (_, Some(e)) => {
                    let span = span_of(swc_common::Spanned::span(e));
                    match static_string(e) {
                        Some(text) => Value::Static {
                            span,
                            text: text.into(),
                        },
                        None => Value::Bound {
                            span,
                            parts: Box::new([TextPart::Dynamic {
                                span,
                                binding: Some(expr::binding(e)),
                            }]),
                        },
                    }
                }
                (None, None) => Value::Empty,
                (Some(_), None) => Value::Bound {
                    span: span_of(attr.span),
                    parts: Box::default(),
                },
            };
            attrs.push(Attr {
                name: jsx_prop(&name),
                name_span,
                value,
            });
        }
        let guards = self.guards_since(parent_guard, parent.is_some());
        let node = self.markup.push(
            parent,
            span,
            self.target_at(span.start()),
            NodeKind::Element(Box::new(Element {
                tag: jsx_tag(&opening.name),
                tag_span: span_of(swc_common::Spanned::span(&opening.name)),
                attrs: attrs.into(),
                events: events.into(),
                guards: guards.into(),
                repeated: false,
                children: Vec::new(),
            })),
        );
        self.jsx.push((node, self.guard));
        // Attribute values are code: handlers are functions, props read data.
        opening.attrs.visit_with(self);
        self.jsx_children(&element.children);
        self.jsx.pop();
    }

    fn jsx_children(&mut self, children: &[swc_ecma_ast::JSXElementChild]) {
        use swc_ecma_ast::JSXElementChild as Child;
        for child in children {
            match child {
                Child::JSXText(text) => {
                    let value = text.value.to_string_lossy().into_owned();
                    if value.trim().is_empty() {
                        continue;
                    }
                    let span = span_of(text.span);
                    let parent = self.jsx.last().map(|&(node, _)| node);
                    let part = TextPart::Static { span, text: value };
                    self.markup.push(
                        parent,
                        span,
                        self.target_at(span.start()),
                        NodeKind::Text(Box::new([part])),
                    );
                }
                Child::JSXExprContainer(container) => {
                    if let swc_ecma_ast::JSXExpr::Expr(expr) = &container.expr {
                        let found = expr::binding(expr);
                        // A value shown in place (`{phone}`, `{order.mobile}`) is dynamic text,
                        // as `{{phone}}` is in a template; `{cond && <View/>}` is structure.
                        if !found.strings.is_empty() || !holds_jsx(expr) {
                            let span = span_of(swc_common::Spanned::span(&**expr));
                            let parent = self.jsx.last().map(|&(node, _)| node);
                            let part = TextPart::Dynamic {
                                span,
                                binding: Some(found),
                            };
                            self.markup.push(
                                parent,
                                span,
                                self.target_at(span.start()),
                                NodeKind::Text(Box::new([part])),
                            );
                        }
                        expr.visit_with(self);
                    }
                }
                other => other.visit_with(self),
            }
        }
    }

    /// The conditions in force here that the enclosing element was not written under: the
    /// element's own guards. Without an enclosing element in this function, all of them.
    fn guards_since(&self, outer: Option<GuardId>, nested: bool) -> Vec<Guard> {
        let mut out = Vec::new();
        let mut current = self.guard;
        while let Some(id) = current {
            if nested && Some(id) == outer {
                break;
            }
            let Some(link) = self.facts.guards.get(id.index()) else {
                break;
            };
            if let Some(cond) = self.facts.conds.get(link.cond.0 as usize) {
                out.push(Guard {
                    cond: Some(cond.clone()),
                    holds: link.holds,
                });
            }
            current = link.parent;
        }
        out
    }

    /// What an event prop calls.
    fn jsx_handler(&self, expr: &Expr) -> Handler {
        match unwrap(expr) {
            Expr::Ident(id) => Handler::Named(id.sym.as_str().to_owned()),
            Expr::Member(m) => match (&m.prop, unwrap(&m.obj)) {
                (MemberProp::Ident(prop), Expr::This(_)) => {
                    Handler::Named(prop.sym.as_str().to_owned())
                }
                (MemberProp::Ident(prop), Expr::Ident(obj)) if SELVES.contains(&&*obj.sym) => {
                    Handler::Named(prop.sym.as_str().to_owned())
                }
                _ => Handler::Dynamic,
            },
            // `this.buy.bind(this)`
            Expr::Call(call) => match &call.callee {
                SwcCallee::Expr(callee) => match unwrap(callee) {
                    Expr::Member(m) if matches!(&m.prop, MemberProp::Ident(p) if &*p.sym == "bind") => {
                        self.jsx_handler(&m.obj)
                    }
                    _ => Handler::Dynamic,
                },
                _ => Handler::Dynamic,
            },
            // The function written in place is the next one registered: attribute values are
            // visited right after the element is made.
            Expr::Arrow(_) | Expr::Fn(_) => Handler::Inline(self.facts.functions.len() as u32),
            _ => Handler::Dynamic,
        }
    }
}

/// The tag of a JSX element, normalised: Taro's `<WebView>` is the built-in `web-view`.
fn jsx_tag(name: &swc_ecma_ast::JSXElementName) -> Ustr {
    match name {
        swc_ecma_ast::JSXElementName::Ident(i) => hyphenate(&i.sym).as_ref().into(),
        swc_ecma_ast::JSXElementName::JSXMemberExpr(m) => hyphenate(&m.prop.sym).as_ref().into(),
        swc_ecma_ast::JSXElementName::JSXNamespacedName(n) => {
            format!("{}:{}", n.ns.sym, n.name.sym).into()
        }
    }
}

/// A prop's attribute name: `openType` → `open-type`, `className` → `class`; `data-im-id` as is.
fn jsx_prop(name: &str) -> Ustr {
    match name {
        "className" => "class".into(),
        _ if name.contains('-') || name.contains(':') => name.into(),
        _ => hyphenate(name).as_ref().into(),
    }
}

/// The event a prop binds: `onClick` and `onTap` → `tap`, `onLongPress` → `longpress`.
fn jsx_event(name: &str) -> Option<String> {
    let rest = name.strip_prefix("on")?;
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let event = rest.to_ascii_lowercase();
    Some(if event == "click" {
        "tap".into()
    } else {
        event
    })
}

impl Extractor<'_> {
    /// `import Taro from '@tarojs/taro'` (under any name), `import * as Taro`, and named imports
    /// of single APIs (`import { requestPayment } from '@tarojs/taro'`).
    fn taro_import(&mut self, import: &ImportDecl) {
        for spec in &import.specifiers {
            let (local, binding) = match spec {
                ImportSpecifier::Default(d) => (&d.local, Binding::Namespace(Namespace::Taro)),
                ImportSpecifier::Namespace(n) => (&n.local, Binding::Namespace(Namespace::Taro)),
                ImportSpecifier::Named(n) => {
                    let imported = match &n.imported {
                        Some(ModuleExportName::Ident(i)) => i.sym.as_str().to_owned(),
                        Some(ModuleExportName::Str(s)) => s.value.to_string_lossy().into_owned(),
                        None => n.local.sym.as_str().to_owned(),
                    };
                    let binding = match imported.as_str() {
                        "default" => Binding::Namespace(Namespace::Taro),
                        member => Binding::Api(Api::new(Namespace::Taro, member)),
                    };
                    (&n.local, binding)
                }
            };
            self.scopes.bind(&local.sym, binding);
        }
    }

    /// `require('@tarojs/taro')` or `require('@tarojs/taro').default`: the Taro object.
    fn taro_require(&self, init: &Expr) -> Option<Binding> {
        let module = match unwrap(init) {
            Expr::Member(m) if matches!(&m.prop, MemberProp::Ident(p) if &*p.sym == "default") => {
                &m.obj
            }
            _ => init,
        };
        let specifier = self.is_require(module)?;
        (specifier.path == TARO_MODULE).then_some(Binding::Namespace(Namespace::Taro))
    }

    /// What a declaration binds: imports through `require`, constants, and data values.
    fn declaration(&mut self, name: &Pat, init: &Expr) {
        let required = self
            .is_require(init)
            .map(|spec| (spec.path, spec.span, None))
            .or_else(|| {
                // `const pay = require('./pay').payOrder`
                let Expr::Member(m) = unwrap(init) else {
                    return None;
                };
                let MemberProp::Ident(prop) = &m.prop else {
                    return None;
                };
                self.is_require(&m.obj)
                    .map(|spec| (spec.path, spec.span, Some(prop.sym.as_str().to_owned())))
            });
        if let Some((specifier, span, member)) = required {
            match name {
                Pat::Ident(id) => self.facts.imports.push(ImportBinding {
                    local: id.id.sym.as_str().to_owned(),
                    specifier,
                    span,
                    imported: member.map_or(Imported::Namespace, Imported::Named),
                }),
                Pat::Object(object) if member.is_none() => {
                    for prop in &object.props {
                        let (key, local) = match prop {
                            ObjectPatProp::KeyValue(kv) => match (&*kv.value, prop_name(&kv.key)) {
                                (Pat::Ident(local), Some(key)) => {
                                    (key, local.id.sym.as_str().to_owned())
                                }
                                _ => continue,
                            },
                            ObjectPatProp::Assign(a) => (
                                a.key.id.sym.as_str().to_owned(),
                                a.key.id.sym.as_str().to_owned(),
                            ),
                            ObjectPatProp::Rest(_) => continue,
                        };
                        self.facts.imports.push(ImportBinding {
                            local,
                            specifier: specifier.clone(),
                            span,
                            imported: Imported::Named(key),
                        });
                    }
                }
                _ => {}
            }
            return;
        }
        match name {
            Pat::Ident(id) => {
                let local = id.id.sym.as_str().to_owned();
                if self.fns.is_empty()
                    && let Some(text) = static_string(init)
                {
                    self.constants.push((local.clone(), text));
                }
                let value = cond(init);
                if value != Cond::Other {
                    self.assign(local, value, span_of(id.id.span));
                }
            }
            // `const { platform, system: sys } = tt.getSystemInfoSync()`
            Pat::Object(object) => {
                let Some(source) = source_path(init) else {
                    return;
                };
                for prop in &object.props {
                    let (key, local, span) = match prop {
                        ObjectPatProp::KeyValue(kv) => match (&*kv.value, prop_name(&kv.key)) {
                            (Pat::Ident(local), Some(key)) => (
                                key,
                                local.id.sym.as_str().to_owned(),
                                span_of(local.id.span),
                            ),
                            _ => continue,
                        },
                        ObjectPatProp::Assign(a) => (
                            a.key.id.sym.as_str().to_owned(),
                            a.key.id.sym.as_str().to_owned(),
                            span_of(a.key.id.span),
                        ),
                        ObjectPatProp::Rest(_) => continue,
                    };
                    self.assign(local, Cond::Path(format!("{source}.{key}").into()), span);
                }
            }
            _ => {}
        }
    }
}

/// Whether an expression builds elements (`cond && <View/>`, `list.map(i => <Text/>)`).
fn holds_jsx(expr: &Expr) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_expr(&mut self, expr: &Expr) {
            if !self.0 {
                stacker::maybe_grow(RED_ZONE, SEGMENT, || expr.visit_children_with(self));
            }
        }
        fn visit_jsx_element(&mut self, _: &swc_ecma_ast::JSXElement) {
            self.0 = true;
        }
        fn visit_jsx_fragment(&mut self, _: &swc_ecma_ast::JSXFragment) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    expr.visit_with(&mut finder);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logger_calls_are_told_by_their_receiver_and_level() {
        for logger in [
            "logger.warn",
            "this.log.error",
            "this.$log.info",
            "this._Log.debug",
            "AppLogger.fatal",
            "app.requestLogger.trace",
        ] {
            assert!(is_logger_call(logger), "{logger}");
        }
        for other in [
            "this.dialog.error",
            "catalog.info",
            "logger.send",
            "console",
            "log",
        ] {
            assert!(!is_logger_call(other), "{other}");
        }
    }
}
