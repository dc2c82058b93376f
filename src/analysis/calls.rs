//! The project's own call graph: which functions a call in one script reaches, across the
//! modules it `require`s or `import`s. One file's facts name the callee; the project model's
//! references say which file a specifier loads.

use crate::base::source::FileId;
use crate::project::files::Files;
use crate::project::{Project, RefKind};
use crate::syntax::js::facts::{Callee, FnId, ImportBinding, Imported, JsFacts};
use crate::syntax::markup::Handler;

/// A function somewhere in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FnRef {
    pub file: FileId,
    pub function: FnId,
}

/// The file an import binding of `file` loads.
fn module_of(project: &Project, file: FileId, binding: &ImportBinding) -> Option<FileId> {
    project
        .references_from(file)
        .find(|r| r.kind == RefKind::Module && r.span == binding.span)
        .and_then(|r| r.to)
}

/// The functions a module exports under `name`.
fn exported(file: FileId, facts: &JsFacts, name: &str) -> Vec<FnRef> {
    facts
        .exports
        .iter()
        .filter(|e| e.name == name)
        .flat_map(|e| facts.functions_named(&e.local))
        .filter(|&f| facts.function(f).is_some_and(|f| !f.method))
        .map(|function| FnRef { file, function })
        .collect()
}

/// What `callee`, called in `file`, may be.
pub fn resolve(
    project: &Project,
    files: &Files,
    file: FileId,
    facts: &JsFacts,
    callee: &Callee,
) -> Vec<FnRef> {
    let here = |function| FnRef { file, function };
    let binding = |local: &str| facts.imports.iter().find(|i| i.local == local);
    let from_module = |binding: &ImportBinding, name: &str| -> Vec<FnRef> {
        let Some(module) = module_of(project, file, binding) else {
            return Vec::new();
        };
        match files.content(module).script() {
            Some(module_facts) => exported(module, module_facts, name),
            None => Vec::new(),
        }
    };
    match callee {
        Callee::Method(name) => facts
            .functions_named(name)
            .filter(|&f| facts.function(f).is_some_and(|f| f.method))
            .map(here)
            .collect(),
        Callee::Local(name) => {
            let local: Vec<FnRef> = facts
                .functions_named(name)
                .filter(|&f| facts.function(f).is_some_and(|f| !f.method))
                .map(here)
                .collect();
            if !local.is_empty() {
                return local;
            }
            match binding(name) {
                Some(b) => match &b.imported {
                    Imported::Named(imported) => from_module(b, imported),
                    Imported::Default | Imported::Namespace => from_module(b, "default"),
                },
                None => Vec::new(),
            }
        }
        Callee::Member(object, name) => match binding(object) {
            Some(b) if matches!(b.imported, Imported::Default | Imported::Namespace) => {
                from_module(b, name)
            }
            _ => Vec::new(),
        },
    }
}

/// The functions an event handler runs: a method of the page or component by that name (what
/// `bindtap="buy"` and a Vue `methods` entry call), else any function of the file by that name
/// (a class method, a function component's closure, a `<script setup>` function); the arrow
/// written in place; each function inline statements call.
pub fn handler_functions(facts: &JsFacts, handler: &Handler) -> Vec<FnId> {
    let named = |name: &str| -> Vec<FnId> {
        let all: Vec<FnId> = facts.functions_named(name).collect();
        let methods: Vec<FnId> = all
            .iter()
            .copied()
            .filter(|&f| facts.function(f).is_some_and(|f| f.method))
            .collect();
        if methods.is_empty() { all } else { methods }
    };
    match handler {
        Handler::Named(name) => named(name),
        Handler::Inline(index) => vec![FnId(*index)],
        Handler::Calls(names) => names.iter().flat_map(|n| named(n)).collect(),
        Handler::Dynamic => Vec::new(),
    }
}
