//! Code whose meaning is decided at run time, read as far as the text allows: module paths built
//! from a constant folder and a name, and handlers wrapped in a helper before they are stored.

use oxc_ast::ast::{Argument, BinaryOperator, Expression};

use super::model::NamePattern;
use crate::syntax::js::ast::{text, unwrap};

/// One piece of a path expression: text known when the code is read, or not.
enum Piece {
    Known(String),
    Unknown,
}

fn pieces(expr: &Expression<'_>, constant: &dyn Fn(&str) -> Option<String>, out: &mut Vec<Piece>) {
    match unwrap(expr) {
        Expression::StringLiteral(s) => {
            out.push(Piece::Known(text(&s.value, s.lone_surrogates).into_owned()))
        }
        Expression::TemplateLiteral(t) => {
            for (i, quasi) in t.quasis.iter().enumerate() {
                match &quasi.value.cooked {
                    Some(cooked) => out.push(Piece::Known(
                        text(cooked, quasi.lone_surrogates).into_owned(),
                    )),
                    None => out.push(Piece::Unknown),
                }
                if let Some(e) = t.expressions.get(i) {
                    pieces(e, constant, out);
                }
            }
        }
        Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
            pieces(&b.left, constant, out);
            pieces(&b.right, constant, out);
        }
        Expression::Identifier(id) => match constant(&id.name) {
            Some(text) => out.push(Piece::Known(text)),
            None => out.push(Piece::Unknown),
        },
        _ => out.push(Piece::Unknown),
    }
}

/// What a module path expression names.
#[derive(Debug, PartialEq, Eq)]
pub enum ModulePath {
    /// Text known when the code is read: `DIR + 'pay'` with `const DIR = './api/'`.
    Known(String),
    /// A file of a folder, built at run time (`` `./api/${name}.js` ``).
    Built(String, NamePattern),
}

/// The module a path expression names: `'./api/' + 'pay'` (or `API_DIR + 'pay'` with a
/// top-level `const API_DIR = './api/'`) is known text; `` `./api/${name}.js` `` and
/// `'./api/' + name` name a file of `./api/`. `None` when no folder is known (`'' + file`):
/// guessing would load anything.
pub fn module_path(
    expr: &Expression<'_>,
    constant: &dyn Fn(&str) -> Option<String>,
) -> Option<ModulePath> {
    let mut parts = Vec::new();
    pieces(expr, constant, &mut parts);
    let Some(first_unknown) = parts.iter().position(|p| matches!(p, Piece::Unknown)) else {
        let text = parts
            .into_iter()
            .map(|p| match p {
                Piece::Known(t) => t,
                Piece::Unknown => String::new(),
            })
            .collect();
        return Some(ModulePath::Known(text));
    };
    let last_unknown = parts.iter().rposition(|p| matches!(p, Piece::Unknown))?;
    let text = |range: &[Piece]| -> String {
        range
            .iter()
            .map(|p| match p {
                Piece::Known(t) => t.as_str(),
                Piece::Unknown => "",
            })
            .collect()
    };
    let head = text(&parts[..first_unknown]);
    let suffix = text(&parts[last_unknown + 1..]);
    let slash = head.rfind('/')?;
    let folder = &head[..=slash];
    let relative = folder.starts_with("./")
        || folder.starts_with("../")
        || folder.starts_with('/')
        || folder.starts_with("@/");
    if !relative || suffix.contains('/') {
        return None;
    }
    Some(ModulePath::Built(
        folder.to_string(),
        NamePattern {
            prefix: head[slash + 1..].to_string(),
            suffix,
        },
    ))
}

/// Whether a value is a function wrapped by a helper that returns a stand-in for it:
/// `debounce(function () { … }, 300)`, `useCallback(() => …, [])`. The function written in place
/// is what runs when the stand-in is called, so it takes the name the stand-in is stored under.
pub fn wrapped_function(value: &Expression<'_>) -> bool {
    first_argument(value).is_some_and(|arg| {
        matches!(
            unwrap(arg),
            Expression::FunctionExpression(_) | Expression::ArrowFunctionExpression(_)
        )
    })
}

/// The function a helper wraps when it is named rather than written in place:
/// `useThrottleFn(nextList, 300)`, `debounce(this.pay, 500)` stand in for `nextList`, `this.pay`.
pub fn wrapped_reference<'e, 'a>(value: &'e Expression<'a>) -> Option<&'e Expression<'a>> {
    first_argument(value).filter(|arg| is_reference(unwrap(arg)))
}

/// The first argument, unless spread, of a call of a name or a member (`debounce(…)`,
/// `util.throttle(…)`).
fn first_argument<'e, 'a>(value: &'e Expression<'a>) -> Option<&'e Expression<'a>> {
    let Expression::CallExpression(call) = unwrap(value) else {
        return None;
    };
    if !is_reference(unwrap(&call.callee)) {
        return None;
    }
    match call.arguments.first()? {
        Argument::SpreadElement(_) => None,
        arg => Some(arg.to_expression()),
    }
}

/// A name or a member (`pay`, `this.pay`, `util['pay']`). A member of `super` is not one: the
/// parent class is no project function these readers follow.
pub(super) fn is_reference(expr: &Expression<'_>) -> bool {
    match expr {
        Expression::Identifier(_) => true,
        _ => expr
            .as_member_expression()
            .is_some_and(|m| !matches!(m.object(), Expression::Super(_))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::js::parse::{parse_expr, with_arena};

    fn pattern(src: &str) -> Option<(String, String, String)> {
        let constant = |name: &str| (name == "API_DIR").then(|| "../../api/".to_string());
        let path =
            with_arena(|arena| module_path(&parse_expr(arena, src, 0).expect("parses"), &constant));
        match path? {
            ModulePath::Built(f, p) => Some((f, p.prefix, p.suffix)),
            ModulePath::Known(text) => Some((text, String::new(), String::new())),
        }
    }

    #[test]
    fn paths_built_from_a_folder_and_a_name() {
        let found = |f: &str, p: &str, s: &str| Some((f.into(), p.into(), s.into()));
        assert_eq!(pattern("`./api/${name}.js`"), found("./api/", "", ".js"));
        assert_eq!(pattern("'./api/' + name"), found("./api/", "", ""));
        assert_eq!(pattern("'./api/pay-' + name"), found("./api/", "pay-", ""));
        assert_eq!(pattern("API_DIR + name"), found("../../api/", "", ""));
        assert_eq!(
            pattern("API_DIR + 'pay'"),
            found("../../api/pay", "", ""),
            "known text"
        );
        assert_eq!(pattern("'' + modules[i].file"), None, "no folder");
        assert_eq!(pattern("`lodash/${name}`"), None, "a package");
        assert_eq!(
            pattern("`./pages/${name}/index`"),
            None,
            "a folder per name"
        );
    }

    #[test]
    fn wrapped_handlers() {
        let wrapped = |src: &str| {
            with_arena(|arena| wrapped_function(&parse_expr(arena, src, 0).expect("parses")))
        };
        assert!(wrapped("debounce(function () { pay() }, 300)"));
        assert!(wrapped("util.throttle(() => pay(), 1000)"));
        assert!(!wrapped("debounce(pay, 300)"));
        assert!(!wrapped("(() => f)()(function () {})"));
    }
}
