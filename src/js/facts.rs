//! The facts ttlint reads from a script, collected in one traversal of its syntax tree.
//!
//! Facts are plain data: which platform APIs the script uses and how, which modules it loads.
//! Rules match against facts, never against the tree, so adding a rule never adds a traversal.

use swc_ecma_ast::{
    ArrowExpr, BlockStmt, CallExpr, Callee, CatchClause, Constructor, Expr, ExprOrSpread,
    ForInStmt, ForOfStmt, ForStmt, Function, Lit, MemberExpr, MemberProp, Module, ModuleDecl,
    ObjectLit, ObjectPatProp, OptChainBase, OptChainExpr, Pat, Prop, PropName, PropOrSpread,
    Script, Stmt, TsType, VarDeclarator,
};
use swc_ecma_visit::{Visit, VisitWith};

use super::conditional::{Regions, Target};
use super::scope::{Scopes, declared_in, declared_in_module, for_head_lexical, pattern_names};
use super::{Comment, span_of};
use crate::source::Span;

pub use super::scope::Global;

/// How a platform API is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Called: `tt.pay({...})`, `tt?.pay()`, `tt['pay']()`.
    Call,
    /// Referenced without being called: `promisify(tt.pay)`, `const p = tt.pay`.
    Value,
    /// Taken out of the object by destructuring: `const { pay } = tt`.
    Destructure,
}

/// A use of `tt.<name>`, `wx.<name>` or `uni.<name>`, through the global itself or an alias of it.
#[derive(Debug, Clone)]
pub struct ApiUse {
    pub global: Global,
    pub name: String,
    /// The reference: `tt.pay` in `tt.pay({...})`, the key `pay` in `const { pay } = tt`.
    pub span: Span,
    pub access: Access,
    /// For a call whose first argument is an object literal: that object.
    pub options: Option<ObjectFacts>,
    /// Whether the code ships to Douyin (uni-app conditional compilation).
    pub target: Target,
}

/// The shape of an object literal passed to an API: its keys and literal string values.
#[derive(Debug, Clone, Default)]
pub struct ObjectFacts {
    pub span: Span,
    pub props: Vec<PropFacts>,
}

#[derive(Debug, Clone)]
pub struct PropFacts {
    pub key: String,
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
    pub specifier: String,
    /// The string literal naming the module.
    pub span: Span,
    pub kind: ModuleRefKind,
    pub target: Target,
}

/// Everything the rules need from one script.
#[derive(Debug, Clone, Default)]
pub struct JsFacts {
    pub api_uses: Vec<ApiUse>,
    pub module_refs: Vec<ModuleRef>,
    /// uni-app conditional-compilation regions, for rules that ask about other offsets.
    pub regions: Regions,
}

/// What one traversal yields: the facts, and how deep the tree was.
pub struct Extracted {
    pub facts: JsFacts,
    /// The deepest nesting of expressions, statements and patterns met.
    pub depth: usize,
}

/// Extracts the facts of a parsed program in one traversal.
pub fn extract(program: &swc_ecma_ast::Program, comments: &[Comment]) -> Extracted {
    let regions = Regions::from_comments(comments.iter().map(|c| (c.span, c.text.as_str())));
    let mut extractor = Extractor {
        facts: JsFacts::default(),
        scopes: Scopes::default(),
        regions,
        depth: 0,
        max_depth: 0,
    };
    program.visit_with(&mut extractor);
    let mut facts = extractor.facts;
    facts.regions = extractor.regions;
    Extracted {
        facts,
        depth: extractor.max_depth,
    }
}

struct Extractor {
    facts: JsFacts,
    scopes: Scopes,
    regions: Regions,
    depth: usize,
    max_depth: usize,
}

