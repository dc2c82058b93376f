//! The facts of a script: plain data the rules match against.

use std::borrow::Cow;

use oxc_ast::ast::{Expression, ObjectExpression, ObjectPropertyKind, PropertyKind};

use super::super::ast::{Base, prop_str, static_string};
pub use super::super::cond::Cond;
use super::super::conditional::{Regions, Target};
use crate::base::index::compact_index;
use crate::base::intern::Ustr;
use crate::base::source::Span;

use crate::base::api::{Api, Namespace};

compact_index! {
    /// Index of a function in [`JsFacts::functions`].
    pub struct FnId;
}

compact_index! {
    /// Index of a link in [`JsFacts::guards`]. A fact that holds one is listed in
    /// `JsFacts::guard_slots`, which renumbers it when unread links are dropped.
    pub struct GuardId;
}

/// Index of a condition in [`JsFacts::conds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CondId(pub u32);

/// How a platform API is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Called: `tt.pay({...})`, `tt?.pay()`, `tt['pay']()`.
    Call,
    /// Referenced without being called: `promisify(tt.pay)`, `const p = tt.pay`.
    Value,
    /// Taken out of the object by destructuring: `const { pay } = tt`.
    Destructure,
    /// Tested for, never used: `tt.pay ? a : b`, `if (tt.requestOrder)`, `typeof tt.pay`,
    /// `!!tt.pay`. Old clients may lack an API; testing for it is how code stays safe.
    FeatureTest,
}

/// One condition on the way to a piece of code, and the conditions before it: `if (c) { here }`
/// is `c` holding; after `if (c) return;` is `c` not holding. Each link is stored once; facts
/// name the innermost link of their chain.
#[derive(Debug, Clone, PartialEq)]
pub struct GuardLink {
    pub cond: CondId,
    pub holds: bool,
    /// The enclosing condition, within the same function.
    pub parent: Option<GuardId>,
}

/// A use of a platform API (`tt.pay`, `uni.requestPayment`, `Taro.pay`), through the object
/// itself, an alias of it, or an import.
#[derive(Debug, Clone)]
pub struct ApiUse {
    pub api: Api,
    /// The reference: `tt.pay` in `tt.pay({...})`, the key `pay` in `const { pay } = tt`.
    pub span: Span,
    pub access: Access,
    /// For a call whose first argument is an object literal: that object.
    pub options: Option<ObjectFacts>,
    /// Whether the code ships to Douyin (uni-app conditional compilation, build checks).
    pub target: Target,
    /// The innermost function it is in.
    pub function: Option<FnId>,
    /// The innermost condition it runs under, within that function.
    pub guards: Option<GuardId>,
}

/// The shape of an object literal passed to an API: its keys and literal string values.
#[derive(Debug, Clone, Default)]
pub struct ObjectFacts {
    pub span: Span,
    pub props: Vec<PropFacts>,
}

#[derive(Debug, Clone)]
pub struct PropFacts {
    /// Interned: a few keys (`url`, `success`, `data`) are most of them.
    pub key: Ustr,
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
    /// The path as written; for a path built at run time, the folder it names.
    pub specifier: String,
    /// The expression naming the module: a string literal, or the template or concatenation.
    pub span: Span,
    pub kind: ModuleRefKind,
    pub target: Target,
    /// For a path built at run time (`require(`./api/${name}`)`, `require(DIR + name)`): what the
    /// file names it can load start and end with, in the folder of [`ModuleRef::specifier`].
    pub pattern: Option<NamePattern>,
}

/// The file names a path built at run time can take in its folder: `./api/${name}.js` takes any
/// name in `./api/` starting with `""` and ending with `.js`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePattern {
    pub prefix: String,
    pub suffix: String,
}

/// A function: a declaration, a method, or a function expression or arrow with a name to call
/// it by (its variable, its property key).
#[derive(Debug, Clone)]
pub struct FunctionFact {
    pub name: Option<Ustr>,
    pub span: Span,
    pub parent: Option<FnId>,
    /// A method of the object passed to `Page()`, `Component()` (directly or in `methods`) or
    /// `App()`: what `bindtap="name"` in a template calls.
    pub method: bool,
    /// The conditions in force where the function is written (in its parent): a callback created
    /// after `if (isIOS) return;` only ever runs off iOS.
    pub guards: Option<GuardId>,
    /// For a function written in place as an argument of a call (`onMounted(() => …)`,
    /// `setTimeout(function () { … })`), what it is passed to (`onMounted`, `setTimeout`, `""`
    /// when the callee has no plain name): the callee runs it when the code around it runs.
    pub callback: Option<Ustr>,
    /// Whether it is written in code that ships to Douyin: a `onShareAppMessage` inside
    /// `#ifdef MP-WEIXIN` makes no Douyin page shareable.
    pub target: Target,
}

