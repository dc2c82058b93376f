//! Just enough scope analysis to tell the platform globals (`tt`, `wx`, `uni`…) from local
//! bindings that happen to share their names, and to follow aliases (`const t = tt`) and imports
//! (`import Taro from '@tarojs/taro'`).

use rustc_hash::FxHashSet;

use crate::base::api::{Api, Namespace};

use super::ast::{RED_ZONE, SEGMENT};
use oxc_ast::ast::{
    BindingPattern, Declaration, ForStatementInit, ForStatementLeft, ImportDeclarationSpecifier,
    Statement, VariableDeclaration, VariableDeclarationKind,
};

/// What a name is bound to in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// A local binding unrelated to the platform objects.
    Local,
    /// A local that holds a platform object (`const t = tt`, `import Taro from '@tarojs/taro'`).
    Namespace(Namespace),
    /// A local that holds one API (`import { requestPayment } from '@tarojs/taro'`).
    Api(Api),
}

/// A stack of lexical scopes. Declarations are collected when a scope is entered (hoisting), so a
/// `var tt` later in a function still shadows the global at its top.
/// Names are borrowed from the syntax tree: a set of scopes lives as long as one walk of it.
#[derive(Debug, Default)]
pub struct Scopes<'a> {
    stack: Vec<Scope<'a>>,
    /// Name lists of scopes left, emptied, for the next scopes entered ([`Scopes::enter`]):
    /// every function and block enters one, and a list allocated for each and freed when it
    /// was left was most of what entering cost.
    spare: Vec<Vec<&'a str>>,
    /// How many names of the scopes on the stack hold a platform object or API. Most scripts
    /// bind none (no `const t = tt`, no imported API), and then only a global can be one: every
    /// member expression asks, and was answered by searching every scope's names.
    holding: usize,
}

/// One scope's names. Nearly every scope declares a handful and holds no platform object, so the
/// list of names it was entered with is kept as it is and searched in order: building a hash map
/// for each function and block was a seventieth of a run.
#[derive(Debug)]
struct Scope<'a> {
    names: Vec<&'a str>,
    /// For a scope of more than [`INDEXED`] names (a bundle's top level), a set to look them up.
    index: Option<FxHashSet<&'a str>>,
    /// Names of this scope that hold a platform object or API, with what they hold, latest last.
    held: Vec<(&'a str, Binding)>,
}

/// Names a scope may declare before its look-ups go through a set.
const INDEXED: usize = 32;

impl<'a> Scope<'a> {
    /// The scope's own spelling of `name`, if it declares it.
    fn declared(&self, name: &str) -> Option<&'a str> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.names.iter().find(|n| **n == name).copied(),
        }
    }

    fn binding(&self, name: &str) -> Option<Binding> {
        self.declared(name)?;
        let held = self.held.iter().rev().find(|(n, _)| *n == name);
        Some(held.map_or(Binding::Local, |&(_, binding)| binding))
    }
}

impl<'a> Scopes<'a> {
    /// Enters a scope declaring the names `declare` adds to the list it is given (one left by a
    /// scope before, emptied).
    pub fn enter(&mut self, declare: impl FnOnce(&mut Vec<&'a str>)) {
        let mut names = self.spare.pop().unwrap_or_default();
        declare(&mut names);
        let index = (names.len() > INDEXED).then(|| names.iter().copied().collect());
        self.stack.push(Scope {
            names,
            index,
            held: Vec::new(),
        });
    }

    pub fn leave(&mut self) {
        if let Some(scope) = self.stack.pop() {
            self.holding -= scope.held.len();
            let mut names = scope.names;
            names.clear();
            self.spare.push(names);
        }
    }

    /// What `name` refers to here: a platform object or API (directly, through an alias or an
    /// import), or nothing ttlint follows.
    pub fn resolve(&self, name: &str) -> Binding {
        let global = Namespace::global(name);
        if self.holding == 0 && global.is_none() {
            return Binding::Local;
        }
        for scope in self.stack.iter().rev() {
            if let Some(binding) = scope.binding(name) {
                return binding;
            }
        }
        global.map_or(Binding::Local, Binding::Namespace)
    }

    /// The platform object `name` stands for here, if any.
    pub fn namespace(&self, name: &str) -> Option<Namespace> {
        match self.resolve(name) {
            Binding::Namespace(ns) => Some(ns),
            Binding::Local | Binding::Api(_) => None,
        }
    }

    /// Whether `name` is bound anywhere in scope (so it is not the global of that name).
    pub fn is_bound(&self, name: &str) -> bool {
        self.stack.iter().any(|s| s.declared(name).is_some())
    }

    /// Records what the innermost binding of `name` holds.
    pub fn bind(&mut self, name: &str, binding: Binding) {
        for scope in self.stack.iter_mut().rev() {
            if let Some(own) = scope.declared(name) {
                scope.held.push((own, binding));
                self.holding += 1;
                return;
            }
        }
    }
}

/// Names bound by a pattern (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`).
pub fn pattern_names<'a>(pat: &BindingPattern<'a>, out: &mut Vec<&'a str>) {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || pattern_names_inner(pat, out));
}

