//! The project's own call graph: which functions a call in one script reaches, across the
//! modules it `require`s or `import`s and the app instance `getApp()` returns, and which platform
//! API uses each script holds once the aliases other files set up are known
//! (`getApp().core = tt`, a module exporting `tt`). One file's facts name the callee; the project
//! model's references say which file a specifier loads.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::base::api::Namespace;
use crate::base::intern::Ustr;
use crate::base::source::{FileId, Span};
use crate::project::files::Files;
use crate::project::{Project, RefKind};
use crate::syntax::js::facts::{
    AliasBase, AliasTarget, ApiUse, CallFact, Callee, FnId, ImportBinding, Imported, JsFacts,
};
use crate::syntax::markup::Handler;

/// How many second names (`const buy = pay`) are followed from one name.
const MAX_ALIASES: usize = 8;

/// A function somewhere in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FnRef {
    pub file: FileId,
    pub function: FnId,
}

/// Lists of items by key, stored flat: the items of key `k` are `items[starts[k]..starts[k + 1]]`.
/// A script has as many lists as functions, most of them empty or of one item; a `Vec` each cost
/// a large project's call graph an allocation per function and most of its memory.
#[derive(Debug)]
struct Grouped<T> {
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Grouped<T> {
    /// Groups `(key, item)` pairs under keys `0..keys` (a pair with a larger key is dropped);
    /// items keep their order within a key.
    fn new(keys: usize, pairs: impl Iterator<Item = (usize, T)>) -> Self {
        let mut pairs: Vec<(usize, T)> = pairs.filter(|&(key, _)| key < keys).collect();
        pairs.sort_by_key(|&(key, _)| key);
        let mut starts = Vec::with_capacity(keys + 1);
        let mut at = 0;
        for key in 0..=keys {
            while pairs.get(at).is_some_and(|&(k, _)| k < key) {
                at += 1;
            }
            starts.push(at as u32);
        }
        let items = pairs.into_iter().map(|(_, item)| item).collect();
        Self { starts, items }
    }

    fn get(&self, key: usize) -> &[T] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// One script's functions, indexed once: what is nested in each, the calls written directly in
/// each (or at the top level), and the functions by name.
#[derive(Debug)]
struct ScriptIndex {
    children: Grouped<FnId>,
    calls: Grouped<usize>,
    top_calls: Vec<usize>,
    /// The named functions' names, sorted by their interned address, beside them in
    /// `named_functions`: the functions of one name are a run, in script order.
    names: Vec<Ustr>,
    named_functions: Vec<FnId>,
}

impl ScriptIndex {
    fn new(facts: &JsFacts) -> Self {
        let functions = facts.functions.len();
        let children = facts
            .functions
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.parent?.index(), FnId::new(i))));
        let in_function =
            |call: &CallFact| call.function.map(FnId::index).filter(|&f| f < functions);
        let calls = facts
            .calls
            .iter()
            .enumerate()
            .filter_map(|(i, call)| Some((in_function(call)?, i)));
        let top_calls = facts
            .calls
            .iter()
            .enumerate()
            .filter(|(_, call)| in_function(call).is_none())
            .map(|(i, _)| i)
            .collect();
        let mut named: Vec<(Ustr, FnId)> = facts
            .functions
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.name?, FnId::new(i))))
            .collect();
        named.sort_by_key(|(name, _)| name.id());
        Self {
            children: Grouped::new(functions, children),
            calls: Grouped::new(functions, calls),
            top_calls,
            names: named.iter().map(|&(name, _)| name).collect(),
            named_functions: named.into_iter().map(|(_, f)| f).collect(),
        }
    }

    /// The functions named `name`, in script order.
    fn named(&self, name: Ustr) -> &[FnId] {
        let key = |n: &Ustr| n.id();
        let start = self.names.partition_point(|n| key(n) < key(&name));
        let end = self.names.partition_point(|n| key(n) <= key(&name));
        &self.named_functions[start..end]
    }
}

/// The files an import binding or a specifier span of `file` loads (several for a path built at
/// run time).
fn modules_at(project: &Project, file: FileId, span: Span) -> Vec<FileId> {
    project
        .references_from(file)
        .filter(|r| r.kind == RefKind::Module && r.span == span)
        .filter_map(|r| r.to)
        .collect()
}