/// What a call inside the script calls, as far as one file can tell. Names are interned: a
/// project calls the same few hundred names from every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callee {
    /// `this.name()` (or `that.name()`): a method of the page or component.
    Method(Ustr),
    /// `name()`: a function of this file or an imported binding.
    Local(Ustr),
    /// `object.name()`: a member of a module bound to `object` (`util.pay()`).
    Member(Ustr, Ustr),
    /// `getApp().name()`, or `app.name()` with `app = getApp()`: a method of the app.
    App(Ustr),
}

/// A call of the project's own code, or a function of it handed to other code that will call
/// it: `setTimeout(this.pay)`, `tt.showModal({ success: onConfirm })`, `this.pay.bind(this)`.
#[derive(Debug, Clone)]
pub struct CallFact {
    pub callee: Callee,
    pub span: Span,
    pub function: Option<FnId>,
    pub guards: Option<GuardId>,
    pub target: Target,
    /// Handed over as a value rather than called here.
    pub reference: bool,
}

/// A method or handler that is another function under a second name: `Page({ buy: pay })`,
/// `methods: { buy: util.pay }`. A template's `bindtap="buy"` runs what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerAlias {
    pub name: String,
    /// A property of the object passed to `Page()`, `Component()`, `App()` or a Vue component.
    pub method: bool,
    pub callee: Callee,
}

/// What an alias of a platform object is set to: the object itself (`getApp().core = tt`), or a
/// module (`App({ core: require('./core') })`, whose export may be one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasTarget {
    Namespace(Namespace),
    /// The module's specifier span (the same span as its [`ModuleRef`]).
    Module(Span),
}

/// A property of the app instance set to a platform object: `getApp().core = tt`,
/// `App({ core: tt })`, `this.core = tt` in `App()`'s methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppAlias {
    pub name: String,
    pub target: AliasTarget,
}

/// What the object of an [`AliasedUse`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasBase {
    /// `getApp().core`, `app.core` with `app = getApp()`.
    App(String),
    /// A local bound to a module (`const core = require('./core')`): what it exports.
    Module(String),
}

/// A call through an object that may be a platform object set elsewhere in the project
/// (`getApp().core.requestPayment(…)`, `core.pay(…)`): which one is known only once the app and
/// the modules are read. `used.api` names the member on `tt` until then.
#[derive(Debug, Clone)]
pub struct AliasedUse {
    pub base: AliasBase,
    pub used: ApiUse,
}

impl AliasedUse {
    /// The use, once its object is known to be `ns`.
    pub fn on(&self, ns: Namespace) -> ApiUse {
        let mut used = self.used.clone();
        used.api = used.api.on(ns);
        used
    }
}

