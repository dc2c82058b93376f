//! The project's own call graph: which functions a call in one script reaches, across the
//! modules it `require`s or `import`s and the app instance `getApp()` returns, and which platform
//! API uses each script holds once the aliases other files set up are known
//! (`getApp().core = tt`, a module exporting `tt`). One file's facts name the callee; the project
//! model's references say which file a specifier loads.

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use ustr::Ustr;

use crate::base::api::Namespace;
use crate::base::source::{FileId, Span};
use crate::project::files::Files;
use crate::project::{Project, RefKind};
use crate::syntax::js::facts::{
    AliasBase, AliasTarget, ApiUse, Callee, FnId, ImportBinding, Imported, JsFacts,
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

/// One script's functions, indexed once: what is nested in each, the calls written directly in
/// each (or at the top level), and the functions by name.
#[derive(Debug, Default)]
struct ScriptIndex {
    children: Vec<Vec<FnId>>,
    calls: Vec<Vec<usize>>,
    top_calls: Vec<usize>,
    by_name: FxHashMap<Ustr, Vec<FnId>>,
}

impl ScriptIndex {
    fn new(facts: &JsFacts) -> Self {
        let mut index = Self {
            children: vec![Vec::new(); facts.functions.len()],
            calls: vec![Vec::new(); facts.functions.len()],
            ..Self::default()
        };
        for (i, f) in facts.functions.iter().enumerate() {
            let id = FnId(i as u32);
            if let Some(children) = f.parent.and_then(|p| index.children.get_mut(p.index())) {
                children.push(id);
            }
            if let Some(name) = &f.name {
                index.by_name.entry(*name).or_default().push(id);
            }
        }
        for (i, call) in facts.calls.iter().enumerate() {
            match call.function.and_then(|f| index.calls.get_mut(f.index())) {
                Some(calls) => calls.push(i),
                None => index.top_calls.push(i),
            }
        }
        index
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
        self.scripts
            .get(&file)
            .zip(Ustr::from_existing(name))
            .and_then(|(s, name)| s.by_name.get(&name))
            .map_or(&[], Vec::as_slice)
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
            Callee::Method(name) => {
                let methods: Vec<FnRef> = self
                    .named(file, name)
                    .iter()
                    .filter(|&&f| self.is_method(file, f))
                    .map(|&f| here(f))
                    .collect();
                if methods.is_empty() {
                    // A class component's method, or a method under a second name.
                    self.named(file, name)
                        .iter()
                        .map(|&f| here(f))
                        .chain(self.aliases(file, name, true, aliases))
                        .collect()
                } else {
                    methods
                }
            }
            Callee::Local(name) => {
                let local: Vec<FnRef> = self
                    .named(file, name)
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
                self.named(app, name)
                    .iter()
                    .filter(|&&f| self.is_method(app, f))
                    .map(|&function| FnRef {
                        file: app,
                        function,
                    })
                    .collect()
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
            .filter(|a| a.callee != Callee::Local(name.to_string()))
            .flat_map(|a| self.resolve_within(file, &a.callee, depth + 1))
            .collect()
    }

    /// The functions an event handler of a template of `file`'s unit runs: a method of the page
    /// or component by that name (what `bindtap="buy"` and a Vue `methods` entry call), else any
    /// function of the file by that name (a class method, a function component's closure, a
    /// `<script setup>` function), else what a method under that name stands for
    /// (`Page({ buy: pay })`); the arrow written in place; each function inline statements call.
    pub fn handler(&self, file: FileId, handler: &Handler) -> Vec<FnRef> {
        let named = |name: &str| -> Vec<FnRef> {
            let all = self.named(file, name);
            let methods: Vec<FnRef> = all
                .iter()
                .filter(|&&f| self.is_method(file, f))
                .map(|&function| FnRef { file, function })
                .collect();
            if !methods.is_empty() {
                return methods;
            }
            if !all.is_empty() {
                return all
                    .iter()
                    .map(|&function| FnRef { file, function })
                    .collect();
            }
            self.aliases(file, name, false, 0)
        };
        match handler {
            Handler::Named(name) => named(name),
            Handler::Inline(index) => vec![FnRef {
                file,
                function: FnId(*index),
            }],
            Handler::Calls(names) => names.iter().flat_map(|n| named(n)).collect(),
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
            if let Some(children) = index.children.get(f.index()) {
                for &child in children {
                    out.push(FnRef {
                        file: function.file,
                        function: child,
                    });
                    todo.push(child);
                }
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
            Some(f) => index.calls.get(f.index()).map_or(&[], Vec::as_slice),
            None => &index.top_calls,
        }
    }
}