/// The functions a method name finds in a file ([`Graph::methods`]).
enum Methods {
    /// Methods of an object literal (`Page({ buy() {…} })`, `App({…})`, Vue `methods`).
    Of(Vec<FnRef>),
    /// None of those: the file's functions by that name, a class component's methods among them.
    ClassLike(Vec<FnRef>),
}

/// The project's call graph and its platform API uses.
#[derive(Debug)]
pub struct Graph<'a> {
    project: &'a Project,
    files: &'a Files,
    scripts: FxHashMap<FileId, ScriptIndex>,
    /// API uses through aliases other files set up, by the file they are written in.
    aliased: FxHashMap<FileId, Vec<ApiUse>>,
}

impl<'a> Graph<'a> {
    pub fn new(project: &'a Project, files: &'a Files) -> Self {
        // Indexed across the run's threads, before any rule runs (`ProjectContext::prepare`):
        // every rule of the project pass asks for the graph.
        let scripts = project
            .files
            .par_iter()
            .filter_map(|&f| files.content(f).script().map(|s| (f, ScriptIndex::new(s))))
            .collect();
        let mut graph = Self {
            project,
            files,
            scripts,
            aliased: FxHashMap::default(),
        };
        graph.aliased = graph.resolve_aliases();
        graph
    }

