//! Code whose meaning is decided at run time, read as far as the text allows: module paths built
//! from a constant folder and a name, and handlers wrapped in a helper before they are stored.

use swc_ecma_ast::{BinaryOp, Callee as SwcCallee, Expr, ExprOrSpread};

use super::model::NamePattern;
use crate::syntax::js::ast::unwrap;

/// One piece of a path expression: text known when the code is read, or not.
enum Piece {
    Known(String),
    Unknown,
}

fn pieces(expr: &Expr, constant: &dyn Fn(&str) -> Option<String>, out: &mut Vec<Piece>) {
    match unwrap(expr) {
        Expr::Lit(swc_ecma_ast::Lit::Str(s)) => {
            out.push(Piece::Known(s.value.to_string_lossy().into_owned()))
        }
        Expr::Tpl(t) => {
            for (i, quasi) in t.quasis.iter().enumerate() {
                match &quasi.cooked {
                    Some(cooked) => out.push(Piece::Known(cooked.to_string_lossy().into_owned())),
                    None => out.push(Piece::Unknown),
                }
                if let Some(e) = t.exprs.get(i) {
                    pieces(e, constant, out);
                }
            }
        }
        Expr::Bin(b) if b.op == BinaryOp::Add => {
            pieces(&b.left, constant, out);
            pieces(&b.right, constant, out);
        }
        Expr::Ident(id) => match constant(&id.sym) {
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
pub fn module_path(expr: &Expr, constant: &dyn Fn(&str) -> Option<String>) -> Option<ModulePath> {
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
pub fn wrapped_function(value: &Expr) -> bool {
    let Expr::Call(call) = unwrap(value) else {
        return false;
    };
    let SwcCallee::Expr(callee) = &call.callee else {
        return false;
    };
    let plain_callee = matches!(unwrap(callee), Expr::Ident(_) | Expr::Member(_));
    plain_callee
        && matches!(
            call.args.first(),
            Some(ExprOrSpread { spread: None, expr })
                if matches!(unwrap(expr), Expr::Fn(_) | Expr::Arrow(_))
        )
}

/// The function a helper wraps when it is named rather than written in place:
/// `useThrottleFn(nextList, 300)`, `debounce(this.pay, 500)` stand in for `nextList`, `this.pay`.
pub fn wrapped_reference(value: &Expr) -> Option<&Expr> {
    let Expr::Call(call) = unwrap(value) else {
        return None;
    };
    let SwcCallee::Expr(callee) = &call.callee else {
        return None;
    };
    if !matches!(unwrap(callee), Expr::Ident(_) | Expr::Member(_)) {
        return None;
    }
    match call.args.first() {
        Some(ExprOrSpread { spread: None, expr })
            if matches!(unwrap(expr), Expr::Ident(_) | Expr::Member(_)) =>
        {
            Some(&**expr)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(src: &str) -> Option<(String, String, String)> {
        let expr = crate::syntax::js::parse::parse_expr(src, 0).expect("parses");
        let constant = |name: &str| (name == "API_DIR").then(|| "../../api/".to_string());
        match module_path(&expr, &constant)? {
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
            wrapped_function(&crate::syntax::js::parse::parse_expr(src, 0).expect("parses"))
        };
        assert!(wrapped("debounce(function () { pay() }, 300)"));
        assert!(wrapped("util.throttle(() => pay(), 1000)"));
        assert!(!wrapped("debounce(pay, 300)"));
        assert!(!wrapped("(() => f)()(function () {})"));
    }
}
