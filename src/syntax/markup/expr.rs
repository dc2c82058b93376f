//! `{{ }}` bindings: parsed by swc at their offset in the `.ttml` file, then reduced to the small
//! condition language rules reason about (`tt:if="{{!isIOS && canPay}}"`) plus the string
//! literals they contain (`{{ vip ? '开通会员' : '' }}` shows text to users).

use swc_ecma_ast::Expr;
use swc_ecma_visit::{Visit, VisitWith};

use crate::base::source::Span;
use crate::syntax::js::ast::{RED_ZONE, SEGMENT, span_of, static_string};
pub use crate::syntax::js::cond::Cond;
use crate::syntax::js::cond::cond;
use crate::syntax::js::{nesting, parse as js};
use crate::syntax::syntax_error::SyntaxError;

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
    Ok(binding(&expr))
}

/// The binding of an expression already parsed: its condition form and string literals (a JSX
/// `{…}`).
pub fn binding(expr: &Expr) -> Binding {
    let mut strings = Strings(Vec::new());
    expr.visit_with(&mut strings);
    Binding {
        cond: cond(expr),
        strings: strings.0,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