fn pattern_names_inner<'a>(pat: &BindingPattern<'a>, out: &mut Vec<&'a str>) {
    match pat {
        BindingPattern::BindingIdentifier(id) => out.push(id.name.as_str()),
        BindingPattern::ArrayPattern(array) => {
            for elem in array.elements.iter().flatten() {
                pattern_names(elem, out);
            }
            if let Some(rest) = &array.rest {
                pattern_names(&rest.argument, out);
            }
        }
        BindingPattern::ObjectPattern(object) => {
            for prop in &object.properties {
                pattern_names(&prop.value, out);
            }
            if let Some(rest) = &object.rest {
                pattern_names(&rest.argument, out);
            }
        }
        BindingPattern::AssignmentPattern(assign) => pattern_names(&assign.left, out),
    }
}

fn var_names<'a>(decl: &VariableDeclaration<'a>, out: &mut Vec<&'a str>) {
    for d in &decl.declarations {
        pattern_names(&d.id, out);
    }
}

/// Adds to `out` the declarations a statement list binds in its own scope: `let`/`const`/
/// `class`/`function` at this level and, when `hoist_vars` (a function or program body), every
/// `var` in nested blocks.
pub fn declared_in<'a>(stmts: &[Statement<'a>], hoist_vars: bool, out: &mut Vec<&'a str>) {
    for stmt in stmts {
        lexical(stmt, out);
        if hoist_vars {
            hoisted_vars(stmt, out);
        }
    }
}

/// The same for a program body, including imported and exported names. A script's body has no
/// imports or exports, so this also reads it as [`declared_in`] with `hoist_vars` would.
pub fn declared_in_module<'a>(body: &[Statement<'a>], out: &mut Vec<&'a str>) {
    for stmt in body {
        match stmt {
            Statement::ImportDeclaration(import) => {
                for spec in import.specifiers.iter().flatten() {
                    let local = match spec {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => &s.local,
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => &s.local,
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => &s.local,
                    };
                    out.push(local.name.as_str());
                }
            }
            Statement::ExportDeclaration(export) => {
                decl_names(&export.declaration, true, out);
            }
            _ => {
                lexical(stmt, out);
                hoisted_vars(stmt, out);
            }
        }
    }
}

fn lexical<'a>(stmt: &Statement<'a>, out: &mut Vec<&'a str>) {
    if let Some(decl) = stmt.as_declaration() {
        decl_names(decl, false, out);
    }
}

/// Names a declaration binds: a function's, a class's, and a variable declaration's (`var`s only
/// when `include_var`).
fn decl_names<'a>(decl: &Declaration<'a>, include_var: bool, out: &mut Vec<&'a str>) {
    match decl {
        Declaration::FunctionDeclaration(f) => out.extend(f.id.as_ref().map(|id| id.name.as_str())),
        Declaration::ClassDeclaration(c) => out.extend(c.id.as_ref().map(|id| id.name.as_str())),
        Declaration::VariableDeclaration(v)
            if v.kind != VariableDeclarationKind::Var || include_var =>
        {
            var_names(v, out)
        }
        _ => {}
    }
}

/// `var` declarations anywhere in a statement, not looking into nested functions.
fn hoisted_vars<'a>(stmt: &Statement<'a>, out: &mut Vec<&'a str>) {
    // `else if` chains and nested blocks recurse as deep as they are long.
    stacker::maybe_grow(RED_ZONE, SEGMENT, || hoisted_vars_inner(stmt, out));
}