    pub fn project(&self) -> &'a Project {
        self.project
    }

    pub fn files(&self) -> &'a Files {
        self.files
    }

    pub fn facts(&self, file: FileId) -> Option<&'a JsFacts> {
        self.files.content(file).script()
    }

    /// Every platform API use of a script: its own, and those made through aliases set up
    /// elsewhere (`getApp().core.pay()` with `getApp().core = tt`).
    pub fn api_uses(&self, file: FileId) -> impl Iterator<Item = &ApiUse> {
        let own = self.facts(file).map(|f| f.api_uses.as_slice());
        own.unwrap_or_default()
            .iter()
            .chain(self.aliased_uses(file))
    }

    /// The API uses of a script made through aliases other files set up.
    pub fn aliased_uses(&self, file: FileId) -> &[ApiUse] {
        self.aliased.get(&file).map_or(&[], Vec::as_slice)
    }

    /// The platform object a module exports under `name`.
    fn exported_namespace(&self, module: FileId, name: &str) -> Option<Namespace> {
        self.facts(module)?
            .namespace_exports
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, ns)| ns)
    }

    /// What an alias target set in `file` stands for.
    fn target_namespace(&self, file: FileId, target: &AliasTarget) -> Option<Namespace> {
        match target {
            AliasTarget::Namespace(ns) => Some(*ns),
            AliasTarget::Module(span) => modules_at(self.project, file, *span)
                .into_iter()
                .find_map(|m| self.exported_namespace(m, "default")),
        }
    }

    /// The platform object an import binding of `file` holds.
    fn binding_namespace(&self, file: FileId, binding: &ImportBinding) -> Option<Namespace> {
        let name = match &binding.imported {
            Imported::Named(n) => n.as_str(),
            Imported::Default | Imported::Namespace => "default",
        };
        modules_at(self.project, file, binding.span)
            .into_iter()
            .find_map(|m| self.exported_namespace(m, name))
    }

    /// The API uses through aliases, once every script's aliases are known: the app instance's
    /// properties set to a platform object anywhere, and modules exporting one.
    fn resolve_aliases(&self) -> FxHashMap<FileId, Vec<ApiUse>> {
        let mut app: FxHashMap<&str, Namespace> = FxHashMap::default();
        for &file in &self.project.files {
            let Some(facts) = self.facts(file) else {
                continue;
            };
            for alias in &facts.app_aliases {
                if let Some(ns) = self.target_namespace(file, &alias.target) {
                    // `tt` wins over the other platforms' objects the same property may hold.
                    let slot = app.entry(alias.name.as_str()).or_insert(ns);
                    if ns == Namespace::Tt {
                        *slot = ns;
                    }
                }
            }
        }
        let mut out: FxHashMap<FileId, Vec<ApiUse>> = FxHashMap::default();
        for &file in &self.project.files {
            let Some(facts) = self.facts(file) else {
                continue;
            };
            for aliased in &facts.aliased_uses {
                let ns = match &aliased.base {
                    AliasBase::App(name) => app.get(name.as_str()).copied(),
                    AliasBase::Module(local) => facts
                        .imports
                        .iter()
                        .find(|i| i.local == *local)
                        .and_then(|b| self.binding_namespace(file, b)),
                };
                if let Some(ns) = ns {
                    out.entry(file).or_default().push(aliased.on(ns));
                }
            }
        }
        out
    }

    /// The functions named `name` in a script.
    fn named(&self, file: FileId, name: &str) -> &[FnId] {
        Ustr::from_existing(name).map_or(&[], |name| self.named_interned(file, name))
    }

    /// [`Graph::named`] for a name already interned (a callee's): no lookup in the global table.
    fn named_interned(&self, file: FileId, name: Ustr) -> &[FnId] {
        self.scripts.get(&file).map_or(&[], |s| s.named(name))
    }

    /// The methods named `name` of the objects `file` makes a page, component or app of; when
    /// it has none, its functions by that name, which is how a class component's methods are
    /// written (`class App extends Component { buy() {…} }`).
    fn methods(&self, file: FileId, name: Ustr) -> Methods {
        let named = self.named_interned(file, name);
        let here = |&function: &FnId| FnRef { file, function };
        let methods: Vec<FnRef> = (named.iter())
            .filter(|&&f| self.is_method(file, f))
            .map(here)
            .collect();
        if methods.is_empty() {
            Methods::ClassLike(named.iter().map(here).collect())
        } else {
            Methods::Of(methods)
        }
    }

    fn is_method(&self, file: FileId, function: FnId) -> bool {
        self.facts(file)
            .and_then(|f| f.function(function))
            .is_some_and(|f| f.method)
    }

    /// The functions a module exports under `name`: written there, or imported there and
    /// exported on (`export { pay } from './pay'` is not followed).
    fn exported(&self, module: FileId, name: &str) -> Vec<FnRef> {
        let Some(facts) = self.facts(module) else {
            return Vec::new();
        };
        facts
            .exports
            .iter()
            .filter(|e| e.name == name)
            .flat_map(|e| {
                self.named(module, &e.local)
                    .iter()
                    .filter(|&&f| !self.is_method(module, f))
                    .map(|&function| FnRef {
                        file: module,
                        function,
                    })
            })
            .collect()
    }

    /// What an import binding's `name` is in the modules it loads.
    fn imported_as(&self, file: FileId, binding: &ImportBinding, name: &str) -> Vec<FnRef> {
        modules_at(self.project, file, binding.span)
            .into_iter()
            .flat_map(|m| self.exported(m, name))
            .collect()
    }

    /// What `callee`, called in `file`, may be.
    pub fn resolve(&self, file: FileId, callee: &Callee) -> Vec<FnRef> {
        self.resolve_within(file, callee, 0)
    }

    /// [`Graph::resolve`], following at most [`MAX_ALIASES`] second names.
    fn resolve_within(&self, file: FileId, callee: &Callee, aliases: usize) -> Vec<FnRef> {
        let Some(facts) = self.facts(file) else {
            return Vec::new();
        };
        let here = |function| FnRef { file, function };
        let binding = |local: &str| facts.imports.iter().find(|i| i.local == local);
        match callee {
            Callee::Method(name) => match self.methods(file, *name) {
                Methods::Of(methods) => methods,
                // Or a method under a second name.
                Methods::ClassLike(functions) => functions
                    .into_iter()
                    .chain(self.aliases(file, name, true, aliases))
                    .collect(),
            },
            Callee::Local(name) => {
                let local: Vec<FnRef> = self
                    .named_interned(file, *name)
                    .iter()
                    .filter(|&&f| !self.is_method(file, f))
                    .map(|&f| here(f))
                    .collect();
                if !local.is_empty() {
                    return local;
                }
                match binding(name) {
                    Some(b) => match &b.imported {
                        Imported::Named(imported) => self.imported_as(file, b, imported),
                        Imported::Default | Imported::Namespace => {
                            self.imported_as(file, b, "default")
                        }
                    },
                    None => self.aliases(file, name, false, aliases),
                }
            }
            Callee::Member(object, name) => match binding(object) {
                Some(b) if matches!(b.imported, Imported::Default | Imported::Namespace) => {
                    self.imported_as(file, b, name)
                }
                _ => Vec::new(),
            },
            Callee::App(name) => {
                let Some(app) = self.project.app_script else {
                    return Vec::new();
                };
                // The object given to `App()`, or Taro's `class App extends Component`.
                match self.methods(app, *name) {
                    Methods::Of(functions) | Methods::ClassLike(functions) => functions,
                }
            }
        }
    }

    /// What a function under a second name (`Page({ buy: pay })`) is.
    fn aliases(&self, file: FileId, name: &str, method: bool, depth: usize) -> Vec<FnRef> {
        let Some(facts) = self.facts(file).filter(|_| depth < MAX_ALIASES) else {
            return Vec::new();
        };
        facts
            .handler_aliases
            .iter()
            .filter(|a| a.name == name && (a.method || !method))
            // `buy: buy` names itself: nothing more to find.
            .filter(|a| !matches!(a.callee, Callee::Local(local) if local == name))
            .flat_map(|a| self.resolve_within(file, &a.callee, depth + 1))
            .collect()
    }

    /// The functions an event handler of a template of `file`'s unit runs: a method of the page
    /// or component by that name (what `bindtap="buy"` and a Vue `methods` entry call), else any
    /// function of the file by that name (a class method, a function component's closure, a
    /// `<script setup>` function), else what a method under that name stands for
    /// (`Page({ buy: pay })`); the arrow written in place; each function inline statements call.
    pub fn handler(&self, file: FileId, handler: &Handler) -> Vec<FnRef> {
        let named = |name: Ustr| -> Vec<FnRef> {
            match self.methods(file, name) {
                Methods::Of(functions) => functions,
                Methods::ClassLike(functions) if !functions.is_empty() => functions,
                Methods::ClassLike(_) => self.aliases(file, &name, false, 0),
            }
        };
        match handler {
            Handler::Named(name) => named(*name),
            Handler::Inline(index) => vec![FnRef {
                file,
                function: FnId::new(*index as usize),
            }],
            Handler::Calls(names) => names.iter().flat_map(|&n| named(n)).collect(),
            Handler::Dynamic => Vec::new(),
        }
    }

    /// The functions written inside `function`, at any depth.
    pub fn nested(&self, function: FnRef) -> Vec<FnRef> {
        let Some(index) = self.scripts.get(&function.file) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut todo = vec![function.function];
        while let Some(f) = todo.pop() {
            for &child in index.children.get(f.index()) {
                out.push(FnRef {
                    file: function.file,
                    function: child,
                });
                todo.push(child);
            }
        }
        out
    }

    /// The indices (into the script's `calls`) of the calls written directly in `function`, or
    /// at the top level for `None`.
    pub fn calls_in(&self, file: FileId, function: Option<FnId>) -> &[usize] {
        let Some(index) = self.scripts.get(&file) else {
            return &[];
        };
        match function {
            Some(f) => index.calls.get(f.index()),
            None => &index.top_calls,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;
    use crate::syntax::js::facts::{Keep, extract_source};

    #[test]
    fn grouped_keeps_each_keys_items_in_order_and_drops_unknown_keys() {
        let pairs = [(2, 'a'), (0, 'b'), (2, 'c'), (5, 'x'), (0, 'd'), (3, 'e')];
        let grouped = Grouped::new(4, pairs.into_iter());
        assert_eq!(grouped.get(0), ['b', 'd']);
        assert_eq!(grouped.get(1), [] as [char; 0]);
        assert_eq!(grouped.get(2), ['a', 'c']);
        assert_eq!(grouped.get(3), ['e']);
        assert_eq!(grouped.get(4), [] as [char; 0]);
        assert_eq!(grouped.get(5), [] as [char; 0]);
    }

    #[test]
    fn functions_are_found_by_name_in_script_order() {
        let src = "function pay() {}\nfunction buy() { function pay() {} }\nconst pay2 = () => {};";
        let facts = extract_source(src, FileKind::Script, Keep::EVERYTHING).facts;
        let index = ScriptIndex::new(&facts);
        let name = |n: &str| facts.functions[index.named(Ustr::from(n))[0].index()].span;
        assert_eq!(index.named(Ustr::from("pay")), [FnId::new(0), FnId::new(2)]);
        assert_eq!(index.named(Ustr::from("buy")), [FnId::new(1)]);
        assert_eq!(index.named(Ustr::from("pay2")), [FnId::new(3)]);
        assert_eq!(index.named(Ustr::from("refund")), [] as [FnId; 0]);
        assert_eq!(name("buy").start(), 18);
        assert_eq!(index.children.get(1), [FnId::new(2)]);
    }
}
