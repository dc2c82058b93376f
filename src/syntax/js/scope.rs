//! Just enough scope analysis to tell the platform globals (`tt`, `wx`, `uni`…) from local
//! bindings that happen to share their names, and to follow aliases (`const t = tt`) and imports
//! (`import Taro from '@tarojs/taro'`).

use rustc_hash::FxHashMap;

use crate::base::api::{Api, Namespace};

use super::ast::{RED_ZONE, SEGMENT};
use swc_ecma_ast::{
    Decl, ForHead, ImportSpecifier, ModuleDecl, ModuleItem, ObjectPatProp, Pat, Stmt, VarDecl,
    VarDeclKind, VarDeclOrExpr,
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
#[derive(Debug, Default)]
pub struct Scopes {
    stack: Vec<FxHashMap<String, Binding>>,
}

impl Scopes {
    pub fn push(&mut self, names: Vec<String>) {
        self.stack
            .push(names.into_iter().map(|n| (n, Binding::Local)).collect());
    }

    pub fn pop(&mut self) {
        self.stack.pop();
    }

    /// What `name` refers to here: a platform object or API (directly, through an alias or an
    /// import), or nothing ttlint follows.
    pub fn resolve(&self, name: &str) -> Binding {
        for scope in self.stack.iter().rev() {
            if let Some(binding) = scope.get(name) {
                return *binding;
            }
        }
        Namespace::global(name).map_or(Binding::Local, Binding::Namespace)
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
        self.stack.iter().any(|s| s.contains_key(name))
    }

    /// Records what the innermost binding of `name` holds.
    pub fn bind(&mut self, name: &str, binding: Binding) {
        if let Some(scope) = self.stack.iter_mut().rev().find(|s| s.contains_key(name)) {
            scope.insert(name.to_string(), binding);
        }
    }
}

/// Names bound by a pattern (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`).
pub fn pattern_names(pat: &Pat, out: &mut Vec<String>) {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || pattern_names_inner(pat, out));
}

fn pattern_names_inner(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(id) => out.push(id.id.sym.as_str().to_owned()),
        Pat::Array(array) => {
            for elem in array.elems.iter().flatten() {
                pattern_names(elem, out);
            }
        }
        Pat::Rest(rest) => pattern_names(&rest.arg, out),
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => pattern_names(&kv.value, out),
                    ObjectPatProp::Assign(assign) => {
                        out.push(assign.key.id.sym.as_str().to_owned())
                    }
                    ObjectPatProp::Rest(rest) => pattern_names(&rest.arg, out),
                }
            }
        }
        Pat::Assign(assign) => pattern_names(&assign.left, out),
        Pat::Invalid(_) | Pat::Expr(_) => {}
    }
}

fn var_names(decl: &VarDecl, out: &mut Vec<String>) {
    for d in &decl.decls {
        pattern_names(&d.name, out);
    }
}

/// Declarations a statement list binds in its own scope: `let`/`const`/`class`/`function` at this
/// level and, when `hoist_vars` (a function or program body), every `var` in nested blocks.
pub fn declared_in(stmts: &[Stmt], hoist_vars: bool) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in stmts {
        lexical(stmt, &mut out);
        if hoist_vars {
            hoisted_vars(stmt, &mut out);
        }
    }
    out
}

/// The same for a module body, including imported names.
pub fn declared_in_module(items: &[ModuleItem]) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        match item {
            ModuleItem::Stmt(stmt) => {
                lexical(stmt, &mut out);
                hoisted_vars(stmt, &mut out);
            }
            ModuleItem::ModuleDecl(ModuleDecl::Import(import)) => {
                for spec in &import.specifiers {
                    let local = match spec {
                        ImportSpecifier::Named(s) => &s.local,
                        ImportSpecifier::Default(s) => &s.local,
                        ImportSpecifier::Namespace(s) => &s.local,
                    };
                    out.push(local.sym.as_str().to_owned());
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => {
                decl_names(&export.decl, true, &mut out);
            }
            ModuleItem::ModuleDecl(_) => {}
        }
    }
    out
}

fn lexical(stmt: &Stmt, out: &mut Vec<String>) {
    if let Stmt::Decl(decl) = stmt {
        decl_names(decl, false, out);
    }
}

fn decl_names(decl: &Decl, include_var: bool, out: &mut Vec<String>) {
    match decl {
        Decl::Fn(f) => out.push(f.ident.sym.as_str().to_owned()),
        Decl::Class(c) => out.push(c.ident.sym.as_str().to_owned()),
        Decl::Var(v) if v.kind != VarDeclKind::Var || include_var => var_names(v, out),
        _ => {}
    }
}

/// `var` declarations anywhere in a statement, not looking into nested functions.
fn hoisted_vars(stmt: &Stmt, out: &mut Vec<String>) {
    // `else if` chains and nested blocks recurse as deep as they are long.
    stacker::maybe_grow(RED_ZONE, SEGMENT, || hoisted_vars_inner(stmt, out));
}

fn hoisted_vars_inner(stmt: &Stmt, out: &mut Vec<String>) {
    match stmt {
        Stmt::Decl(Decl::Var(v)) if v.kind == VarDeclKind::Var => var_names(v, out),
        Stmt::Block(b) => b.stmts.iter().for_each(|s| hoisted_vars(s, out)),
        Stmt::If(i) => {
            hoisted_vars(&i.cons, out);
            if let Some(alt) = &i.alt {
                hoisted_vars(alt, out);
            }
        }
        Stmt::For(f) => {
            if let Some(VarDeclOrExpr::VarDecl(v)) = &f.init
                && v.kind == VarDeclKind::Var
            {
                var_names(v, out);
            }
            hoisted_vars(&f.body, out);
        }
        Stmt::ForIn(f) => {
            for_head_vars(&f.left, out);
            hoisted_vars(&f.body, out);
        }
        Stmt::ForOf(f) => {
            for_head_vars(&f.left, out);
            hoisted_vars(&f.body, out);
        }
        Stmt::While(w) => hoisted_vars(&w.body, out),
        Stmt::DoWhile(w) => hoisted_vars(&w.body, out),
        Stmt::Labeled(l) => hoisted_vars(&l.body, out),
        Stmt::Try(t) => {
            t.block.stmts.iter().for_each(|s| hoisted_vars(s, out));
            if let Some(handler) = &t.handler {
                handler.body.stmts.iter().for_each(|s| hoisted_vars(s, out));
            }
            if let Some(finalizer) = &t.finalizer {
                finalizer.stmts.iter().for_each(|s| hoisted_vars(s, out));
            }
        }
        Stmt::Switch(s) => {
            for case in &s.cases {
                case.cons.iter().for_each(|s| hoisted_vars(s, out));
            }
        }
        _ => {}
    }
}

fn for_head_vars(head: &ForHead, out: &mut Vec<String>) {
    if let ForHead::VarDecl(v) = head
        && v.kind == VarDeclKind::Var
    {
        var_names(v, out);
    }
}

/// Names a `for` head binds in the loop's own scope (`let`/`const`).
pub fn for_head_lexical(head: &ForHead) -> Vec<String> {
    let mut out = Vec::new();
    if let ForHead::VarDecl(v) = head
        && v.kind != VarDeclKind::Var
    {
        var_names(v, &mut out);
    }
    out
}
