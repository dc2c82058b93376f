//! The one traversal that turns a script's syntax tree into [`JsFacts`].

use oxc_ast::ast::{
    Argument, ArrowFunctionBody, ArrowFunctionExpression, AssignmentExpression, BindingPattern,
    BindingProperty, BlockStatement, CallExpression, CatchClause, ConditionalExpression,
    Declaration, ExportAllDeclaration, ExportDeclaration, ExportDefaultDeclaration,
    ExportDefaultDeclarationKind, ExportFromDeclaration, ExportNamedDeclaration, Expression,
    ForInStatement, ForOfStatement, ForStatement, ForStatementInit, FormalParameters, Function,
    IdentifierReference, IfStatement, ImportDeclaration, ImportDeclarationSpecifier,
    ImportExpression, JSXAttributeItem, JSXAttributeName, JSXAttributeValue, JSXChild, JSXElement,
    JSXElementName, JSXFragment, LogicalExpression, MemberExpression, MethodDefinition,
    MethodDefinitionKind, ModuleExportName, NewExpression, ObjectExpression, ObjectProperty,
    ObjectPropertyKind, Program, PropertyDefinition, PropertyKind, ReturnStatement, Statement,
    TSType, UnaryExpression, VariableDeclarationKind, VariableDeclarator,
};
use oxc_ast_visit::{Visit, walk};
use oxc_span::GetSpan;
use oxc_syntax::operator::{BinaryOperator, LogicalOperator, UnaryOperator};
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::{FxHashMap, FxHashSet};

use super::dynamic::{ModulePath, is_reference, module_path, wrapped_function, wrapped_reference};
use super::model::{
    Access, AliasBase, AliasTarget, AliasedUse, ApiUse, AppAlias, Assignment, CallFact, Callee,
    Comparison, CondId, ExportFact, FnId, FunctionFact, GuardId, GuardLink, HandlerAlias,
    ImportBinding, Imported, JsFacts, JsText, ModuleRef, ModuleRefKind, NamePattern, object_facts,
};
use crate::base::api::{Api, Namespace};
use crate::base::data::DrainageData;
use crate::base::intern::Ustr;
use crate::base::source::{Span, narrow};
use crate::syntax::comment::Comment;
use crate::syntax::js::ast::{
    Base, RED_ZONE, SEGMENT, prop_name, prop_str, static_str, static_string, text, unwrap,
};
use crate::syntax::js::cond::{
    Cond, cond, member_path, normalize_path, path, raw_path, write_raw_path,
};
use crate::syntax::js::conditional::{Regions, Target};
use crate::syntax::js::eval::{Environment, Evaluator, Gate, Values, build_path};
use crate::syntax::js::parse::ParsedScript;
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
/// How often [`Extractor::deeper`] asks how much stack is left: a level of the walk takes at most
/// a few KiB of stack, so sixteen stay far inside [`RED_ZONE`].
const STACK_CHECK_EVERY: u32 = 16;
/// The module Taro's API object comes from.
const TARO_MODULE: &str = "@tarojs/taro";

/// What one traversal yields: the facts, and the markup of the script's JSX.
pub struct Extracted {
    pub facts: JsFacts,
    /// JSX elements lowered into the markup model (`None` when the script has none).
    pub markup: Option<Markup>,
}

/// A script to extract from: one program, or one `<script>` block of a `.vue` file.
pub struct Part<'p, 'a> {
    pub program: &'p Program<'a>,
    /// Where the program's text starts in its file.
    pub base: Base,
    /// A Vue `<script setup>` block: its top-level functions are what the template calls.
    pub setup: bool,
}

/// What the facts of a file keep. Every file's facts and markup stay in memory until the project
/// pass ends, so the engine keeps only what some rule reads ([`RuleData::reads_api`],
/// [`RuleData::reads_text`], [`RuleData::reads_attribute`]).
///
/// [`RuleData::reads_api`]: crate::base::data::RuleData::reads_api
/// [`RuleData::reads_text`]: crate::base::data::RuleData::reads_text
/// [`RuleData::reads_attribute`]: crate::base::data::RuleData::reads_attribute
#[derive(Clone, Copy)]
pub struct Keep<'a> {
    /// Which platform API uses ([`JsFacts::api_uses`]); options are built only for those.
    pub api: &'a dyn Fn(Api) -> bool,
    /// Which string and template literals ([`JsFacts::texts`]), by their text.
    pub text: &'a dyn Fn(&str) -> bool,
    /// Which markup attributes (TTML, Vue templates, JSX), by their name in the model. One whose
    /// computed value compares is always kept: the comparison may test the platform.
    pub attribute: &'a dyn Fn(Ustr) -> bool,
}

impl Keep<'static> {
    /// Keeps every API use and every literal.
    pub const EVERYTHING: Self = Self {
        api: &|_| true,
        text: &|_| true,
        attribute: &|_| true,
    };
}

/// Extracts the facts of a parsed script in one traversal, keeping what `keep` takes.
pub fn extract(script: &ParsedScript<'_>, keep: Keep<'_>) -> Extracted {
    extract_parts(
        &[Part {
            program: &script.program,
            base: script.base,
            setup: false,
        }],
        &script.comments,
        keep,
    )
}

/// Extracts the facts of a file's script parts into one set of facts (a `.vue` file's
/// `<script>` and `<script setup>`), each part traversed once, keeping what `keep` takes.
/// `comments` are the whole file's, in source order: its `#ifdef` regions apply to every part.
pub fn extract_parts<'a>(
    parts: &[Part<'_, 'a>],
    comments: &[Comment],
    keep: Keep<'_>,
) -> Extracted {
    let regions = Regions::from_comments(comments.iter().map(|c| (c.span, c.text.as_str())));
    let mut extractor = Extractor {
        keep,
        facts: SCRATCH.take(),
        scopes: Scopes::default(),
        regions,
        base: Base::new(0),
        depth: 0,
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
        path_buffers: Vec::new(),
        app_vars: FxHashSet::default(),
        app_objects: Vec::new(),
        calls_app: false,
        self_aliases: FxHashMap::default(),
        self_uses: Vec::new(),
        state_setters: FxHashMap::default(),
    };
    for part in parts {
        extractor.setup = part.setup;
        extractor.base = part.base;
        extractor.visit_program(part.program);
    }
    extractor.resolve_self_aliases();
    let mut scratch = extractor.facts;
    scratch.request_hosts = request_hosts(&extractor.request_urls, &extractor.constants);
    scratch.keep_read_guards();
    let urls = extractor.url_spans;
    scratch
        .texts
        .retain(|t| !urls.iter().any(|u| u.contains(t.span)));
    scratch.regions = extractor.regions;
    let facts = scratch.take_exact();
    SCRATCH.set(scratch);
    let markup = (!extractor.markup.nodes.is_empty()).then_some(extractor.markup);
    Extracted { facts, markup }
}

thread_local! {
    /// The lists the last file's facts were gathered in, emptied, with the room they grew
    /// into: a file's facts are pushed one by one, and lists made anew for every file grew by
    /// reallocation, again and again, to the same sizes.
    static SCRATCH: std::cell::Cell<JsFacts> = std::cell::Cell::new(JsFacts::default());
}

struct Extractor<'k, 'a> {
    /// Which API uses and literals to keep.
    keep: Keep<'k>,
    facts: JsFacts,
    scopes: Scopes<'a>,
    regions: Regions,
    /// Where the part being read starts in its file.
    base: Base,
    /// How many [`Extractor::deeper`] levels the walk is in.
    depth: u32,
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
    /// Buffers for the callee paths of the calls being visited, kept for the next calls.
    path_buffers: Vec<String>,
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
    // allocating a lowercase copy. The last `.` is found as a byte: `rsplit_once` searches for
    // a `char`, which cost more than the rest of the check.
    let Some(dot) = memchr::memrchr(b'.', path.as_bytes()) else {
        return false;
    };
    let (receiver, method) = (&path[..dot], &path[dot + 1..]);
    if !matches!(
        method,
        "log" | "info" | "warn" | "error" | "debug" | "trace" | "fatal"
    ) {
        return false;
    }
    let receiver =
        memchr::memrchr(b'.', receiver.as_bytes()).map_or(receiver, |d| &receiver[d + 1..]);
    let receiver = receiver.trim_start_matches(['$', '_']).as_bytes();
    let suffix = b"logger";
    receiver.eq_ignore_ascii_case(b"log")
        || receiver.len() >= suffix.len()
            && receiver[receiver.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn is_function(expr: &Expression<'_>) -> bool {
    matches!(
        unwrap(expr),
        Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)
    )
}

/// `this`, or a name code keeps it in (`const that = this`).
fn is_self(expr: &Expression<'_>) -> bool {
    match unwrap(expr) {
        Expression::ThisExpression(_) => true,
        Expression::Identifier(id) => SELVES.contains(&id.name.as_str()),
        _ => false,
    }
}

/// A call's first argument, unless it is spread.
fn first_arg<'e, 'a>(args: &'e [Argument<'a>]) -> Option<&'e Expression<'a>> {
    args.first().and_then(Argument::as_expression)
}