/// A string literal or a piece of a template literal: text that may reach users.
#[derive(Debug, Clone)]
pub struct JsText {
    pub span: Span,
    /// Boxed: a literal's text never grows, and tens of thousands are kept on the benchmark's
    /// pages.
    pub text: Box<str>,
    /// The innermost function it is in: a handler's texts are read with its calls.
    pub function: Option<FnId>,
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
    /// The normalised path assigned (see [`super::cond::normalize_path`]), interned: the same few
    /// data keys are assigned over and over.
    pub path: Ustr,
    pub value: Cond,
    pub span: Span,
    /// The innermost function it is made in, and the conditions it runs under there.
    pub function: Option<FnId>,
    pub guards: Option<GuardId>,
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
    /// Platform API uses. A file loaded by the engine keeps only those of the APIs a rule reads
    /// ([`parse_keeping`](crate::syntax::load::parse_keeping)).
    pub api_uses: Vec<ApiUse>,
    /// Every condition of the script's `if`s, ternaries, `&&`/`||` and early returns, stored once.
    pub conds: Vec<Cond>,
    /// The chains of conditions code runs under: each branch taken is one link.
    pub guards: Vec<GuardLink>,
    pub module_refs: Vec<ModuleRef>,
    pub functions: Vec<FunctionFact>,
    pub calls: Vec<CallFact>,
    /// The string and template literals the engine keeps: those some rule reads
    /// ([`RuleData::reads_text`](crate::base::data::RuleData::reads_text)).
    pub texts: Vec<JsText>,
    /// The hosts the script sends requests to (`tt.request`, `uploadFile`, `downloadFile`,
    /// `connectSocket`), each once, in order: the app's own domains. A URL built from the file's
    /// constants is resolved (`${BASE}/pay` with `const BASE = 'https://api.shop.cn'`); one
    /// with a part that cannot be is left out.
    pub request_hosts: Vec<Box<str>>,
    pub imports: Vec<ImportBinding>,
    pub exports: Vec<ExportFact>,
    /// Platform objects the module exports: `module.exports = api` with `api = tt`, by export
    /// name (`default` for the module itself).
    pub namespace_exports: Vec<(String, Namespace)>,
    pub handler_aliases: Vec<HandlerAlias>,
    pub app_aliases: Vec<AppAlias>,
    pub aliased_uses: Vec<AliasedUse>,
    pub assignments: Vec<Assignment>,
    pub comparisons: Vec<Comparison>,
    /// uni-app conditional-compilation regions, for rules that ask about other offsets.
    pub regions: Regions,
}

/// `list`'s items moved into a list of their exact size; `list` is left empty, with its room.
fn exact<T>(list: &mut Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(list.len());
    out.append(list);
    out
}

impl JsFacts {
    /// Moves the facts out into lists of their exact size, leaving these lists empty with the
    /// room they grew into, for the next file's facts. The facts of every file stay in memory
    /// until the project pass ends, and a list that doubled as it grew holds on average a third
    /// more than its facts.
    pub fn take_exact(&mut self) -> JsFacts {
        for api_use in &mut self.api_uses {
            if let Some(options) = &mut api_use.options {
                options.props.shrink_to_fit();
            }
        }
        JsFacts {
            api_uses: exact(&mut self.api_uses),
            conds: exact(&mut self.conds),
            guards: exact(&mut self.guards),
            module_refs: exact(&mut self.module_refs),
            functions: exact(&mut self.functions),
            calls: exact(&mut self.calls),
            texts: exact(&mut self.texts),
            request_hosts: exact(&mut self.request_hosts),
            imports: exact(&mut self.imports),
            exports: exact(&mut self.exports),
            namespace_exports: std::mem::take(&mut self.namespace_exports),
            handler_aliases: std::mem::take(&mut self.handler_aliases),
            app_aliases: std::mem::take(&mut self.app_aliases),
            aliased_uses: std::mem::take(&mut self.aliased_uses),
            assignments: exact(&mut self.assignments),
            comparisons: exact(&mut self.comparisons),
            regions: std::mem::take(&mut self.regions),
        }
    }

    /// Drops the guard links no fact runs under, and the conditions only they named.
    ///
    /// Extraction links every branch it enters (`if`, `&&`, `||`, `?:`, early returns) before it
    /// knows whether a fact lies inside, and most branches hold none: on the benchmark's pages
    /// about one link in eight is read. A file's facts stay in memory until the project pass
    /// ends, so the rest are dropped as soon as the file is extracted. Links and conditions keep
    /// their order, so a parent link still comes before its children.
    pub fn keep_read_guards(&mut self) {
        const UNREAD: u32 = u32::MAX;
        let mut guard_ids = vec![UNREAD; self.guards.len()];
        let read: Vec<GuardId> = self.guard_slots().filter_map(|slot| *slot).collect();
        for innermost in read {
            let mut at = Some(innermost);
            while let Some(id) = at {
                match guard_ids.get_mut(id.index()) {
                    Some(slot) if *slot == UNREAD => *slot = 0,
                    _ => break,
                }
                at = self.guards.get(id.index()).and_then(|link| link.parent);
            }
        }
        let mut cond_ids = vec![UNREAD; self.conds.len()];
        for (link, &id) in self.guards.iter().zip(&guard_ids) {
            if id != UNREAD
                && let Some(slot) = cond_ids.get_mut(link.cond.0 as usize)
            {
                *slot = 0;
            }
        }
        renumber(&mut guard_ids);
        renumber(&mut cond_ids);
        // Every id is the extractor's own, so in range; an id out of range would map to one
        // that `guard_chain` finds nothing at, never to another link.
        let at = |ids: &[u32], i: usize| ids.get(i).copied().unwrap_or(UNREAD);
        let links = std::mem::take(&mut self.guards);
        self.guards = (links.into_iter().zip(&guard_ids))
            .filter(|&(_, &id)| id != UNREAD)
            .map(|(link, _)| GuardLink {
                cond: CondId(at(&cond_ids, link.cond.0 as usize)),
                holds: link.holds,
                parent: link
                    .parent
                    .map(|p| GuardId::new(at(&guard_ids, p.index()) as usize)),
            })
            .collect();
        let conds = std::mem::take(&mut self.conds);
        self.conds = (conds.into_iter().zip(&cond_ids))
            .filter(|&(_, &id)| id != UNREAD)
            .map(|(cond, _)| cond)
            .collect();
        for slot in self.guard_slots() {
            *slot = slot.map(|id| GuardId::new(at(&guard_ids, id.index()) as usize));
        }
    }

