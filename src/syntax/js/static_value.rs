//! The object a configuration script exports, evaluated without running it: Taro's
//! `app.config.ts` (`export default defineAppConfig({ pages: [...] })`) and page configs, read into
//! the same JSON model as `app.json` so the project model reads every dialect's configuration one
//! way. Literals, arrays, objects, spreads, top-level `const`s and conditions on the build target
//! (`process.env.TARO_ENV === 'tt' ? a : b`, evaluated for a Douyin build) are understood; anything
//! else is left out, never guessed.

use rustc_hash::FxHashMap;

use swc_ecma_ast::{
    Callee, Decl, Expr, Lit, ModuleDecl, ModuleItem, ObjectLit, Pat, Program, Prop, PropOrSpread,
    Stmt,
};

use super::ast::{prop_name, span_of, static_string, unwrap};
use super::cond::cond;
use super::eval::{Environment, Evaluator, NoValues};
use crate::syntax::json::{Json, JsonValue, Member};

/// Deepest chain of `const`s followed.
const MAX_DEPTH: usize = 32;

/// The wrappers Taro configs are written in.
const DEFINERS: &[&str] = &["defineAppConfig", "definePageConfig", "defineConfig"];

/// The object exported by `export default …` or `module.exports = …`, if it can be read.
pub fn exported_object(program: &Program) -> Option<Json> {
    let mut consts: FxHashMap<&str, &Expr> = FxHashMap::default();
    let mut exported: Option<&Expr> = None;
    match program {
        Program::Module(module) => {
            for item in &module.body {
                match item {
                    ModuleItem::Stmt(stmt) => note(stmt, &mut consts, &mut exported),
                    ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(e)) => {
                        exported = Some(&e.expr);
                    }
                    ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(e)) => {
                        if let Decl::Var(v) = &e.decl {
                            for d in &v.decls {
                                if let (Pat::Ident(id), Some(init)) = (&d.name, &d.init) {
                                    consts.insert(id.id.sym.as_str(), &**init);
                                }
                            }
                        }
                    }
                    ModuleItem::ModuleDecl(_) => {}
                }
            }
        }
        Program::Script(script) => {
            for stmt in &script.body {
                note(stmt, &mut consts, &mut exported);
            }
        }
    }
    let reader = Reader { consts };
    reader
        .value(exported?, 0)
        .filter(|v| v.as_object().is_some())
}

/// What a top-level statement tells: a `const`'s value, or `module.exports = …`.
fn note<'a>(
    stmt: &'a Stmt,
    consts: &mut FxHashMap<&'a str, &'a Expr>,
    exported: &mut Option<&'a Expr>,
) {
    match stmt {
        Stmt::Decl(Decl::Var(v)) => {
            for d in &v.decls {
                if let (Pat::Ident(id), Some(init)) = (&d.name, &d.init) {
                    consts.insert(id.id.sym.as_str(), &**init);
                }
            }
        }
        Stmt::Expr(e) => {
            if let Expr::Assign(a) = unwrap(&e.expr)
                && let swc_ecma_ast::AssignTarget::Simple(swc_ecma_ast::SimpleAssignTarget::Member(
                    m,
                )) = &a.left
                && super::cond::member_path(m).as_deref() == Some("module.exports")
            {
                *exported = Some(&*a.right);
            }
        }
        _ => {}
    }
}

struct Reader<'a> {
    consts: FxHashMap<&'a str, &'a Expr>,
}