/// The object literal a call's first argument is.
fn first_object<'e, 'a>(args: &'e [Argument<'a>]) -> Option<&'e ObjectExpression<'a>> {
    match unwrap(first_arg(args)?) {
        Expression::ObjectExpression(object) => Some(object),
        _ => None,
    }
}

/// A property written `key: value`: not a method, an accessor or a shorthand.
fn key_value<'o, 'a>(prop: &'o ObjectPropertyKind<'a>) -> Option<&'o ObjectProperty<'a>> {
    match prop {
        ObjectPropertyKind::ObjectProperty(p)
            if p.kind == PropertyKind::Init && !p.method && !p.shorthand =>
        {
            Some(p)
        }
        _ => None,
    }
}

/// The function of a method written in an object literal (`success(res) {…}`).
fn method<'o, 'a>(prop: &'o ObjectProperty<'a>) -> Option<&'o Function<'a>> {
    match &prop.value {
        Expression::FunctionExpression(f) if prop.method => Some(f),
        _ => None,
    }
}

/// The first parameter of a function value, unless it has a default.
fn first_param<'e, 'a>(params: &'e FormalParameters<'a>) -> Option<&'e BindingPattern<'a>> {
    params
        .items
        .first()
        .filter(|p| p.initializer.is_none())
        .map(|p| &p.pattern)
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
fn exits(stmt: &Statement<'_>) -> bool {
    match stmt {
        Statement::ReturnStatement(_) | Statement::ThrowStatement(_) => true,
        Statement::BlockStatement(b) => b.body.last().is_some_and(exits),
        _ => false,
    }
}

/// The path a destructuring or member read starts from: a data path, or `tt.getSystemInfoSync()`
/// for an API call.
fn source_path(expr: &Expression<'_>) -> Option<String> {
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
fn url_parts(expr: &Expression<'_>, out: &mut Vec<UrlPart>) {
    match unwrap(expr) {
        Expression::StringLiteral(s) => out.push(UrlPart::Text(
            text(&s.value, s.lone_surrogates).into_owned(),
        )),
        Expression::TemplateLiteral(t) => {
            for (i, quasi) in t.quasis.iter().enumerate() {
                if let Some(cooked) = &quasi.value.cooked {
                    out.push(UrlPart::Text(
                        text(cooked, quasi.lone_surrogates).into_owned(),
                    ));
                }
                if let Some(e) = t.expressions.get(i) {
                    url_parts(e, out);
                }
            }
        }
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
            url_parts(&b.left, out);
            url_parts(&b.right, out);
        }
        other => out.push(UrlPart::Name(raw_path(other).unwrap_or_default())),
    }
}

impl<'a> Extractor<'_, 'a> {
    /// Recurses into a node on a stack that grows on the heap when it runs low. Syntax nests
    /// without brackets (`1+1+1+…` and `else if` chains are trees as deep as they are long), so no
    /// limit on the text bounds the recursion; growing the stack does.
    ///
    /// Asking how much stack is left costs a look-up of the thread's stack bounds, and this runs
    /// for every expression and statement: it is asked every [`STACK_CHECK_EVERY`] levels, well
    /// inside the red zone.
    fn deeper(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        if self.depth.is_multiple_of(STACK_CHECK_EVERY) {
            stacker::maybe_grow(RED_ZONE, SEGMENT, || f(self));
        } else {
            f(self);
        }
        self.depth -= 1;
    }

    /// The file span of a node of the part being read.
    fn of(&self, node: &impl GetSpan) -> Span {
        self.base.of(node)
    }

    /// Visits `f` in a scope declaring the names `declare` gathers.
    fn with_scope(&mut self, declare: impl FnOnce(&mut Vec<&'a str>), f: impl FnOnce(&mut Self)) {
        self.scopes.enter(declare);
        f(self);
        self.scopes.leave();
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
    fn assign(&mut self, path: &str, value: Cond, span: Span) {
        let assignment = Assignment {
            path: Ustr::from(path),
            value,
            span,
            function: self.function(),
            guards: self.guard,
        };
        let index = self.facts.assignments.len();
        if from_build(&assignment.value, &self.values) {
            self.values.entry(path.to_owned()).or_default().push(index);
        }
        self.facts.assignments.push(assignment);
    }

    /// Enters a function: registers it, gives it its own scope and guards.
    fn enter_function(
        &mut self,
        span: Span,
        declare: impl FnOnce(&mut Vec<&'a str>),
        f: impl FnOnce(&mut Self),
    ) {
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
        self.with_scope(declare, f);
        self.fns.pop();
        self.guard = guard;
        self.testing = testing;
        self.outer_target = outer;
    }

    /// Whether visiting `expr` records nothing, whatever conditions it is under: a number, a
    /// name, `this`, an empty `{}` or `[]`, and member reads of those that name no platform API
    /// (`res.data`, `e.currentTarget.dataset`). No text (a string's target depends on the
    /// conditions around it), no call, no function. Most `&&` and `||` in real code guard such
    /// a value (`res.data || {}`, `e && e.detail`), and a condition built for them is dropped
    /// unread.
    fn inert(&self, expr: &Expression<'a>) -> bool {
        match expr {
            Expression::BooleanLiteral(_)
            | Expression::NullLiteral(_)
            | Expression::NumericLiteral(_)
            | Expression::BigIntLiteral(_)
            | Expression::RegExpLiteral(_)
            | Expression::ThisExpression(_)
            | Expression::Identifier(_) => true,
            Expression::ObjectExpression(object) => object.properties.is_empty(),
            Expression::ArrayExpression(array) => array.elements.is_empty(),
            Expression::StaticMemberExpression(member) => {
                expr.as_member_expression()
                    .is_some_and(|m| self.api_of(m).is_none())
                    && self.inert(&member.object)
            }
            _ => false,
        }
    }

    /// The API a member read names: `tt.pay`, `tt['pay']`, `t.pay` (t an alias of tt),
    /// `Taro.pay` (Taro imported). Every member read of every file comes here: the object is
    /// asked about first, and the name is borrowed.
    fn api_of(&self, member: &MemberExpression<'a>) -> Option<Api> {
        let Expression::Identifier(object) = unwrap(member.object()) else {
            return None;
        };
        let ns = self.scopes.namespace(&object.name)?;
        match member {
            MemberExpression::StaticMemberExpression(m) => Some(Api::new(ns, &m.property.name)),
            MemberExpression::ComputedMemberExpression(m) => {
                Some(Api::new(ns, &static_str(&m.expression)?))
            }
            MemberExpression::PrivateFieldExpression(_) => None,
        }
    }

    /// A name bound to one API: `requestPayment` after `import { requestPayment } from
    /// '@tarojs/taro'`.
    fn api_ident(&self, expr: &Expression<'a>) -> Option<Api> {
        let Expression::Identifier(id) = unwrap(expr) else {
            return None;
        };
        match self.scopes.resolve(&id.name) {
            Binding::Api(api) => Some(api),
            Binding::Local | Binding::Namespace(_) => None,
        }
    }

    /// The member expression a callee resolves to, through parentheses and optional chains.
    fn callee_member<'e>(&self, callee: &'e Expression<'a>) -> Option<&'e MemberExpression<'a>> {
        match unwrap(callee) {
            Expression::ChainExpression(chain) => chain.expression.as_member_expression(),
            other => other.as_member_expression(),
        }
    }

    fn record(&mut self, api: Api, span: Span, access: Access, args: &[Argument<'a>]) {
        if let Some(object) = first_object(args) {
            self.api_options(api, object);
        }
        if (self.keep.api)(api) {
            let used = self.api_use(api, span, access, args);
            self.facts.api_uses.push(used);
        }
    }

    /// A use of `api` here, with the options object of its call.
    fn api_use(&self, api: Api, span: Span, access: Access, args: &[Argument<'a>]) -> ApiUse {
        ApiUse {
            api,
            span,
            access,
            options: first_object(args).map(|o| object_facts(o, self.base)),
            target: self.target_at(span.start()),
            function: self.function(),
            guards: self.guard,
        }
    }

    /// What an API's options tell beyond their shape: request URLs, and the result a `success`
    /// callback receives (`tt.getSystemInfo({ success(res) { res.platform } })`).
    fn api_options(&mut self, api: Api, object: &ObjectExpression<'a>) {
        for prop in &object.properties {
            let ObjectPropertyKind::ObjectProperty(prop) = prop else {
                continue;
            };
            if let Some(function) = method(prop) {
                if prop_str(&prop.key, prop.computed).as_deref() == Some("success") {
                    self.callback_result(api, first_param(&function.params));
                }
                continue;
            }
            if prop.kind != PropertyKind::Init || prop.shorthand {
                continue;
            }
            match prop_str(&prop.key, prop.computed).as_deref() {
                Some("url") if REQUEST_APIS.contains(&api.member.as_str()) => {
                    let mut parts = Vec::new();
                    url_parts(&prop.value, &mut parts);
                    self.url_spans.push(self.of(&prop.value));
                    self.request_urls.push(parts);
                }
                Some("success") => {
                    let first = match unwrap(&prop.value) {
                        Expression::FunctionExpression(f) => first_param(&f.params),
                        Expression::ArrowFunctionExpression(a) => first_param(&a.params),
                        _ => None,
                    };
                    self.callback_result(api, first);
                }
                _ => {}
            }
        }
    }

    fn callback_result(&mut self, api: Api, param: Option<&BindingPattern<'a>>) {
        if let Some(BindingPattern::BindingIdentifier(id)) = param {
            self.assign(
                id.name.as_str(),
                Cond::Call(api.dotted().into()),
                self.of(&**id),
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
    fn specifier(&self, expr: &Expression<'a>) -> Option<Specifier> {
        let span = self.of(expr);
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

    /// A module named by a string literal: an import's or an export's source.
    fn source_specifier(&self, source: &oxc_ast::ast::StringLiteral<'a>) -> Specifier {
        Specifier {
            path: source.value.as_str().to_owned(),
            span: self.of(source),
            pattern: None,
        }
    }

    /// `require('x')`, `` require(`./api/${name}`) ``: the module it names.
    fn require_spec(&self, callee: &Expression<'a>, args: &[Argument<'a>]) -> Option<Specifier> {
        let Expression::Identifier(id) = unwrap(callee) else {
            return None;
        };
        if id.name != "require" || self.scopes.is_bound("require") {
            return None;
        }
        self.specifier(first_arg(args)?)
    }

    fn is_require(&self, expr: &Expression<'a>) -> Option<Specifier> {
        let Expression::CallExpression(call) = unwrap(expr) else {
            return None;
        };
        self.require_spec(&call.callee, &call.arguments)
    }

    /// `getApp()`, where `getApp` is the framework's: the global one, or Taro's
    /// (`Taro.getApp()`, `getApp` imported from `@tarojs/taro`).
    fn is_get_app(&self, expr: &Expression<'a>) -> bool {
        let Expression::CallExpression(call) = unwrap(expr) else {
            return false;
        };
        let taro = |api: Api| api.ns == Namespace::Taro && api.member == "getApp";
        match unwrap(&call.callee) {
            Expression::Identifier(id) if id.name == "getApp" => {
                !self.scopes.is_bound("getApp") || self.api_ident(&call.callee).is_some_and(taro)
            }
            // The name first: most calls whose result is read are of other members.
            callee => self
                .callee_member(callee)
                .filter(|member| member.static_property_name() == Some("getApp"))
                .and_then(|member| self.api_of(member))
                .is_some_and(taro),
        }
    }

    /// Whether an expression is the app instance: `getApp()`, or a name holding it.
    fn is_app(&self, expr: &Expression<'a>) -> bool {
        match unwrap(expr) {
            Expression::Identifier(id) => {
                self.app_vars.contains(id.name.as_str()) && self.scopes.is_bound(&id.name)
            }
            other => self.is_get_app(other),
        }
    }

    /// The project function an expression names: `pay`, `this.pay`, `util.pay`,
    /// `getApp().pay`, `app.pay`.
    fn callee_of(&self, expr: &Expression<'a>) -> Option<Callee> {
        match unwrap(expr) {
            Expression::Identifier(id) => Some(Callee::Local(Ustr::from(id.name.as_str()))),
            Expression::StaticMemberExpression(m) => {
                let name = || Ustr::from(m.property.name.as_str());
                match unwrap(&m.object) {
                    obj if is_self(obj) => Some(Callee::Method(name())),
                    obj if self.is_app(obj) => Some(Callee::App(name())),
                    Expression::Identifier(obj) => {
                        Some(Callee::Member(Ustr::from(obj.name.as_str()), name()))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The platform object a value is in a Douyin build: `tt`, a name holding it, or the branch
    /// of `process.env.TARO_ENV === 'tt' ? tt : wx` (or `typeof tt !== 'undefined' ? tt : my`)
    /// that build takes.
    fn platform_object(&self, value: &Expression<'a>) -> Option<Namespace> {
        match unwrap(value) {
            Expression::Identifier(id) => self.scopes.namespace(&id.name),
            Expression::ConditionalExpression(c) => {
                let test = cond(&c.test);
                let values = ScriptValues {
                    assignments: &self.facts.assignments,
                    index: &self.values,
                };
                if build_target(&test, false, &values) == Target::Excluded {
                    self.platform_object(&c.consequent)
                } else if build_target(&test, true, &values) == Target::Excluded {
                    self.platform_object(&c.alternate)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// What a platform object alias is set to: `tt` (or a name holding it, or the branch a
    /// Douyin build takes), Taro's module, or a module that may export one.
    fn alias_target(&self, value: &Expression<'a>) -> Option<AliasTarget> {
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
    fn alias_assignment(&mut self, member: &MemberExpression<'a>, value: &Expression<'a>) {
        let MemberExpression::StaticMemberExpression(member) = member else {
            return;
        };
        let Some(target) = self.alias_target(value) else {
            return;
        };
        if !self.target_at(self.of(&**member).start()).ships_to_douyin() {
            return;
        }
        let name = member.property.name.as_str().to_owned();
        let object = unwrap(&member.object);
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
    fn aliased_call(&mut self, member: &MemberExpression<'a>, args: &[Argument<'a>]) {
        let MemberExpression::StaticMemberExpression(member) = member else {
            return;
        };
        let api = Api::new(Namespace::Tt, &member.property.name);
        let span = self.of(&**member);
        match unwrap(&member.object) {
            Expression::StaticMemberExpression(inner) => {
                let name = inner.property.name.as_str().to_owned();
                let object = unwrap(&inner.object);
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
            Expression::Identifier(id)
                if self
                    .facts
                    .imports
                    .iter()
                    .any(|i| i.local == id.name.as_str()) =>
            {
                let used = self.api_use(api, span, Access::Call, args);
                self.facts.aliased_uses.push(AliasedUse {
                    base: AliasBase::Module(id.name.as_str().to_owned()),
                    used,
                });
            }
            _ => {}
        }
    }

    /// `const [visible, setVisible] = useState(false)`: the state starts with its initial value,
    /// and calls of the setter give it others.
    fn use_state(&mut self, name: &BindingPattern<'a>, init: &Expression<'a>) {
        let BindingPattern::ArrayPattern(array) = name else {
            return;
        };
        let Expression::CallExpression(call) = unwrap(init) else {
            return;
        };
        let hook = raw_path(&call.callee);
        if !hook.is_some_and(|h| h == "useState" || h.ends_with(".useState")) {
            return;
        }
        let Some(Some(BindingPattern::BindingIdentifier(state))) = array.elements.first() else {
            return;
        };
        let state = state.name.as_str().to_owned();
        if let Some(Some(BindingPattern::BindingIdentifier(setter))) = array.elements.get(1) {
            self.state_setters
                .insert(setter.name.as_str().to_owned(), state.clone());
        }
        let initial = first_arg(&call.arguments).map_or(Cond::Other, cond);
        self.assign(&state, initial, self.of(&**call));
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
    fn hand_over(&mut self, callee: Option<&str>, expr: &Expression<'a>, in_object: bool) {
        match unwrap(expr) {
            e @ (Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_))
                if !in_object =>
            {
                self.callback_spans
                    .insert(self.of(e), callee.unwrap_or_default().into());
            }
            Expression::ObjectExpression(object)
                if !in_object && !self.method_objects.contains(&self.of(&**object)) =>
            {
                for prop in object.properties.iter().filter_map(key_value) {
                    self.hand_over(callee, &prop.value, true);
                }
            }
            e if is_reference(e) => self.reference(e),
            _ => {}
        }
    }

    /// The project function a value names, unless it is a platform API or object.
    fn value_callee(&self, expr: &Expression<'a>) -> Option<Callee> {
        let is_api = match unwrap(expr) {
            Expression::Identifier(id) => self.scopes.resolve(&id.name) != Binding::Local,
            e => e
                .as_member_expression()
                .is_some_and(|m| self.api_of(m).is_some()),
        };
        if is_api {
            return None;
        }
        self.callee_of(expr)
    }

    /// A project function named as a value here: whoever receives it may call it.
    fn reference(&mut self, expr: &Expression<'a>) {
        if let Some(callee) = self.value_callee(expr) {
            let span = self.of(expr);
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
    fn own_call(&mut self, callee: &Expression<'a>, span: Span) {
        if let Expression::StaticMemberExpression(m) = unwrap(callee)
            && matches!(m.property.name.as_str(), "bind" | "call" | "apply")
            && let Some(bound) = self.callee_of(&m.object)
        {
            self.push_call(bound, span, m.property.name == "bind");
            return;
        }
        if let Some(callee) = self.callee_of(callee) {
            self.push_call(callee, span, false);
        }
    }

    /// `this.setData({ k: v })`: page data assignments.
    fn set_data(&mut self, object: &ObjectExpression<'a>) {
        for prop in &object.properties {
            let ObjectPropertyKind::ObjectProperty(prop) = prop else {
                continue;
            };
            if prop.shorthand {
                if let Expression::Identifier(id) = &prop.value {
                    self.assign(
                        id.name.as_str(),
                        Cond::Path(id.name.as_str().into()),
                        self.of(&**id),
                    );
                }
            } else if prop.kind == PropertyKind::Init
                && !prop.method
                && let Some(key) = prop_name(&prop.key, prop.computed)
            {
                self.assign(&key, cond(&prop.value), self.of(&prop.key));
            }
        }
    }

    /// Handles a call's callee, whose path is `path`; returns the API it calls, if any: then the
    /// callee is consumed (it must not be visited again as a plain reference).
    fn call(
        &mut self,
        callee: &Expression<'a>,
        path: Option<&str>,
        args: &[Argument<'a>],
        span: Span,
    ) -> Option<Api> {
        if let Some(member) = self.callee_member(callee)
            && let Some(api) = self.api_of(member)
        {
            self.record(api, self.of(member), Access::Call, args);
            return Some(api);
        }
        if let Some(api) = self.api_ident(callee) {
            self.record(api, self.of(callee), Access::Call, args);
            return Some(api);
        }
        if let Some(member) = self.callee_member(callee) {
            self.aliased_call(member, args);
        }
        let first_object = first_object(args);
        match unwrap(callee) {
            Expression::Identifier(id)
                if CONSTRUCTORS.contains(&id.name.as_str()) && !self.scopes.is_bound(&id.name) =>
            {
                if id.name == "App" {
                    self.calls_app = true;
                }
                if let Some(object) = first_object {
                    let object = self.of(object);
                    self.method_objects.push(object);
                    if id.name == "App" {
                        self.app_objects.push(object);
                    }
                }
            }
            e if e.is_member_expression()
                && path == Some("Vue.extend")
                && !self.scopes.is_bound("Vue") =>
            {
                if let Some(object) = first_object {
                    self.method_objects.push(self.of(object));
                }
            }
            // A page's `this.setData({…})`, a React class component's `this.setState({…})`.
            Expression::StaticMemberExpression(m)
                if matches!(m.property.name.as_str(), "setData" | "setState")
                    && raw_path(&m.object).is_some_and(|p| SELVES.contains(&p.as_str())) =>
            {
                if let Some(object) = first_object {
                    self.set_data(object);
                }
            }
            // `setVisible(true)` with `const [visible, setVisible] = useState(false)`.
            Expression::Identifier(id) if self.state_setters.contains_key(id.name.as_str()) => {
                if let (Some(state), Some(value)) = (
                    self.state_setters.get(id.name.as_str()).cloned(),
                    first_arg(args),
                ) {
                    self.assign(&state, cond(value), span);
                }
            }
            _ => {}
        }
        self.own_call(callee, span);
        None
    }

    fn visit_call_parts(&mut self, callee: &Expression<'a>, args: &[Argument<'a>], span: Span) {
        // The callee's path, found once for the several questions below, in a buffer of the
        // pool: every call has one, and a string allocated and freed for each cost more than
        // writing it.
        let mut buffer = self.path_buffers.pop().unwrap_or_default();
        let path = write_raw_path(callee, &mut buffer).then_some(buffer.as_str());
        let logging = path.is_some_and(|path| {
            path.starts_with("console.") && !self.scopes.is_bound("console") || is_logger_call(path)
        });
        // Logging is not UI: nothing inside it is text users see.
        if !logging {
            self.visit_call_of(callee, path, args, span);
        }
        self.path_buffers.push(buffer);
    }

    /// [`Extractor::visit_call_parts`] for a call that is not logging, `path` the callee's.
    fn visit_call_of(
        &mut self,
        callee: &Expression<'a>,
        path: Option<&str>,
        args: &[Argument<'a>],
        span: Span,
    ) {
        if let Some(specifier) = self.require_spec(callee, args) {
            self.module_ref(specifier, ModuleRefKind::Require);
            return;
        }
        let api = self.call(callee, path, args, span);
        if api.is_none() {
            self.visit_expression(callee);
        }
        for arg in args.iter().filter_map(Argument::as_expression) {
            self.hand_over(path, arg, false);
        }
        // `Boolean(tt.pay)` tests for the API; any other call's arguments are values.
        let boolean = matches!(unwrap(callee), Expression::Identifier(id)
            if id.name == "Boolean" && !self.scopes.is_bound("Boolean"));
        if boolean {
            self.test(|this| args.iter().for_each(|a| this.visit_argument(a)));
        } else {
            self.values(|this| args.iter().for_each(|a| this.visit_argument(a)));
        }
    }

    fn text(&mut self, span: Span, text: &str) {
        if self.unseen > 0
            || !(self.keep.text)(text)
            || !self.target_at(span.start()).ships_to_douyin()
        {
            return;
        }
        self.facts.texts.push(JsText {
            span,
            text: text.into(),
            function: self.function(),
        });
    }

    fn export(&mut self, name: String, local: String) {
        self.facts.exports.push(ExportFact { name, local });
    }

    /// `module.exports = api` where `api` holds a platform object: the module is that object.
    fn namespace_export(&mut self, name: &str, value: &IdentifierReference<'a>) {
        if let Some(ns) = self.scopes.namespace(&value.name) {
            self.facts.namespace_exports.push((name.to_string(), ns));
        }
    }

    /// `module.exports = { a, b: fn }` / `module.exports = fn`.
    fn module_exports(&mut self, value: &Expression<'a>) {
        match unwrap(value) {
            Expression::ObjectExpression(object) => {
                for prop in &object.properties {
                    let ObjectPropertyKind::ObjectProperty(prop) = prop else {
                        continue;
                    };
                    if prop.shorthand {
                        if let Expression::Identifier(id) = &prop.value {
                            self.export(id.name.as_str().to_owned(), id.name.as_str().to_owned());
                        }
                        continue;
                    }
                    if prop.kind != PropertyKind::Init {
                        continue;
                    }
                    let Some(key) = prop_name(&prop.key, prop.computed) else {
                        continue;
                    };
                    if prop.method {
                        self.export(key.clone(), key);
                        continue;
                    }
                    let local = match unwrap(&prop.value) {
                        Expression::Identifier(id) => {
                            self.namespace_export(&key, id);
                            id.name.as_str().to_owned()
                        }
                        _ => key.clone(),
                    };
                    self.export(key, local);
                }
            }
            Expression::Identifier(id) => {
                self.namespace_export("default", id);
                self.export("default".into(), id.name.as_str().to_owned())
            }
            Expression::FunctionExpression(f) => {
                let local =
                    f.id.as_ref()
                        .map_or("default".to_string(), |i| i.name.as_str().to_owned());
                self.export("default".into(), local);
            }
            _ => {}
        }
    }

    /// Adds the names of a function's scope to `names`: its parameters (not TypeScript's
    /// parameter properties, which name fields) and its body's declarations.
    fn function_names(
        params: &FormalParameters<'a>,
        body: &[Statement<'a>],
        names: &mut Vec<&'a str>,
    ) {
        for param in &params.items {
            if param.accessibility.is_none() && !param.readonly && !param.r#override {
                pattern_names(&param.pattern, names);
            }
        }
        if let Some(rest) = &params.rest {
            pattern_names(&rest.rest.argument, names);
        }
        declared_in(body, true, names);
    }

    /// Enters a function that starts at `span`: a method starts at its first token (`async`,
    /// `static`, its name), where its function's parameters do not.
    fn function_at(&mut self, span: Span, function: &Function<'a>) {
        self.decorated_function(span, &[], function);
    }

    /// [`Self::function_at`], with the decorators written on a class method: they are read
    /// inside the method they wrap.
    fn decorated_function(
        &mut self,
        span: Span,
        decorators: &[oxc_ast::ast::Decorator<'a>],
        function: &Function<'a>,
    ) {
        let body = function.body.as_ref().map_or(&[][..], |b| &b.statements);
        let declare = |names: &mut Vec<&'a str>| {
            Self::function_names(&function.params, body, names);
            names.push("arguments");
        };
        self.enter_function(span, declare, |this| {
            decorators.iter().for_each(|d| this.visit_decorator(d));
            walk::walk_function(this, function, ScopeFlags::Function)
        });
    }

    /// A class field (a property or an `accessor`, which `this.key` reads alike): the value it
    /// is given and, for a function, its name; then the parts a walk reads: its key only when
    /// computed (a written key is a name, not text), its value, its type and its decorators.
    fn class_field(
        &mut self,
        key: &oxc_ast::ast::PropertyKey<'a>,
        computed: bool,
        value: Option<&Expression<'a>>,
        ty: Option<&oxc_ast::ast::TSTypeAnnotation<'a>>,
        decorators: &[oxc_ast::ast::Decorator<'a>],
    ) {
        if let (Some(name), Some(value)) = (prop_name(key, computed), value) {
            let value_cond = cond(value);
            if value_cond != Cond::Other {
                self.assign(&name, value_cond, self.of(key));
            }
            if is_function(value) || wrapped_function(value) {
                self.pending_name = Some((name, false));
            }
        }
        if computed {
            self.visit_property_key(key);
        }
        if let Some(value) = value {
            self.visit_expression(value);
        }
        if let Some(ty) = ty {
            self.visit_ts_type_annotation(ty);
        }
        decorators.iter().for_each(|d| self.visit_decorator(d));
    }

    /// An accessor of an object literal (`get total() {…}`): its body is read where the object
    /// is, as part of the enclosing function, not as a function of its own.
    fn accessor(&mut self, function: &Function<'a>) {
        self.visit_formal_parameters(&function.params);
        if let Some(body) = &function.body {
            self.with_scope(
                |names| declared_in(&body.statements, false, names),
                |this| this.visit_statements(&body.statements),
            );
        }
    }

    /// A method of an object literal: a page's or component's method when the object holds
    /// them, a Vue computed value's function, or a Vue `data()`.
    fn object_method(&mut self, prop: &ObjectProperty<'a>, function: &Function<'a>) {
        let here = self.objects.last().copied();
        let is_method = here.is_some_and(|o| self.method_objects.contains(&o));
        let computed = here.is_some_and(|o| self.computed_objects.contains(&o));
        let name = prop_name(&prop.key, prop.computed);
        let next = FnId::new(self.facts.functions.len());
        if computed {
            self.computed_fns.push(next);
        } else if is_method && name.as_deref() == Some("data") {
            self.data_fns.push(next);
        }
        self.pending_name = name.map(|k| (k, is_method && !computed));
        self.function_at(self.of(prop), function);
    }

    /// A property written `key: value`.
    fn key_value_prop(&mut self, prop: &ObjectProperty<'a>) {
        let key = prop_str(&prop.key, prop.computed);
        let here = self.objects.last().copied();
        let in_methods = here.is_some_and(|o| self.method_objects.contains(&o));
        if let (Some(key), Some(here)) = (&key, here) {
            if let Some((_, prefix)) = self.data_objects.iter().find(|(o, _)| *o == here) {
                let path = [prefix.as_str(), key].concat();
                self.assign(&path, cond(&prop.value), self.of(&prop.key));
            }
            if let Expression::ObjectExpression(inner) = unwrap(&prop.value) {
                let inner = self.of(&**inner);
                match key.as_ref() {
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
                    name: key.to_string(),
                    target,
                });
            }
            let named = match unwrap(&prop.value) {
                e if is_reference(e) => Some(e),
                other => wrapped_reference(other),
            };
            if in_methods && let Some(callee) = named.and_then(|value| self.value_callee(value)) {
                self.facts.handler_aliases.push(HandlerAlias {
                    name: key.to_string(),
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
                self.pending_name = Some((key.to_string(), in_methods && !computed));
            }
        }
        if prop.computed {
            self.visit_property_key(&prop.key);
        }
        self.visit_expression(&prop.value);
    }
}

impl<'a> Visit<'a> for Extractor<'_, 'a> {
    fn visit_program(&mut self, program: &Program<'a>) {
        // A module's top level is read statement by statement (an early `return` there guards
        // nothing); a script's like any other statement list.
        if program.source_type.is_module() {
            let declare = |names: &mut _| declared_in_module(&program.body, names);
            self.with_scope(declare, |this| {
                this.visit_directives(&program.directives);
                program.body.iter().for_each(|s| this.visit_statement(s))
            });
        } else {
            let declare = |names: &mut _| declared_in(&program.body, true, names);
            self.with_scope(declare, |this| {
                this.visit_directives(&program.directives);
                this.visit_statements(&program.body)
            });
        }
    }

    fn visit_jsx_element(&mut self, element: &JSXElement<'a>) {
        self.deeper(|this| this.jsx_element(element));
    }

    fn visit_jsx_fragment(&mut self, fragment: &JSXFragment<'a>) {
        // A fragment renders its children where it stands.
        self.deeper(|this| this.jsx_children(&fragment.children));
    }

    fn visit_expression(&mut self, expr: &Expression<'a>) {
        match expr {
            Expression::StringLiteral(s) => {
                self.text(self.of(&**s), &text(&s.value, s.lone_surrogates))
            }
            Expression::TemplateLiteral(t) => {
                for quasi in &t.quasis {
                    if let Some(cooked) = &quasi.value.cooked {
                        self.text(self.of(quasi), &text(cooked, quasi.lone_surrogates));
                    }
                }
            }
            _ => {}
        }
        self.deeper(|this| walk::walk_expression(this, expr));
    }

    /// A string statement opening a script or a function body (`'use strict'`) is a directive to
    /// oxc, not an expression; its text is read as any string's.
    fn visit_directive(&mut self, directive: &oxc_ast::ast::Directive<'a>) {
        let literal = &directive.expression;
        self.text(
            self.of(literal),
            &text(&literal.value, literal.lone_surrogates),
        );
    }

    fn visit_statement(&mut self, stmt: &Statement<'a>) {
        let unseen = matches!(stmt, Statement::ThrowStatement(_));
        self.unseen += usize::from(unseen);
        self.deeper(|this| walk::walk_statement(this, stmt));
        self.unseen -= usize::from(unseen);
    }

    /// `new Error('…')`: the message of an error is for developers and logs.
    fn visit_new_expression(&mut self, new: &NewExpression<'a>) {
        let unseen = matches!(unwrap(&new.callee), Expression::Identifier(id)
            if is_error_class(&id.name));
        self.visit_expression(&new.callee);
        self.unseen += usize::from(unseen);
        self.values(|this| this.visit_arguments(&new.arguments));
        self.unseen -= usize::from(unseen);
    }

    /// A statement list: after `if (c) return;` the rest runs only when `c` does not hold.
    fn visit_statements(&mut self, stmts: &oxc_allocator::Vec<'a, Statement<'a>>) {
        let outer = self.guard;
        for stmt in stmts {
            self.visit_statement(stmt);
            if let Statement::IfStatement(i) = stmt
                && i.alternate.is_none()
                && exits(&i.consequent)
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

    fn visit_binding_pattern(&mut self, pattern: &BindingPattern<'a>) {
        self.deeper(|this| walk::walk_binding_pattern(this, pattern));
    }

    /// `{ 'a': x } = y`: a key that is not computed is a name, not text.
    fn visit_binding_property(&mut self, prop: &BindingProperty<'a>) {
        if prop.computed {
            self.visit_property_key(&prop.key);
        }
        self.visit_binding_pattern(&prop.value);
    }

    fn visit_ts_type(&mut self, ty: &TSType<'a>) {
        self.deeper(|this| walk::walk_ts_type(this, ty));
    }

    /// `function pay() {}`: the function is named by its declaration.
    fn visit_declaration(&mut self, decl: &Declaration<'a>) {
        if let Declaration::FunctionDeclaration(f) = decl
            && let Some(id) = &f.id
        {
            self.pending_name = Some((id.name.as_str().to_owned(), false));
        }
        walk::walk_declaration(self, decl);
    }

    fn visit_function(&mut self, function: &Function<'a>, _: ScopeFlags) {
        self.function_at(self.of(function), function);
    }

    fn visit_arrow_function_expression(&mut self, arrow: &ArrowFunctionExpression<'a>) {
        let body = match &arrow.body {
            ArrowFunctionBody::FunctionBody(body) => &body.statements[..],
            _ => &[],
        };
        let declare = |names: &mut _| Self::function_names(&arrow.params, body, names);
        self.enter_function(self.of(arrow), declare, |this| {
            walk::walk_arrow_function_expression(this, arrow)
        });
    }

    /// `isIOS = Taro.getSystemInfoSync().platform === 'ios'` in a class component: its state.
    fn visit_property_definition(&mut self, prop: &PropertyDefinition<'a>) {
        self.class_field(
            &prop.key,
            prop.computed,
            prop.value.as_ref(),
            prop.type_annotation.as_deref(),
            &prop.decorators,
        );
    }

    /// A class's method or constructor: its decorators and its function, which starts where the
    /// method does. The key is a name.
    fn visit_method_definition(&mut self, method: &MethodDefinition<'a>) {
        if method.kind != MethodDefinitionKind::Constructor {
            self.pending_name = prop_name(&method.key, method.computed).map(|k| (k, false));
        }
        self.decorated_function(self.of(method), &method.decorators, &method.value);
    }

    /// `static { … }`: a block of its own scope.
    fn visit_static_block(&mut self, block: &oxc_ast::ast::StaticBlock<'a>) {
        self.with_scope(
            |names| declared_in(&block.body, false, names),
            |this| walk::walk_static_block(this, block),
        );
    }

    /// `({ 'msg': x } = res)`: a key that is not computed is a name, not text.
    fn visit_assignment_target_property_property(
        &mut self,
        prop: &oxc_ast::ast::AssignmentTargetPropertyProperty<'a>,
    ) {
        if prop.computed {
            self.visit_property_key(&prop.name);
        }
        self.visit_assignment_target_maybe_default(&prop.binding);
    }

    /// `accessor 'a' = …`: as a class property, its key is a name unless computed.
    fn visit_accessor_property(&mut self, prop: &oxc_ast::ast::AccessorProperty<'a>) {
        self.class_field(
            &prop.key,
            prop.computed,
            prop.value.as_ref(),
            prop.type_annotation.as_deref(),
            &prop.decorators,
        );
    }

    fn visit_object_expression(&mut self, object: &ObjectExpression<'a>) {
        self.objects.push(self.of(object));
        walk::walk_object_expression(self, object);
        self.objects.pop();
    }

    fn visit_object_property(&mut self, prop: &ObjectProperty<'a>) {
        match &prop.value {
            Expression::FunctionExpression(function) if prop.method => {
                self.object_method(prop, function)
            }
            Expression::FunctionExpression(function) if prop.kind != PropertyKind::Init => {
                if prop.computed {
                    self.visit_property_key(&prop.key);
                }
                self.accessor(function);
            }
            value if prop.shorthand => self.visit_expression(value),
            _ => self.key_value_prop(prop),
        }
    }

    /// `return {…}` from a Vue `data()`: the component's data; `return x` from a computed value's
    /// function: that value.
    fn visit_return_statement(&mut self, stmt: &ReturnStatement<'a>) {
        if let (Some(function), Some(arg)) = (self.function(), &stmt.argument) {
            if self.data_fns.contains(&function)
                && let Expression::ObjectExpression(object) = unwrap(arg)
            {
                self.data_objects.push((self.of(&**object), String::new()));
            } else if self.computed_fns.contains(&function)
                && let Some(name) = self.facts.function(function).and_then(|f| f.name)
            {
                let value = cond(arg);
                self.assign(&name, value, self.of(stmt));
            }
        }
        walk::walk_return_statement(self, stmt);
    }

    fn visit_block_statement(&mut self, block: &BlockStatement<'a>) {
        self.with_scope(
            |names| declared_in(&block.body, false, names),
            |this| walk::walk_block_statement(this, block),
        );
    }

    fn visit_catch_clause(&mut self, clause: &CatchClause<'a>) {
        let declare = |names: &mut _| {
            if let Some(param) = &clause.param {
                pattern_names(&param.pattern, names);
            }
        };
        self.with_scope(declare, |this| walk::walk_catch_clause(this, clause));
    }

    fn visit_for_statement(&mut self, stmt: &ForStatement<'a>) {
        let declare = |names: &mut _| {
            if let Some(ForStatementInit::VariableDeclaration(v)) = &stmt.init
                && v.kind != VariableDeclarationKind::Var
            {
                (v.declarations.iter()).for_each(|d| pattern_names(&d.id, names));
            }
        };
        self.with_scope(declare, |this| walk::walk_for_statement(this, stmt));
    }

    fn visit_for_in_statement(&mut self, stmt: &ForInStatement<'a>) {
        self.with_scope(
            |names| for_head_lexical(&stmt.left, names),
            |this| walk::walk_for_in_statement(this, stmt),
        );
    }

    fn visit_for_of_statement(&mut self, stmt: &ForOfStatement<'a>) {
        self.with_scope(
            |names| for_head_lexical(&stmt.left, names),
            |this| walk::walk_for_of_statement(this, stmt),
        );
    }

    fn visit_if_statement(&mut self, stmt: &IfStatement<'a>) {
        self.test(|this| this.visit_expression(&stmt.test));
        let test = self.store(cond(&stmt.test));
        self.with_guard(test, true, |this| this.visit_statement(&stmt.consequent));
        if let Some(alt) = &stmt.alternate {
            self.with_guard(test, false, |this| this.visit_statement(alt));
        }
        self.last_if = Some(test);
    }

    fn visit_conditional_expression(&mut self, expr: &ConditionalExpression<'a>) {
        self.test(|this| this.visit_expression(&expr.test));
        let test = self.store(cond(&expr.test));
        self.with_guard(test, true, |this| this.visit_expression(&expr.consequent));
        self.with_guard(test, false, |this| this.visit_expression(&expr.alternate));
    }

    fn visit_logical_expression(&mut self, expr: &LogicalExpression<'a>) {
        let holds = match expr.operator {
            LogicalOperator::And => true,
            LogicalOperator::Or => false,
            LogicalOperator::Coalesce => {
                walk::walk_logical_expression(self, expr);
                return;
            }
        };
        self.test(|this| this.visit_expression(&expr.left));
        if self.inert(&expr.right) {
            self.visit_expression(&expr.right);
            return;
        }
        let test = self.store(cond(&expr.left));
        self.with_guard(test, holds, |this| this.visit_expression(&expr.right));
    }

    fn visit_binary_expression(&mut self, expr: &oxc_ast::ast::BinaryExpression<'a>) {
        if !matches!(
            expr.operator,
            BinaryOperator::Equality
                | BinaryOperator::StrictEquality
                | BinaryOperator::Inequality
                | BinaryOperator::StrictInequality
        ) {
            walk::walk_binary_expression(self, expr);
            return;
        }
        let sides = [(&expr.left, &expr.right), (&expr.right, &expr.left)];
        if let Some((literal, literal_side, other)) = sides
            .iter()
            .find_map(|(a, b)| static_string(a).map(|s| (s, *a, *b)))
        {
            let span = self.of(expr);
            let target = self.target_at(span.start());
            self.facts.comparisons.push(Comparison {
                span,
                other: cond(other),
                literal,
                literal_span: self.of(literal_side),
                target,
            });
        }
        // `tt.pay !== undefined`, `tt.pay == null`: an API compared is tested for.
        self.test(|this| walk::walk_binary_expression(this, expr));
    }

    fn visit_variable_declarator(&mut self, decl: &VariableDeclarator<'a>) {
        if let Some(init) = &decl.init {
            self.declarator(&decl.id, init);
        }
        walk::walk_variable_declarator(self, decl);
    }

    fn visit_assignment_expression(&mut self, expr: &AssignmentExpression<'a>) {
        let member = expr.left.as_member_expression();
        if let Some(member) = member {
            self.alias_assignment(member, &expr.right);
        }
        // `hj = tt` (in code that ships to Douyin): `hj` holds the platform object from here on.
        if let oxc_ast::ast::AssignmentTarget::AssignmentTargetIdentifier(target) = &expr.left
            && let Some(ns) = self.platform_object(&expr.right)
            && self.scopes.is_bound(&target.name)
            && self.target_at(self.of(expr).start()).ships_to_douyin()
            && self.scopes.namespace(&target.name) != Some(Namespace::Tt)
        {
            self.scopes.bind(&target.name, Binding::Namespace(ns));
        }
        if let Some(member) = member
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
                    Expression::Identifier(id) => {
                        self.namespace_export(&name, id);
                        id.name.as_str().to_owned()
                    }
                    _ => name.clone(),
                };
                self.export(name.clone(), local);
                if is_function(&expr.right) {
                    self.pending_name = Some((name, false));
                }
            } else {
                self.assign(&normalize_path(raw), cond(&expr.right), self.of(member));
            }
        }
        walk::walk_assignment_expression(self, expr);
    }

    fn visit_call_expression(&mut self, call: &CallExpression<'a>) {
        if matches!(call.callee, Expression::Super(_)) {
            self.visit_arguments(&call.arguments);
        } else {
            self.visit_call_parts(&call.callee, &call.arguments, self.of(call));
        }
    }

    /// `import('./pay')`: a module the script loads.
    fn visit_import_expression(&mut self, import: &ImportExpression<'a>) {
        if let Some(specifier) = self.specifier(&import.source) {
            self.module_ref(specifier, ModuleRefKind::Import);
        }
    }

    fn visit_member_expression(&mut self, member: &MemberExpression<'a>) {
        if let Some(api) = self.api_of(member) {
            let access = if self.testing {
                Access::FeatureTest
            } else {
                Access::Value
            };
            self.record(api, self.of(member), access, &[]);
            return;
        }
        walk::walk_member_expression(self, member);
    }

    fn visit_unary_expression(&mut self, expr: &UnaryExpression<'a>) {
        match expr.operator {
            UnaryOperator::LogicalNot | UnaryOperator::Typeof => {
                self.test(|this| this.visit_expression(&expr.argument))
            }
            _ => walk::walk_unary_expression(self, expr),
        }
    }

    fn visit_import_declaration(&mut self, import: &ImportDeclaration<'a>) {
        if import.import_kind.is_type() {
            return;
        }
        let specifier = import.source.value.as_str();
        if specifier == TARO_MODULE {
            self.taro_import(import);
        }
        self.module_ref(self.source_specifier(&import.source), ModuleRefKind::Import);
        let span = self.of(&import.source);
        for spec in import.specifiers.iter().flatten() {
            let (local, imported) = match spec {
                ImportDeclarationSpecifier::ImportSpecifier(n) => (
                    &n.local,
                    Imported::Named(export_name(&n.imported).to_owned()),
                ),
                ImportDeclarationSpecifier::ImportDefaultSpecifier(d) => {
                    (&d.local, Imported::Default)
                }
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(n) => {
                    (&n.local, Imported::Namespace)
                }
            };
            self.facts.imports.push(ImportBinding {
                local: local.name.as_str().to_owned(),
                specifier: specifier.to_owned(),
                span,
                imported,
            });
        }
    }

    fn visit_export_all_declaration(&mut self, export: &ExportAllDeclaration<'a>) {
        if !export.export_kind.is_type() {
            self.module_ref(self.source_specifier(&export.source), ModuleRefKind::Import);
        }
    }

    fn visit_export_from_declaration(&mut self, export: &ExportFromDeclaration<'a>) {
        if !export.export_kind.is_type() {
            self.module_ref(self.source_specifier(&export.source), ModuleRefKind::Import);
        }
    }

    fn visit_export_named_declaration(&mut self, export: &ExportNamedDeclaration<'a>) {
        if export.export_kind.is_type() {
            return;
        }
        for spec in &export.specifiers {
            self.export(
                export_name(&spec.exported).to_owned(),
                export_name(&spec.local).to_owned(),
            );
        }
    }

    fn visit_export_declaration(&mut self, export: &ExportDeclaration<'a>) {
        match &export.declaration {
            Declaration::FunctionDeclaration(f) => {
                if let Some(id) = &f.id {
                    self.export(id.name.as_str().to_owned(), id.name.as_str().to_owned());
                }
            }
            Declaration::VariableDeclaration(v) => {
                for d in &v.declarations {
                    if let BindingPattern::BindingIdentifier(id) = &d.id {
                        self.export(id.name.as_str().to_owned(), id.name.as_str().to_owned());
                    }
                }
            }
            _ => {}
        }
        self.visit_declaration(&export.declaration);
    }

    fn visit_export_default_declaration(&mut self, export: &ExportDefaultDeclaration<'a>) {
        match &export.declaration {
            ExportDefaultDeclarationKind::FunctionDeclaration(f) => {
                let local =
                    f.id.as_ref()
                        .map_or("default".to_string(), |i| i.name.as_str().to_owned());
                self.export("default".into(), local.clone());
                if f.id.is_none() {
                    self.pending_name = Some((local, false));
                }
                self.function_at(self.of(&**f), f);
                return;
            }
            kind => match kind.as_expression().map(unwrap) {
                Some(Expression::Identifier(id)) => {
                    self.namespace_export("default", id);
                    self.export("default".into(), id.name.as_str().to_owned())
                }
                // A Vue component's options: `export default { data() {…}, methods: {…} }`.
                Some(Expression::ObjectExpression(object)) => {
                    self.method_objects.push(self.of(&**object))
                }
                _ => {}
            },
        }
        walk::walk_export_default_declaration(self, export);
    }
}

/// The name of an imported or exported binding: `a` of `{ a }`, `'a-b'` of `{ 'a-b' as c }`.
fn export_name<'n>(name: &'n ModuleExportName<'_>) -> &'n str {
    match name {
        ModuleExportName::IdentifierName(i) => i.name.as_str(),
        ModuleExportName::IdentifierReference(i) => i.name.as_str(),
        ModuleExportName::StringLiteral(s) => s.value.as_str(),
    }
}

/// JSX, lowered into the markup model while the script is read: tags and props are normalised
/// like the other dialects' (`WebView` → `web-view`, `openType` → `open-type`), `onClick` and
/// `onTap` become `tap` events whose handlers name a method (`this.buy`), a function in scope
/// (`buy`) or the arrow written in place, and the conditions in force where an element is written
/// (`cond && <X/>`, ternary branches, `if (!x) return null`) are its guards.
impl<'a> Extractor<'_, 'a> {
    fn jsx_element(&mut self, element: &JSXElement<'a>) {
        let opening = &element.opening_element;
        let span = self.of(element);
        let (parent, parent_guard) = match self.jsx.last() {
            Some(&(node, guard)) => (Some(node), guard),
            None => (None, None),
        };
        let mut attrs = Vec::new();
        let mut events = Vec::new();
        // Events whose handler is written in place, with the attribute holding it.
        let mut inline = Vec::new();
        for (index, attr) in opening.attributes.iter().enumerate() {
            let JSXAttributeItem::Attribute(attr) = attr else {
                continue;
            };
            let name = match &attr.name {
                JSXAttributeName::Identifier(i) => i.name.as_str().to_owned(),
                JSXAttributeName::NamespacedName(n) => {
                    format!("{}:{}", n.namespace.name, n.name.name)
                }
            };
            let name_span = self.of(&attr.name);
            let expr = match &attr.value {
                Some(JSXAttributeValue::ExpressionContainer(c)) => c.expression.as_expression(),
                _ => None,
            };
            if let Some(event) = jsx_event(&name) {
                let handler = expr.map_or(Handler::Dynamic, |e| self.jsx_handler(e));
                if matches!(handler, Handler::Inline(_)) {
                    inline.push((events.len(), index));
                }
                events.push(Event {
                    name: event.into(),
                    span: self.of(&**attr),
                    handler,
                });
                continue;
            }
            let value = match (&attr.value, expr) {
                (Some(JSXAttributeValue::StringLiteral(lit)), _) => {
                    let outer = self.of(&**lit);
                    Value::Static {
                        span: Span::new(outer.start() + 1, outer.end().saturating_sub(1)),
                        text: text(&lit.value, lit.lone_surrogates).into(),
                    }
                }
                (_, Some(e)) => {
                    let span = self.of(e);
                    match static_string(e) {
                        Some(text) => Value::Static {
                            span,
                            text: text.into(),
                        },
                        None => Value::Bound {
                            span,
                            parts: Box::new([TextPart::Dynamic {
                                span,
                                binding: Some(expr::binding(e, self.base)),
                            }]),
                        },
                    }
                }
                (None, None) => Value::Empty,
                (Some(_), None) => Value::Bound {
                    span: self.of(&**attr),
                    parts: Box::default(),
                },
            };
            let attr = Attr {
                name: jsx_prop(&name),
                name_span,
                value,
            };
            if attr.kept_by(self.keep.attribute) {
                attrs.push(attr);
            }
        }
        let guards = self.guards_since(parent_guard, parent.is_some());
        let node = self.markup.push(
            parent,
            span,
            self.target_at(span.start()),
            NodeKind::Element(Box::new(Element {
                tag: jsx_tag(&opening.name),
                tag_span: self.of(&opening.name),
                attrs: attrs.into(),
                events: events.into(),
                guards: guards.into(),
                repeated: false,
                start_tag_end: narrow(self.of(&**opening).end()),
            })),
        );
        self.jsx.push((node, self.guard));
        // Attribute values are code: handlers are functions, props read data. A handler written
        // in place is the first function its attribute registers.
        let mut first_functions = Vec::with_capacity(opening.attributes.len());
        for attr in &opening.attributes {
            first_functions.push(self.facts.functions.len() as u32);
            self.visit_jsx_attribute_item(attr);
        }
        if let Some(NodeKind::Element(element)) =
            self.markup.nodes.get_mut(node.index()).map(|n| &mut n.kind)
        {
            for (event, attr) in inline {
                if let (Some(event), Some(&function)) =
                    (element.events.get_mut(event), first_functions.get(attr))
                {
                    event.handler = Handler::Inline(function);
                }
            }
        }
        self.jsx_children(&element.children);
        self.jsx.pop();
    }

    fn jsx_children(&mut self, children: &[JSXChild<'a>]) {
        for child in children {
            match child {
                JSXChild::Text(text) => {
                    if text.value.trim().is_empty() {
                        continue;
                    }
                    let span = self.of(&**text);
                    let parent = self.jsx.last().map(|&(node, _)| node);
                    let part = TextPart::Static {
                        span,
                        text: text.value.as_str().to_owned(),
                    };
                    self.markup.push(
                        parent,
                        span,
                        self.target_at(span.start()),
                        NodeKind::Text(Box::new([part])),
                    );
                }
                JSXChild::ExpressionContainer(container) => {
                    if let Some(expr) = container.expression.as_expression() {
                        let found = expr::binding(expr, self.base);
                        // A value shown in place (`{phone}`, `{order.mobile}`) is dynamic text,
                        // as `{{phone}}` is in a template; `{cond && <View/>}` is structure.
                        if !found.strings.is_empty() || !holds_jsx(expr) {
                            let span = self.of(expr);
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
                        self.visit_expression(expr);
                    }
                }
                other => self.visit_jsx_child(other),
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
    fn jsx_handler(&self, expr: &Expression<'a>) -> Handler {
        match unwrap(expr) {
            Expression::Identifier(id) => Handler::Named(Ustr::from(id.name.as_str())),
            Expression::StaticMemberExpression(m) => match unwrap(&m.object) {
                Expression::ThisExpression(_) => {
                    Handler::Named(Ustr::from(m.property.name.as_str()))
                }
                Expression::Identifier(obj) if SELVES.contains(&obj.name.as_str()) => {
                    Handler::Named(Ustr::from(m.property.name.as_str()))
                }
                _ => Handler::Dynamic,
            },
            // `this.buy.bind(this)`
            Expression::CallExpression(call) => match unwrap(&call.callee) {
                Expression::StaticMemberExpression(m) if m.property.name == "bind" => {
                    self.jsx_handler(&m.object)
                }
                _ => Handler::Dynamic,
            },
            // The function written in place: which one it is is known once its attribute is
            // visited (`jsx_element`).
            Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => {
                Handler::Inline(0)
            }
            _ => Handler::Dynamic,
        }
    }
}

/// The tag of a JSX element, normalised: Taro's `<WebView>` is the built-in `web-view`.
fn jsx_tag(name: &JSXElementName<'_>) -> Ustr {
    match name {
        JSXElementName::Identifier(i) => hyphenate(&i.name).as_ref().into(),
        JSXElementName::IdentifierReference(i) => hyphenate(&i.name).as_ref().into(),
        JSXElementName::MemberExpression(m) => hyphenate(&m.property.name).as_ref().into(),
        JSXElementName::NamespacedName(n) => format!("{}:{}", n.namespace.name, n.name.name).into(),
        JSXElementName::ThisExpression(_) => "this".into(),
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

impl<'a> Extractor<'_, 'a> {
    /// `import Taro from '@tarojs/taro'` (under any name), `import * as Taro`, and named imports
    /// of single APIs (`import { requestPayment } from '@tarojs/taro'`).
    fn taro_import(&mut self, import: &ImportDeclaration<'a>) {
        for spec in import.specifiers.iter().flatten() {
            let (local, binding) = match spec {
                ImportDeclarationSpecifier::ImportDefaultSpecifier(d) => {
                    (&d.local, Binding::Namespace(Namespace::Taro))
                }
                ImportDeclarationSpecifier::ImportNamespaceSpecifier(n) => {
                    (&n.local, Binding::Namespace(Namespace::Taro))
                }
                ImportDeclarationSpecifier::ImportSpecifier(n) => {
                    let binding = match export_name(&n.imported) {
                        "default" => Binding::Namespace(Namespace::Taro),
                        member => Binding::Api(Api::new(Namespace::Taro, member)),
                    };
                    (&n.local, binding)
                }
            };
            self.scopes.bind(&local.name, binding);
        }
    }

    /// `require('@tarojs/taro')` or `require('@tarojs/taro').default`: the Taro object.
    fn taro_require(&self, init: &Expression<'a>) -> Option<Binding> {
        let module = match unwrap(init) {
            Expression::StaticMemberExpression(m) if m.property.name == "default" => &m.object,
            _ => init,
        };
        let specifier = self.is_require(module)?;
        (specifier.path == TARO_MODULE).then_some(Binding::Namespace(Namespace::Taro))
    }

    /// What a declarator with a value binds before it is visited: platform objects and their
    /// APIs, imports, constants, data values, React state, the app instance, and functions under
    /// a second name.
    fn declarator(&mut self, id: &BindingPattern<'a>, init: &Expression<'a>) {
        if let Some(binding) = self.taro_require(init) {
            if let BindingPattern::BindingIdentifier(local) = id {
                self.scopes.bind(&local.name, binding);
            }
        } else if let Some(global) = self.platform_object(init) {
            match id {
                // `const t = tt`: later `t.pay()` is `tt.pay()`.
                BindingPattern::BindingIdentifier(alias) => {
                    self.scopes.bind(&alias.name, Binding::Namespace(global))
                }
                // `const { pay, request: req } = tt`.
                BindingPattern::ObjectPattern(object) => {
                    for prop in &object.properties {
                        let name = if prop.shorthand {
                            prop.key.static_name().map(|n| n.into_owned())
                        } else {
                            prop_name(&prop.key, prop.computed)
                        };
                        if let Some(name) = name {
                            let api = Api::new(global, &name);
                            self.record(api, self.of(&prop.key), Access::Destructure, &[]);
                        }
                    }
                }
                _ => {}
            }
        }
        self.declaration(id, init);
        self.use_state(id, init);
        if let BindingPattern::BindingIdentifier(name) = id {
            if self.is_get_app(init) {
                self.app_vars.insert(name.name.as_str().to_owned());
            }
            // `const buy = pay`, `const buy = this.pay`, `const buy = useThrottleFn(pay,
            // 300)`: a function under a second name.
            let named = match unwrap(init) {
                Expression::Identifier(_) => Some(init),
                e if e
                    .as_member_expression()
                    .is_some_and(|m| is_self(m.object())) =>
                {
                    Some(init)
                }
                other => wrapped_reference(other),
            };
            if let Some(callee) = named.and_then(|value| self.value_callee(value)) {
                self.facts.handler_aliases.push(HandlerAlias {
                    name: name.name.as_str().to_owned(),
                    method: false,
                    callee,
                });
            }
            let anonymous = match unwrap(init) {
                Expression::FunctionExpression(f) => f.id.is_none(),
                Expression::ArrowFunctionExpression(_) => true,
                other => wrapped_function(other),
            };
            if anonymous {
                self.pending_name = Some((name.name.as_str().to_owned(), false));
            }
        }
    }

    /// What a declaration binds: imports through `require`, constants, and data values.
    fn declaration(&mut self, name: &BindingPattern<'a>, init: &Expression<'a>) {
        let required = self
            .is_require(init)
            .map(|spec| (spec.path, spec.span, None))
            .or_else(|| {
                // `const pay = require('./pay').payOrder`
                let Expression::StaticMemberExpression(m) = unwrap(init) else {
                    return None;
                };
                self.is_require(&m.object).map(|spec| {
                    (
                        spec.path,
                        spec.span,
                        Some(m.property.name.as_str().to_owned()),
                    )
                })
            });
        if let Some((specifier, span, member)) = required {
            match name {
                BindingPattern::BindingIdentifier(id) => self.facts.imports.push(ImportBinding {
                    local: id.name.as_str().to_owned(),
                    specifier,
                    span,
                    imported: member.map_or(Imported::Namespace, Imported::Named),
                }),
                BindingPattern::ObjectPattern(object) if member.is_none() => {
                    for prop in &object.properties {
                        let Some((key, local, _)) = destructured(prop) else {
                            continue;
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
            BindingPattern::BindingIdentifier(id) => {
                let local = id.name.as_str();
                if self.fns.is_empty()
                    && let Some(text) = static_string(init)
                {
                    self.constants.push((local.to_owned(), text));
                }
                let value = cond(init);
                if value != Cond::Other {
                    self.assign(local, value, self.of(&**id));
                }
            }
            // `const { platform, system: sys } = tt.getSystemInfoSync()`
            BindingPattern::ObjectPattern(object) => {
                let Some(source) = source_path(init) else {
                    return;
                };
                for prop in &object.properties {
                    let Some((key, local, span)) = destructured(prop) else {
                        continue;
                    };
                    self.assign(
                        &local,
                        Cond::Path([source.as_str(), ".", key.as_str()].concat().into()),
                        self.base.span(span),
                    );
                }
            }
            _ => {}
        }
    }
}

/// A property of an object pattern that binds one name: its key, the name, and where the name
/// is written (`{ a }`, `{ a = 1 }`, `{ a: b }`; not `{ a: { b } }` nor `{ a: b = 1 }`).
fn destructured(prop: &BindingProperty<'_>) -> Option<(String, String, oxc_span::Span)> {
    if prop.shorthand {
        let key = prop.key.static_name()?.into_owned();
        return Some((key.clone(), key, prop.key.span()));
    }
    let BindingPattern::BindingIdentifier(local) = &prop.value else {
        return None;
    };
    let key = prop_name(&prop.key, prop.computed)?;
    Some((key, local.name.as_str().to_owned(), local.span))
}

/// Whether an expression builds elements (`cond && <View/>`, `list.map(i => <Text/>)`).
fn holds_jsx(expr: &Expression<'_>) -> bool {
    struct Finder(bool);
    impl<'a> Visit<'a> for Finder {
        fn visit_expression(&mut self, expr: &Expression<'a>) {
            if !self.0 {
                stacker::maybe_grow(RED_ZONE, SEGMENT, || walk::walk_expression(self, expr));
            }
        }
        fn visit_jsx_element(&mut self, _: &JSXElement<'a>) {
            self.0 = true;
        }
        fn visit_jsx_fragment(&mut self, _: &JSXFragment<'a>) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    finder.visit_expression(expr);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Facts come out in lists of their exact size, each file's, though the lists they were
    /// gathered in keep their room from one file to the next.
    #[test]
    fn facts_come_out_in_lists_of_their_exact_size() {
        use crate::base::source::FileKind;
        let big = "function f() { tt.pay({}); a(); b(); if (x) { c(); } }\n".repeat(20);
        for src in [big.as_str(), "tt.pay({}); a(); b(); if (x) { c(); }"] {
            let facts = super::super::extract_source(src, FileKind::Script, Keep::EVERYTHING).facts;
            assert!(facts.calls.len() >= 3, "{:?}", facts.calls);
            assert_eq!(facts.calls.capacity(), facts.calls.len());
            assert_eq!(facts.api_uses.capacity(), facts.api_uses.len());
            assert_eq!(facts.functions.capacity(), facts.functions.len());
            assert_eq!(facts.conds.capacity(), facts.conds.len());
        }
    }

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
