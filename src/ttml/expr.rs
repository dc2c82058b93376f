//! `{{ }}` bindings: parsed by swc at their offset in the `.ttml` file, then reduced to the small
//! condition language rules reason about (`tt:if="{{!isIOS && canPay}}"`) plus the string
//! literals they contain (`{{ vip ? '开通会员' : '' }}` shows text to users).

use swc_ecma_ast::{BinaryOp, Expr, Lit, MemberProp, UnaryOp};
use swc_ecma_visit::{Visit, VisitWith};

use crate::js::facts::{RED_ZONE, SEGMENT, static_string, unwrap};
use crate::js::{self, SyntaxError, nesting, span_of};
use crate::source::Span;

/// A binding expression in the terms rules need.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// A data path: `isIOS`, `sys.platform`, `user['vip']`.
    Path(String),
    Str(String),
    Bool(bool),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    /// `==` / `===`.
    Eq(Box<Cond>, Box<Cond>),
    /// `!=` / `!==`.
    Ne(Box<Cond>, Box<Cond>),
    /// A method call on a path: `system.indexOf('iOS')`, with its arguments.
    Call(String, Vec<Cond>),
    /// Anything else (arithmetic, ternaries, literals of other kinds).
    Other,
}

impl Cond {
    /// The data paths the expression reads.
    pub fn paths(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let mut todo = vec![self];
        while let Some(c) = todo.pop() {
            match c {
                Cond::Path(p) => out.push(p.as_str()),
                Cond::Not(a) => todo.push(a),
                Cond::And(a, b) | Cond::Or(a, b) | Cond::Eq(a, b) | Cond::Ne(a, b) => {
                    todo.push(a);
                    todo.push(b);
                }
                Cond::Call(p, args) => {
                    out.push(p.as_str());
                    todo.extend(args);
                }
                Cond::Str(_) | Cond::Bool(_) | Cond::Other => {}
            }
        }
        out
    }
}

/// A parsed binding: its condition form and its string literals.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub cond: Cond,
    pub strings: Vec<(Span, String)>,
}

/// Parses the body of a `{{ }}` that starts at byte `base` of its file. `object` parses it as the
/// contents of an object literal, as `<template is data="{{a, b: c}}">` does.
pub fn parse(text: &str, base: usize, object: bool) -> Result<Binding, SyntaxError> {
    if let Some(at) = nesting::too_deep(text) {
        return Err(SyntaxError {
            span: Span::new(base + at, base + at + 1),
            message: format!("expression nested more than {} levels deep", nesting::LIMIT),
        });
    }
    let expr = if object {
        // `({` + body + `})`, positioned so that the body keeps its offsets.
        let wrapped = format!("({{{text}}})");
        js::parse_expr(&wrapped, base.saturating_sub(2))?
    } else {
        js::parse_expr(text, base)?
    };
    let mut strings = Strings(Vec::new());
    expr.visit_with(&mut strings);
    Ok(Binding {
        cond: cond(&expr),
        strings: strings.0,
    })
}

struct Strings(Vec<(Span, String)>);

impl Visit for Strings {
    fn visit_expr(&mut self, expr: &Expr) {
        if let Some(s) = static_string(expr) {
            self.0.push((span_of(swc_common::Spanned::span(expr)), s));
            return;
        }
        stacker::maybe_grow(RED_ZONE, SEGMENT, || expr.visit_children_with(self));
    }

    fn visit_prop_name(&mut self, _: &swc_ecma_ast::PropName) {
        // Object keys are not shown to users.
    }
}

fn path(expr: &Expr) -> Option<String> {
    match unwrap(expr) {
        Expr::Ident(i) => Some(i.sym.to_string()),
        Expr::Member(m) => {
            let object = path(&m.obj)?;
            let prop = match &m.prop {
                MemberProp::Ident(i) => i.sym.to_string(),
                MemberProp::Computed(c) => static_string(&c.expr)?,
                MemberProp::PrivateName(_) => return None,
            };
            Some(format!("{object}.{prop}"))
        }
        _ => None,
    }
}

fn cond(expr: &Expr) -> Cond {
    stacker::maybe_grow(RED_ZONE, SEGMENT, || cond_inner(expr))
}

fn cond_inner(expr: &Expr) -> Cond {
    if let Some(p) = path(expr) {
        return Cond::Path(p);
    }
    if let Some(s) = static_string(expr) {
        return Cond::Str(s);
    }
    match unwrap(expr) {
        Expr::Lit(Lit::Bool(b)) => Cond::Bool(b.value),
        Expr::Unary(u) if u.op == UnaryOp::Bang => Cond::Not(Box::new(cond(&u.arg))),
        Expr::Bin(b) => {
            let (l, r) = (Box::new(cond(&b.left)), Box::new(cond(&b.right)));
            match b.op {
                BinaryOp::LogicalAnd => Cond::And(l, r),
                BinaryOp::LogicalOr => Cond::Or(l, r),
                BinaryOp::EqEq | BinaryOp::EqEqEq => Cond::Eq(l, r),
                BinaryOp::NotEq | BinaryOp::NotEqEq => Cond::Ne(l, r),
                _ => Cond::Other,
            }
        }
        Expr::Call(c) => {
            let callee = match &c.callee {
                swc_ecma_ast::Callee::Expr(e) => path(e),
                _ => None,
            };
            match callee {
                Some(p) => Cond::Call(p, c.args.iter().map(|a| cond(&a.expr)).collect()),
                None => Cond::Other,
            }
        }
        _ => Cond::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(src: &str) -> Cond {
        parse(src, 0, false).unwrap().cond
    }

    fn p(s: &str) -> Box<Cond> {
        Box::new(Cond::Path(s.into()))
    }

    #[test]
    fn conditions_reduce_to_paths_and_logic() {
        assert_eq!(
            c("!isIOS && canPay"),
            Cond::And(Box::new(Cond::Not(p("isIOS"))), p("canPay"))
        );
        assert_eq!(
            c(" sys.platform === 'ios' "),
            Cond::Eq(p("sys.platform"), Box::new(Cond::Str("ios".into())))
        );
        assert_eq!(c("a['b'] != c"), Cond::Ne(p("a.b"), p("c")));
        assert_eq!(c("system.indexOf('iOS') > -1"), Cond::Other);
        assert_eq!(c("(flag)"), Cond::Path("flag".into()));
        assert_eq!(c("a + 1").paths(), Vec::<&str>::new());
        assert_eq!(c("x.y || !z").paths().len(), 2);
    }

    #[test]
    fn strings_are_collected_with_spans() {
        let src = "vip ? '开通会员' : `续费`";
        let b = parse(src, 10, false).unwrap();
        let found: Vec<_> = b
            .strings
            .iter()
            .map(|(s, t)| (s.start - 10, t.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![(6, "开通会员"), (src.find('`').unwrap(), "续费")]
        );
    }

    #[test]
    fn template_data_is_an_object_body() {
        assert!(parse("...item, index: i", 5, true).is_ok());
        assert!(
            parse("a, b", 5, false).is_ok(),
            "a sequence is still an expression"
        );
        let err = parse("a b", 5, false).unwrap_err();
        assert_eq!(err.span.start, 7);
    }

    #[test]
    fn errors_point_into_the_file() {
        let err = parse("a +", 20, false).unwrap_err();
        assert!(err.span.start >= 20, "{err:?}");
    }
}
