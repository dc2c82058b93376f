//! Just enough scope analysis to tell the platform globals (`tt`, `wx`, `uni`…) from local
//! bindings that happen to share their names, and to follow aliases (`const t = tt`) and imports
//! (`import Taro from '@tarojs/taro'`).

use rustc_hash::FxHashMap;

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
///
/// Names are borrowed from the syntax tree: a set of scopes lives as long as one walk of it.
#[derive(Debug, Default)]
pub struct Scopes<'a> {
    stack: Vec<FxHashMap<&'a str, Binding>>,
}

impl<'a> Scopes<'a> {
    pub fn push(&mut self, names: Vec<&'a str>) {
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
        if let Some(held) = self.stack.iter_mut().rev().find_map(|s| s.get_mut(name)) {
            *held = binding;
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

/// Declarations a statement list binds in its own scope: `let`/`const`/`class`/`function` at this
/// level and, when `hoist_vars` (a function or program body), every `var` in nested blocks.
pub fn declared_in<'a>(stmts: &[Statement<'a>], hoist_vars: bool) -> Vec<&'a str> {
    let mut out = Vec::new();
    for stmt in stmts {
        lexical(stmt, &mut out);
        if hoist_vars {
            hoisted_vars(stmt, &mut out);
        }
    }
    out
}

/// The same for a program body, including imported and exported names. A script's body has no
/// imports or exports, so this also reads it as [`declared_in`] with `hoist_vars` would.
pub fn declared_in_module<'a>(body: &[Statement<'a>]) -> Vec<&'a str> {
    let mut out = Vec::new();
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
                decl_names(&export.declaration, true, &mut out);
            }
            _ => {
                lexical(stmt, &mut out);
                hoisted_vars(stmt, &mut out);
            }
        }
    }
    out
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

/// Names a `for` head binds in the loop's own scope (`let`/`const`).
pub fn for_head_lexical<'a>(head: &ForStatementLeft<'a>) -> Vec<&'a str> {
    let mut out = Vec::new();
    if let ForStatementLeft::VariableDeclaration(v) = head
        && matches!(
            v.kind,
            VariableDeclarationKind::Let | VariableDeclarationKind::Const
        )
    {
        var_names(v, &mut out);
    }
    out
}