/// The string value of a literal expression: `'x'`, `"x"`, or `` `x` `` without substitutions.
pub(crate) fn static_string(expr: &Expr) -> Option<String> {
    match unwrap(expr) {
        Expr::Lit(Lit::Str(s)) => Some(s.value.to_string_lossy().into_owned()),
        Expr::Tpl(t) if t.exprs.is_empty() => t
            .quasis
            .first()
            .and_then(|q| q.cooked.as_ref())
            .map(|c| c.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The expression under parentheses and TypeScript casts.
pub(crate) fn unwrap(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(p) => &p.expr,
            Expr::TsAs(e) => &e.expr,
            Expr::TsNonNull(e) => &e.expr,
            Expr::TsTypeAssertion(e) => &e.expr,
            Expr::TsConstAssertion(e) => &e.expr,
            Expr::TsSatisfies(e) => &e.expr,
            _ => return expr,
        }
    }
}

fn prop_name(prop: &PropName) -> Option<String> {
    match prop {
        PropName::Ident(i) => Some(i.sym.to_string()),
        PropName::Str(s) => Some(s.value.to_string_lossy().into_owned()),
        PropName::Num(n) => Some(n.value.to_string()),
        PropName::Computed(c) => static_string(&c.expr),
        PropName::BigInt(_) => None,
    }
}

fn object_facts(object: &ObjectLit) -> ObjectFacts {
    let mut props = Vec::new();
    for prop in &object.props {
        let PropOrSpread::Prop(prop) = prop else {
            continue;
        };
        let (key, key_span, value): (Option<String>, Span, Option<&Expr>) = match &**prop {
            Prop::KeyValue(kv) => (
                prop_name(&kv.key),
                span_of(swc_common::Spanned::span(&kv.key)),
                Some(&kv.value),
            ),
            Prop::Shorthand(id) => (Some(id.sym.to_string()), span_of(id.span), None),
            Prop::Method(m) => (
                prop_name(&m.key),
                span_of(swc_common::Spanned::span(&m.key)),
                None,
            ),
            _ => continue,
        };
        let Some(key) = key else { continue };
        props.push(PropFacts {
            key,
            key_span,
            string: value.and_then(static_string),
            value_span: value.map_or(key_span, |v| span_of(swc_common::Spanned::span(v))),
        });
    }
    ObjectFacts {
        span: span_of(object.span),
        props,
    }
}

impl Extractor {
    /// `tt.pay`, `tt['pay']`, `t.pay` (t an alias of tt): the global and the member name.
    fn api_member(&self, member: &MemberExpr) -> Option<(Global, String)> {
        let Expr::Ident(object) = unwrap(&member.obj) else {
            return None;
        };
        let global = self.scopes.resolve(&object.sym)?;
        let name = match &member.prop {
            MemberProp::Ident(i) => i.sym.to_string(),
            MemberProp::Computed(c) => static_string(&c.expr)?,
            MemberProp::PrivateName(_) => return None,
        };
        Some((global, name))
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

    fn record(
        &mut self,
        global: Global,
        name: String,
        span: Span,
        access: Access,
        args: &[ExprOrSpread],
    ) {
        let options = match args.first() {
            Some(ExprOrSpread { spread: None, expr }) => match unwrap(expr) {
                Expr::Object(object) => Some(object_facts(object)),
                _ => None,
            },
            _ => None,
        };
        let target = self.regions.target_at(span.start);
        self.facts.api_uses.push(ApiUse {
            global,
            name,
            span,
            access,
            options,
            target,
        });
    }

    fn module_ref(&mut self, specifier: String, span: Span, kind: ModuleRefKind) {
        let target = self.regions.target_at(span.start);
        self.facts.module_refs.push(ModuleRef {
            specifier,
            span,
            kind,
            target,
        });
    }

    /// Handles a call; returns whether the callee was consumed (so it must not be visited again as
    /// a plain reference).
    fn call(&mut self, callee: &Expr, args: &[ExprOrSpread]) -> bool {
        if let Some(member) = self.callee_member(callee)
            && let Some((global, name)) = self.api_member(member)
        {
            self.record(global, name, span_of(member.span), Access::Call, args);
            return true;
        }
        if let Expr::Ident(id) = unwrap(callee)
            && &*id.sym == "require"
            && !self.scopes.is_bound("require")
            && let Some(ExprOrSpread { spread: None, expr }) = args.first()
            && let Some(specifier) = static_string(expr)
        {
            let span = span_of(swc_common::Spanned::span(&**expr));
            self.module_ref(specifier, span, ModuleRefKind::Require);
        }
        false
    }

    fn with_scope(&mut self, names: Vec<String>, f: impl FnOnce(&mut Self)) {
        self.scopes.push(names);
        f(self);
        self.scopes.pop();
    }
}

impl Extractor {
    /// Recurses into a node on a stack that grows on the heap when it runs low. Syntax nests
    /// without brackets (`1+1+1+…` and `else if` chains are trees as deep as they are long), so no
    /// limit on the text bounds the recursion; growing the stack does.
    fn deeper(&mut self, f: impl FnOnce(&mut Self)) {
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        stacker::maybe_grow(RED_ZONE, SEGMENT, || f(self));
        self.depth -= 1;
    }
}

/// Stack left before a walk moves onto a fresh segment, and that segment's size.
pub(crate) const RED_ZONE: usize = 256 * 1024;
pub(crate) const SEGMENT: usize = 16 * 1024 * 1024;

impl Visit for Extractor {
    fn visit_expr(&mut self, expr: &Expr) {
        self.deeper(|this| expr.visit_children_with(this));
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        self.deeper(|this| stmt.visit_children_with(this));
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

    fn visit_function(&mut self, function: &Function) {
        let mut names = Vec::new();
        for param in &function.params {
            pattern_names(&param.pat, &mut names);
        }
        if let Some(body) = &function.body {
            names.extend(declared_in(&body.stmts, true));
        }
        names.push("arguments".into());
        self.with_scope(names, |this| function.visit_children_with(this));
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let mut names = Vec::new();
        for param in &arrow.params {
            pattern_names(param, &mut names);
        }
        if let swc_ecma_ast::ArrowFunctionBody::FunctionBody(body) = &*arrow.body {
            names.extend(declared_in(&body.stmts, true));
        }
        self.with_scope(names, |this| arrow.visit_children_with(this));
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
        self.with_scope(names, |this| constructor.visit_children_with(this));
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

    fn visit_var_declarator(&mut self, decl: &VarDeclarator) {
        if let Some(init) = &decl.init
            && let Expr::Ident(id) = unwrap(init)
            && let Some(global) = self.scopes.resolve(&id.sym)
        {
            match &decl.name {
                // `const t = tt`: later `t.pay()` is `tt.pay()`.
                Pat::Ident(alias) => self.scopes.mark_alias(&alias.id.sym, global),
                // `const { pay, request: req } = tt`.
                Pat::Object(object) => {
                    for prop in &object.props {
                        let (name, span) = match prop {
                            ObjectPatProp::KeyValue(kv) => (
                                prop_name(&kv.key),
                                span_of(swc_common::Spanned::span(&kv.key)),
                            ),
                            ObjectPatProp::Assign(a) => {
                                (Some(a.key.id.sym.to_string()), span_of(a.key.id.span))
                            }
                            ObjectPatProp::Rest(_) => (None, Span::default()),
                        };
                        if let Some(name) = name {
                            self.record(global, name, span, Access::Destructure, &[]);
                        }
                    }
                }
                _ => {}
            }
        }
        decl.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        match &call.callee {
            Callee::Expr(callee) => {
                if !self.call(callee, &call.args) {
                    callee.visit_with(self);
                }
            }
            Callee::Import(_) => {
                if let Some(ExprOrSpread { spread: None, expr }) = call.args.first()
                    && let Some(specifier) = static_string(expr)
                {
                    let span = span_of(swc_common::Spanned::span(&**expr));
                    self.module_ref(specifier, span, ModuleRefKind::Import);
                }
            }
            Callee::Super(_) => {}
        }
        call.args.visit_with(self);
    }

    fn visit_opt_chain_expr(&mut self, chain: &OptChainExpr) {
        match &*chain.base {
            OptChainBase::Call(call) => {
                if !self.call(&call.callee, &call.args) {
                    call.callee.visit_with(self);
                }
                call.args.visit_with(self);
            }
            OptChainBase::Member(member) => self.visit_member_expr(member),
        }
    }

    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if let Some((global, name)) = self.api_member(member) {
            self.record(global, name, span_of(member.span), Access::Value, &[]);
            return;
        }
        member.visit_children_with(self);
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        let source = match decl {
            ModuleDecl::Import(i) if !i.type_only => Some(&i.src),
            ModuleDecl::ExportAll(e) if !e.type_only => Some(&e.src),
            ModuleDecl::ExportNamed(e) if !e.type_only => e.src.as_ref(),
            _ => None,
        };
        if let Some(src) = source {
            let specifier = src.value.to_string_lossy().into_owned();
            self.module_ref(specifier, span_of(src.span), ModuleRefKind::Import);
        }
        decl.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileKind;

    fn facts(src: &str) -> JsFacts {
        let parsed = super::super::parse(src, 0, FileKind::Script).expect("parses");
        extract(&parsed.program, &parsed.comments).facts
    }

    fn uses(src: &str) -> Vec<(String, Access, &str)> {
        let f = facts(src);
        f.api_uses
            .iter()
            .map(|u| {
                let text = &src[u.span.start..u.span.end];
                (format!("{}.{}", u.global.name(), u.name), u.access, text)
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
    fn conditional_regions_are_attached() {
        let f = facts(
            "// #ifdef MP-WEIXIN\nwx.requestPayment({});\n// #endif\n// #ifdef MP-TOUTIAO\nuni.requestPayment({});\n// #endif\n",
        );
        assert_eq!(f.api_uses[0].target, Target::Excluded);
        assert_eq!(f.api_uses[1].target, Target::Douyin);
    }
}