impl Reader<'_> {
    fn value(&self, expr: &Expr, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        let span = span_of(swc_common::Spanned::span(expr));
        if let Some(text) = static_string(expr) {
            return Some(Json {
                span,
                value: JsonValue::String(text),
            });
        }
        let value = match unwrap(expr) {
            Expr::Lit(Lit::Num(n)) => JsonValue::Number(n.value.to_string()),
            Expr::Lit(Lit::Bool(b)) => JsonValue::Bool(b.value),
            Expr::Lit(Lit::Null(_)) => JsonValue::Null,
            Expr::Ident(id) => return self.value(self.consts.get(id.sym.as_str())?, depth + 1),
            Expr::Array(array) => {
                let mut items = Vec::new();
                for item in array.elems.iter().flatten() {
                    let value = self.value(&item.expr, depth + 1);
                    match (item.spread, value) {
                        (
                            Some(_),
                            Some(Json {
                                value: JsonValue::Array(inner),
                                ..
                            }),
                        ) => items.extend(inner),
                        (None, Some(v)) => items.push(v),
                        _ => {}
                    }
                }
                JsonValue::Array(items)
            }
            Expr::Object(object) => JsonValue::Object(self.members(object, depth)),
            Expr::Call(call) => {
                let Callee::Expr(callee) = &call.callee else {
                    return None;
                };
                let Expr::Ident(name) = unwrap(callee) else {
                    return None;
                };
                if !DEFINERS.contains(&name.sym.as_str()) {
                    return None;
                }
                return self.value(&call.args.first()?.expr, depth + 1);
            }
            Expr::Cond(c) => {
                let douyin = Evaluator::new(Environment::DOUYIN, &NoValues, &[]);
                let branch = if douyin.eval(&cond(&c.test))?.truthy() {
                    &c.cons
                } else {
                    &c.alt
                };
                return self.value(branch, depth + 1);
            }
            _ => return None,
        };
        Some(Json { span, value })
    }

    fn members(&self, object: &ObjectLit, depth: usize) -> Vec<Member> {
        let mut members: Vec<Member> = Vec::new();
        for prop in &object.props {
            match prop {
                PropOrSpread::Spread(spread) => {
                    if let Some(Json {
                        value: JsonValue::Object(inner),
                        ..
                    }) = self.value(&spread.expr, depth + 1)
                    {
                        members.extend(inner);
                    }
                }
                PropOrSpread::Prop(prop) => {
                    let (key, key_span, value) = match &**prop {
                        Prop::KeyValue(kv) => (
                            prop_name(&kv.key),
                            span_of(swc_common::Spanned::span(&kv.key)),
                            self.value(&kv.value, depth + 1),
                        ),
                        Prop::Shorthand(id) => (
                            Some(id.sym.as_str().to_owned()),
                            span_of(id.span),
                            self.consts
                                .get(id.sym.as_str())
                                .and_then(|e| self.value(e, depth + 1)),
                        ),
                        _ => continue,
                    };
                    if let (Some(key), Some(value)) = (key, value) {
                        members.push(Member {
                            key,
                            key_span,
                            value,
                        });
                    }
                }
            }
        }
        members
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::FileKind;
    use crate::syntax::js::parse::parse;

    fn read(src: &str) -> Option<Json> {
        let parsed = parse(src, 0, FileKind::TypeScript).expect("parses");
        exported_object(&parsed.program)
    }

    fn pages(json: &Json) -> Vec<&str> {
        json.get("pages")
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(Json::as_str)
            .collect()
    }

    #[test]
    fn taro_app_configs_are_read_statically() {
        let src = "const common = ['pages/index/index'];\nconst extra = process.env.TARO_ENV === 'tt' ? ['pages/tt/index'] : ['pages/weapp/index'];\nexport default defineAppConfig({\n  pages: [...common, 'pages/mine/index', ...extra],\n  subPackages: [{ root: 'pkg', pages: ['vip/index'] }],\n  tabBar: { list: [{ pagePath: 'pages/index/index', text: '首页' }] },\n  window: { navigationBarTitleText: `会员商城` },\n})";
        let json = read(src).expect("an object");
        assert_eq!(
            pages(&json),
            vec!["pages/index/index", "pages/mine/index", "pages/tt/index"]
        );
        let sub = json.get("subPackages").and_then(Json::as_array).unwrap();
        assert_eq!(sub[0].get("root").and_then(Json::as_str), Some("pkg"));
        let title = json
            .get("window")
            .and_then(|w| w.get("navigationBarTitleText"))
            .unwrap();
        assert_eq!(title.as_str(), Some("会员商城"));
        assert_eq!(&src[title.span.start()..title.span.end()], "`会员商城`");
    }

    #[test]
    fn plain_objects_and_commonjs() {
        assert_eq!(
            pages(&read("export default { pages: ['a'] }").unwrap()),
            vec!["a"]
        );
        assert_eq!(
            pages(&read("const config = { pages: ['b'] }; module.exports = config").unwrap()),
            vec!["b"]
        );
        assert!(
            read("export default pages()").is_none(),
            "a call is not guessed"
        );
        assert!(read("export const a = 1").is_none());
    }
}