fn hoisted_vars_inner<'a>(stmt: &Statement<'a>, out: &mut Vec<&'a str>) {
    match stmt {
        Statement::VariableDeclaration(v) => var_only(v, out),
        Statement::BlockStatement(b) => b.body.iter().for_each(|s| hoisted_vars(s, out)),
        Statement::IfStatement(i) => {
            hoisted_vars(&i.consequent, out);
            if let Some(alt) = &i.alternate {
                hoisted_vars(alt, out);
            }
        }
        Statement::ForStatement(f) => {
            if let Some(ForStatementInit::VariableDeclaration(v)) = &f.init {
                var_only(v, out);
            }
            hoisted_vars(&f.body, out);
        }
        Statement::ForInStatement(f) => {
            for_head_vars(&f.left, out);
            hoisted_vars(&f.body, out);
        }
        Statement::ForOfStatement(f) => {
            for_head_vars(&f.left, out);
            hoisted_vars(&f.body, out);
        }
        Statement::WhileStatement(w) => hoisted_vars(&w.body, out),
        Statement::DoWhileStatement(w) => hoisted_vars(&w.body, out),
        Statement::LabeledStatement(l) => hoisted_vars(&l.body, out),
        Statement::TryStatement(t) => {
            t.block.body.iter().for_each(|s| hoisted_vars(s, out));
            if let Some(handler) = &t.handler {
                handler.body.body.iter().for_each(|s| hoisted_vars(s, out));
            }
            if let Some(finalizer) = &t.finalizer {
                finalizer.body.iter().for_each(|s| hoisted_vars(s, out));
            }
        }
        Statement::SwitchStatement(s) => {
            for case in &s.cases {
                case.consequent.iter().for_each(|s| hoisted_vars(s, out));
            }
        }
        _ => {}
    }
}

/// The names of a declaration when it is a `var`.
fn var_only<'a>(decl: &VariableDeclaration<'a>, out: &mut Vec<&'a str>) {
    if decl.kind == VariableDeclarationKind::Var {
        var_names(decl, out);
    }
}

fn for_head_vars<'a>(head: &ForStatementLeft<'a>, out: &mut Vec<&'a str>) {
    if let ForStatementLeft::VariableDeclaration(v) = head {
        var_only(v, out);
    }
}

/// Adds to `out` the names a `for` head binds in the loop's own scope (`let`/`const`).
pub fn for_head_lexical<'a>(head: &ForStatementLeft<'a>, out: &mut Vec<&'a str>) {
    if let ForStatementLeft::VariableDeclaration(v) = head
        && matches!(
            v.kind,
            VariableDeclarationKind::Let | VariableDeclarationKind::Const
        )
    {
        var_names(v, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The innermost declaration of a name decides what it is, in small scopes and in scopes
    /// looked up through a set alike; what a name holds is recorded on its own scope only.
    #[test]
    fn the_innermost_declaration_decides() {
        let many: Vec<String> = (0..=INDEXED).map(|i| format!("v{i}")).collect();
        let mut top: Vec<&str> = many.iter().map(String::as_str).collect();
        top.push("t");
        let mut scopes = Scopes::default();
        // With no name holding anything, a local still shadows the global of its name.
        scopes.enter(|names| names.extend(["tt", "e"]));
        assert_eq!(scopes.resolve("tt"), Binding::Local);
        assert_eq!(scopes.resolve("e"), Binding::Local);
        assert_eq!(scopes.resolve("wx"), Binding::Namespace(Namespace::Wx));
        scopes.leave();
        scopes.enter(|names| names.extend(&top));
        assert!(scopes.stack[0].index.is_some());
        assert_eq!(scopes.resolve("tt"), Binding::Namespace(Namespace::Tt));
        assert_eq!(scopes.resolve("v7"), Binding::Local);
        scopes.bind("t", Binding::Namespace(Namespace::Tt));
        scopes.enter(|names| names.extend(["tt", "x"]));
        assert!(scopes.stack[1].index.is_none());
        assert_eq!(scopes.namespace("t"), Some(Namespace::Tt));
        assert_eq!(scopes.namespace("tt"), None);
        scopes.bind("x", Binding::Namespace(Namespace::Wx));
        assert_eq!(scopes.namespace("x"), Some(Namespace::Wx));
        scopes.bind("x", Binding::Local);
        assert_eq!(scopes.namespace("x"), None);
        assert!(scopes.is_bound("v32") && scopes.is_bound("x") && !scopes.is_bound("wx"));
        scopes.bind("nowhere", Binding::Namespace(Namespace::Tt));
        assert_eq!(scopes.resolve("nowhere"), Binding::Local);
        scopes.leave();
        assert_eq!(scopes.namespace("tt"), Some(Namespace::Tt));
        assert!(!scopes.is_bound("x"));
        assert_eq!(scopes.namespace("t"), Some(Namespace::Tt));
        // The list of the scope left is the next one's, emptied.
        scopes.enter(|names| {
            assert!(names.is_empty() && names.capacity() >= 2);
            names.push("y");
        });
        assert!(scopes.is_bound("y") && !scopes.is_bound("x"));
    }
}
