//! The object a configuration script exports, evaluated without running it: Taro's
//! `app.config.ts` (`export default defineAppConfig({ pages: [...] })`) and page configs, read into
//! the same JSON model as `app.json` so the project model reads every dialect's configuration one
//! way. Literals, arrays, objects, spreads, top-level `const`s and conditions on the build target
//! (`process.env.TARO_ENV === 'tt' ? a : b`, evaluated for a Douyin build) are understood; anything
//! else is left out, never guessed.

use rustc_hash::FxHashMap;

use oxc_ast::ast::{
    ArrayExpressionElement, BindingPattern, Declaration, Expression, ObjectExpression,
    ObjectPropertyKind, Program, PropertyKind, Statement, VariableDeclaration,
};

use super::ast::{Base, argument, prop_name, static_string, unwrap};
use super::cond::cond;
use super::eval::{Environment, Evaluator, NoValues};
use crate::syntax::json::{Json, JsonValue, Member};

/// Deepest chain of `const`s followed.
const MAX_DEPTH: usize = 32;

/// The wrappers Taro configs are written in.
const DEFINERS: &[&str] = &["defineAppConfig", "definePageConfig", "defineConfig"];

/// The object exported by `export default …` or `module.exports = …`, if it can be read. `base`
/// places the program's text in its file.
pub fn exported_object(program: &Program<'_>, base: Base) -> Option<Json> {
    let mut consts: FxHashMap<&str, &Expression<'_>> = FxHashMap::default();
    let mut exported: Option<&Expression<'_>> = None;
    for stmt in &program.body {
        match stmt {
            // `export default function () {}` and `export default class {}` are declarations,
            // not values: they leave what is exported as it was.
            Statement::ExportDefaultDeclaration(e) => {
                if let Some(expr) = e.declaration.as_expression() {
                    exported = Some(expr);
                }
            }
            Statement::ExportDeclaration(e) => {
                if let Declaration::VariableDeclaration(v) = &e.declaration {
                    note_consts(v, &mut consts);
                }
            }
            _ => note(stmt, &mut consts, &mut exported),
        }
    }
    let reader = Reader { consts, base };
    reader
        .value(exported?, 0)
        .filter(|v| v.as_object().is_some())
}

/// What a top-level statement tells: a `const`'s value, or `module.exports = …`.
fn note<'t, 'a>(
    stmt: &'t Statement<'a>,
    consts: &mut FxHashMap<&'t str, &'t Expression<'a>>,
    exported: &mut Option<&'t Expression<'a>>,
) {
    match stmt {
        Statement::VariableDeclaration(v) => note_consts(v, consts),
        Statement::ExpressionStatement(e) => {
            if let Expression::AssignmentExpression(a) = unwrap(&e.expression)
                && let Some(m) = a.left.as_member_expression()
                && super::cond::member_path(m).as_deref() == Some("module.exports")
            {
                *exported = Some(&a.right);
            }
        }
        _ => {}
    }
}

/// The initial values of the plain names a declaration binds (`const a = …`, not `const { a } =
/// …`).
fn note_consts<'t, 'a>(
    decl: &'t VariableDeclaration<'a>,
    consts: &mut FxHashMap<&'t str, &'t Expression<'a>>,
) {
    for d in &decl.declarations {
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&d.id, &d.init) {
            consts.insert(id.name.as_str(), init);
        }
    }
}

struct Reader<'t, 'a> {
    consts: FxHashMap<&'t str, &'t Expression<'a>>,
    base: Base,
}

impl Reader<'_, '_> {
    fn value(&self, expr: &Expression<'_>, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        let span = self.base.of(expr);
        if let Some(text) = static_string(expr) {
            return Some(Json {
                span,
                value: JsonValue::String(text),
            });
        }
        let value = match unwrap(expr) {
            Expression::NumericLiteral(n) => JsonValue::Number(n.value.to_string()),
            Expression::BooleanLiteral(b) => JsonValue::Bool(b.value),
            Expression::NullLiteral(_) => JsonValue::Null,
            Expression::Identifier(id) => {
                return self.value(self.consts.get(id.name.as_str())?, depth + 1);
            }
            Expression::ArrayExpression(array) => {
                let mut items = Vec::new();
                for item in &array.elements {
                    match item {
                        ArrayExpressionElement::SpreadElement(spread) => {
                            if let Some(Json {
                                value: JsonValue::Array(inner),
                                ..
                            }) = self.value(&spread.argument, depth + 1)
                            {
                                items.extend(inner);
                            }
                        }
                        ArrayExpressionElement::Elision(_) => {}
                        _ => items.extend(self.value(item.to_expression(), depth + 1)),
                    }
                }
                JsonValue::Array(items)
            }
            Expression::ObjectExpression(object) => JsonValue::Object(self.members(object, depth)),
            Expression::CallExpression(call) => {
                let Expression::Identifier(name) = unwrap(&call.callee) else {
                    return None;
                };
                if !DEFINERS.contains(&name.name.as_str()) {
                    return None;
                }
                return self.value(argument(call.arguments.first()?), depth + 1);
            }
            Expression::ConditionalExpression(c) => {
                let douyin = Evaluator::new(Environment::DOUYIN, &NoValues, &[]);
                let branch = if douyin.eval(&cond(&c.test))?.truthy() {
                    &c.consequent
                } else {
                    &c.alternate
                };
                return self.value(branch, depth + 1);
            }
            _ => return None,
        };
        Some(Json { span, value })
    }

    fn members(&self, object: &ObjectExpression<'_>, depth: usize) -> Vec<Member> {
        let mut members: Vec<Member> = Vec::new();
        for prop in &object.properties {
            match prop {
                ObjectPropertyKind::SpreadProperty(spread) => {
                    if let Some(Json {
                        value: JsonValue::Object(inner),
                        ..
                    }) = self.value(&spread.argument, depth + 1)
                    {
                        members.extend(inner);
                    }
                }
                ObjectPropertyKind::ObjectProperty(prop) => {
                    if prop.kind != PropertyKind::Init || prop.method {
                        continue;
                    }
                    let (key, key_span, value) = match &prop.value {
                        Expression::Identifier(id) if prop.shorthand => (
                            Some(id.name.as_str().to_owned()),
                            self.base.of(&**id),
                            self.consts
                                .get(id.name.as_str())
                                .and_then(|e| self.value(e, depth + 1)),
                        ),
                        value => (
                            prop_name(&prop.key, prop.computed),
                            self.base.of(&prop.key),
                            self.value(value, depth + 1),
                        ),
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
    use crate::syntax::js::parse::{parse, with_arena};

    fn read(src: &str) -> Option<Json> {
        with_arena(|arena| {
            let parsed = parse(arena, src, 0, FileKind::TypeScript).expect("parses");
            exported_object(&parsed.program, parsed.base)
        })
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