    /// Every fact's innermost guard link: the one list of the facts that run under conditions,
    /// so that dropping unread links renumbers all of them.
    fn guard_slots(&mut self) -> impl Iterator<Item = &mut Option<GuardId>> {
        (self.api_uses.iter_mut().map(|u| &mut u.guards))
            .chain(self.functions.iter_mut().map(|f| &mut f.guards))
            .chain(self.calls.iter_mut().map(|c| &mut c.guards))
            .chain(self.assignments.iter_mut().map(|a| &mut a.guards))
            .chain(self.aliased_uses.iter_mut().map(|a| &mut a.used.guards))
    }

    /// The functions named `name`, outermost first.
    pub fn functions_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = FnId> + 'a {
        self.functions
            .iter()
            .enumerate()
            .filter(move |(_, f)| f.name.as_deref() == Some(name))
            .map(|(i, _)| FnId::new(i))
    }

    pub fn function(&self, id: FnId) -> Option<&FunctionFact> {
        self.functions.get(id.index())
    }

    /// The conditions of a chain, innermost first: each condition and whether the code runs where
    /// it holds.
    pub fn guard_chain(&self, id: Option<GuardId>) -> impl Iterator<Item = (&Cond, bool)> + '_ {
        std::iter::successors(id.and_then(|g| self.guards.get(g.index())), |link| {
            link.parent.and_then(|p| self.guards.get(p.index()))
        })
        .filter_map(|link| Some((self.conds.get(link.cond.0 as usize)?, link.holds)))
    }

    /// Whether `function` is `ancestor` or nested in it.
    pub fn within(&self, function: Option<FnId>, ancestor: FnId) -> bool {
        let mut current = function;
        while let Some(f) = current {
            if f == ancestor {
                return true;
            }
            current = self.function(f).and_then(|f| f.parent);
        }
        false
    }
}

pub(super) fn object_facts(object: &ObjectExpression<'_>, base: Base) -> ObjectFacts {
    let mut props = Vec::new();
    for prop in &object.properties {
        let ObjectPropertyKind::ObjectProperty(prop) = prop else {
            continue;
        };
        // `key: value`, a shorthand `key` and a method `key() {…}`; not accessors.
        let (key, value): (Option<Cow<'_, str>>, Option<&Expression<'_>>) = if prop.shorthand {
            match &prop.value {
                Expression::Identifier(id) => (Some(Cow::Borrowed(id.name.as_str())), None),
                _ => continue,
            }
        } else if prop.method {
            (prop_str(&prop.key, prop.computed), None)
        } else if prop.kind == PropertyKind::Init {
            (prop_str(&prop.key, prop.computed), Some(&prop.value))
        } else {
            continue;
        };
        let Some(key) = key else { continue };
        let key_span = base.of(&prop.key);
        props.push(PropFacts {
            key: Ustr::from(key.as_ref()),
            key_span,
            string: value.and_then(static_string),
            value_span: value.map_or(key_span, |v| base.of(v)),
        });
    }
    ObjectFacts {
        span: base.of(object),
        props,
    }
}

/// Gives the kept entries of a mark list (every entry not `u32::MAX`) their new indices, in order.
fn renumber(marks: &mut [u32]) {
    for (next, mark) in marks.iter_mut().filter(|m| **m != u32::MAX).enumerate() {
        *mark = next as u32;
    }
}
